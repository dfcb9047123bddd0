"""Patterns over the parse that tell what a name is, kept as data.

Each rule is a spaCy pattern (the ``Matcher`` token format or the ``DependencyMatcher``
format) with the kind of thing it makes the name it finds: a byline's author is a person, a
title in a ranked listing is a work, a proper noun that heads a company's executive
("Gazprom chief executive X") is an organisation, and a name that is the possessor inside a
longer proper name named by a common noun ("the nursery Noah's Ark") is not a person of its
own. The types are defined here once; each language fills them in its folder
(``lang/en/patterns.py``); :mod:`dossier.entities.patterns` compiles and runs them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

# What a rule makes of the name it finds. ``NAMED_BY_NOUN``: the possessor and what it
# possesses are one name, whose kind the common noun beside it gives. ``OWNER``: the name is
# where or whom a role belongs to ("X fire chief Y"): a place or an organisation, not a person
# unless the document names a person with it.
# not language: enumerated kinds
# ``GROUP``: a people or group ("ethnic Kazakhs"), never an entity.
PatternKind = Literal[
    "PERSON", "ORG", "PLACE", "WORK", "SUBSTANCE", "EVENT", "GROUP", "NAMED_BY_NOUN", "OWNER"
]


@dataclass(frozen=True, slots=True)
class TokenRule:
    """A ``Matcher`` pattern; the tokens matched by the items at ``name`` (indexes into
    ``pattern``) are the name the rule decides. ``per_line``: the rule holds only where it
    matches at least this many times on one line (a listing is several entries)."""

    kind: PatternKind
    why: str
    pattern: tuple[Mapping[str, Any], ...]
    name: tuple[int, ...]
    per_line: int = 1


@dataclass(frozen=True, slots=True)
class DependencyRule:
    """A ``DependencyMatcher`` pattern; its node ``name`` is the name the rule decides (with
    the compound words before it), and for ``NAMED_BY_NOUN`` its nodes ``whole`` (the proper
    noun the name is the possessor of) and ``class`` (the common noun that says what the
    whole is)."""

    kind: PatternKind
    why: str
    pattern: tuple[Mapping[str, Any], ...]


@dataclass(frozen=True, slots=True)
class AgeRule:
    """A ``Matcher`` pattern for an age stated beside a name. ``side``: ``"after"`` (the
    pattern starts on the token right after the name: "X, 30,", "X (30)") or ``"before"``
    (it ends on the token right before the name: "the 30-year-old X"); ``age``: the index of
    the item that is the number; ``phrase``: the items cited with the name (a following
    comma or connector only bounds the match)."""

    side: Literal["after", "before"]
    pattern: tuple[Mapping[str, Any], ...]
    age: int
    phrase: tuple[int, ...]


@dataclass(frozen=True, slots=True)
class EntityPatterns:
    token: tuple[TokenRule, ...] = ()
    dependency: tuple[DependencyRule, ...] = ()
    ages: tuple[AgeRule, ...] = ()
