"""The fast lowercase scanners find exactly what the case-insensitive grammar finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.time import grammar as g
from dossier.time.grammar import grammar_for

GRAMMAR = grammar_for("en")

WORDS = st.sampled_from(
    [
        "On",
        "on",
        "MONDAY",
        "Monday",
        "Jan.",
        "JANUARY",
        "January",
        "March",
        "MAY",
        "may",
        "21",
        "2019",
        "1990s",
        "'90s",
        "8",
        "01/08/2020",
        "2020-01-08T10:30",
        "at",
        "10:30",
        "p.m.",
        "AM",
        "ago",
        "Two",
        "years",
        "Last",
        "NEXT",
        "week",
        "the",
        "Spring",
        "of",
        "Yesterday",
        "TODAY",
        "every",
        "Day",
        "Q3",
        "third",
        "quarter",
        "early",
        "Mid-",
        "recent",
        "decades",
        "half",
        "an",
        "hour",
        ",",
        ".",
        "-",
        "(",
        "É",
        "İ",
        "the past",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(WORDS, max_size=25))
def test_scanners_match_the_case_insensitive_patterns(words: list[str]) -> None:
    text = " ".join(words)
    lowered = text.translate(g.ASCII_LOWER)
    assert len(lowered) == len(text)
    for rule in GRAMMAR.rules:
        expected = [m.span() for m in rule.pattern.finditer(text)]
        assert [m.span() for m in rule.scanner.finditer(lowered)] == expected, rule.name


def test_escapes_and_group_names_are_kept() -> None:
    pattern = g.compile_ci(r"(?P<Mon>Jan)\S+(?P=Mon)\D[T ]\W")
    scanner = g.lowercase_scanner(pattern)
    assert scanner.pattern == r"(?P<Mon>jan)\S+(?P=Mon)\D[t ]\W"
    assert not scanner.flags & re.IGNORECASE
    assert scanner.search("JANxxJAN T!".translate(g.ASCII_LOWER)) is not None
