"""A case grown article by article is the case one build over all articles gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.casefile import recorded_changes
from dossier.model import Corpus, Document
from dossier.pipeline import run_pipeline
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.store import Store

from .conftest import Adder, assert_same_case, build_once, by_date, grow, read

pytestmark = pytest.mark.slow


class Case:
    def __init__(self, docs: list[Document], one: Corpus, dated: list[str]) -> None:
        self.docs = docs
        self.one = one
        self.dated = dated


def _case(tmp: Path, inputs: list[Path], settings: Settings, f32: Resources) -> Case:
    docs = read(inputs, settings)
    one = build_once(tmp / "one.sqlite", docs, settings, f32)
    with Store(tmp / "one.sqlite") as store:
        dated = by_date(store)
    return Case(docs, one, dated)


@pytest.fixture(scope="session")
def seeds_case(
    tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path, settings: Settings, f32: Resources
) -> Case:
    return _case(tmp_path_factory.mktemp("seeds-case"), [seeds_dir], settings, f32)


@pytest.fixture(scope="session")
def dorrow_case(
    tmp_path_factory: pytest.TempPathFactory, fixtures: Path, settings: Settings, f32: Resources
) -> Case:
    inputs = [fixtures / "dorrow", fixtures / "pellan"]
    return _case(tmp_path_factory.mktemp("dorrow-case"), inputs, settings, f32)


def test_one_build_into_a_store_is_the_pipeline(
    seeds_case: Case, seeds_dir: Path, settings: Settings, f32: Resources
) -> None:
    ref = run_pipeline([seeds_dir], settings, f32)
    assert_same_case(seeds_case.one, Corpus(documents=ref.documents, stories=ref.stories))


@pytest.mark.parametrize("order", ["date", "reverse"])
def test_seeds_added_one_at_a_time_equal_one_build(
    seeds_case: Case, order: str, tmp_path: Path, add: Adder
) -> None:
    ids = seeds_case.dated if order == "date" else list(reversed(seeds_case.dated))
    grown = grow(tmp_path / "grown.sqlite", seeds_case.docs, ids, add)
    assert_same_case(grown, seeds_case.one)
    assert len(grown.stories) == 1 and len(grown.stories[0].conflicts) >= 3
    assert len(grown.builds) == 5 and [b.added for b in grown.builds] == [(i,) for i in ids]


@pytest.mark.parametrize("order", ["date", "reverse"])
def test_a_fictional_case_in_another_domain_grows_the_same(
    dorrow_case: Case, order: str, tmp_path: Path, add: Adder
) -> None:
    ids = dorrow_case.dated if order == "date" else list(reversed(dorrow_case.dated))
    grown = grow(tmp_path / "grown.sqlite", dorrow_case.docs, ids, add)
    assert_same_case(grown, dorrow_case.one)
    groups = sorted(sorted(s.document_ids) for s in grown.stories)
    assert groups == [
        ["courier-fire", "gazette-charges", "herald-fire", "wire-trial"],
        ["courier-strike", "herald-strike"],
    ]


@pytest.fixture(scope="session")
def mine_case(tmp_path_factory: pytest.TempPathFactory, settings: Settings, f32: Resources) -> Case:
    """The colliery explosion of the cross-checking gold (tests/gold/stories/karsk_mine)."""
    folder = Path(__file__).resolve().parents[1] / "gold" / "stories" / "karsk_mine"
    return _case(tmp_path_factory.mktemp("mine-case"), [folder], settings, f32)


def test_a_gold_story_of_cross_checking_grows_the_same(
    mine_case: Case, tmp_path: Path, add: Adder
) -> None:
    grown = grow(tmp_path / "grown.sqlite", mine_case.docs, mine_case.dated, add)
    assert_same_case(grown, mine_case.one)
    assert any(s.events for s in grown.stories) and any(s.conflicts for s in grown.stories)


def test_in_date_order_the_story_keeps_its_id(
    dorrow_case: Case, tmp_path: Path, add: Adder
) -> None:
    fire = [
        i
        for i in dorrow_case.dated
        if i in {"herald-fire", "courier-fire", "gazette-charges", "wire-trial"}
    ]
    by_id = {d.id: d for d in dorrow_case.docs}
    ids = []
    with Store(tmp_path / "grown.sqlite") as store:
        for doc_id in fire:
            add(store, [by_id[doc_id]])
            ids.append({s.id for s in store.list_stories()})
    assert all(found == ids[0] for found in ids)  # the earliest report founded the story


def test_an_article_that_joins_two_stories_merges_them(
    fixtures: Path, settings: Settings, f32: Resources, add: Adder, tmp_path: Path
) -> None:
    fine = read([fixtures / "osk"], settings)
    fire = read([fixtures / "dorrow"], settings)
    bridge = read([fixtures / "bridge"], settings)
    with Store(tmp_path / "case.sqlite") as store:
        add(store, fine)
        add(store, fire)
        before = [s.id for s in store.list_stories()]
        assert len(before) == 2
        result = add(store, bridge)
        (story,) = store.list_stories()
        merged = store.get_story(story.id)
        assert merged is not None
        assert set(merged.document_ids) == {d.id for d in [*fine, *fire, *bridge]}
        gone = [i for i in before if i != story.id]
        assert len(gone) == 1
        kinds = {(c.kind, c.subject) for _, c in result.changes}
        assert ("story-merged", gone[0]) in kinds
        assert ("document-new", "gazette-link") in kinds
        # The gone story's id leads to the story it joined, and its log lives on there.
        assert store.story_alias(gone[0]) == story.id
        log = recorded_changes(store, story=story.id)
        assert any(c.kind == "story-new" and s == gone[0] for s, c in log)
    one = build_once(tmp_path / "one.sqlite", [*fine, *fire, *bridge], settings, f32)
    with Store(tmp_path / "case.sqlite") as store:
        assert_same_case(store.load_corpus(), one)


def test_a_stored_document_an_addition_dates_is_redated_and_the_log_says_so(
    fixtures: Path, settings: Settings, f32: Resources, add: Adder, tmp_path: Path
) -> None:
    """Year inference across documents: a report with only year-less dates, undated on its
    own, takes its year from a later report dating the same day; the grown case is the one
    build, and the change log says the stored report is now dated."""
    folder = fixtures / "halvik"
    docs = read([folder / "a", folder / "b"], settings)
    one = build_once(tmp_path / "one.sqlite", docs, settings, f32)
    with Store(tmp_path / "grown.sqlite") as store:
        first = add(store, [d for d in docs if d.id == "halvik-theft"])
        alone = store.load_corpus().documents[0]
        assert first.build is not None and alone.published.date is None
        assert "date-undetermined" in {f.kind for f in alone.flags}
        second = add(store, [d for d in docs if d.id == "halvik-2023-05-09"])
        grown = store.load_corpus()
    assert_same_case(grown, one)
    redated = next(d for d in grown.documents if d.id == "halvik-theft")
    assert redated.published.date is not None and redated.published.date.value == "2023-05-04"
    lines = [(c.kind, c.subject, c.text) for _, c in second.changes]
    assert ("document-new", "halvik-2023-05-09") in {(k, s) for k, s, _ in lines}
    assert any(
        k == "document-updated" and s == "halvik-theft" and "now dated 2023-05-04" in t
        for k, s, t in lines
    ), lines
