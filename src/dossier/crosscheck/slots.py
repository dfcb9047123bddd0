"""Slot rules over aligned claims: numbers, event dates and places, polarity, ages.

Two claims that state the same fact (aligned, about the same people, with the
same predicate) are compared slot by slot; a difference is reported only when
nothing else explains it (a bound, a coarser date, a place inside another).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from dossier.crosscheck.align import Alignment
from dossier.crosscheck.claims import ClaimInfo
from dossier.crosscheck.frames import Frame, compatible_dates
from dossier.crosscheck.lexicon import DATED_FAMILIES
from dossier.crosscheck.settings import CrosscheckSettings
from dossier.crosscheck.support import (
    FAMILY_WORDS,
    Side,
    days_apart,
    destinations_agree,
    family_of,
    same_period,
    subjects_agree,
    unique_citations,
)
from dossier.model import Citation, Conflict, ConflictSide, DateValue, Document, Entity

# --- slot differences between aligned claims ----------------------------------------------


def _aligned_pairs(
    claims: Sequence[ClaimInfo], alignment: Alignment, threshold: float
) -> list[tuple[int, int]]:
    idx = alignment.indices
    pairs = []
    for x, y in np.argwhere(np.triu(alignment.similarity >= threshold, 1)):
        i, j = idx[x], idx[y]
        if claims[i].doc.id != claims[j].doc.id and claims[i].source != claims[j].source:
            pairs.append((i, j))
    return pairs


def numeric_and_date_slots(
    claims: Sequence[ClaimInfo],
    claim_frames: Sequence[Sequence[Frame]],
    alignment: Alignment,
    settings: CrosscheckSettings,
) -> list[Conflict]:
    out: list[Conflict] = []
    seen: set[tuple[str, frozenset[int]]] = set()
    co_mentioned = _co_mentioned_places(claims)
    for i, j in _aligned_pairs(claims, alignment, settings.slot_similarity):
        a, b = claims[i], claims[j]
        # Claims about nobody in particular must be near-identical to be compared.
        anonymous = not a.subjects and not b.subjects
        if anonymous and alignment.sim(i, j) < settings.strict_threshold:
            continue
        if not anonymous and not subjects_agree(a, b, allow_empty=False):
            continue
        shared = {family_of(f) for f in claim_frames[i] if f.asserted} & {
            family_of(f) for f in claim_frames[j] if f.asserted
        }
        if not shared:
            continue
        # Counts change over time (a death toll rises): only reports of one period disagree.
        conflict = (
            (_numeric(a, b) if same_period(a, b, settings) else None)
            or _event_date(a, b, claim_frames[i], claim_frames[j], shared)
            or _event_place(a, b, claim_frames[i], claim_frames[j], shared, co_mentioned)
        )
        if conflict is None:
            continue
        key = (conflict.kind, frozenset((i, j)))
        if key not in seen:
            seen.add(key)
            out.append(conflict)
    return out


def _numeric(a: ClaimInfo, b: ClaimInfo) -> Conflict | None:
    units_a = {q.unit for q in a.quantities if not q.bound and q.unit != "age"}
    for unit in sorted(units_a):
        va = {q.value for q in a.quantities if q.unit == unit and not q.bound}
        vb = {q.value for q in b.quantities if q.unit == unit and not q.bound}
        if not vb or va & vb:
            continue
        # Any bound in either claim for the same unit makes the comparison unsafe.
        if any(q.unit == unit and q.bound for q in (*a.quantities, *b.quantities)):
            continue
        qa = next(q for q in a.quantities if q.unit == unit)
        qb = next(q for q in b.quantities if q.unit == unit)
        description = (
            f"Different numbers for the same fact: {a.outlet} gives {qa.label}s "
            f"(“{a.text}”), {b.outlet} gives {qb.label}s (“{b.text}”)."
        )
        return Conflict("", "numeric", description, (Side((a,)).side(), Side((b,)).side()))
    return None


def _event_date(
    a: ClaimInfo, b: ClaimInfo, fa: Sequence[Frame], fb: Sequence[Frame], families: set[str]
) -> Conflict | None:

    for family in sorted(families & DATED_FAMILIES):
        da = [f.on_date for f in fa if f.family == family and f.asserted and f.on_date]
        db = [f.on_date for f in fb if f.family == family and f.asserted and f.on_date]
        if not da or not db:
            continue
        if any(compatible_dates(x, y) for x in da for y in db if x and y):
            continue
        x, y = da[0], db[0]
        if x is None or y is None or x.granularity == "year" or y.granularity == "year":
            continue
        description = (
            f"Different dates for the same {FAMILY_WORDS.get(family, family)}: {a.outlet} "
            f"says {x.value} (“{a.text}”), {b.outlet} says {y.value} (“{b.text}”)."
        )
        return Conflict("", "date", description, (Side((a,)).side(), Side((b,)).side()))
    return None


_LOCATIVE = re.compile(r"\b(?:in|at|near)\s+(?:the\s+)?(?:[\w\-]+\s+){0,5}?(?:of\s+)?$", re.I)


def _event_places(info: ClaimInfo) -> dict[str, str]:
    """Places where the reported event happened: "in X", "at the court of X"."""
    text = info.doc.clean_text
    out: dict[str, str] = {}
    for start, end, eid in info.places:
        lead = text[max(info.start, start - 40) : start]
        if start == info.start or not _LOCATIVE.search(lead):
            continue  # a dateline or a place that is not where the event happened
        out[eid] = text[start:end]
    return out


def _co_mentioned_places(claims: Sequence[ClaimInfo]) -> set[frozenset[str]]:
    """Pairs of places named in one sentence anywhere: maybe one inside the other."""
    pairs: set[frozenset[str]] = set()
    for info in claims:
        ids = sorted({eid for _, _, eid in info.places})
        for x, a in enumerate(ids):
            for b in ids[x + 1 :]:
                pairs.add(frozenset((a, b)))
    return pairs


def _event_place(
    a: ClaimInfo,
    b: ClaimInfo,
    fa: Sequence[Frame],
    fb: Sequence[Frame],
    families: set[str],
    co_mentioned: set[frozenset[str]],
) -> Conflict | None:
    """The same dated event placed in two places never named together (no containment known)."""

    # Only the same dated event: both give its date, and the dates agree.
    same_day = [
        f
        for f in sorted(families & DATED_FAMILIES)
        if any(
            x.family == f == y.family
            and x.on_date
            and y.on_date
            and x.on_date.granularity != "year"
            and compatible_dates(x.on_date, y.on_date)
            for x in fa
            for y in fb
        )
    ]
    if not same_day:
        return None
    pa, pb = _event_places(a), _event_places(b)
    if not pa or not pb or set(pa) & set(pb):
        return None
    for x in pa:
        for y in pb:
            if frozenset((x, y)) in co_mentioned:
                return None
            if pa[x].lower() in pb[y].lower() or pb[y].lower() in pa[x].lower():
                return None
    family = same_day[0]
    description = (
        f"Different places for the same {FAMILY_WORDS.get(family, family)}: {a.outlet} says "
        f"{', '.join(pa.values())} (“{a.text}”), {b.outlet} says {', '.join(pb.values())} "
        f"(“{b.text}”)."
    )
    return Conflict("", "place", description, (Side((a,)).side(), Side((b,)).side()))


def polarity(
    claims: Sequence[ClaimInfo],
    claim_frames: Sequence[Sequence[Frame]],
    alignment: Alignment,
    settings: CrosscheckSettings,
) -> list[Conflict]:
    """Two near-identical factual statements, one affirmed and one negated."""
    out: list[Conflict] = []
    for i, j in _aligned_pairs(claims, alignment, settings.polarity_similarity):
        a, b = claims[i], claims[j]
        if "fact" not in (a.modality.value, b.modality.value):
            continue
        if not subjects_agree(a, b, allow_empty=False) or not same_period(a, b, settings):
            continue
        for fa in claim_frames[i]:
            match = next(
                (
                    fb
                    for fb in claim_frames[j]
                    if fa.asserted
                    and fb.asserted
                    and family_of(fa) == family_of(fb)
                    and fa.negated != fb.negated
                    and fa.obj_class == fb.obj_class
                    and destinations_agree(fa, fb)
                ),
                None,
            )
            if match is None:
                continue
            description = (
                f"Opposite statements of the same fact: {a.outlet}: “{a.text}”; "
                f"{b.outlet}: “{b.text}”."
            )
            out.append(
                Conflict("", "contradiction", description, (Side((a,)).side(), Side((b,)).side()))
            )
            break
    return out


# --- ages ---------------------------------------------------------------------------------


def ages(
    docs: Sequence[Document],
    entities: Sequence[Entity],
    claims: Sequence[ClaimInfo],
) -> list[Conflict]:
    """Ages of one person that disagree across documents (AttributeClaims and "Name, 30,")."""
    by_id = {d.id: d for d in docs}
    values: dict[str, dict[int, list[Citation]]] = {}
    names = {e.id: e.name for e in entities}
    for entity in entities:
        for attr in entity.attributes:
            # Trust an upstream age only when it is written next to a mention of the person.
            near = any(
                m.doc == attr.citation.doc
                and m.start <= attr.citation.end + 5
                and attr.citation.start <= m.end + 5
                for m in entity.mentions
            )
            if near and attr.name == "age" and _as_int(attr.value) is not None:
                age = _as_int(attr.value)
                assert age is not None
                values.setdefault(entity.id, {}).setdefault(age, []).append(attr.citation)
    mention_ends: dict[str, list[tuple[int, int, str]]] = {}
    for entity in entities:
        if entity.type == "PERSON":
            for m in entity.mentions:
                mention_ends.setdefault(m.doc, []).append((m.start, m.end, entity.id))
    for info in claims:
        for q in info.quantities:
            if q.unit != "age":
                continue
            owner = _age_owner(
                info.doc.clean_text, q.start, q.end, mention_ends.get(info.doc.id, [])
            )
            if owner is None:
                continue
            start, end = owner[1], q.end
            values.setdefault(owner[0], {}).setdefault(int(q.value), []).append(
                info.doc.cite(min(start, q.start), max(end, owner[2]))
            )
    out: list[Conflict] = []
    for entity_id, by_value in values.items():
        docs_by_value = {v: {c.doc for c in cits} for v, cits in by_value.items()}
        if len(docs_by_value) < 2:
            continue
        ordered = sorted(by_value.items(), key=lambda kv: (-len(docs_by_value[kv[0]]), kv[0]))
        (v1, c1), (v2, c2) = ordered[0], ordered[1]
        if docs_by_value[v1] == docs_by_value[v2]:
            continue  # one document contradicting itself is left to the reader
        if abs(v1 - v2) == 1 and _far_apart(c1, c2, by_id):
            continue  # a birthday between two reports
        description = (
            f"Different ages for {names.get(entity_id, entity_id)}: {v1} "
            f"({_doc_outlets(c1, by_id)}) vs {v2} ({_doc_outlets(c2, by_id)})."
        )
        out.append(
            Conflict(
                "",
                "numeric",
                description,
                (
                    ConflictSide(c1[0].quote, unique_citations(c1)),
                    ConflictSide(c2[0].quote, unique_citations(c2)),
                ),
            )
        )
    return out


def _as_int(value: str | int) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _age_owner(
    text: str, start: int, end: int, mentions: list[tuple[int, int, str]]
) -> tuple[str, int, int] | None:
    for m_start, m_end, eid in mentions:
        # "Name, 30," or "the 25-year-old Name"
        if 0 <= start - m_end <= 3 and text[m_end:start].strip() in (",", ""):
            return eid, m_start, m_end
        if 0 <= m_start - end <= 2:
            return eid, m_start, m_end
    return None


def _far_apart(c1: list[Citation], c2: list[Citation], by_id: dict[str, Document]) -> bool:
    def dates(cits: list[Citation]) -> list[DateValue]:
        return [
            d.published.date
            for c in cits
            if (d := by_id.get(c.doc)) is not None and d.published.date is not None
        ]

    da, db = dates(c1), dates(c2)
    if not da or not db:
        return True
    return any((days_apart(x, y) or 0) > 180 or x.year != y.year for x in da for y in db)


def _doc_outlets(cits: list[Citation], by_id: dict[str, Document]) -> str:
    return ", ".join(
        dict.fromkeys((by_id[c.doc].outlet or c.doc) if c.doc in by_id else c.doc for c in cits)
    )
