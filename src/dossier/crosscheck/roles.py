"""Role conflicts: one person placed on incompatible sides of a case.

Evidence comes from two places: the entity stage's RoleClaims whose role name
names a side ("prosecution lawyer", "defence lawyer", "judge", "defendant"), and
role phrases written right next to a mention of the person ("X, a lawyer for the
prosecution", "the pair's lawyer X", "Judge X", "X said her clients ...").
Sides that cannot belong to one person in one case (defence vs prosecution,
judge vs either party) reported by different documents make a conflict.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.crosscheck import lexicon as lx
from dossier.model import Citation, Conflict, ConflictSide, Document, Entity

_LEFT_GAP = re.compile(r"[\s,]*(?:(?:Ms|Mr|Mrs|Dr)\.?\s+)?$")
_RIGHT_APPOSITION = re.compile(r"^\s*,\s*(?:(?:a|an|the|one)\s+)?")
_CLIENTS = re.compile(
    r"^\s+(?:(?:also|then|later)\s+)?(?:said|argued|told\s+\w+|stated|insisted|explained)\s+"
    r"(?:that\s+)?(?:her|his)\s+clients?\b",
    re.IGNORECASE,
)
_SIDE_PATTERNS = (
    ("prosecution", lx.PROSECUTION_CONTEXT),
    ("defence", lx.DEFENCE_CONTEXT),
    ("bench", lx.JUDGE_CONTEXT),
)
_SIDE_WORDS = {
    "prosecution": "the prosecution",
    "defence": "the defence",
    "bench": "the bench (judge)",
    "accused": "the accused",
}


@dataclass(frozen=True, slots=True)
class RoleEvidence:
    side: str
    citation: Citation


def role_side(role: str) -> str | None:
    for side, pattern in lx.SIDE_OF_ROLE:
        if pattern.search(role):
            return side
    return None


def officials(docs: Sequence[Document], entities: Sequence[Entity]) -> frozenset[str]:
    """Persons placed on the bench or the prosecution side by any document.

    They act on a case; they are not whom a deportation or a sentence is about.
    """
    by_id = {d.id: d for d in docs}
    return frozenset(
        e.id
        for e in entities
        if e.type == "PERSON"
        and any(ev.side in ("bench", "prosecution") for ev in _evidence(e, by_id))
    )


def role_conflicts(
    docs: Sequence[Document], entities: Sequence[Entity], start_index: int = 1
) -> list[Conflict]:
    by_id = {d.id: d for d in docs}
    out: list[Conflict] = []
    for entity in entities:
        if entity.type != "PERSON":
            continue
        evidence = _evidence(entity, by_id)
        sides: dict[str, list[RoleEvidence]] = {}
        for ev in evidence:
            sides.setdefault(ev.side, []).append(ev)
        names = sorted(sides)
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                if frozenset({a, b}) not in lx.INCOMPATIBLE_SIDES:
                    continue
                docs_a = {e.citation.doc for e in sides[a]}
                docs_b = {e.citation.doc for e in sides[b]}
                # Both sides stated by one document only (itself) is not a cross-outlet conflict.
                if docs_a == docs_b and len(docs_a) == 1:
                    continue
                if not (docs_a - docs_b or docs_b - docs_a):
                    continue
                out.append(
                    _conflict(entity, a, sides[a], b, sides[b], by_id, start_index + len(out))
                )
    return out


def _evidence(entity: Entity, by_id: dict[str, Document]) -> list[RoleEvidence]:
    found: dict[tuple[str, str, int], RoleEvidence] = {}
    for claim in entity.roles:
        side = role_side(claim.role)
        doc = by_id.get(claim.citation.doc)
        if side is None or doc is None or (not doc.ok and doc.status != "duplicate"):
            continue
        if not _near_mention(entity, claim.citation):
            continue
        key = (side, claim.citation.doc, claim.citation.start)
        found.setdefault(key, RoleEvidence(side, claim.citation))
    for mention in entity.mentions:
        doc = by_id.get(mention.doc)
        if doc is None:
            continue
        for ev in _scan(doc, mention.start, mention.end):
            found.setdefault((ev.side, ev.citation.doc, ev.citation.start), ev)
    # The same phrase found twice (upstream and scan) collapses to one per side and document.
    unique: dict[tuple[str, str], RoleEvidence] = {}
    for ev in sorted(found.values(), key=lambda e: (e.citation.doc, e.citation.start)):
        unique.setdefault((ev.side, ev.citation.doc), ev)
    return list(unique.values())


def _near_mention(entity: Entity, citation: Citation) -> bool:
    for m in entity.mentions:
        if m.doc != citation.doc:
            continue
        if m.start <= citation.end + 5 and citation.start <= m.end + 5:
            return True
    return False


def _scan(doc: Document, start: int, end: int) -> list[RoleEvidence]:
    text = doc.clean_text
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = text[max(line_start, start - 70) : start]
    right = text[end : min(line_end, end + 70)]
    out: list[RoleEvidence] = []
    for side, pattern in _SIDE_PATTERNS:
        # Role phrase immediately before the name: "the pair's lawyer X", "Judge X".
        for m in pattern.finditer(left):
            gap = left[m.end() :]
            if _LEFT_GAP.fullmatch(gap) or gap == "":
                a = start - len(left) + m.start()
                out.append(RoleEvidence(side, doc.cite(a, end)))
        # Apposition right after the name: "X, a lawyer for the prosecution,".
        lead = _RIGHT_APPOSITION.match(right)
        after = pattern.match(right, lead.end()) if lead else None
        if after:
            out.append(RoleEvidence(side, doc.cite(start, end + after.end())))
    clients = _CLIENTS.match(right)
    if clients:
        out.append(RoleEvidence("defence", doc.cite(start, end + clients.end())))
    return out


def _conflict(
    entity: Entity,
    side_a: str,
    ev_a: list[RoleEvidence],
    side_b: str,
    ev_b: list[RoleEvidence],
    by_id: dict[str, Document],
    index: int,
) -> Conflict:
    def outlets(evs: list[RoleEvidence]) -> str:
        names = dict.fromkeys(
            (by_id[e.citation.doc].outlet or e.citation.doc) for e in evs if e.citation.doc in by_id
        )
        return ", ".join(names)

    def side(evs: list[RoleEvidence]) -> ConflictSide:
        return ConflictSide(text=evs[0].citation.quote, citations=tuple(e.citation for e in evs))

    # Put the side reported by more documents first, then by side name (deterministic).
    pairs = sorted(
        [(side_a, ev_a), (side_b, ev_b)], key=lambda p: (-len({e.citation.doc for e in p[1]}), p[0])
    )
    (s1, e1), (s2, e2) = pairs
    description = (
        f"{entity.name} is placed on incompatible sides of the case: {outlets(e1)} "
        f"on {_SIDE_WORDS[s1]} (“{e1[0].citation.quote}”), {outlets(e2)} on "
        f"{_SIDE_WORDS[s2]} (“{e2[0].citation.quote}”)."
    )
    return Conflict(
        id=f"conflict-{index}",
        kind="role",
        description=description,
        sides=(side(e1), side(e2)),
    )
