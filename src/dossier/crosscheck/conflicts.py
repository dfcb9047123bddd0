"""Event-level contradictions: outcomes, polarity, what was postponed, and expectations that
later reports overturned.

No NLI model is available: each rule compares frames (:mod:`dossier.crosscheck.frames`) of
the same event kind through the support test (:mod:`dossier.crosscheck.support`), with
publication order for what was expected before it happened. Slot rules (amounts, dates,
places) are in :mod:`dossier.crosscheck.slots`, roles in :mod:`dossier.crosscheck.roles`.
Every rule errs towards silence: a reported contradiction that is not one costs an analyst
time.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import replace

from dossier.crosscheck.claims import ClaimInfo
from dossier.crosscheck.frames import Frame
from dossier.crosscheck.items import (
    Item,
    conflict,
    independent,
    ordered_claims,
    same_period,
    voices,
)
from dossier.crosscheck.reading import Lexicon
from dossier.crosscheck.settings import CrosscheckSettings
from dossier.crosscheck.support import (
    Rules,
    claim_supports,
    compatible_dates,
    destinations_agree,
    strictly_before,
)
from dossier.crosscheck.triggers import OCCUR
from dossier.model import Conflict, DateValue, Settlement


def _shares_entity(a: Frame, b: Frame) -> bool:
    return bool(a.participants.entities & b.participants.entities)


def _same_event_of(a: Frame, b: Frame) -> bool:
    """Two frames that differ only in polarity speak of one event: they share a story
    entity, and each role named on both sides names the same party ("paid the water bill"
    and "did not pay the road tax" are two payments; "have trouble contacting relatives" and
    "do not have homes" two events of one verb)."""
    if not _shares_entity(a, b):
        return False
    for x, y in ((a.agents, b.agents), (a.patients, b.patients)):
        if (x.entities or x.nouns) and (y.entities or y.nouns) and not x.same(y):
            return False
    return True


def outcome_conflicts(
    groups: dict[str, list[Item]], rules: Rules, lexicon: Lexicon, settings: CrosscheckSettings
) -> list[Conflict]:
    """Statements of one event that cannot both be true: "the trial began on 6 January" /
    "the trial scheduled for 6 January was postponed", "convicted" / "acquitted", "were
    deported" / "were not deported"."""
    # per key: both sides, and the frames of its last pair (they word the conflict)
    found: dict[
        tuple[str, str, str, str | None],
        tuple[list[ClaimInfo], list[ClaimInfo], tuple[Frame, Frame] | None],
    ]
    found = {}
    for items in groups.values():
        stated = [
            x for x in items if x.frame.asserted and not x.frame.earlier and not x.frame.future
        ]
        for a, b in _contradiction_pairs(stated, rules):
            key = _outcome_key(a, b, rules, settings)
            if key is None:
                continue
            (first, second) = (a, b) if key[1] <= key[2] else (b, a)
            left, right, _ = found.setdefault(key, ([], [], None))
            left.append(first.claim)
            right.append(second.claim)
            found[key] = (left, right, (first.frame, second.frame))
    return [
        conflict(
            "contradiction",
            _describe_outcome(_outcome_words(*last, rules, lexicon), left, right),
            (left, right),
        )
        for (left, right, last) in found.values()
        if last is not None
    ]


def _contradiction_pairs(stated: Sequence[Item], rules: Rules) -> Iterator[tuple[Item, Item]]:
    """The pairs of ``stated`` whose frames can contradict each other, in the order of a loop
    over every pair: one outcome with opposite polarity, or two exclusive outcomes (see
    :meth:`Rules.relation`). Items are blocked by (outcome, polarity) first, so the pairs that
    can only support or differ (most of a story's) are never compared."""
    blocks: dict[tuple[str, bool], list[int]] = {}
    for n, x in enumerate(stated):
        blocks.setdefault((rules.outcome(x.frame), x.frame.negated), []).append(n)
    partners = {
        (outcome, negated): sorted(
            m
            for (other, neg), members in blocks.items()
            if (other == outcome and neg != negated) or rules.exclusive_outcomes(outcome, other)
            for m in members
        )
        for outcome, negated in blocks
    }
    for n, a in enumerate(stated):
        later = partners[(rules.outcome(a.frame), a.frame.negated)]
        for m in later[bisect_right(later, n) :]:
            yield a, stated[m]


