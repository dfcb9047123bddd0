"""Event-level contradiction rules: superseded expectations, what was postponed,
whether a scheduled proceeding began.

No NLI model is available, so each rule compares the structure of claims
(predicate frames, polarity, modality, dates, people) and publication order.
Slot rules over aligned claims (numbers, dates, places, ages) are in
:mod:`dossier.crosscheck.slots`, role conflicts in :mod:`dossier.crosscheck.roles`.
Every rule errs towards silence: a reported contradiction that is not one
costs an analyst time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from dossier.crosscheck.claims import ClaimInfo
from dossier.crosscheck.frames import Frame, compatible_dates, strictly_before
from dossier.crosscheck.settings import CrosscheckSettings
from dossier.crosscheck.support import (
    Side,
    family_of,
    outlets_of,
    same_period,
    subjects_agree,
)
from dossier.model import Conflict, DateValue

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
        for frame in fs:
            if frame.conditional or frame.appeal or frame.denied:
                continue
            if frame.modal and not frame.ruled:
                expectations.append((i, frame))
            elif frame.ruled or (
                frame.asserted and claims[i].claim.modality.value != "expectation"
            ):
                facts.append((i, frame))
    # Expectations of the same outcome (predicate, polarity, destination, people) form one
    # conflict, whoever voiced them; each collects the later reports that contradict it.
    groups: dict[tuple[object, ...], tuple[list[tuple[ClaimInfo, DateValue]], list[ClaimInfo]]] = {}
    for ei, ef in expectations:
        e = claims[ei]
        t_e = statement_time(e, ef)
        if t_e is None or not e.subjects:
            continue
        later = [
            claims[fi]
            for fi, ff in facts
            if fi != ei and _contradicts_later(e, ef, t_e, claims[fi], ff)
        ]
        if not later:
            continue
        key = (family_of(ef), ef.negated, ef.destination, e.subjects)
        earlier_side, later_side = groups.setdefault(key, ([], []))
        if all(x is not e for x, _ in earlier_side):
            earlier_side.append((e, t_e))
        later_side.extend(f for f in later if all(f is not x for x in later_side))
    out: list[Conflict] = []
    for earlier_side, later_side in groups.values():
        # The original report first (earliest publication), then later recollections of it.
        earlier_side.sort(
            key=lambda p: (
                p[0].ref_date.sort_key if p[0].ref_date else p[1].sort_key,
                p[1].sort_key,
                p[0].doc.id,
                p[0].start,
            )
        )
        later_side.sort(
            key=lambda c: (c.ref_date.sort_key if c.ref_date else "", c.doc.id, c.start)
        )
        voiced = "; ".join(f"{_who(x)} ({t.value}): “{x.text}”" for x, t in earlier_side)
        label = (
            "An earlier expectation was" if len(earlier_side) == 1 else "Earlier expectations were"
        )
        description = (
            f"{label} overtaken by events. Expected: {voiced}. Later reports "
            f"({outlets_of(later_side)}) state the opposite: “{later_side[0].text}”."
        )
        out.append(
            Conflict(
                id="",
                kind="superseded",
                description=description,
                sides=(
                    Side(tuple(x for x, _ in earlier_side)).side(),
                    Side(tuple(later_side)).side(),
                ),
            )
        )
    return out


def _who(info: ClaimInfo) -> str:
    speaker = info.speaker_text or info.claim.speaker
    return f"{speaker}, reported by {info.outlet}" if speaker else info.outlet


def _contradicts_later(e: ClaimInfo, ef: Frame, t_e: DateValue, f: ClaimInfo, ff: Frame) -> bool:
    """``f`` reports, after ``e`` was said, the opposite of what ``e`` expected."""
    if family_of(ff) != family_of(ef) or ff.negated == ef.negated:
        return False
    if not subjects_agree(e, f, allow_empty=False):
        return False
    # A predicted destination must be the one the later report rules out; a decision on
    # the removal as such ("refused the extradition request") rules out every destination.
    if (
        ef.destination is not None
        and ff.destination != ef.destination
        and not (ff.destination is None and ff.family == "removal")
    ):
        return False
    return f.ref_date is not None and strictly_before(t_e, f.ref_date)


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
    # Which kinds of thing each document says were postponed.
    reported: dict[str, set[str]] = {}
    for info, frame in items:
        if frame.obj_class:
            reported.setdefault(info.doc.id, set()).add(frame.obj_class)
    by_class: dict[tuple[str, str], tuple[list[ClaimInfo], list[ClaimInfo]]] = {}
    nouns: dict[str, list[str]] = {}
    for a, fa in items:
        for b, fb in items:
            if fa.obj_class is None or fb.obj_class is None or fa.obj_class >= fb.obj_class:
                continue
            if a.doc.id == b.doc.id or not same_period(a, b, settings):
                continue
            # A document that itself reports both postponements does not contradict either.
            if {fa.obj_class, fb.obj_class} <= reported[a.doc.id] and {
                fa.obj_class,
                fb.obj_class,
            } <= reported[b.doc.id]:
                continue
            if not subjects_agree(a, b, allow_empty=True):
                continue
            if (
                fa.until_date
                and fb.until_date
                and not compatible_dates(fa.until_date, fb.until_date)
            ):
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
            f"Reports disagree on what was postponed: {outlets_of(first[1])}: the {what_1} "
            f"(“{first[1][0].text}”); {outlets_of(second[1])}: the {what_2} "
            f"(“{second[1][0].text}”)."
        )
        out.append(
            Conflict(
                id="",
                kind="contradiction",
                description=description,
                sides=(Side(tuple(first[1])).side(), Side(tuple(second[1])).side()),
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
            elif (
                f.family == "postpone"
                and not f.negated
                and f.until_date is None
                and f.scheduled_date is not None
            ):
                # "the trial scheduled for D has been postponed": it did not begin on D.
                not_begun.append((claims[i], replace(f, on_date=f.scheduled_date)))
    yes: list[ClaimInfo] = []
    no: list[ClaimInfo] = []
    date: DateValue | None = None
    for a, fa in began:
        for b, fb in not_begun:
            if a.doc.id == b.doc.id or fa.on_date is None or fb.on_date is None:
                continue
            if fa.on_date.granularity != "day" or not compatible_dates(fa.on_date, fb.on_date):
                continue
            if not subjects_agree(a, b, allow_empty=True):
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
        f"{outlets_of(yes)} report that they began (“{yes[0].text}”); {outlets_of(no)} report "
        f"that they were postponed or did not begin (“{no[0].text}”)."
    )
    return [
        Conflict(
            id="",
            kind="contradiction",
            description=description,
            sides=(Side(tuple(no)).side(), Side(tuple(yes)).side()),
        )
    ]
