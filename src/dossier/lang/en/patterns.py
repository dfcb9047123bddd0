"""English patterns over the parse that tell what a name is (see :mod:`dossier.lang.patterns`).

General shapes of news text and English syntax; nothing here refers to one story. Lemmas are
compared with the parse's lemmas, the labels are the English model's (ClearNLP dependencies,
Universal POS, OntoNotes entity types).
"""

from __future__ import annotations

from typing import Any

from dossier.lang.en.entities import ENTITY_WORDS
from dossier.lang.en.news import NEWS
from dossier.lang.language import words
from dossier.lang.patterns import AgeRule, DependencyRule, EntityPatterns, TokenRule

_DASHES = ["-", "–", "—"]
# not language: the model's place labels (a byline's author is never one)
_PLACE_LABELS = ["GPE", "LOC", "FAC"]
_NAME_WORD = {"IS_TITLE": True, "POS": "PROPN", "ENT_TYPE": {"NOT_IN": _PLACE_LABELS}}

# "From Muslim Qandeel, BBC Arabic", "By Jane Doe, Reuters": a byline opening a sentence,
# two to four capitalised proper nouns, a comma, then an organisation (the outlet).
_BYLINE = TokenRule(
    kind="PERSON",
    why="a byline: 'by' or 'from', a name, a comma and an outlet",
    pattern=(
        {"IS_SENT_START": True, "LOWER": {"IN": sorted(NEWS.byline_words)}},
        _NAME_WORD,
        {**_NAME_WORD, "OP": "{1,3}"},
        {"ORTH": ","},
        {"ENT_TYPE": "ORG"},
    ),
    name=(1, 2),
)

# The outlet of such a byline is an organisation (on a title-case line too).
_BYLINE_OUTLET = TokenRule(
    kind="ORG",
    why="the outlet of a byline",
    pattern=(*_BYLINE.pattern[:-1], {"ENT_TYPE": "ORG", "IS_SPACE": False, "OP": "+"}),
    name=(4,),
)

# "1 Bulletproof - La Roux 2 When Love Takes Over - David Guetta": a rank, a title, a dash
# and the artist, at least twice on one line (a chart or a ranked list).
_LISTING_TITLE = TokenRule(
    kind="WORK",
    why="a title in a ranked listing (rank, title, dash, artist)",
    pattern=(
        {"LIKE_NUM": True},
        {"ORTH": {"IN": [".", ")"]}, "OP": "?"},
        {"IS_TITLE": True},
        {"IS_PUNCT": False, "IS_SPACE": False, "LIKE_NUM": False, "OP": "{0,6}"},
        {"ORTH": {"IN": _DASHES}},
        {"IS_TITLE": True},
    ),
    name=(2, 3),
    per_line=2,
)

# Nouns for the people who run or own a company: a proper noun compounded with one names
# the company ("Gazprom chief executive X", "the BP boss", "Apple founder X").
_COMPANY_PEOPLE = words("executive ceo founder co-founder chairman chairwoman boss shareholder")

_COMPANY_OF_EXECUTIVE = DependencyRule(
    kind="ORG",
    why="a proper noun compounded with a company's executive, founder or owner",
    pattern=(
        {"RIGHT_ID": "role", "RIGHT_ATTRS": {"LEMMA": {"IN": _COMPANY_PEOPLE}, "POS": "NOUN"}},
        {
            "LEFT_ID": "role",
            "REL_OP": ">",
            "RIGHT_ID": "name",
            "RIGHT_ATTRS": {"DEP": "compound", "POS": "PROPN"},
        },
    ),
)

# "its nursery Noah's Ark", "the charity Robin's Nest": a possessor inside a proper name that
# a common noun names; the common noun stands beside the possessor, beside the possessed
# noun, or is what the possessed noun is in apposition to.
_PROPER: dict[str, Any] = {"POS": "PROPN", "IS_TITLE": True}
_WHOLE = {"RIGHT_ID": "whole", "RIGHT_ATTRS": _PROPER}
_POSSESSOR = {
    "LEFT_ID": "whole",
    "REL_OP": ">",
    "RIGHT_ID": "name",
    "RIGHT_ATTRS": {"DEP": "poss", "POS": "PROPN", "IS_TITLE": True},
}
_BESIDE = {"DEP": {"IN": ["compound", "appos", "nmod"]}, "POS": "NOUN"}
_NAMED_BY_NOUN = tuple(
    DependencyRule(
        kind="NAMED_BY_NOUN",
        why="a possessor inside a proper name that a common noun names",
        pattern=(whole, _POSSESSOR, {"LEFT_ID": holder, "REL_OP": op, "RIGHT_ID": "class", **n}),
    )
    for whole, holder, op, n in (
        (_WHOLE, "name", ">", {"RIGHT_ATTRS": _BESIDE}),
        (_WHOLE, "whole", ">", {"RIGHT_ATTRS": _BESIDE}),
        (
            {"RIGHT_ID": "whole", "RIGHT_ATTRS": {**_PROPER, "DEP": "appos"}},
            "whole",
            "<",
            {"RIGHT_ATTRS": {"POS": "NOUN"}},
        ),
    )
)

# Ages beside a name: "X, 30,", "X, aged 30", "X, 30 years old", "X (30)", and before it
# "the 30-year-old X", "30-year-old activist X" (at most two lower-case words between).
Item = dict[str, Any]
_AGE: Item = {"IS_DIGIT": True, "LENGTH": {"<=": 3}}
_BOUND: Item = {"ORTH": {"IN": [",", ".", ";", ")"]}}
_COMMA: Item = {"ORTH": ","}


def _bounded(*items: Item) -> tuple[tuple[Item, ...], ...]:
    """The items followed by a comma, a full stop, a bracket or a connector word."""
    connector = {"LOWER": {"IN": sorted(ENTITY_WORDS.connectors)}}
    return tuple((*items, end) for end in (_BOUND, connector))


_YEARS_OLD: list[tuple[Item, ...]] = [
    tuple({"LOWER": w} for w in phrase.split()) for phrase in sorted(ENTITY_WORDS.age_after)
]
_AGED: Item = {"LOWER": {"IN": sorted(ENTITY_WORDS.age_before)}}
_AFTER_NAME: list[tuple[tuple[Item, ...], int]] = [
    ((_COMMA, _AGE), 1),
    ((_COMMA, _AGED, _AGE), 2),
    *(((_COMMA, _AGE, *old), 1) for old in _YEARS_OLD),
]
_AGES_AFTER = tuple(
    AgeRule("after", pattern, age=age, phrase=tuple(range(len(pattern) - 1)))
    for items, age in _AFTER_NAME
    for pattern in _bounded(*items)
)
_COMPOUND = [{"LOWER": w} for w in ENTITY_WORDS.age_compound.split("-")]
_AGES = (
    *_AGES_AFTER,
    AgeRule("after", ({"ORTH": "("}, _AGE, {"ORTH": ")"}), age=1, phrase=(0, 1, 2)),
    AgeRule(
        "before",
        (
            _AGE,
            {"ORTH": "-"},
            _COMPOUND[0],
            {"ORTH": "-"},
            *_COMPOUND[1:],
            {"IS_LOWER": True, "IS_ALPHA": True, "OP": "{0,2}"},
        ),
        age=0,
        phrase=(0, 1, 2, 3, 4, 5),
    ),
)

ENTITY_PATTERNS = EntityPatterns(
    token=(_BYLINE, _BYLINE_OUTLET, _LISTING_TITLE),
    dependency=(_COMPANY_OF_EXECUTIVE, *_NAMED_BY_NOUN),
    ages=_AGES,
)