def _outcome_key(
    a: Item, b: Item, rules: Rules, settings: CrosscheckSettings
) -> tuple[str, str, str, str | None] | None:
    fa, fb = a.frame, b.frame
    if not independent(a, b):
        return None
    oa, ob = rules.outcome(fa), rules.outcome(fb)
    # The conditions of each case are tested before the frames' relation, which costs more.
    if oa == ob:
        # Polarity alone: an event of the language's classes (a generic verb's negation,
        # "did not appear to be in distress", says too little of what did not happen), in
        # two reports (one article that has a doctor "charged with manslaughter" and "denying
        # the charge" does not say both that he was charged and that he was not), about the
        # same event of the same people (each role named on both sides the same party), in the
        # same period.
        if (
            a.claim.doc.id == b.claim.doc.id
            or not (fa.classed and fb.classed)
            or not _same_event_of(fa, fb)
            or not same_period(a.published, b.published, settings.same_period_days)
        ):
            return None
        sa, sb = f"{oa}:{fa.negated}", f"{ob}:{fb.negated}"
    else:
        dated = fa.scheduled or fa.date or fb.scheduled or fb.date
        if dated is None and not (
            _shares_entity(fa, fb)
            and same_period(a.published, b.published, settings.same_period_days)
        ):
            return None
        sa, sb = f"{oa}:{fa.negated}", f"{ob}:{fb.negated}"
    if rules.relation(fa, fb) != "contradicts":
        return None
    occasion = fa.scheduled or fa.date or fb.scheduled or fb.date
    event = fa.kind if fa.kind == fb.kind else "|".join(sorted((fa.kind, fb.kind)))
    return (event, min(sa, sb), max(sa, sb), occasion.value[:10] if occasion else None)


def _outcome_words(a: Frame, b: Frame, rules: Rules, lexicon: Lexicon) -> str:
    event = lexicon.label(a.kind)
    when = a.scheduled or a.date or b.scheduled or b.date
    on = f" on {when.value}" if when else ""
    oa, ob = rules.outcome(a), rules.outcome(b)
    if oa == ob:
        return f"whether the {event}{on} happened"
    first, second = _outcome_name(a, rules, lexicon), _outcome_name(b, rules, lexicon)
    return f"what became of the {event}{on} ({first} or {second})"


def _outcome_name(frame: Frame, rules: Rules, lexicon: Lexicon) -> str:
    outcome = rules.outcome(frame)
    name = "took place" if outcome == OCCUR else lexicon.label(outcome)
    return f"not {name}" if frame.negated else name


def _describe_outcome(words: str, left: Sequence[ClaimInfo], right: Sequence[ClaimInfo]) -> str:
    a, b = ordered_claims(left), ordered_claims(right)
    return f"Reports disagree on {words}: {voices(a)}: “{a[0].text}”; {voices(b)}: “{b[0].text}”."


# --- what was postponed -----------------------------------------------------------------------


def phase_objects(
    items: Sequence[Item], rules: Rules, lexicon: Lexicon, settings: CrosscheckSettings
) -> list[Conflict]:
    """Reports that the same thing happened to different events on one occasion: one outlet
    says the deportation was postponed, another that the hearing was (and neither reports
    both)."""
    phased = [
        x
        for x in items
        if x.frame.asserted
        and not x.frame.negated
        and not x.frame.future
        and x.frame.aspect != OCCUR
        and x.frame.aspect not in rules.occurring
        # An event of the language's classes: a phase of anything else ("finished the well",
        # "closed the airspace") names no proceeding two reports could disagree about.
        and x.frame.classed
    ]
    reported: dict[tuple[str, str], set[str]] = {}
    for x in phased:
        reported.setdefault((x.claim.doc.id, x.frame.aspect), set()).add(x.frame.kind)
    found: dict[tuple[str, str, str], tuple[list[ClaimInfo], list[ClaimInfo]]] = {}
    for n, a in enumerate(phased):
        for b in phased[n + 1 :]:
            fa, fb = a.frame, b.frame
            if fa.aspect != fb.aspect or fa.kind == fb.kind or a.claim.doc.id == b.claim.doc.id:
                continue
            both = {fa.kind, fb.kind}
            # Documents that each report both do not contradict each other.
            if (
                both <= reported[(a.claim.doc.id, fa.aspect)]
                and both <= reported[(b.claim.doc.id, fb.aspect)]
            ):
                continue
            if not _phase_same_occasion(a, b, settings):
                continue
            first, second = (a, b) if fa.kind < fb.kind else (b, a)
            left, right = found.setdefault(
                (fa.aspect, first.frame.kind, second.frame.kind), ([], [])
            )
            left.append(first.claim)
            right.append(second.claim)
    out = []
    for (aspect, kind_a, kind_b), (left, right) in sorted(found.items()):
        # Lead with the side fewer outlets report (the outlier).
        sides = sorted(
            ((kind_a, left), (kind_b, right)), key=lambda p: len({c.outlet for c in p[1]})
        )
        (k1, s1), (k2, s2) = sides
        one, two = ordered_claims(s1), ordered_claims(s2)
        description = (
            f"Reports disagree on what the {lexicon.label(aspect)} was of: {voices(one)}: the "
            f"{lexicon.label(k1)} (“{one[0].text}”); {voices(two)}: the {lexicon.label(k2)} "
            f"(“{two[0].text}”)."
        )
        out.append(conflict("contradiction", description, (s1, s2)))
    return out


