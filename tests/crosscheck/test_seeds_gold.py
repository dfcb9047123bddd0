"""Conflicts on the five seed articles, scored against tests/gold/conflicts_seeds.json.

The inputs are built by the real upstream stages (the lead's pipeline), so
this measures the whole chain up to cross-checking. Precision matters as much
as recall: every reported conflict must be a real one.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.model import Corpus, Story
from dossier.resources import Resources
from dossier.settings import Settings

from .gold import score
from .seedrun import main_story, seed_corpus

GOLD = Path(__file__).resolve().parents[1] / "gold"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def corpus(seeds_dir: Path, settings: Settings, resources: Resources) -> Corpus:
    return seed_corpus(seeds_dir, settings, resources)


@pytest.fixture(scope="module")
def story(corpus: Corpus) -> Story:
    return main_story(corpus)


def test_conflicts_against_gold(story: Story) -> None:
    gold = json.loads((GOLD / "conflicts_seeds.json").read_text(encoding="utf-8"))
    floors = json.loads((GOLD / "conflicts_floors.json").read_text(encoding="utf-8"))
    result = score(gold, story.conflicts, story.corroborations)
    report = (
        f"recall={result.recall:.2f} precision={result.precision:.2f} "
        f"agreements={result.agreements:.2f}\nmissed={result.missed}\n"
        f"spurious={result.spurious}\nunconfirmed={result.unconfirmed}"
    )
    assert result.recall >= floors["recall"], report
    assert result.precision >= floors["precision"], report
    assert result.agreements >= floors["agreements"], report
    assert not result.violations, result.violations


def test_citations_are_exact(story: Story, corpus: Corpus) -> None:
    docs = corpus.by_id()
    cits = [c for k in story.conflicts for s in k.sides for c in s.citations]
    cits += [c for f in story.corroborations for c in f.citations]
    cits += [c.citation for c in story.claims]
    assert cits
    for conflict in story.conflicts:
        assert len(conflict.sides) >= 2 and conflict.description
        assert all(side.citations and side.text for side in conflict.sides)
    for c in cits:
        assert c.doc in story.document_ids
        assert docs[c.doc].clean_text[c.start : c.end] == c.quote


def test_independent_sources_never_exceed_outlets(story: Story) -> None:
    for fact in story.corroborations:
        assert 1 <= fact.independent_sources <= len(fact.outlets) <= len(fact.citations)
