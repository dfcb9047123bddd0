from __future__ import annotations

import pytest

from dossier.errors import StageOrderError
from dossier.pipeline import DEFAULT_STAGES, check_order


def test_default_stage_list_is_in_a_valid_order() -> None:
    check_order(DEFAULT_STAGES)


def test_a_stage_before_what_it_needs_is_refused() -> None:
    by_name = {s.name: s for s in DEFAULT_STAGES}
    reordered = [by_name["clean"], by_name["entities"], by_name["stories"]]
    with pytest.raises(StageOrderError, match="entities"):
        check_order(reordered)


def test_every_stage_provides_something_and_names_are_unique() -> None:
    names = [s.name for s in DEFAULT_STAGES]
    assert len(names) == len(set(names))
    assert all(s.provides for s in DEFAULT_STAGES)
    assert all(s.run_documents is not None for s in DEFAULT_STAGES if s.scope == "document")
