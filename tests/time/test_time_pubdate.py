"""Publication dates of fictional documents: every basis and every flag."""

from __future__ import annotations

from dossier.model import DateValue, Document
from dossier.time import TimeSettings, date_documents

S = TimeSettings()

STALE_REPRINT = """Two activists of the Green Valley movement were detained on November 3, \
a day after they spoke at a rally in Riverton.

The pair went public last week with claims of harassment. They say they crossed into the country \
on October 28.

One of them was jailed in 2012 and freed in June 2014. He was then kept under police supervision \
for a period of 12 months, he said.

"We will keep speaking," the older activist said on November 1.
"""

AMBIGUOUS = """The hearing in the case of the harbour workers, which opened on March 1, was \
adjourned until March 15 after the judge fell ill.
"""


def doc(doc_id: str, text: str, **kw: object) -> Document:
    return Document(id=doc_id, source=f"{doc_id}.txt", raw_text=text, clean_text=text, **kw)  # type: ignore[arg-type]


def kinds(d: Document) -> list[str]:
    return [f.kind for f in d.flags]


def test_page_stamped_years_later_than_content_is_contradicted() -> None:
    (d,) = date_documents(
        [doc("reprint", STALE_REPRINT, page_date_text="Saturday, March 9, 2024")], S
    )
    assert d.published.basis == "content"
    # The latest day it reports ("detained on November 3"), approximate, and the range.
    assert d.published.date == DateValue("2015-11-03", "day", approximate=True)
    assert d.dating.earliest == DateValue("2015-11-03", "day")
    assert d.published.page_date == "Saturday, March 9, 2024"
    assert "page-date-contradicted" in kinds(d)
    message = next(f.message for f in d.flags if f.kind == "page-date-contradicted")
    assert "2024" in message and "2015-11" in message


def test_fresh_page_date_is_kept() -> None:
    (d,) = date_documents([doc("fresh", STALE_REPRINT, page_date_text="November 6, 2015")], S)
    assert d.published.date == DateValue("2015-11-06", "day")
    assert d.published.basis == "page"
    assert kinds(d) == []


def test_ambiguous_numeric_page_date_is_read_as_the_content_suggests() -> None:
    (d,) = date_documents([doc("amb", AMBIGUOUS, page_date_text="03/04/2021, 10.15")], S)
    assert d.published.date == DateValue("2021-03-04", "day")
    (flag,) = d.flags
    assert flag.kind == "ambiguous-date-format"
    assert "2021-03-04" in flag.message and "2021-04-03" in flag.message


def test_unambiguous_numeric_dates_on_the_page_decide_the_order() -> None:
    text = AMBIGUOUS + "\nRelated: 25/12/2020 09:00\n"
    (d,) = date_documents([doc("amb2", text, page_date_text="03/04/2021")], S)
    assert d.published.date == DateValue("2021-04-03", "day")
    assert kinds(d) == []  # decided by the page, not guessed: nothing to flag


def test_metadata_then_page_then_folder() -> None:
    text = "The council met on Tuesday and approved the budget."
    docs = [
        doc("m", text, metadata_date="2022-05-17T10:00:00", page_date_text="May 18, 2022"),
        doc("f", text, folder_date="2022-05-19"),
    ]
    m, f = date_documents(docs, S)
    assert (m.published.date, m.published.basis) == (DateValue("2022-05-17", "day"), "metadata")
    assert (f.published.date, f.published.basis) == (DateValue("2022-05-19", "day"), "folder")
    # Relative expressions are anchored to the chosen date.
    tuesday = next(e for e in m.time_expressions if e.text == "Tuesday")
    assert tuesday.value == DateValue("2022-05-17", "day")


def test_no_evidence_gives_no_date_and_a_flag() -> None:
    (d,) = date_documents([doc("none", "The river is wide and the bridge is old.")], S)
    assert d.published.date is None and d.published.basis == "none"
    assert kinds(d) == ["no-date"]


def test_year_borrowed_from_a_dated_document_reporting_the_same_day() -> None:
    dated = doc(
        "a", "The strike began on February 12 at the port.", page_date_text="February 14, 2023"
    )
    undated = doc(
        "b", "Dockers walked out on February 12, in a dispute over pay first raised in 2019."
    )
    a, b = date_documents([dated, undated], S)
    assert a.published.date == DateValue("2023-02-14", "day")
    assert b.published.date == DateValue("2023-02-12", "day", approximate=True)
    assert b.published.basis == "content"
    assert "date-inferred" in kinds(b)


def test_rejected_documents_are_untouched() -> None:
    rejected = Document(id="r", source="r.txt", status="rejected", reason="empty")
    assert date_documents([rejected], S) == (rejected,)


def test_metadata_and_page_disagreeing_is_flagged() -> None:
    text = "The council met on Tuesday and approved the budget."
    (d,) = date_documents(
        [doc("mm", text, metadata_date="2022-05-17", page_date_text="June 2, 2022")], S
    )
    assert d.published.basis == "metadata"
    assert "metadata-page-mismatch" in kinds(d)


def test_page_older_than_the_events_it_reports_is_questioned_but_kept() -> None:
    text = (
        "The dam was completed in March 2019. Engineers from the regional authority inspected "
        "it on 4 June 2021 and said it was safe."
    )
    (d,) = date_documents([doc("old", text, page_date_text="January 5, 2018")], S)
    assert d.published.date == DateValue("2018-01-05", "day")
    assert d.published.basis == "page"
    (flag,) = d.flags
    assert flag.kind == "page-date-questioned" and "2021-06-04" in flag.message


def test_future_dates_are_not_evidence() -> None:
    settings = TimeSettings(today="2022-01-01")
    text = "The plant was closed on 3 March 2021 after a long dispute between the owners."
    (d,) = date_documents([doc("fut", text + " It reopened on 9 May 2030.")], settings)
    assert d.published.date == DateValue("2021-03-03", "day", approximate=True)


def test_years_alone_only_bound_the_date() -> None:
    (d,) = date_documents([doc("yrs", "The factory opened in 2011 and closed in 2015.")], S)
    assert d.published.date is None
    assert d.published.basis == "none"
    (flag,) = d.flags
    assert flag.kind == "date-undetermined" and "2015" in flag.message


def test_history_in_a_fresh_article_does_not_contradict_its_date() -> None:
    text = (
        "The museum reopened yesterday. It was founded in 1967, and on 18 March the city "
        "council voted to restore its east wing, the director said."
    )
    (d,) = date_documents([doc("hist", text, folder_date="2010-06-22")], S)
    assert d.published.basis == "folder"
    assert d.published.date == DateValue("2010-06-22", "day")
    assert kinds(d) == []


def test_full_date_in_text_is_its_present_and_year_less_dates_precede_it() -> None:
    text = (
        "Officials said on Tuesday 20 July 2010 that the leak which began on April 20 "
        "had been capped, and that cleanup crews would stay for months."
    )
    (d,) = date_documents([doc("cap", text)], S)
    assert d.published.date == DateValue("2010-07-20", "day", approximate=True)
    assert d.published.basis == "content"
