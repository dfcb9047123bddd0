"""Summaries of a fictional story and of the seeds: extractive, cited, short, current."""

from __future__ import annotations

from pathlib import Path

import pytest

from crosscheck import story  # tests/crosscheck (pytest puts tests/ on sys.path)
from crosscheck.seedrun import main_story, seed_corpus
from dossier.model import (
    Citation,
    Conflict,
    ConflictSide,
    DateValue,
    Document,
    Event,
    PublishedDate,
    Sentence,
)
from dossier.nlp import read_documents
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.summarize import SummarySettings, summarize
from dossier.text import word_count

BOILERPLATE_DOC = Document(
    id="boiler",
    source="boiler.txt",
    outlet="Coast Herald",
    published=PublishedDate(DateValue("2021-03-21", "day"), "test"),
    clean_text=(
        "Subscribe to our newsletter for the latest news from Norvik and the coast.\n\n"
        "Tomas Varga and Elin Sorensen left the Norvik court building as free people on Sunday."
    ),
)


_PARSED: dict[int, tuple[Document, ...]] = {}


def _docs() -> tuple[Document, ...]:
    """The fictional story's documents with their language and parse (read once)."""
    if not _PARSED:
        _PARSED[0] = read_documents((*story.documents(), BOILERPLATE_DOC), Resources())
    return _PARSED[0]


def _superseded(docs: tuple[Document, ...]) -> Conflict:
    by_id = {d.id: d for d in docs}
    ledger, post = by_id["ledger"].clean_text, by_id["post"].clean_text
    expect = "Prosecutors said the pair will probably be extradited to Estoria after the trial."
    later = post.split("\n\n")[0]
    a, b = ledger.index(expect), post.index(later)
    return Conflict(
        "conflict-1",
        "superseded",
        "expected extradition, later ruled out",
        (
            ConflictSide(expect, (by_id["ledger"].cite(a, a + len(expect)),)),
            ConflictSide(later, (by_id["post"].cite(b, b + len(later)),)),
        ),
    )


def _check_faithful(sentences: list[Sentence], docs: tuple[Document, ...]) -> None:
    by_id = {d.id: d for d in docs}
    for s in sentences:
        assert s.citations, s.text
        for c in s.citations:
            assert by_id[c.doc].clean_text[c.start : c.end] == c.quote
        # Extractive: the text is exactly the first citation's quote.
        assert s.text == s.citations[0].quote


@pytest.fixture(scope="module")
def fictional() -> tuple[Sentence | None, tuple[Sentence, ...], tuple[Document, ...]]:
    docs = _docs()
    events = (
        Event(
            "ev-1",
            DateValue("2021-02-20", "day"),
            "arrested",
            (_cite(docs, "ledger", "Tomas Varga, 41, and Elin Sorensen were arrested"),),
        ),
    )
    headline, summary = summarize(
        docs, story.entities(docs), events, (_superseded(docs),), SummarySettings()
    )
    return headline, summary, docs


def _cite(docs: tuple[Document, ...], doc_id: str, phrase: str) -> Citation:
    doc = next(d for d in docs if d.id == doc_id)
    start = doc.clean_text.index(phrase)
    return doc.cite(start, start + len(phrase))


def test_fictional_summary_is_extractive_and_cited(fictional) -> None:  # type: ignore[no-untyped-def]
    headline, summary, docs = fictional
    assert headline is not None and summary
    _check_faithful([headline, *summary], docs)
    assert sum(word_count(s.text) for s in summary) <= 120
    assert len({s.text for s in summary}) == len(summary)


def test_fictional_summary_avoids_superseded_and_boilerplate(fictional) -> None:  # type: ignore[no-untyped-def]
    headline, summary, _ = fictional
    texts = [headline.text, *(s.text for s in summary)]
    assert not any("will probably be extradited" in t for t in texts)
    assert not any("newsletter" in t.lower() for t in texts)


def test_fictional_headline_is_the_latest_state(fictional) -> None:  # type: ignore[no-untyped-def]
    headline, summary, _ = fictional
    assert headline.citations[0].doc in {"post", "boiler"}, headline.text
    # Chronological: the arrest comes before the ruling.
    texts = [s.text for s in summary]
    arrest = next(i for i, t in enumerate(texts) if "arrested" in t)
    ruling = next(i for i, t in enumerate(texts) if "will not be extradited" in t)
    assert arrest < ruling


def test_corroborated_sentence_cites_every_outlet(fictional) -> None:  # type: ignore[no-untyped-def]
    _, summary, _ = fictional
    cited = [{c.doc for c in s.citations} for s in summary if "arrested" in s.text]
    assert cited and {"ledger", "herald"} <= cited[0]


def test_word_budget_is_respected() -> None:
    docs = _docs()
    _, summary = summarize(docs, story.entities(docs), (), (), SummarySettings(max_words=25))
    assert summary and sum(word_count(s.text) for s in summary) <= 25


def test_nothing_to_summarise() -> None:
    assert summarize((), (), (), (), SummarySettings()) == (None, ())


@pytest.mark.slow
def test_seed_summary(seeds_dir: Path, settings: Settings, resources: Resources) -> None:
    corpus = seed_corpus(seeds_dir, settings, resources)
    s = main_story(corpus)
    docs = tuple(d for d in corpus.documents if d.id in s.document_ids)
    headline, summary = s.headline, s.summary
    assert headline is not None and summary
    _check_faithful([headline, *summary], docs)
    assert sum(word_count(x.text) for x in summary) <= settings.summarize.max_words
    # The latest state: the verdict (sentence / not deported), not an expectation.
    assert any(w in headline.text for w in ("sentenced", "not be deported", "ruled", "sentences"))
    texts = " ".join(x.text for x in (headline, *summary))
    for stale in ("will probably follow", "would be handed back", "lawyer for the prosecution"):
        assert stale not in texts
