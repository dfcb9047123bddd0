"""Reading the dates a document states about itself: date lines with their labels, clock
times and zones; file names; htmldate's copyright year; year-less and two-way dates."""

from __future__ import annotations

import datetime as dt

import pytest

from dossier.model import Document, Removal
from dossier.nlp import read_documents
from dossier.resources import Resources
from dossier.time import TimeSettings, date_documents
from dossier.time.grammar import Grammar
from dossier.time.pagedate import filename_dates, metadata_check, numeric_votes, printed_dates
from dossier.time.printed import stated_day


@pytest.fixture(scope="module")
def g(resources: Resources) -> Grammar:
    grammar = resources.time_grammar("en")
    assert grammar is not None
    return grammar


def _page(lines: list[str], body: str = "The council met and voted.", **kw: object) -> Document:
    raw = "\n\n".join([*lines, body])
    removals = tuple(
        Removal(raw.index(ln), raw.index(ln) + len(ln), "page-date", ln) for ln in lines
    )
    return Document(id="p", source="p.txt", raw_text=raw, clean_text=body, removals=removals, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("line", "role", "day", "time", "zone"),
    [
        ("Thursday, March 7, 2024 | Lyon 9°C", "unlabelled", (2024, 3, 7), None, None),
        ("Staff writer | 3rd May 2022", "unlabelled", (2022, 5, 3), None, None),
        ("Posted on 12 March 2024 in Business", "published", (2024, 3, 12), None, None),
        (
            "Last updated: Sunday, 2 August 2026 at 10:12 BST",
            "updated",
            (2026, 8, 2),
            "10:12",
            "BST",
        ),
        ("Updated 12:40 PM EDT, Tue June 13, 2023", "updated", (2023, 6, 13), "12:40", "EDT"),
        ("By A. Roe | 14 May 2023 at 10:30 a.m. EDT", "unlabelled", (2023, 5, 14), "10:30", "EDT"),
        ("Published: 2021-06-05T10:12:00+01:00", "published", (2021, 6, 5), "10:12", "+01:00"),
    ],
)
def test_date_lines(
    g: Grammar,
    line: str,
    role: str,
    day: tuple[int, int, int],
    time: str | None,
    zone: str | None,
) -> None:
    (found,) = printed_dates(_page([line]), g)
    assert found.role == role and found.text == line
    assert (found.spec.year, found.spec.month, found.spec.day) == day
    assert (found.time, found.zone) == (time, zone)


def test_published_and_updated_are_kept_apart(g: Grammar) -> None:
    line = "Published 4 June 2021, 08:15 GMT | Updated 5 June 2021, 11:02 GMT"
    published, updated = printed_dates(_page([line]), g)
    assert (published.role, published.spec.day, published.time) == ("published", 4, "08:15")
    assert (updated.role, updated.spec.day, updated.time) == ("updated", 5, "11:02")
    (doc,) = date_documents([_page([line])], TimeSettings(today="2026-12-01"))
    assert doc.published.date is not None and doc.published.date.value == "2021-06-04"
    assert doc.dating.updated is not None and doc.dating.updated.value == "2021-06-05"


def test_a_dated_byline_kept_in_the_text_is_the_page_date(g: Grammar, resources: Resources) -> None:
    body = (
        "Rescue crews reached the flooded tunnel on Monday and brought four workers out, "
        "the fire service said."
    )
    kept = f"Staff writer | 3rd May 2022\n\n{body}"
    (doc,) = read_documents(
        [Document(id="k", source="k.txt", raw_text=kept, clean_text=kept)], resources
    )
    (found,) = printed_dates(doc, g)
    assert found.text == "Staff writer | 3rd May 2022" and found.header
    # A headline has a verb: its date is what it reports, not the page's.
    headline = f"Strike called for 9 June at the port\n\n{body}"
    (doc,) = read_documents(
        [Document(id="h", source="h.txt", raw_text=headline, clean_text=headline)], resources
    )
    assert printed_dates(doc, g) == []


@pytest.mark.parametrize(
    ("source", "value"),
    [
        ("/in/rferl-2020-01-21.txt", (2020, 1, 21, None)),
        ("20200121_court_ruling.txt", (2020, 1, 21, None)),
        ("crawl/2021/03/09/page.txt", (2021, 3, 9, None)),
        ("bulletin-21.01.2020.txt", (2020, None, None, (21, 1))),
        ("digest_2019_11.txt", (2019, 11, None, None)),
    ],
)
def test_file_names(source: str, value: tuple[object, ...]) -> None:
    (found,) = filename_dates(source)
    spec = found.spec
    assert (spec.year, spec.month, spec.day, spec.numeric) == value
    assert found.source == "filename"


@pytest.mark.parametrize(
    "source", ["000_536f53c610dde033.txt", "InputDocs/2009-04-25/558.htm.txt", "a20200121b.txt"]
)
def test_names_without_a_date(source: str) -> None:
    assert filename_dates(source) == []  # a hash, a date folder (the folder's), letters around


def test_a_file_name_dates_a_document(resources: Resources) -> None:
    doc = Document(id="r", source="/in/rferl-2020-01-21.txt", clean_text="Police detained six.")
    (out,) = date_documents([doc], TimeSettings(), resources)
    assert out.published.basis == "filename"
    assert out.published.date is not None and out.published.date.value == "2020-01-21"


def test_htmldates_copyright_year_is_no_publication_day(g: Grammar) -> None:
    html = (
        "<html><body><p>The school was saved.</p>"
        "<footer>Copyright 2024 Voice</footer></body></html>"
    )
    doc = Document(
        id="h", source="h.html", media_type="html", raw_text=html, metadata_date="2024-01-01"
    )
    flag = metadata_check(doc, g)
    assert (
        flag is not None and flag.kind == "metadata-date-rejected" and "copyright" in flag.message
    )
    new_year = html.replace("The school was saved.", "The school reopened on 1 January 2024.")
    assert (
        metadata_check(
            Document(
                id="h",
                source="h.html",
                media_type="html",
                raw_text=new_year,
                metadata_date="2024-01-01",
            ),
            g,
        )
        is None
    )
    (dated,) = date_documents(
        [
            Document(
                id="h",
                source="h.html",
                media_type="html",
                raw_text=html,
                clean_text="The school was saved.",
                metadata_date="2024-01-01",
            )
        ],
        TimeSettings(),
    )
    assert dated.published.basis != "metadata"


def test_a_year_less_printed_date_takes_the_year_of_its_weekday(resources: Resources) -> None:
    page = _page(
        ["Fri 8 Nov, 09:10"], body="Shares fell after the bank's results, first published in 2023."
    )
    (doc,) = date_documents([page], TimeSettings(today="2026-12-01"), resources)
    assert doc.published.date is not None and doc.published.date.value == "2024-11-08"
    assert dt.date(2024, 11, 8).weekday() == 4
    assert "page-year-inferred" in {f.kind for f in doc.flags}


def test_numeric_votes() -> None:
    assert numeric_votes("25/12/2020 and 03/04/2021 and 12/25/2020 and 12/31/2020") == (1, 2)


def test_stated_day_is_the_earliest_the_document_states(g: Grammar) -> None:
    page = _page(
        ["Posted on 12 March 2024", "Last updated: 2 August 2026"], folder_date="2024-03-15"
    )
    assert stated_day(page, g) == dt.date(2024, 3, 12)
