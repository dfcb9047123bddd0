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


_PIECES = st.sampled_from(
    [
        "On March 3 ",
        "last week ",
        "in 2019 ",
        "01/08/2020 ",
        "Saturday, Feb 22, 2025 ",
        "the following day ",
        "he was arrested ",
        "will appear ",
        "for 16 months ",
        "then ",
        ". ",
        "\n",
        "in October ",
        "25/12/2020 ",
        "yesterday ",
    ]
)


@settings(max_examples=100, deadline=None)
@given(
    body=st.lists(_PIECES, max_size=20).map("".join),
    page=st.one_of(st.none(), st.lists(_PIECES, max_size=3).map("".join)),
    meta=st.one_of(st.none(), st.sampled_from(["2020-01-08", "2019-10", "garbage"])),
)
def test_date_documents_never_fails_and_never_invents_precision(
    body: str, page: str | None, meta: str | None
) -> None:
    from dossier.model import Document
    from dossier.time import date_documents

    doc = Document(id="x", source="x", clean_text=body, page_date_text=page, metadata_date=meta)
    (out,) = date_documents([doc], S)
    date = out.published.date
    if out.published.basis == "none":
        assert date is None and out.flags
    else:
        assert date is not None
    if out.published.basis == "content":
        assert date is not None and date.approximate
    for e in out.time_expressions:
        assert body[e.start : e.end] == e.text
