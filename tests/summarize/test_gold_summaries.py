"""The gold stories that are not the seeds (a colliery explosion, a fraud trial, a protest
crackdown: tests/gold/stories), through the real pipeline: each is one story when grouped,
and its summary has no dateline, opens on no pronoun or connective, dates and cites every
sentence, states nothing superseded or overtaken as current, and stays within 120 words."""

from __future__ import annotations

import re

import pytest

from crosscheck.goldrun import gold_story
from dossier.model import Corpus, Sentence, Story
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.stories import group_stories
from dossier.summarize.state import state_flags

pytestmark = pytest.mark.slow

GOLD_STORIES = ("karsk_mine", "bellhaven_fraud", "tessaly_protest")
# A dateline: a word in capitals, then a dash within the first 60 characters (typography).
DATELINE = re.compile(r"^[A-Z]{2,}[^a-z\n]{0,50}\s[-–—]\s")
# not language: Universal Dependencies features
PERSONAL = "PronType=Prs"


@pytest.fixture(scope="module", params=GOLD_STORIES)
def case(
    request: pytest.FixtureRequest, settings: Settings, resources: Resources
) -> tuple[str, Corpus, Story]:
    corpus, story = gold_story(request.param, settings, resources)
    return request.param, corpus, story


def test_each_gold_story_is_one_story(
    case: tuple[str, Corpus, Story], settings: Settings, resources: Resources
) -> None:
    name, corpus, _ = case
    stories = group_stories(corpus.documents, settings.stories, resources)
    readable = {d.id for d in corpus.documents if d.readable}
    assert [set(s.document_ids) for s in stories] == [readable], name


def test_summary_is_short_dated_and_cited(case: tuple[str, Corpus, Story]) -> None:
    name, corpus, story = case
    docs = corpus.by_id()
    assert story.summary, name
    assert sum(len(s.text.split()) for s in story.summary) <= 120
    for sentence in story.summary:
        assert sentence.as_of is not None, sentence.text
        assert sentence.citations, sentence.text
        for c in sentence.citations:
            assert docs[c.doc].clean_text[c.start : c.end] == c.quote
        assert not DATELINE.match(sentence.text), sentence.text


def test_summary_sentences_stand_on_their_own(
    case: tuple[str, Corpus, Story], resources: Resources
) -> None:
    _, corpus, story = case
    docs = corpus.by_id()
    language = resources.language("en")
    assert language is not None
    for sentence in story.summary:
        own = sentence.citations[0]
        parse = docs[own.doc].parse
        assert parse is not None
        first = next(i for i in parse.token_range(own.start, own.end) if parse.pos[i] != "PUNCT")
        assert parse.lemmas[first].lower() not in language.news.connectives, sentence.text
        pronoun = parse.pos[first] == "PRON" and PERSONAL in parse.morphs[first]
        assert not pronoun, sentence.text


def test_nothing_superseded_or_overtaken_is_stated_as_current(
    case: tuple[str, Corpus, Story], resources: Resources
) -> None:
    _, corpus, story = case
    docs = corpus.by_id()
    expected = {
        (c.doc, c.start)
        for conflict in story.conflicts
        if conflict.kind == "superseded"
        for side in conflict.expected_sides
        for c in side.citations
    }
    language = resources.language("en")
    assert language is not None
    vocab = resources.pipeline_for("en").vocab
    newest = max(d.published.date.sort_key for d in docs.values() if d.published.date)
    for sentence in [*story.summary, *([story.headline] if story.headline else [])]:
        assert all((c.doc, c.start) not in expected for c in sentence.citations), sentence.text
        _assert_current(sentence, docs, newest, language, vocab)


def _assert_current(sentence: Sentence, docs, newest, language, vocab) -> None:  # type: ignore[no-untyped-def]
    """A sentence stating how things stand comes from a report of the story's last days."""
    own = sentence.citations[0]
    doc = docs[own.doc]
    (state,) = state_flags(doc, [(own.start, own.end)], language, vocab)
    if state and doc.published.date is not None:
        assert doc.published.date.sort_key >= _days_before(newest, 3), sentence.text


def _days_before(day: str, days: int) -> str:
    import datetime as dt

    return (dt.date.fromisoformat(day[:10]) - dt.timedelta(days=days)).isoformat()
