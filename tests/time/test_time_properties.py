"""Property tests for the parser and normaliser."""

from __future__ import annotations

import calendar
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.model import DateValue
from dossier.time import TimeSettings, tag_time_expressions

S = TimeSettings()
MONTHS = list(calendar.month_name)[1:]
ANCHOR = DateValue("2021-06-15", "day")

dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2099, 12, 31))


@settings(max_examples=200, deadline=None)
@given(d=dates, style=st.sampled_from(["mdy", "dmy", "my", "y"]))
def test_written_dates_normalise_exactly(d: dt.date, style: str) -> None:
    month = MONTHS[d.month - 1]
    text, value, gran = {
        "mdy": (f"{month} {d.day}, {d.year}", d.isoformat(), "day"),
        "dmy": (f"{d.day} {month} {d.year}", d.isoformat(), "day"),
        "my": (f"{month} {d.year}", f"{d.year:04d}-{d.month:02d}", "month"),
        "y": (f"{d.year}", f"{d.year:04d}", "year"),
    }[style]
    sentence = f"The agreement was signed in {text}."
    found = tag_time_expressions(sentence, "d", ANCHOR, S)
    assert len(found) == 1
    (expr,) = found
    assert expr.text == text
    assert expr.value == DateValue(value, gran)  # type: ignore[arg-type]


@settings(max_examples=200, deadline=None)
@given(d=dates, anchor=dates)
def test_partial_dates_never_gain_a_wrong_month_or_day(d: dt.date, anchor: dt.date) -> None:
    month = MONTHS[d.month - 1]
    sentence = f"Officials met on {month} {d.day} to discuss it."
    found = tag_time_expressions(sentence, "d", DateValue(anchor.isoformat(), "day"), S)
    values = [e.value for e in found if e.value is not None]
    assert len(values) <= 1
    for v in values:
        assert v.granularity == "day"
        assert v.value[5:] == f"{d.month:02d}-{d.day:02d}"
        assert abs(int(v.value[:4]) - anchor.year) <= 1


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
@settings(max_examples=200, deadline=None)
def test_any_text_gives_valid_spans(text: str) -> None:
    for e in tag_time_expressions(text, "d", ANCHOR, S):
        assert text[e.start : e.end] == e.text
        assert e.start < e.end
        if e.value is not None:
            assert len(e.value.value) == {"year": 4, "month": 7, "day": 10}[e.value.granularity]