def _phase_same_occasion(a: Item, b: Item, settings: CrosscheckSettings) -> bool:
    fa, fb = a.frame, b.frame
    if not same_period(a.published, b.published, settings.same_period_days):
        return False
    ea, eb = fa.participants.entities, fb.participants.entities
    if ea and eb and not ea & eb:
        return False
    return not (fa.until and fb.until and not compatible_dates(fa.until, fb.until))


# --- superseded expectations ------------------------------------------------------------------


def statement_time(item: Item) -> DateValue | None:
    """When an expectation was voiced: the date of the verb that voices it ("at the start of
    December the head of the service announced ..."), else the report's date."""
    claim, frame = item.claim, item.frame
    voiced = [
        f.date for f in claim.frames if f.governs and f.date is not None and f.start < frame.start
    ]
    if voiced:
        return min(voiced, key=lambda d: d.sort_key)
    return claim.ref_date


def superseded(
    groups: dict[str, list[Item]], rules: Rules, lexicon: Lexicon, main: frozenset[str]
) -> list[Conflict]:
    """Expectations (of any event class) that later reports overturned: what was expected
    did not happen, happened otherwise (cancelled; postponed from the day it was expected
    on; on another day), or a later decision ruled it out. Never when it happened as
    expected, whatever figure the later report gives."""
    found: dict[tuple[object, ...], tuple[list[Item], list[Item], Frame]] = {}
    conditions = [x for items in groups.values() for x in items if x.frame.asserted]
    for items in groups.values():
        classed = [x for x in items if x.frame.classed]
        expected = [
            x
            for x in classed
            if x.frame.future
            and (
                x.frame.stance in ("stated", "reported", "hedged")
                or (x.frame.stance == "conditional" and _condition_met(x, conditions, rules))
            )
        ]
        later = [
            x
            for x in classed
            if x.frame.asserted and (not x.frame.future or x.frame.stance == "decided")
        ]
        for e in expected:
            when = statement_time(e)
            if when is None:
                continue
            overturned = [x for x in later if x is not e and _overturns(e, when, x, rules, main)]
            if not overturned:
                continue
            about = ",".join(sorted(_about(e.frame, main)))
            key = (e.frame.kind, rules.outcome(e.frame), e.frame.negated, about)
            earlier_side, later_side, _ = found.setdefault(key, ([], [], e.frame))
            earlier_side.append(e)
            later_side.extend(overturned)
    supports: dict[tuple[int, int], bool] = {}  # shared: the same reports overturn many
    return [
        _superseded_conflict(earlier, later, frame, rules, lexicon, supports)
        for earlier, later, frame in found.values()
    ]


def _condition_met(item: Item, stated: Sequence[Item], rules: Rules) -> bool:
    """ "If they are found guilty, deportation will follow": a conditional expectation is
    an expectation once a report states its condition (or an event that entails it: a
    sentence entails a conviction)."""
    condition = item.frame.condition
    if condition is None:
        return False
    as_stated = replace(condition, stance="stated", future=False)
    for x in stated:
        if x.frame.future or x.frame is condition:
            continue
        kinds = {x.frame.kind} | rules.implies.get(x.frame.kind, frozenset())
        if (
            condition.kind in kinds
            and (
                x.frame.kind != condition.kind
                or rules.relation(as_stated, replace(x.frame, stance="stated")) == "supports"
            )
            and not x.frame.negated
        ):
            return True
    return False


def _superseded_conflict(
    earlier: list[Item],
    later: list[Item],
    frame: Frame,
    rules: Rules,
    lexicon: Lexicon,
    supports: dict[tuple[int, int], bool],
) -> Conflict:
    before = _statement_groups(earlier, rules, supports)
    after = _statement_groups(later, rules, supports)
    a = ordered_claims(x.claim for x in earlier)
    b = ordered_claims(x.claim for x in later)
    label = "An earlier expectation was" if len(before) == 1 else "Earlier expectations were"
    description = (
        f"{label} overtaken by events ({lexicon.label(frame.kind)}). Expected: "
        + "; ".join(f"{_voiced(c)}: “{c.text}”" for c in a)
        + f". Later reports ({voices(b)}) state otherwise: “{after[0][0].text}”."
    )
    built = conflict("superseded", description, (*before, *after))
    first_later = len(before)
    side = built.sides[first_later]
    return replace(built, settled_by=Settlement(first_later, side.text, side.citations))


