"""Acronyms, appositions and renamings between organisation and place names, read as
sequences of the language's cue words."""

from __future__ import annotations

import pytest

from dossier.entities.names import NameMatcher
from dossier.entities.orgs import Grouper
from dossier.entities.vocab import Vocab
from dossier.lang import load_language

_EN = load_language("en")
assert _EN is not None
_GROUPER = Grouper(Vocab.of(_EN), NameMatcher(_EN.names))


@pytest.mark.parametrize(
    ("after", "acronym"),
    [
        (" (FRA) said on Monday", "FRA"),
        (", or the RNLI, said", "RNLI"),
        (", also known as U.N.H.C.R. in", "U.N.H.C.R."),
        (", known as   KNB and", "KNB"),
        (", which the FRA runs", None),
        (" and FRA officials", None),
        (", or Fisheries", None),
    ],
)
def test_an_acronym_defined_after_a_name(after: str, acronym: str | None) -> None:
    assert _GROUPER._acronym_after(after) == acronym


@pytest.mark.parametrize(
    ("between", "apposed"),
    [(" (", True), (" (the ", True), (", or ", True), (", also known as the ", True)],
)
def test_two_names_in_apposition(between: str, apposed: bool) -> None:
    assert _GROUPER._apposed(between) is apposed


@pytest.mark.parametrize("between", [", and ", " (the", ", or the new ", ", which "])
def test_names_side_by_side_are_not_an_apposition(between: str) -> None:
    assert not _GROUPER._apposed(between)


@pytest.mark.parametrize(
    ("between", "renamed"),
    [
        (", previously ", True),
        (" (now known as ", True),
        (", formerly also known as ", True),
        (", then ", False),
        (", formerly", False),
        (", near ", False),
    ],
)
def test_a_place_renamed(between: str, renamed: bool) -> None:
    assert _GROUPER._rename(between) is renamed
