"""The temporal-expression tagger on fictional sentences."""

from __future__ import annotations

import pytest

from dossier.model import DateValue
from dossier.time import TimeSettings, tag_time_expressions

S = TimeSettings()
ANCHOR = DateValue("2021-03-10", "day")  # a Wednesday


def tag(
    text: str, anchor: DateValue | None = ANCHOR
) -> list[tuple[str, str | None, str | None, str]]:
    out = []
    for e in tag_time_expressions(text, "d", anchor, S):
        assert text[e.start : e.end] == e.text
        out.append(
            (
                e.text,
                e.value.value if e.value else None,
                e.value.granularity if e.value else None,
                e.kind,
            )
        )
    return out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor resigned on 6 January.", ("6 January", "2021-01-06", "day")),
        ("The vote is scheduled for January 21, 2022.", ("January 21, 2022", "2022-01-21", "day")),
        ("The protest happened on 25/12/2019.", ("25/12/2019", "2019-12-25", "day")),
        ("The hearing will resume on April 2.", ("April 2", "2021-04-02", "day")),
        ("Talks collapsed in October.", ("October", "2020-10", "month")),
        ("The company was founded in 2018.", ("2018", "2018", "year")),
        ("Prices rose sharply in March 2013.", ("March 2013", "2013-03", "month")),
        ("She was released yesterday.", ("yesterday", "2021-03-09", "day")),
        ("He met the minister on Monday.", ("Monday", "2021-03-08", "day")),
        ("The firm filed for bankruptcy last October.", ("last October", "2020-10", "month")),
        ("Inflation fell last year.", ("last year", "2020", "year")),
        ("Ratings dropped last month.", ("last month", "2021-02", "month")),
        ("It opened on Saturday, Feb 22, 2025.", ("Saturday, Feb 22, 2025", "2025-02-22", "day")),
    ],
)
def test_absolute_partial_and_relative(text: str, expected: tuple[str, str, str]) -> None:
    found = [(t, v, g) for t, v, g, k in tag(text) if k == "date"]
    assert expected in found


def test_ambiguous_numeric_date_follows_setting_or_nearest_reading() -> None:
    text = "The form was dated 10/12/2019."
    month_first = tag_time_expressions(text, "d", ANCHOR, TimeSettings(day_first=False))
    day_first = tag_time_expressions(text, "d", ANCHOR, TimeSettings(day_first=True))
    nearest = tag_time_expressions(text, "d", DateValue("2019-10-20", "day"), S)
    assert [e.value.value for e in month_first if e.value] == ["2019-10-12"]
    assert [e.value.value for e in day_first if e.value] == ["2019-12-10"]
    assert [e.value.value for e in nearest if e.value] == ["2019-10-12"]


def test_start_of_month_is_approximate_month() -> None:
    (expr,) = tag_time_expressions(
        "At the start of December 2019, the agency said so.", "d", ANCHOR, S
    )
    assert expr.text == "the start of December 2019"
    assert expr.value == DateValue("2019-12", "month", approximate=True)


def test_tense_picks_the_year() -> None:
    anchor = DateValue("2021-08-01", "day")
    past = tag_time_expressions("The suspect was arrested on February 3.", "d", anchor, S)
    future = tag_time_expressions("The trial will open on February 3.", "d", anchor, S)
    assert past[0].value and past[0].value.value == "2021-02-03"
    assert future[0].value and future[0].value.value == "2022-02-03"


def test_following_day_is_relative_to_the_previous_date() -> None:
    text = "The raid took place on 4 May 2020. The following day, police released him."
    values = [e.value.value for e in tag_time_expressions(text, "d", ANCHOR, S) if e.value]
    assert values == ["2020-05-04", "2020-05-05"]


def test_durations_have_no_value() -> None:
    text = "They spent 3 months and 3 days in detention and 24 hours in a cell."
    found = tag(text)
    assert ("3 months and 3 days", None, None, "duration") in found
    assert ("24 hours", None, None, "duration") in found


@pytest.mark.parametrize(
    "text",
    [
        "The 25-year-old testified in court.",
        "Protesters may gather outside, and some will march on the capital.",
        "About 2000 people attended; 1500 of them were students.",
        "He scored 12 points in 3 games.",
    ],
)
def test_false_hits_are_not_dates(text: str) -> None:
    assert [x for x in tag(text) if x[3] == "date"] == []


def test_one_year_sentence_is_a_duration_not_a_date() -> None:
    found = tag("Both were given one-year sentences.")
    assert found == [("one-year", None, None, "duration")]


def test_without_anchor_partial_dates_have_no_value() -> None:
    found = tag("The trial began on 6 January.", anchor=None)
    assert found == [("6 January", None, None, "date")]


def test_month_anchor_keeps_day_relative_expressions_coarse() -> None:
    found = tag("He went public last week.", anchor=DateValue("2019-10", "month", True))
    assert found[0][1:3] == ("2019-10", "month")


def test_bare_month_after_old_background_date_takes_its_year() -> None:
    text = "In August 2018, a court refused to extradite her. She fled the country in April."
    values = [
        e.value.value
        for e in tag_time_expressions(text, "d", DateValue("2020-01-15", "day"), S)
        if e.value
    ]
    assert values == ["2018-08", "2018-04"]


def test_duration_anchored_to_a_dated_event_gets_its_end_month() -> None:
    text = (
        "She was jailed in May 2015 and freed in June 2016. "
        "She was then kept under supervision for a period of 18 months."
    )
    found = tag_time_expressions(text, "d", ANCHOR, S)
    duration = next(e for e in found if e.kind == "duration")
    assert duration.text == "18 months"
    assert duration.value == DateValue("2017-12", "month", approximate=True)
    # An unanchored duration stays unvalued.
    (bare,) = tag_time_expressions("The talks lasted 18 months.", "d", ANCHOR, S)
    assert bare.kind == "duration" and bare.value is None
