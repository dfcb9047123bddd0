"""Slot conflicts: the same event given another count, another date or another place.

Two statements of one event (same kind, outcome and polarity, parties that agree, asserted
as having happened) from independent sources, or from two parties one outlet quotes, are
compared slot by slot:

* amounts of one unit and material ("12 workers" / "30 workers"), when the figures hold at
  one time (an event's date, else its report's) and the reports are of one period, name the
  same participants, and each report gives one figure of that unit; a source giving another
  figure later is revising its own figure, and figures a report relates as an earlier and a
  later estimate are one estimate series (:mod:`dossier.crosscheck.series`): both shown as
  a dated :class:`~dossier.model.Revision`, not as a conflict;
* dates (day or month) of a dated event the two reports show to be the same one (a shared
  participant or place, or the only such event each report dates);
* named places of the same dated event, when neither place is named with the other anywhere
  in the story (one may lie inside the other).

A report published after both sides that states the value of one side settles the conflict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from dossier.crosscheck.amounts import Amount, is_rate
from dossier.crosscheck.claims import ClaimInfo
from dossier.crosscheck.items import (
    Item,
    conflict,
    days_apart,
    independent,
    ordered_claims,
    same_period,
    same_voice,
    voices,
)
from dossier.crosscheck.reading import Lexicon
from dossier.crosscheck.series import (
    Figure,
    Series,
    find_series,
    linked,
    restated_series,
    series_revisions,
)
from dossier.crosscheck.settings import CrosscheckSettings
from dossier.crosscheck.support import Rules, compatible_dates, places_differ, strictly_before
from dossier.ids import digest
from dossier.model import Conflict, DateValue, Revision, RevisionStep, Settlement

PERSON = "person"


@dataclass(frozen=True, slots=True)
class _Value:
    item: Item
    amount: Amount
    unit: str


def _comparable(items: Sequence[Item]) -> list[Item]:
    return [
        x
        for x in items
        if x.frame.asserted and not x.frame.future and not x.frame.earlier and x.frame.classed
    ]


def _same_event(a: Item, b: Item, rules: Rules) -> bool:
    """One event, as far as outcome, polarity, parties, named places and dates show."""
    probe = replace(b.frame, amounts=(), date=a.frame.date or b.frame.date)
    return rules.relation(replace(a.frame, amounts=()), probe) == "supports" and (
        a.frame.date is None or b.frame.date is None or compatible_dates(a.frame.date, b.frame.date)
    )


# --- amounts ----------------------------------------------------------------------------------


def figure_time(item: Item, days: int) -> DateValue | None:
    """When a figure holds: the date of its event; for an undated one, when it was reported,
    unless its sentence dates another of its events well before ("In the 1989 Valdez spill,
    when 250,000 barrels were spilled", "a review published last year found 41 deaths"):
    then None, a figure of another time."""
    if item.frame.date is not None:
        return item.frame.date
    published = item.published
    if published is None:
        return None
    for frame in item.claim.frames:
        date = frame.date
        if (
            date is not None
            and strictly_before(date, published)
            and not same_period(date, published, days)
        ):
            return None
    return published


def _values(items: Sequence[Item], lexicon: Lexicon, days: int) -> list[_Value]:
    out = []
    for item in _comparable(items):
        if figure_time(item, days) is None:
            continue
        for amount in item.frame.amounts:
            out.append(_Value(item, amount, _unit(amount, lexicon)))
    return out


def amount_conflicts(
    groups: dict[str, list[Item]], rules: Rules, lexicon: Lexicon, settings: CrosscheckSettings
) -> tuple[list[Conflict], list[Revision]]:
    """Different figures for one slot of one event, and the revisions of figures: a
    party's own, and an estimate series (:mod:`dossier.crosscheck.series`)."""
    figures = [
        (item, amount, _unit(amount, lexicon))
        for items in groups.values()
        for item in items
        for amount in item.frame.amounts
    ]
    series = find_series(figures, lexicon, settings.same_period_days)
    linking = [*series, *restated_series(series, figures)]
    conflicts: list[Conflict] = []
    revisions: list[Revision] = []
    timed: list[Figure] = []
    for kind_key, items in sorted(groups.items()):
        by_unit: dict[str, list[_Value]] = {}
        for value in _values(items, lexicon, settings.same_period_days):
            by_unit.setdefault(value.unit, []).append(value)
            timed.append((value.item, value.amount, value.unit))
        for unit, values in sorted(by_unit.items()):
            found = _unit_conflicts(unit, values, linking, rules, lexicon, settings)
            conflicts.extend(
                _amount_conflict(kind_key, unit, left, right, values, lexicon)
                for left, right in found.values()
            )
            revisions.extend(
                _revisions(kind_key, unit, values, lexicon, settings.count_period_days)
            )
    revisions.extend(series_revisions(series, timed, lexicon.label))
    return conflicts, revisions


def _unit(amount: Amount, lexicon: Lexicon) -> str:
    return PERSON if amount.unit in lexicon.person_nouns or amount.unit == "" else amount.unit


def _unit_conflicts(
    unit: str,
    values: Sequence[_Value],
    series: Sequence[Series],
    rules: Rules,
    lexicon: Lexicon,
    settings: CrosscheckSettings,
) -> dict[tuple[str, str], tuple[list[_Value], list[_Value]]]:
    """Pairs of incompatible figures of one unit that are one slot of one event, by the
    two values."""
    found: dict[tuple[str, str], tuple[list[_Value], list[_Value]]] = {}
    told = _told_together(values)
    events = unit in lexicon.noun_class  # "two leaks": the events themselves
    for n, a in enumerate(values):
        if id(a.item.claim) in told:
            continue
        for b in values[n + 1 :]:
            if id(b.item.claim) in told or a.amount.compatible(b.amount):
                continue
            if not a.amount.same_quantity(b.amount):
                continue
            if not _disagree(a.item, b.item, is_rate(unit), settings) or not _same_time(
                a.item, b.item, settings
            ):
                continue
            if not _same_event(a.item, b.item, rules) or linked(series, unit, a.amount, b.amount):
                continue
            if events and not _identified(a.item, b.item, set()):
                continue
            if not _same_participants(a.item, b.item):
                continue
            x, y = sorted((a, b), key=lambda v: v.amount.low)
            left, right = found.setdefault((_value_key(x), _value_key(y)), ([], []))
            left.append(x)
            right.append(y)
    return found


def _same_participants(a: Item, b: Item) -> bool:
    """Who did it or had it done: when both reports name story entities, one is shared (a
    settlement Transocean reached is not what Exxon paid)."""
    ea, eb = a.frame.participants.entities, b.frame.participants.entities
    return not (ea and eb) or bool(ea & eb)


def _told_together(values: Sequence[_Value]) -> set[int]:
    """Claims that give two figures of one unit that differ ("5,000 barrels a day, far more
    than the previous estimate of 1,000", "two leaks instead of three", a list of other
    spills): the sentence itself sets them side by side, so neither is its report's one
    figure to set against another report's."""
    by_claim: dict[int, list[Amount]] = {}
    for v in values:
        by_claim.setdefault(id(v.item.claim), []).append(v.amount)
    return {
        claim
        for claim, found in by_claim.items()
        if any(not x.compatible(y) for k, x in enumerate(found) for y in found[k + 1 :])
    }


def _same_time(a: Item, b: Item, settings: CrosscheckSettings) -> bool:
    """Figures of one moment: "killed 3 people in 1999" is not a count of this week's blast."""
    ta = figure_time(a, settings.same_period_days)
    tb = figure_time(b, settings.same_period_days)
    return ta is not None and tb is not None and same_period(ta, tb, settings.count_period_days)


def _value_key(value: _Value) -> str:
    a = value.amount
    return f"{a.kind}:{a.low}:{a.high}:{value.unit}"


def _disagree(a: Item, b: Item, rate: bool, settings: CrosscheckSettings) -> bool:
    """Two figures of one period that contradict each other: from independent sources or
    parties; or one party's figure as two outlets report it (a rate, on the same day: a
    party's rate reported on a later day, whoever reports it, is its revision, see
    :func:`_revisions`: "BP says it is collecting 1,000 barrels a day", then 2,000 the next
    day; a count of one event stays what it was)."""
    if not same_period(a.published, b.published, settings.count_period_days):
        return False
    if same_voice(a, b):
        later = rate and _one_later(a.published, b.published)
        return a.claim.outlet != b.claim.outlet and not later
    return independent(a, b)


def _one_later(a: DateValue | None, b: DateValue | None) -> bool:
    return a is not None and b is not None and (strictly_before(a, b) or strictly_before(b, a))


def _amount_conflict(
    kind_key: str,
    unit: str,
    left: Sequence[_Value],
    right: Sequence[_Value],
    every: Sequence[_Value],
    lexicon: Lexicon,
) -> Conflict:
    a, b = ordered_claims(v.item.claim for v in left), ordered_claims(v.item.claim for v in right)
    what = lexicon.label(kind_key.split("|")[0])
    description = (
        f"Different figures for the same {what} ({unit}): {voices(a)} give "
        f"{left[0].amount.label} (“{a[0].text}”); {voices(b)} give {right[0].amount.label} "
        f"(“{b[0].text}”)."
    )
    found = conflict("numeric", description, (a, b))
    settlement = _settle_amount(left, right, every)
    if settlement is not None:
        side, value = settlement
        found = replace(
            found,
            description=f"{description} A later report ({voices([value.item.claim])}) gives "
            f"{value.amount.label}, as the {'first' if side == 0 else 'second'} side does.",
            settled_by=Settlement(side, value.item.claim.text, (value.item.claim.claim.citation,)),
        )
    return found


def _earliest(values: Sequence[_Value]) -> DateValue | None:
    dates = [v.item.published for v in values if v.item.published is not None]
    return min(dates, key=lambda d: d.sort_key) if dates else None


def _settle_amount(
    left: Sequence[_Value], right: Sequence[_Value], every: Sequence[_Value]
) -> tuple[int, _Value] | None:
    """The latest report, after both figures were out, whose figure agrees with one side
    only."""
    first_left, first_right = _earliest(left), _earliest(right)
    if first_left is None or first_right is None:
        return None
    since = max(first_left, first_right, key=lambda d: d.sort_key)
    later = [
        v
        for v in every
        if v.item.published is not None and strictly_before(since, v.item.published)
    ]
    for value in sorted(later, key=lambda v: v.item.published.sort_key, reverse=True):  # type: ignore[union-attr]
        agrees_left = any(value.amount.compatible(v.amount) for v in left)
        agrees_right = any(value.amount.compatible(v.amount) for v in right)
        if agrees_left != agrees_right:
            return (0 if agrees_left else 1), value
    return None


def _later(first: _Value, then: _Value, days: int) -> bool:
    """``then`` was published after the period of ``first`` (or by the same outlet, or in
    the words of the same speaker, later)."""
    a, b = first.item.published, then.item.published
    if a is None or b is None or not strictly_before(a, b):
        return False
    if first.item.claim.outlet == then.item.claim.outlet or not same_period(a, b, days):
        return True
    rate = is_rate(first.amount.unit)
    return rate and first.item.claim.speaker is not None and same_voice(first.item, then.item)


def _revisions(
    kind_key: str, unit: str, values: Sequence[_Value], lexicon: Lexicon, days: int
) -> list[Revision]:
    """Per voice, its figures in order of publication, when it changed them."""
    by_voice: dict[str, list[_Value]] = {}
    for v in values:
        if v.item.published is not None:
            # A speaker's figures whoever reports them; an outlet's own, per outlet.
            by_voice.setdefault(v.item.claim.party, []).append(v)
    out = []
    for voice, own in sorted(by_voice.items()):
        own.sort(
            key=lambda v: (
                v.item.published.sort_key if v.item.published else "",
                v.item.claim.start,
            )
        )
        steps: list[list[_Value]] = []
        for v in own:
            if steps and v.amount.compatible(steps[-1][0].amount):
                steps[-1].append(v)
            elif steps and not _later(steps[-1][0], v, days):
                continue  # another figure in the same period: a conflict, not a revision
            else:
                steps.append([v])
        if len(steps) < 2:
            continue
        first = steps[0][0].item.claim
        subject = f"{lexicon.label(kind_key.split('|')[0])}: {unit}"
        source = first.speaker_text or first.outlet
        out.append(
            Revision(
                id="revision-" + digest(subject, voice, first.doc.id, str(first.start)),
                subject=subject,
                source=source,
                steps=tuple(
                    RevisionStep(
                        s[0].amount.label,
                        s[0].item.published,
                        tuple(dict.fromkeys(v.item.claim.claim.citation for v in s)),
                    )
                    for s in steps
                ),
            )
        )
    return out


# --- dates and places ---------------------------------------------------------------------------


def _close(a: DateValue, b: DateValue, days: int) -> bool:
    """Two dates near enough to be one event told twice (not an event and another like it
    years apart)."""
    apart = days_apart(a, b)
    if apart is not None:
        return apart <= days
    ya, ma = int(a.value[:4]), int(a.value[5:7] or 0)
    yb, mb = int(b.value[:4]), int(b.value[5:7] or 0)
    return abs((ya * 12 + ma) - (yb * 12 + mb)) <= 1


def date_conflicts(
    groups: dict[str, list[Item]], rules: Rules, lexicon: Lexicon, days: int
) -> list[Conflict]:
    out: list[Conflict] = []
    for kind_key, items in sorted(groups.items()):
        dated = [
            x
            for x in _comparable(items)
            if x.frame.kind in lexicon.dated_classes
            and not x.frame.ongoing
            and x.frame.date is not None
            and x.frame.date.granularity != "year"
        ]
        singular = _singular_docs(dated)
        found: dict[tuple[str, str], tuple[list[ClaimInfo], list[ClaimInfo]]] = {}
        for n, a in enumerate(dated):
            for b in dated[n + 1 :]:
                da, db = a.frame.date, b.frame.date
                assert da is not None and db is not None
                if compatible_dates(da, db) or not independent(a, b) or not _close(da, db, days):
                    continue
                if not _same_event(a, replace(b, frame=replace(b.frame, date=None)), rules):
                    continue
                if not _identified(a, b, singular):
                    continue
                x, y = sorted((a, b), key=lambda i: i.frame.date.value if i.frame.date else "")
                assert x.frame.date is not None and y.frame.date is not None
                left, right = found.setdefault((x.frame.date.value, y.frame.date.value), ([], []))
                left.append(x.claim)
                right.append(y.claim)
        for (va, vb), (left, right) in sorted(found.items()):
            one, two = ordered_claims(left), ordered_claims(right)
            description = (
                f"Different dates for the same {lexicon.label(kind_key.split('|')[0])}: "
                f"{voices(one)} say {va} (“{one[0].text}”); {voices(two)} say {vb} "
                f"(“{two[0].text}”)."
            )
            out.append(conflict("date", description, (one, two)))
    return out


def _singular_docs(items: Sequence[Item]) -> set[str]:
    """Documents that date this kind of event to one date only."""
    dates: dict[str, set[str]] = {}
    for x in items:
        if x.frame.date is not None:
            dates.setdefault(x.claim.doc.id, set()).add(x.frame.date.value)
    return {doc for doc, values in dates.items() if len(values) == 1}


def _identified(a: Item, b: Item, singular: set[str]) -> bool:
    """The two reports are shown to speak of one event."""
    fa, fb = a.frame, b.frame
    if fa.participants.entities & fb.participants.entities:
        return True
    named_a = {p.key for p in fa.places if p.named}
    if named_a & {p.key for p in fb.places if p.named}:
        return True
    anonymous = not fa.participants.entities and not fb.participants.entities
    return anonymous and a.claim.doc.id in singular and b.claim.doc.id in singular


def place_conflicts(
    groups: dict[str, list[Item]],
    rules: Rules,
    lexicon: Lexicon,
    co_mentioned: set[frozenset[str]],
) -> list[Conflict]:
    out: list[Conflict] = []
    seen: set[frozenset[tuple[str, int]]] = set()
    for kind_key, items in sorted(groups.items()):
        placed = [
            x
            for x in _comparable(items)
            if x.frame.kind in lexicon.dated_classes
            and x.frame.date is not None
            and x.frame.date.granularity != "year"
            and any(p.role == "at" and p.kind != "noun" for p in x.frame.places)
        ]
        singular = _singular_docs(placed)
        for n, a in enumerate(placed):
            for b in placed[n + 1 :]:
                if not independent(a, b) or not _different_places(a, b, co_mentioned):
                    continue
                probe = replace(b.frame, places=a.frame.places)
                if rules.relation(a.frame, probe) != "supports" or not _identified(a, b, singular):
                    continue
                key = frozenset({(a.claim.doc.id, a.claim.start), (b.claim.doc.id, b.claim.start)})
                if key not in seen:
                    seen.add(key)
                    out.append(_place_conflict(kind_key, a, b, lexicon))
    return out


def _different_places(a: Item, b: Item, co_mentioned: set[frozenset[str]]) -> bool:
    """Places that cannot be one (named differently, never named together in the story: one
    may lie inside the other)."""
    if not places_differ(a.frame.places, b.frame.places):
        return False
    keys_a = {p.key for p in a.frame.places if p.role == "at"}
    keys_b = {p.key for p in b.frame.places if p.role == "at"}
    return not any(frozenset((x, y)) in co_mentioned for x in keys_a for y in keys_b)


def _place_conflict(kind_key: str, a: Item, b: Item, lexicon: Lexicon) -> Conflict:
    pa = ", ".join(p.text for p in a.frame.places if p.role == "at" and p.kind != "noun")
    pb = ", ".join(p.text for p in b.frame.places if p.role == "at" and p.kind != "noun")
    description = (
        f"Different places for the same {lexicon.label(kind_key.split('|')[0])}: "
        f"{voices([a.claim])} say {pa} (“{a.claim.text}”); {voices([b.claim])} say {pb} "
        f"(“{b.claim.text}”)."
    )
    return conflict("place", description, ([a.claim], [b.claim]))


def co_mentioned_places(
    claims: Sequence[ClaimInfo], place_ids: frozenset[str]
) -> set[frozenset[str]]:
    """Pairs of places named in one sentence anywhere: maybe one inside the other."""
    pairs: set[frozenset[str]] = set()
    for info in claims:
        named = {p.key for f in info.frames for p in f.places if p.kind != "noun"}
        ids = sorted((set(info.claim.entity_ids) & place_ids) | named)
        for x, a in enumerate(ids):
            for b in ids[x + 1 :]:
                pairs.add(frozenset((a, b)))
    return pairs
