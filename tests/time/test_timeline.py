"""Timeline summarisation on a small fictional collection (tests/time/fixtures_timeline)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from dossier.model import DateValue, Document, PublishedDate, Sentence
from dossier.nlp import read_documents
from dossier.resources import Resources
from dossier.time.timeline import (
    SEPARATOR,
    TimelineEntry,
    TimelineSettings,
    format_timeline,
    select_timeline,
)
from tls_metrics import parse_timeline

FIXTURES = Path(__file__).parent / "fixtures_timeline"


RESOURCES = Resources()


_READ: dict[int, tuple[Document, ...]] = {}


def _load() -> tuple[Document, ...]:
    """The fixtures with their language and parse (the timeline's sentences), read once."""
    if not _READ:
        _READ[0] = read_documents(_texts(), RESOURCES)
    return _READ[0]


def _texts() -> tuple[Document, ...]:
    docs = []
    for path in sorted(FIXTURES.glob("*/*.txt")):
        text = path.read_text(encoding="utf-8")
        docs.append(
            Document(
                id=path.stem,
                source=str(path),
                raw_text=text,
                clean_text=text,
                folder_date=path.parent.name,
            )
        )
    return tuple(docs)


@pytest.fixture(scope="module")
def docs() -> tuple[Document, ...]:
    return _load()


def _days(entries: tuple[TimelineEntry, ...]) -> list[str]:
    return [e.date.value for e in entries]


def test_picks_the_obviously_important_dates(docs: tuple[Document, ...]) -> None:
    entries = select_timeline(docs, TimelineSettings(max_dates=3, per_date=2), RESOURCES)
    # arrest (mentioned by almost every report), postponed hearing, verdict
    assert _days(entries) == ["2021-03-01", "2021-03-04", "2021-03-09"]
    first = " ".join(s.text for s in entries[0].sentences)
    assert "detained" in first or "arrested" in first
    last = " ".join(s.text for s in entries[-1].sentences)
    assert "fined" in last or "guilty" in last


def test_entries_are_chronological_and_within_limits(docs: tuple[Document, ...]) -> None:
    entries = select_timeline(docs, TimelineSettings(max_dates=5, per_date=2), RESOURCES)
    assert 1 <= len(entries) <= 5
    assert _days(entries) == sorted(_days(entries))
    texts = [s.text for e in entries for s in e.sentences]
    assert all(1 <= len(e.sentences) <= 2 for e in entries)
    assert len(texts) == len(set(texts)), "a sentence is repeated"
    assert not any("Share this article" in t for t in texts), "boilerplate chosen"


def test_every_sentence_is_cited_verbatim(docs: tuple[Document, ...]) -> None:
    by_id = {d.id: d for d in docs}
    entries = select_timeline(docs, TimelineSettings(max_dates=4, per_date=3), RESOURCES)
    assert entries
    for entry in entries:
        for sentence in entry.sentences:
            assert sentence.citations
            for c in sentence.citations:
                assert by_id[c.doc].clean_text[c.start : c.end] == c.quote
            assert re.sub(r"\s+", " ", sentence.citations[0].quote) == sentence.text


def test_repeated_sentence_cites_every_copy() -> None:
    shared = "The council approved the new bridge on Monday after a long debate."
    docs = tuple(
        Document(id=f"d{i}", source="x", clean_text=shared + "\nA first report was filed on 1 May.")
        for i in range(3)
    )
    docs = tuple(replace(d, folder_date="2020-05-05") for d in docs)  # a Tuesday
    docs = read_documents(docs, RESOURCES)
    entries = select_timeline(docs, TimelineSettings(max_dates=3, per_date=1), RESOURCES)
    monday = [e for e in entries if e.date.value == "2020-05-04"]
    assert monday, _days(entries)
    assert monday[0].sentences[0].text == shared
    assert {c.doc for c in monday[0].sentences[0].citations} == {"d0", "d1", "d2"}


def test_date_window(docs: tuple[Document, ...]) -> None:
    settings = TimelineSettings(max_dates=3, per_date=1, start="2021-03-03", end="2021-03-31")
    days = _days(select_timeline(docs, settings, RESOURCES))
    assert "2021-03-01" not in days
    assert all("2021-03-03" <= d <= "2021-03-31" for d in days)
    assert "2021-03-09" in days


def test_bad_window_is_an_error(docs: tuple[Document, ...]) -> None:
    with pytest.raises(ValueError, match="ISO day"):
        select_timeline(docs, TimelineSettings(start="March 2021"), RESOURCES)


def test_unusable_documents_are_left_out(docs: tuple[Document, ...]) -> None:
    rejected = tuple(replace(d, status="rejected", reason="test") for d in docs)
    assert select_timeline(rejected, TimelineSettings(), RESOURCES) == ()
    undated = tuple(replace(d, folder_date=None) for d in docs)
    assert select_timeline(undated, TimelineSettings(), RESOURCES) == ()


def test_published_date_takes_precedence_over_folder(docs: tuple[Document, ...]) -> None:
    doc = replace(
        docs[0],
        folder_date="1999-01-01",
        published=PublishedDate(DateValue("2021-03-01", "day"), "metadata"),
    )
    entries = select_timeline((doc,), TimelineSettings(max_dates=1, per_date=1), RESOURCES)
    assert _days(entries) == ["2021-03-01"]


def test_keywords_steer_and_unknown_keywords_are_ignored(docs: tuple[Document, ...]) -> None:
    plain = select_timeline(docs, TimelineSettings(max_dates=3, per_date=1), RESOURCES)
    unknown = select_timeline(
        docs, TimelineSettings(max_dates=3, per_date=1, keywords=("zzz",)), RESOURCES
    )
    assert _days(plain) == _days(unknown)
    # the arrest day has a sentence with the keyword: filtering picks it, a bonus prefers it
    for settings in (
        TimelineSettings(max_dates=3, per_date=1, keywords=("lawyer",), keyword_filter=True),
        TimelineSettings(max_dates=3, per_date=1, keywords=("Lawyer",), keyword_bonus=1.0),
    ):
        steered = select_timeline(docs, settings, RESOURCES)
        assert _days(steered) == _days(plain)
        assert "lawyer" in steered[0].sentences[0].text
    assert "lawyer" not in plain[0].sentences[0].text


def test_format_is_timeline17() -> None:
    entries = (
        TimelineEntry(DateValue("2021-03-01", "day"), (Sentence("First  line.", ()),)),
        TimelineEntry(
            DateValue("2021-03-09", "day"),
            (Sentence("Second\nline.", ()), Sentence("Third.", ())),
        ),
    )
    text = format_timeline(entries)
    assert text == (
        "2021-03-01\nFirst line.\n" + SEPARATOR + "\n"
        "2021-03-09\nSecond line.\nThird.\n" + SEPARATOR + "\n"
    )
    assert SEPARATOR == "-" * 32
    assert parse_timeline(text) == {
        date(2021, 3, 1): ["First line."],
        date(2021, 3, 9): ["Second line.", "Third."],
    }
    assert format_timeline(()) == ""


def test_format_round_trips_a_selected_timeline(docs: tuple[Document, ...]) -> None:
    entries = select_timeline(docs, TimelineSettings(max_dates=3, per_date=2), RESOURCES)
    parsed = parse_timeline(format_timeline(entries))
    assert [d.isoformat() for d in parsed] == _days(entries)
    assert sum(len(v) for v in parsed.values()) == sum(len(e.sentences) for e in entries)


LISTING = (
    "Radio schedule: Saturday 14 March\n\n"
    "06:00 Morning News with the harbour report.\n"
    "09:00 The Garden Hour: planting and pruning in March.\n"
    "13:00 Lunchtime News from Norvik.\n"
    "18:00 Evening News and the weather."
)
TIMED = (
    "Saturday 14 March\n\n"
    "06:00 Morning News with the harbour report.\n"
    "09:00 The Garden Hour: planting and pruning.\n"
    "13:00 Lunchtime News from the city.\n"
    "18:00 Evening News and the weather."
)


@pytest.mark.parametrize("text", [LISTING, TIMED], ids=["named", "clock-times"])
def test_listings_and_schedules_are_left_out(docs: tuple[Document, ...], text: str) -> None:
    (listing,) = read_documents(
        (Document(id="listing", source="listing.txt", clean_text=text, folder_date="2021-03-14"),),
        RESOURCES,
    )
    entries = select_timeline((*docs, listing), TimelineSettings(max_dates=10), RESOURCES)
    cited = {c.doc for e in entries for s in e.sentences for c in s.citations}
    assert "listing" not in cited and cited
