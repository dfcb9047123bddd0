from __future__ import annotations

import pytest

from dossier.errors import StageOrderError
from dossier.pipeline import DEFAULT_STAGES
from dossier.stages import CorpusStage, DocumentStage, Field, StoryStage, check_order


def test_default_stage_list_is_in_a_valid_order() -> None:
    check_order(DEFAULT_STAGES)


def test_a_stage_before_what_it_needs_is_refused() -> None:
    by_name = {s.name: s for s in DEFAULT_STAGES}
    reordered = [by_name["language"], by_name["clean"], by_name["entities"], by_name["stories"]]
    with pytest.raises(StageOrderError, match="entities"):
        check_order(reordered)


def test_two_stages_with_one_name_are_refused() -> None:
    with pytest.raises(StageOrderError, match="two stages"):
        check_order([DEFAULT_STAGES[0], DEFAULT_STAGES[0]])


def test_every_stage_provides_something_and_names_are_unique() -> None:
    names = [s.name for s in DEFAULT_STAGES]
    assert len(names) == len(set(names))
    assert all(s.provides for s in DEFAULT_STAGES)
    assert all(isinstance(f, Field) for s in DEFAULT_STAGES for f in s.requires | s.provides)


def test_scopes_are_declared_by_the_stage_type() -> None:
    scopes = {s.name: s.scope for s in DEFAULT_STAGES}
    assert {n for n, sc in scopes.items() if sc == "document"} == {"language", "parse", "mentions"}
    assert {n for n, sc in scopes.items() if sc == "story"} == {
        "entities",
        "events",
        "crosscheck",
        "summarize",
        "verify",
    }
    for stage in DEFAULT_STAGES:
        expected = {DocumentStage: "document", StoryStage: "story", CorpusStage: "corpus"}
        assert stage.scope == expected[type(stage)]
