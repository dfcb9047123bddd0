"""The language layer holds everything language-specific; stages hold none of it."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from pathlib import Path

import pytest
from word_lists import scan

from dossier.lang import Language, language_codes, load_language
from dossier.resources import Resources

KNOWN = Path(__file__).resolve().parent / "outside_language_layer.json"


def _tables(language: Language) -> dict[str, int]:
    """Every table of a language object, with its size (the inventory a reviewer reads)."""
    out: dict[str, int] = {}

    def walk(prefix: str, value: object) -> None:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            for f in dataclasses.fields(value):
                walk(f"{prefix}.{f.name}" if prefix else f.name, getattr(value, f.name))
        elif isinstance(value, Mapping | frozenset | set | tuple) and not isinstance(value, str):
            out[prefix] = len(value)

    walk("", language)
    out.pop("analyser.exclude", None)  # a setting (nothing left out), not a table
    return out


@pytest.mark.parametrize("code", language_codes())
def test_every_language_fills_every_table(code: str) -> None:
    language = load_language(code)
    assert language is not None and language.code == code
    tables = _tables(language)
    empty = sorted(name for name, size in tables.items() if size == 0)
    assert not empty, f"{code}: empty tables {empty}"
    assert {"stop_words", "calendar.months", "numbers.cardinals", "roles.nouns"} <= set(tables)


def test_english_tables_are_the_expected_kinds_of_words() -> None:
    en = load_language("en")
    assert en is not None
    assert en.calendar.months["sept"] == 9 and en.calendar.weekdays["thu"] == 3
    assert en.numbers.cardinals["forty-two"] == 42
    assert en.roles.nouns["attorney"].role == "lawyer" and en.roles.nouns["judge"].side == "bench"
    assert en.events.class_of_verb()["detain"] == "arrest"
    assert en.events.class_of_noun()["adjournment"] == "postpone"
    assert "said" not in en.events.reporting_verbs  # lemmas, not inflected forms
    assert len(en.stop_words) > 300  # spaCy's own list


def test_stages_reach_a_language_through_resources(resources: Resources) -> None:
    assert resources.language("en") is load_language("en") or resources.language("en") == (
        load_language("en")
    )
    assert resources.language("xx") is None and resources.language(None) is None


def test_no_stage_holds_a_word_list_of_its_own() -> None:
    """Word lists, word patterns, ASCII-only name classes and direct lexicon imports outside
    ``dossier/lang`` are found by reading the code; the known ones (still to move) are listed
    in outside_language_layer.json, which may only shrink."""
    found = {f.key: f for f in scan()}
    known = set(json.loads(KNOWN.read_text(encoding="utf-8"))["known"])
    new = sorted(set(found) - known)
    gone = sorted(known - set(found))
    assert not new, (
        "language-specific tables outside dossier/lang (move them into the language object, "
        "or mark a table that is not language with '# not language: <why>'):\n"
        + "\n".join(
            f"  {found[k].module}:{found[k].line} {found[k].kind} {found[k].name}" for k in new
        )
    )
    assert not gone, f"moved out already: remove from {KNOWN.name}:\n  " + "\n  ".join(gone)
