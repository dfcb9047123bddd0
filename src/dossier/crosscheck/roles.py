"""Role conflicts: one person placed on incompatible sides of a case.

The entity layer reads roles (its :class:`~dossier.model.RoleClaim` s: "defence lawyer",
"prosecution lawyer", "judge", "defendant", each with the span that states it). A role's side
is the side its head noun names on its own ("prosecutor", "judge"), else the side a modifier
names ("defence lawyer", "state attorney"), from the language's role table. Sides no one
person can hold at once in one case (defence vs prosecution, the bench vs either party)
stated by different documents make a conflict.
"""

from __future__ import annotations

from collections.abc import Sequence

from dossier.ids import citation_key
from dossier.lang import Roles, Side
from dossier.model import Citation, Conflict, ConflictSide, Document, Entity, SideReport


def role_side(role: str, roles: Roles) -> Side | None:
    """The side of a case a role names ("defence lawyer" -> defence), if any."""
    words = role.lower().split()
    if not words:
        return None
    noun = roles.nouns.get(words[-1])
    if noun is not None and noun.side is not None:
        return noun.side
    for word in words[:-1]:
        if word in roles.side_words:
            return roles.side_words[word]
    return None


def role_conflicts(
    docs: Sequence[Document], entities: Sequence[Entity], roles: Roles
) -> list[Conflict]:
    by_id = {d.id: d for d in docs}
    out: list[Conflict] = []
    for entity in entities:
        if entity.type != "PERSON":
            continue
        sides: dict[Side, list[Citation]] = {}
        for claim in entity.roles:
            side = role_side(claim.role, roles)
            if side is None or claim.citation.doc not in by_id:
                continue
            if not _near_mention(entity, claim.citation):
                continue
            sides.setdefault(side, []).append(claim.citation)
        names = sorted(sides)
        for n, a in enumerate(names):
            for b in names[n + 1 :]:
                if frozenset({a, b}) not in roles.incompatible_sides:
                    continue
                docs_a = {c.doc for c in sides[a]}
                docs_b = {c.doc for c in sides[b]}
                if not (docs_a - docs_b or docs_b - docs_a):
                    continue  # one document placing one person on two sides is left to the reader
                out.append(_conflict(entity, (a, sides[a]), (b, sides[b]), by_id))
    return out


def _near_mention(entity: Entity, citation: Citation) -> bool:
    return any(
        m.doc == citation.doc and m.start <= citation.end + 5 and citation.start <= m.end + 5
        for m in entity.mentions
    )


def _conflict(
    entity: Entity,
    first: tuple[Side, list[Citation]],
    second: tuple[Side, list[Citation]],
    by_id: dict[str, Document],
) -> Conflict:
    def unique(cits: list[Citation]) -> tuple[Citation, ...]:
        seen: dict[str, Citation] = {}
        for c in sorted(cits, key=lambda c: (_published(by_id[c.doc]), c.doc, c.start)):
            seen.setdefault(citation_key(c), c)
        return tuple(seen.values())

    def outlets(cits: Sequence[Citation]) -> str:
        return ", ".join(
            dict.fromkeys(f"{_outlet(by_id[c.doc])} ({_published(by_id[c.doc])})" for c in cits)
        )

    # The side reported by more documents first, then by side name (deterministic).
    ordered = sorted((first, second), key=lambda p: (-len({c.doc for c in p[1]}), p[0]))
    (s1, c1), (s2, c2) = ((side, unique(cits)) for side, cits in ordered)
    description = (
        f"{entity.name} is placed on incompatible sides of the case: {outlets(c1)} on "
        f"the {s1} (“{c1[0].quote}”), {outlets(c2)} on the {s2} (“{c2[0].quote}”)."
    )
    reports = tuple(
        SideReport(index, c.doc, _outlet(by_id[c.doc]), by_id[c.doc].published.date)
        for index, cits in enumerate((c1, c2))
        for c in cits
    )
    return Conflict(
        id="",
        kind="role",
        description=description,
        sides=(ConflictSide(c1[0].quote, c1), ConflictSide(c2[0].quote, c2)),
        reports=reports,
    )


def _outlet(doc: Document) -> str:
    return doc.outlet.strip() if doc.outlet and doc.outlet.strip() else doc.id


def _published(doc: Document) -> str:
    return doc.published.date.value if doc.published.date else "undated"
