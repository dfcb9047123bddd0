"""Structural contradiction rules over aligned claims and their frames.

No NLI model is available, so every rule compares slots: an age or a number
for the same thing, the date of the same event, what a postponement applied
to, whether a scheduled proceeding began, the polarity of the same predicate,
and predictions that a later report contradicts ("superseded"). Each rule
errs towards silence: a reported contradiction that is not one costs an
analyst time.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dossier.crosscheck.align import Alignment
from dossier.crosscheck.claims import ClaimInfo
from dossier.crosscheck.frames import Frame, compatible_dates, strictly_before
from dossier.crosscheck.settings import CrosscheckSettings
from dossier.model import Citation, Conflict, ConflictSide, DateValue, Document, Entity

_REMOVAL_LIKE = {"removal": "removal", "stay": "removal"}
_FAMILY_WORDS = {
    "removal": "removal (deportation / hand-over)",
    "postpone": "postponement",
    "begin": "start",
    "sentence": "sentence",
    "arrest": "arrest",
    "release": "release",
    "acquit": "acquittal",
    "convict": "conviction",
    "cross": "crossing",
}


@dataclass(frozen=True, slots=True)
class _Side:
    claims: tuple[ClaimInfo, ...]

    def side(self) -> ConflictSide:
        cits = _unique_citations(c.claim.citation for c in self.claims)
        return ConflictSide(text=self.claims[0].text, citations=cits)


def _unique_citations(cits: Iterable[Citation]) -> tuple[Citation, ...]:
    seen: dict[tuple[str, int, int], Citation] = {}
    for c in cits:
        seen.setdefault((c.doc, c.start, c.end), c)
    return tuple(seen.values())


def _family(frame: Frame) -> str:
    return _REMOVAL_LIKE.get(frame.family, frame.family)


def _outlets(claims: Sequence[ClaimInfo]) -> str:
    return ", ".join(dict.fromkeys(c.outlet for c in claims))


def _days_apart(a: DateValue | None, b: DateValue | None) -> int | None:
    if a is None or b is None or a.granularity != "day" or b.granularity != "day":
        return None
    return abs((dt.date.fromisoformat(a.value) - dt.date.fromisoformat(b.value)).days)


def _same_period(a: ClaimInfo, b: ClaimInfo, settings: CrosscheckSettings) -> bool:
    days = _days_apart(a.ref_date, b.ref_date)
    if days is not None:
        return days <= settings.same_period_days
    if a.ref_date is not None and b.ref_date is not None:
        return compatible_dates(a.ref_date, b.ref_date)
    return True


def _subjects_agree(a: ClaimInfo, b: ClaimInfo, *, allow_empty: bool) -> bool:
    if a.subjects and b.subjects:
        return bool(a.subjects & b.subjects)
    return allow_empty


def _destinations_agree(fa: Frame, fb: Frame) -> bool:
    return fa.destination is None or fb.destination is None or fa.destination == fb.destination


# --- superseded expectations --------------------------------------------------------


def statement_time(info: ClaimInfo, frame: Frame | None = None) -> DateValue | None:
    """When a claim was made: an explicit date before the predicate, else the report date."""
    if frame is not None:
        before = [d for s, _, d in info.dates if s < frame.start]
        if before:
            return min(before, key=lambda d: d.sort_key)
    return info.ref_date


def superseded(
    claims: Sequence[ClaimInfo], claim_frames: Sequence[Sequence[Frame]]
) -> list[Conflict]:
    expectations: list[tuple[int, Frame]] = []
    facts: list[tuple[int, Frame]] = []
    for i, fs in enumerate(claim_frames):
        for f in fs:
            if f.conditional or f.appeal or f.denied:
                continue
            if f.modal and not f.ruled:
                expectations.append((i, f))
            elif f.asserted and claims[i].claim.modality.value != "expectation" or f.ruled:
                facts.append((i, f))
    out: list[Conflict] = []
    used: set[int] = set()
    for ei, ef in expectations:
        if ei in used:
            continue
        e = claims[ei]
        t_e = statement_time(e, ef)
        if t_e is None or not e.subjects:
            continue
        later: list[ClaimInfo] = []
        for fi, ff in facts:
            f = claims[fi]
            if fi == ei or _family(ff) != _family(ef) or ff.negated == ef.negated:
                continue
            if not _subjects_agree(e, f, allow_empty=False):
                continue
            # A predicted destination must be the one the later report rules out.
            if ef.destination is not None and ff.destination != ef.destination:
                continue
            t_f = f.ref_date
            if t_f is None or not strictly_before(t_e, t_f):
                continue
            if f not in later:
                later.append(f)
        if not later:
            continue
        used.add(ei)
        later.sort(key=lambda c: (c.ref_date.sort_key if c.ref_date else "", c.doc.id, c.start))
        who = f"{e.claim.speaker} (reported by {e.outlet})" if e.claim.speaker else e.outlet
        description = (
            f"An earlier expectation was overtaken by events: {who} expected, as of "
            f"{t_e.value}, “{e.text}”; later reports ({_outlets(later)}) state the opposite: "
            f"“{later[0].text}”."
        )
        out.append(
            Conflict(
                id="",
                kind="superseded",
                description=description,
                sides=(_Side((e,)).side(), _Side(tuple(later)).side()),
            )
        )
    return out


# --- postponement object and whether a proceeding began -------------------------------


def postponement_objects(
    claims: Sequence[ClaimInfo],
    claim_frames: Sequence[Sequence[Frame]],
    settings: CrosscheckSettings,
) -> list[Conflict]:
    items = [
        (claims[i], f)
        for i, fs in enumerate(claim_frames)
        for f in fs
        if f.family == "postpone" and f.asserted and not f.negated and f.obj_class
    ]
    by_class: dict[tuple[str, str], tuple[list[ClaimInfo], list[ClaimInfo]]] = {}
    nouns: dict[str, list[str]] = {}
    for a, fa in items:
        for b, fb in items:
            if fa.obj_class is None or fb.obj_class is None or fa.obj_class >= fb.obj_class:
                continue
            if a.doc.id == b.doc.id or not _same_period(a, b, settings):
                continue
            if not _subjects_agree(a, b, allow_empty=True):
                continue
            if fa.until_date and fb.until_date and not compatible_dates(fa.until_date, fb.until_date):
                continue
            left, right = by_class.setdefault((fa.obj_class, fb.obj_class), ([], []))
            for f in (fa, fb):
                if f.obj and f.obj_class and f.obj not in nouns.setdefault(f.obj_class, []):
                    nouns[f.obj_class].append(f.obj)
            if a not in left:
                left.append(a)
            if b not in right:
                right.append(b)
    out = []
    for (cls_a, cls_b), (left, right) in sorted(by_class.items()):
        # Lead with the side fewer outlets report (the outlier), then the rest.
        first, second = sorted([(cls_a, left), (cls_b, right)], key=lambda p: len(p[1]))
        what_1 = " / ".join(nouns.get(first[0], [first[0]]))
        what_2 = " / ".join(nouns.get(second[0], [second[0]]))
        description = (
            f"Reports disagree on what was postponed: {_outlets(first[1])}: the {what_1} "
            f"(“{first[1][0].text}”); {_outlets(second[1])}: the {what_2} "
            f"(“{second[1][0].text}”)."
        )
        out.append(
            Conflict(
                id="",
                kind="contradiction",
                description=description,
                sides=(_Side(tuple(first[1])).side(), _Side(tuple(second[1])).side()),
            )
        )
    return out


def began_or_not(
    claims: Sequence[ClaimInfo], claim_frames: Sequence[Sequence[Frame]]
) -> list[Conflict]:
    began: list[tuple[ClaimInfo, Frame]] = []
    not_begun: list[tuple[ClaimInfo, Frame]] = []
    for i, fs in enumerate(claim_frames):
        for f in fs:
            if not f.asserted or f.obj_class != "proceeding" or f.on_date is None:
                continue
            if f.family == "begin":
                (not_begun if f.negated else began).append((claims[i], f))
            elif f.family == "postpone" and not f.negated and f.until_date is None:
                # "the trial scheduled for D has been postponed": it did not begin on D.
                not_begun.append((claims[i], f))
    yes: list[ClaimInfo] = []
    no: list[ClaimInfo] = []
    date: DateValue | None = None
    for a, fa in began:
        for b, fb in not_begun:
            if a.doc.id == b.doc.id or fa.on_date is None or fb.on_date is None:
                continue
            if fa.on_date.granularity != "day" or not compatible_dates(fa.on_date, fb.on_date):
                continue
            if not _subjects_agree(a, b, allow_empty=True):
                continue
            date = date or fa.on_date
            if a not in yes:
                yes.append(a)
            if b not in no:
                no.append(b)
    if not yes or date is None:
        return []
    description = (
        f"Reports disagree on whether the proceedings began on {date.value}: "
        f"{_outlets(yes)} report that they began (“{yes[0].text}”); {_outlets(no)} report "
        f"that they were postponed or did not begin (“{no[0].text}”)."
    )
    return [
        Conflict(
            id="",
            kind="contradiction",
            description=description,
            sides=(_Side(tuple(no)).side(), _Side(tuple(yes)).side()),
        )
    ]


# --- slot differences between aligned claims ----------------------------------------------


def _aligned_pairs(
    claims: Sequence[ClaimInfo], alignment: Alignment, threshold: float
) -> list[tuple[int, int]]:
    pairs = []
    idx = alignment.indices
    for x, i in enumerate(idx):
        for j in idx[x + 1 :]:
            if claims[i].doc.id == claims[j].doc.id or claims[i].source == claims[j].source:
                continue
            if alignment.sim(i, j) >= threshold:
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
    for i, j in _aligned_pairs(claims, alignment, settings.slot_similarity):
        a, b = claims[i], claims[j]
        # Claims about nobody in particular must be near-identical to be compared.
        anonymous = not a.subjects and not b.subjects
        if anonymous and alignment.sim(i, j) < settings.strict_threshold:
            continue
        if not anonymous and not _subjects_agree(a, b, allow_empty=False):
            continue
        shared = {_family(f) for f in claim_frames[i] if f.asserted} & {
            _family(f) for f in claim_frames[j] if f.asserted
        }
        if not shared:
            continue
        conflict = _numeric(a, b) or _event_date(a, b, claim_frames[i], claim_frames[j], shared)
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
        return Conflict("", "numeric", description, (_Side((a,)).side(), _Side((b,)).side()))
    return None


def _event_date(
    a: ClaimInfo, b: ClaimInfo, fa: Sequence[Frame], fb: Sequence[Frame], families: set[str]
) -> Conflict | None:
    from dossier.crosscheck.lexicon import DATED_FAMILIES

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
            f"Different dates for the same {_FAMILY_WORDS.get(family, family)}: {a.outlet} "
            f"says {x.value} (“{a.text}”), {b.outlet} says {y.value} (“{b.text}”)."
        )
        return Conflict("", "date", description, (_Side((a,)).side(), _Side((b,)).side()))
    return None


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
        if not _subjects_agree(a, b, allow_empty=False) or not _same_period(a, b, settings):
            continue
        for fa in claim_frames[i]:
            match = next(
                (
                    fb
                    for fb in claim_frames[j]
                    if fa.asserted
                    and fb.asserted
                    and _family(fa) == _family(fb)
                    and fa.negated != fb.negated
                    and fa.obj_class == fb.obj_class
                    and _destinations_agree(fa, fb)
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
                Conflict("", "contradiction", description, (_Side((a,)).side(), _Side((b,)).side()))
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
            if attr.name == "age" and _as_int(attr.value) is not None:
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
            owner = _age_owner(info.doc.clean_text, q.start, q.end, mention_ends.get(info.doc.id, []))
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
                    ConflictSide(c1[0].quote, _unique_citations(c1)),
                    ConflictSide(c2[0].quote, _unique_citations(c2)),
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
    return any((_days_apart(x, y) or 0) > 180 or x.year != y.year for x in da for y in db)


def _doc_outlets(cits: list[Citation], by_id: dict[str, Document]) -> str:
    return ", ".join(
        dict.fromkeys((by_id[c.doc].outlet or c.doc) if c.doc in by_id else c.doc for c in cits)
    )