def _statement_groups(
    items: Sequence[Item], rules: Rules, supports: dict[tuple[int, int], bool]
) -> list[list[ClaimInfo]]:
    """Later reports, one group per statement: each member supports the group's first, its
    frame and its sentence as a whole (the test every citation of a side is held to; its
    answers are kept in ``supports`` by the two claims' indices)."""
    groups: list[tuple[Item, list[ClaimInfo]]] = []
    ordered = sorted(
        items,
        key=lambda x: (
            x.published.sort_key if x.published else "9999",
            x.claim.doc.id,
            x.claim.start,
        ),
    )
    for item in ordered:
        for head, members in groups:
            if item.claim is head.claim or (
                rules.relation(head.frame, item.frame) == "supports"
                and _claim_supports(rules, head, item, supports)
            ):
                if all(m is not item.claim for m in members):
                    members.append(item.claim)
                break
        else:
            groups.append((item, [item.claim]))
    return [members for _, members in groups]


def _claim_supports(
    rules: Rules, head: Item, item: Item, supports: dict[tuple[int, int], bool]
) -> bool:
    key = (head.index, item.index)
    if key not in supports:
        supports[key] = claim_supports(rules, head.claim.reading, item.claim.reading)
    return supports[key]


def _about(frame: Frame, main: frozenset[str]) -> frozenset[str]:
    """Whom an event is about: its named participants, else the story's protagonists."""
    return frame.participants.entities or main


def _voiced(claim: ClaimInfo) -> str:
    when = f" ({claim.ref_date.value})" if claim.ref_date else ""
    if claim.speaker_text:
        return f"{claim.speaker_text}, reported by {claim.outlet}{when}"
    return f"{claim.outlet}{when}"


def _overturns(e: Item, when: DateValue, later: Item, rules: Rules, main: frozenset[str]) -> bool:
    """``later`` reports, after ``e`` was voiced, something that rules out what ``e``
    expected."""
    if later.published is None or not strictly_before(when, later.published):
        return False
    fe, fl = e.frame, later.frame
    if fl.date is not None and strictly_before(fl.date, when):
        return False  # it happened before the expectation was voiced: another occasion
    if not _linked(fe, fl, main):
        return False
    if not _same_undergoer(fe, fl, rules):
        return False
    if not destinations_agree(fe, fl):
        return False
    oe, ol = rules.outcome(fe), rules.outcome(fl)
    if oe != ol:
        if not rules.exclusive_outcomes(oe, ol) or fl.negated or fe.negated:
            return False
        if fl.aspect == fl.kind or ol not in rules.delays:
            return True
        # A postponement overturns only an expectation of a day (one it did not keep).
        expected_on = fe.date or fe.scheduled
        return expected_on is not None and (
            fl.scheduled is None or compatible_dates(fl.scheduled, expected_on)
        )
    if fe.negated != fl.negated:
        return True
    # Held on another day than the one it was expected on. Another count is not an
    # overturned expectation: what was expected happened (how many is a figure to compare,
    # see dossier.crosscheck.slots).
    return bool(
        fe.date
        and fl.date
        and fe.date.granularity != "year"
        and not compatible_dates(fe.date, fl.date)
    )


def _linked(expected: Frame, later: Frame, main: frozenset[str]) -> bool:
    """The later report speaks of whom (or what) the expectation was about: when both name
    participants, they share one (a story entity or a noun: "rescue teams would arrive" is
    not overturned by "aid was not leaving the airport"); a side that names someone without
    saying who ("those injured") links nothing; a side that names no one ("deportation will
    follow"), or describes without naming where the other names, is about the story's
    protagonists."""
    pe, pl = expected.participants, later.participants
    # What an amount counts names participants too ("500 residents").
    ne = pe.nouns | {a.unit for a in expected.amounts if a.unit}
    nl = pl.nouns | {a.unit for a in later.amounts if a.unit}
    named_e, named_l = bool(pe.entities or ne), bool(pl.entities or nl)
    if (pe.text and not named_e) or (pl.text and not named_l):
        return False
    # A name and a description ("two ethnic-Kazakh men"): the protagonists decide.
    mixed = bool(pe.entities) != bool(pl.entities)
    if named_e and named_l and not mixed:
        return bool(pe.entities & pl.entities or ne & nl)
    about_e, about_l = _about(expected, main), _about(later, main)
    return not (about_e and about_l and not about_e & about_l)


def _same_undergoer(expected: Frame, later: Frame, rules: Rules) -> bool:
    """What was to be done, by whom or what, is what a later report says of: undergoers and
    doers that agree, and when both are named by common nouns only, share one ("crews planned
    to use a boom to collect the thickest oil" is not overturned by "a tenth of the flow was
    not collected by the siphon")."""
    for a, b in ((expected.patients, later.patients), (expected.agents, later.agents)):
        if not a.agrees(b, rules.people):
            return False
        if not (a.entities or b.entities) and a.nouns and b.nouns and not a.nouns & b.nouns:
            return False
    return True
