"""Helpers shared by the conflict rules: sides, families, time and people checks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dossier.crosscheck.claims import ClaimInfo
from dossier.crosscheck.frames import Frame, compatible_dates
from dossier.crosscheck.settings import CrosscheckSettings
from dossier.model import Citation, ConflictSide, DateValue

REMOVAL_LIKE = {"removal": "removal", "stay": "removal"}
FAMILY_WORDS = {
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
class Side:
    claims: tuple[ClaimInfo, ...]

    def side(self) -> ConflictSide:
        cits = unique_citations(c.claim.citation for c in self.claims)
        return ConflictSide(text=self.claims[0].text, citations=cits)


def unique_citations(cits: Iterable[Citation]) -> tuple[Citation, ...]:
    seen: dict[tuple[str, int, int], Citation] = {}
    for c in cits:
        seen.setdefault((c.doc, c.start, c.end), c)
    return tuple(seen.values())


def canonical_family(family: str) -> str:
    """A stay of removal is about the removal: one family for both."""
    return REMOVAL_LIKE.get(family, family)


def family_of(frame: Frame) -> str:
    return canonical_family(frame.family)


def outlets_of(claims: Sequence[ClaimInfo]) -> str:
    return ", ".join(dict.fromkeys(c.outlet for c in claims))


def days_apart(a: DateValue | None, b: DateValue | None) -> int | None:
    if a is None or b is None or a.granularity != "day" or b.granularity != "day":
        return None
    return abs((dt.date.fromisoformat(a.value) - dt.date.fromisoformat(b.value)).days)


def same_period(a: ClaimInfo, b: ClaimInfo, settings: CrosscheckSettings) -> bool:
    days = days_apart(a.ref_date, b.ref_date)
    if days is not None:
        return days <= settings.same_period_days
    if a.ref_date is not None and b.ref_date is not None:
        return compatible_dates(a.ref_date, b.ref_date)
    return True


def subjects_agree(a: ClaimInfo, b: ClaimInfo, *, allow_empty: bool) -> bool:
    if a.subjects and b.subjects:
        return bool(a.subjects & b.subjects)
    return allow_empty


def destinations_agree(fa: Frame, fb: Frame) -> bool:
    return fa.destination is None or fb.destination is None or fa.destination == fb.destination
