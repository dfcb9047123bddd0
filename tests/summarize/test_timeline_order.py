"""Summaries in timeline order, dated by what each sentence itself reports, titles from
what a story's documents share, and main events by outlets and centrality: on stories that
are not the seeds (a fictional doping case of five reports by four outlets, one of them a
race preview that opens on the weather, tests/summarize/fixtures/varnhout_doping; the
Timeline17 BP oil-flow subset, tests/gold/subset_bpoil.json) and on the seeds, read through
../shared/seeds."""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from pathlib import Path

import pytest

from crosscheck.goldrun import gold_story
from crosscheck.seedrun import main_story, seed_corpus
from dossier.model import Corpus, Document, Sentence, Story
from dossier.pipeline import run_pipeline
from dossier.report.ranking import main_events
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.stories.titles import story_title
from dossier.summarize.candidates import Candidate, candidates
from dossier.summarize.select import placed_or_alone, score_all

pytestmark = pytest.mark.slow

DOPING = Path(__file__).parent / "fixtures" / "varnhout_doping"
ASIDE = "Rain and crosswinds expected for weekend's Harrow Hills race"
# Test-only memo: the fictional case runs the whole pipeline once per session.
_RUNS: dict[int, Corpus] = {}


@pytest.fixture(scope="module")
def doping(settings: Settings, resources: Resources) -> tuple[Corpus, Story]:
    if id(resources) not in _RUNS:
        _RUNS[id(resources)] = run_pipeline([DOPING], settings, resources)
    corpus = _RUNS[id(resources)]
    assert len(corpus.stories) == 1, [s.title for s in corpus.stories]
    return corpus, corpus.stories[0]


@pytest.fixture(scope="module", params=["doping", "bpoil", "seeds"])
def any_story(
    request: pytest.FixtureRequest, settings: Settings, resources: Resources, seeds_dir: Path
) -> tuple[str, Corpus, Story]:
    if request.param == "doping":
        corpus, story = request.getfixturevalue("doping")
    elif request.param == "bpoil":
        corpus, story = gold_story("bpoil", settings, resources)
    else:
        corpus = seed_corpus(seeds_dir, settings, resources)
        story = main_story(corpus)
    return request.param, corpus, story


def _pool(corpus: Corpus, resources: Resources, doc_ids: Sequence[str] = ()) -> list[Candidate]:
    language = resources.language("en")
    grammar = resources.time_grammar("en")
    assert language is not None and grammar is not None
    docs = [d for d in corpus.documents if d.readable and (not doc_ids or d.id in doc_ids)]
    vocabs = {"en": resources.pipeline_for("en").vocab}
    return candidates(docs, {"en": language}, 7, 45, vocabs, {"en": grammar})


def _one(pool: Sequence[Candidate], words: str) -> Candidate:
    found = [c for c in pool if words in c.text]
    assert len(found) == 1, (words, [c.text for c in found])
    return found[0]


def _not_after(a: str, b: str) -> bool:
    """``a`` comes no later than ``b``, a month or year holding the days inside it."""
    n = min(len(a), len(b))
    return a[:n] <= b[:n]


def _when(s: Sentence) -> str:
    date = s.event_date or s.as_of
    return date.value if date is not None else "9999"


def test_summary_is_in_timeline_order(any_story: tuple[str, Corpus, Story]) -> None:
    name, _, story = any_story
    assert len(story.summary) >= 2, name
    dates = [_when(s) for s in story.summary]
    assert all(_not_after(a, b) for a, b in pairwise(dates)), (name, dates)


def test_summary_and_headline_cite_only_what_states_them(
    any_story: tuple[str, Corpus, Story],
) -> None:
    name, _, story = any_story
    failed = [c for c in story.citation_checks if c.where in ("summary", "headline")]
    assert story.citations_checked > 0 and not failed, (name, failed)


def test_a_clause_inside_a_sentence_does_not_date_it(
    doping: tuple[Corpus, Story], resources: Resources
) -> None:
    corpus, _ = doping
    pool = _pool(corpus, resources)
    # The stripping is reported on 14 May; 9 March is when she won the race it was for.
    stripped = _one(pool, "stripped Varnhout of her victory")
    assert stripped.when is None
    won = _one(pool, "Varnhout won the Lendra Spring Classic on 9 March")
    assert won.when is not None and won.when.value == "2025-03-09"
    # Said on Friday: the statement is dated by its attribution.
    denied = _one(pool, "said on Friday that she had never taken")
    assert denied.when is not None and denied.when.value == "2025-03-21"


