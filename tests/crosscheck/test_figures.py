"""Figures are compared only when they count the same thing at the same time, and one
estimate revised by different bodies is a dated series, not a conflict (stories of our own,
in other domains than the seeds')."""

from __future__ import annotations

from dataclasses import replace

from dossier.crosscheck import CrosscheckResult, crosscheck
from dossier.model import DateValue, TimeExpression
from dossier.resources import Resources
from dossier.settings import Settings

from .test_fictional import _entities, _two_docs


def _check(first: str, second: str, settings: Settings, resources: Resources) -> CrosscheckResult:
    docs = _two_docs(first, second)
    return crosscheck(docs, _entities(docs), (), settings.crosscheck, resources)


def _with_year(
    first: str, second: str, year: str, settings: Settings, resources: Resources
) -> CrosscheckResult:
    """The two reports, the second dating an event to ``year`` (the helper dates only its
    own months)."""
    docs = list(_two_docs(first, second))
    at = docs[1].clean_text.find(year)
    assert at >= 0
    dated = TimeExpression("two", at, at + len(year), year, DateValue(year, "year"))
    docs[1] = replace(docs[1], time_expressions=(*docs[1].time_expressions, dated))
    return crosscheck(docs, _entities(tuple(docs)), (), settings.crosscheck, resources)


def _listing(result: CrosscheckResult) -> str:
    return "\n".join(f"[{c.kind}] {c.description}" for c in result.conflicts)


def test_a_revised_estimate_is_a_series_not_a_conflict(
    settings: Settings, resources: Resources
) -> None:
    result = _check(
        "The river authority said 300 families had to be evacuated in Kira on Monday.",
        "Some 900 families have been evacuated in Kira, up from an earlier estimate of "
        "300 families, the mayor said on Monday.",
        settings,
        resources,
    )
    assert not result.conflicts, _listing(result)
    steps = [[s.value for s in r.steps] for r in result.revisions]
    assert any(
        [v.split()[0].lstrip("~<>=") for v in values] == ["300", "900"] for values in steps
    ), result.revisions


def test_unrelated_figures_of_one_unit_stay_a_conflict(
    settings: Settings, resources: Resources
) -> None:
    """No report relates them: an official and an independent figure of one period."""
    result = _check(
        "The river authority said 300 families were evacuated in Kira on Monday.",
        "Volunteers said 900 families were evacuated in Kira on Monday.",
        settings,
        resources,
    )
    assert [c.kind for c in result.conflicts] == ["numeric"], _listing(result)
    assert not result.revisions


def test_a_figure_of_another_time_is_not_compared(settings: Settings, resources: Resources) -> None:
    result = _with_year(
        "Rescuers said 12 people were killed when the river flooded Kira.",
        "In 1998 a flood killed 40 people in the valley, where the river rose faster.",
        "1998",
        settings,
        resources,
    )
    assert not [c for c in result.conflicts if c.kind == "numeric"], _listing(result)


def test_a_rate_restated_in_another_unit_is_a_rate(
    settings: Settings, resources: Resources
) -> None:
    """ "2,000 barrels (84,000 gallons) of oil a day" is a rate in gallons too, not a total
    to set against the gallons leaked so far."""
    result = _check(
        "About 2,000 barrels (84,000 gallons) of oil a day are leaking from the pipeline, "
        "the operator said.",
        "Regulators said 1,000,000 gallons of oil have leaked from the pipeline so far.",
        settings,
        resources,
    )
    assert not result.conflicts, _listing(result)


def test_a_verb_each_day_makes_its_figure_a_rate(settings: Settings, resources: Resources) -> None:
    result = _check(
        "Inspectors said 84,000 gallons of oil are leaking from the pipeline each day.",
        "Regulators said 1,000,000 gallons of oil have leaked from the pipeline so far.",
        settings,
        resources,
    )
    assert not result.conflicts, _listing(result)


def test_a_measure_of_a_modifier_counts_nothing(settings: Settings, resources: Resources) -> None:
    result = _check(
        "Oil leaking from the pipeline has formed a slick more than 130 miles long.",
        "Oil leaking from the pipeline has reached a beach just three miles from Kira.",
        settings,
        resources,
    )
    assert not result.conflicts, _listing(result)


def test_a_phase_of_things_that_are_no_events_is_no_conflict(
    settings: Settings, resources: Resources
) -> None:
    result = _check(
        "The crew was finishing the pipeline when the pump station exploded.",
        "Regulators closed the harbour after the pump station exploded.",
        settings,
        resources,
    )
    assert not result.conflicts, _listing(result)


def test_measures_of_different_materials_are_not_compared(
    settings: Settings, resources: Resources
) -> None:
    result = _check(
        "Crews have so far poured about 140,000 gallons of dispersant into the bay.",
        "At least 1,600,000 gallons of oil have spilled into the bay so far.",
        settings,
        resources,
    )
    assert not result.conflicts, _listing(result)


def test_two_roundings_of_one_restated_figure_agree(
    settings: Settings, resources: Resources
) -> None:
    """200,000 and 210,000 gallons a day both restate 5,000 barrels a day."""
    result = _check(
        "Inspectors said 5,000 barrels, or 200,000 gallons, of oil a day are leaking.",
        "The operator said 5,000 barrels (210,000 gallons) of oil a day are leaking.",
        settings,
        resources,
    )
    assert not result.conflicts, _listing(result)


def test_a_part_of_a_group_is_not_compared_with_the_total(
    settings: Settings, resources: Resources
) -> None:
    result = _check(
        "The regional health office said 14 of its nurses were injured in the hospital fire "
        "in Kira on Monday.",
        "At least 60 people were injured in the hospital fire in Kira on Monday, firefighters "
        "said.",
        settings,
        resources,
    )
    assert not [c for c in result.conflicts if c.kind == "numeric"], _listing(result)


def test_parts_of_one_group_are_compared(settings: Settings, resources: Resources) -> None:
    result = _check(
        "The regional health office said 14 of its nurses were injured in the hospital fire "
        "in Kira on Monday.",
        "Union officials said 31 of the hospital's nurses were injured in the fire in Kira on "
        "Monday.",
        settings,
        resources,
    )
    numeric = [c for c in result.conflicts if c.kind == "numeric"]
    assert len(numeric) == 1 and "of nurse" in numeric[0].description, _listing(result)
