"""The frames of a story's claims as comparable items, and how conflicts are written.

Every conflict rule compares :class:`Item` s (one frame of one claim) of the same event kind,
between independent sources or between parties one outlet quotes; and every conflict is built
the same way: its sides quote the claims, each citation says which outlet published it, when,
and whom it quotes (:class:`~dossier.model.SideReport`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from dossier.crosscheck.claims import ClaimInfo
from dossier.crosscheck.frames import Frame
from dossier.crosscheck.support import Rules, compatible_dates
from dossier.model import Citation, Conflict, ConflictKind, ConflictSide, DateValue, SideReport


@dataclass(frozen=True, slots=True)
class Item:
    index: int  # the claim's index
    claim: ClaimInfo
    frame: Frame

    @property
    def published(self) -> DateValue | None:
        return self.claim.ref_date


def story_items(claims: Sequence[ClaimInfo]) -> list[Item]:
    """Frames that state, expect or allege an event (not attributions or requests; a
    condition only with what it depends on, for when a later report states that)."""
    out = []
    for index, claim in enumerate(claims):
        for frame in claim.frames:
            if frame.governs or not frame.kind or frame.stance == "asked":
                continue
            if frame.stance == "conditional" and frame.condition is None:
                continue
            out.append(Item(index, claim, frame))
    return out


def bucket(rules: Rules, frame: Frame) -> str:
    """Frames that may be about one event share a bucket: one kind, or kinds that are
    exclusive outcomes of one another (convicted / acquitted)."""
    for group in rules.exclusive:
        if frame.kind in group:
            return "|".join(sorted(group))
    return frame.kind


def buckets(rules: Rules, items: Iterable[Item]) -> dict[str, list[Item]]:
    out: dict[str, list[Item]] = {}
    for item in items:
        out.setdefault(bucket(rules, item.frame), []).append(item)
    return out


def independent(a: Item, b: Item) -> bool:
    """Two statements that may contradict each other: from independent sources, or from
    different parties one outlet quotes. One voice in one document is left to the reader."""
    if a.claim.party != b.claim.party:
        return True
    return a.claim.source != b.claim.source and a.claim.doc.id != b.claim.doc.id


def same_voice(a: Item, b: Item) -> bool:
    """The same party (a speaker, or an outlet in its own voice)."""
    return a.claim.party == b.claim.party


def days_apart(a: DateValue | None, b: DateValue | None) -> int | None:
    if a is None or b is None or a.granularity != "day" or b.granularity != "day":
        return None
    return abs((dt.date.fromisoformat(a.value) - dt.date.fromisoformat(b.value)).days)


def same_period(a: DateValue | None, b: DateValue | None, days: int) -> bool:
    """Reports close enough in time to describe the same moment."""
    apart = days_apart(a, b)
    if apart is not None:
        return apart <= days
    if a is not None and b is not None:
        return compatible_dates(a, b)
    return True


def unique_citations(cits: Iterable[Citation]) -> tuple[Citation, ...]:
    seen: dict[tuple[str, int, int], Citation] = {}
    for c in cits:
        seen.setdefault((c.doc, c.start, c.end), c)
    return tuple(seen.values())


def ordered_claims(claims: Iterable[ClaimInfo]) -> list[ClaimInfo]:
    """Unique claims, oldest report first."""
    unique: dict[tuple[str, int], ClaimInfo] = {}
    for c in claims:
        unique.setdefault((c.doc.id, c.start), c)
    return sorted(
        unique.values(),
        key=lambda c: (c.ref_date.sort_key if c.ref_date else "9999", c.doc.id, c.start),
    )


def who(claim: ClaimInfo) -> str:
    """ "Reuters (2010-05-27)", "McNutt, quoted by Reuters (2010-05-27)"."""
    when = f" ({claim.ref_date.value})" if claim.ref_date else ""
    speaker = claim.speaker_text
    if speaker:
        return f"{speaker}, quoted by {claim.outlet}{when}"
    return f"{claim.outlet}{when}"


def voices(claims: Sequence[ClaimInfo]) -> str:
    return "; ".join(dict.fromkeys(who(c) for c in claims))


def conflict(
    kind: ConflictKind, description: str, sides: Sequence[Sequence[ClaimInfo]]
) -> Conflict:
    """A conflict whose sides quote ``sides`` (each oldest first), with their reports."""
    built: list[ConflictSide] = []
    reports: list[SideReport] = []
    for index, claims in enumerate(sides):
        ordered = ordered_claims(claims)
        citations = unique_citations(c.claim.citation for c in ordered)
        built.append(ConflictSide(text=ordered[0].text, citations=citations))
        by_span = {(c.doc.id, c.start): c for c in ordered}
        for cit in citations:
            claim = by_span[(cit.doc, cit.start)]
            reports.append(
                SideReport(index, cit.doc, claim.outlet, claim.ref_date, claim.speaker_text)
            )
    return Conflict("", kind, description, tuple(built), reports=tuple(reports))