def test_a_sentence_dated_only_relative_to_its_report_is_left_out_when_another_states_it(
    doping: tuple[Corpus, Story], resources: Resources, seeds_dir: Path, settings: Settings
) -> None:
    corpus, story = doping
    pool = _pool(corpus, resources)
    relative = _one(pool, "announced the positive test earlier this week")
    assert relative.unplaced
    assert not _one(pool, "Varnhout won the Lendra Spring Classic on 9 March").unplaced
    texts = [s.text for s in (*story.summary, *([story.headline] if story.headline else []))]
    assert not any("earlier this week" in t for t in texts), texts
    seeds = main_story(seed_corpus(seeds_dir, settings, resources))
    assert not any("last week" in s.text for s in seeds.summary), [s.text for s in seeds.summary]


def test_a_sentence_dated_only_relative_to_its_report_stays_when_nothing_else_states_it(
    doping: tuple[Corpus, Story], resources: Resources
) -> None:
    corpus, story = doping
    words = "announced the positive test earlier this week"

    def kept(doc_ids: Sequence[str]) -> bool:
        pool = _pool(corpus, resources, doc_ids)
        scored = score_all(pool, story.entities, story.events, 0.3)
        return any(words in s.candidate.text for s in placed_or_alone(scored))

    assert kept(["peloton-0321"])  # its own report says nothing else of the announcement
    assert not kept(["peloton-0321", "courier-0318"])  # the Courier reports the suspension


def test_title_is_the_central_heading_not_an_aside(
    doping: tuple[Corpus, Story], resources: Resources
) -> None:
    corpus, story = doping
    by_id = corpus.by_id()
    aside = next(d for d in corpus.documents if d.title == ASIDE)
    # The aside comes from the latest report, and one as close to the others as any.
    assert aside.published.date is not None
    assert all(
        d.published.date and d.published.date.value <= aside.published.date.value
        for d in corpus.documents
    )
    scores = {m.doc: m.score for m in story.membership}
    assert scores[aside.id] >= sorted(scores.values())[len(scores) // 2]
    assert story.title != ASIDE
    assert "Varnhout" in story.title
    assert story.title in {by_id[d].title for d in story.document_ids}


def test_bpoil_title_is_a_statement_shared_by_its_reports(
    settings: Settings, resources: Resources
) -> None:
    corpus, story = gold_story("bpoil", settings, resources)
    docs = [d for d in corpus.documents if d.id in story.document_ids and d.readable]
    title = story_title(docs, (), resources)
    assert not title.rstrip().endswith("?")
    assert "oil" in title.lower()


def test_main_events_are_reported_widely_and_central(doping: tuple[Corpus, Story]) -> None:
    corpus, story = doping
    docs: dict[str, Document] = corpus.by_id()
    tickets = [e for e in story.events if "Ticket sales" in e.text]
    assert tickets and tickets[0].date.value < min(
        e.date.value for e in story.events if e not in tickets
    )  # the earliest event of the timeline, reported once and naming no one of the case
    chosen = main_events(story, docs, 8)
    assert len(chosen) == 8 < len(story.events)
    assert not any("Ticket sales" in e.text for e in chosen)
    assert [e.date.sort_key for e in chosen] == sorted(e.date.sort_key for e in chosen)
    widely = [e for e in story.events if len({c.doc for c in e.citations}) >= 2]
    assert widely and all(e in chosen for e in widely)


def test_a_verbless_caption_and_a_glued_title_are_no_summary_sentences(
    resources: Resources,
) -> None:
    """A shipwreck (fictional): a caption with names but no verb, and a title-case headline
    run into its lede, as pages pasted without line breaks have them."""
    text = (
        "Harbour Authority Chief Inspector Olsen Varga at the quayside in Brennport .\n\n"
        "Ferry Owner Denies Safety Lapses After Sinking The company that ran the ferry said "
        "on Monday that its crew had been trained in evacuation drills."
    )
    from dossier.nlp import read_documents

    (doc,) = read_documents([Document(id="w", source="w", clean_text=text)], resources)
    found = [c.text for c in _pool(Corpus(documents=(doc,)), resources)]
    assert found == [
        "The company that ran the ferry said on Monday that its crew had been trained in "
        "evacuation drills."
    ], found
