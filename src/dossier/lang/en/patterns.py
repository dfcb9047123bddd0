"""English patterns over the parse that tell what a name is (see :mod:`dossier.lang.patterns`).

General shapes of news text and English syntax; nothing here refers to one story. Lemmas are
compared with the parse's lemmas, the labels are the English model's (ClearNLP dependencies,
Universal POS, OntoNotes entity types).
"""

from __future__ import annotations

from typing import Any

from dossier.lang.en.entities import ENTITY_WORDS
from dossier.lang.en.names import NAMES
from dossier.lang.en.news import NEWS
from dossier.lang.en.roles import ROLES
from dossier.lang.language import words
from dossier.lang.patterns import AgeRule, DependencyRule, EntityPatterns, PatternKind, TokenRule

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

# "..., a fresh catastrophe struck, writes Jane Doe.": a reporting verb after a comma, then
# two to four capitalised proper nouns ending the sentence: the author's byline after the
# text (the model often calls such a name an organisation).
_BYLINE_AFTER = TokenRule(
    kind="PERSON",
    why="a byline after the text: a comma, 'writes' or 'reports' and a name ending the sentence",
    pattern=(
        {"ORTH": ","},
        {"LOWER": {"IN": sorted(NEWS.byline_verbs)}, "POS": "VERB"},
        _NAME_WORD,
        {**_NAME_WORD, "OP": "{1,3}"},
        {"ORTH": {"IN": [".", ":"]}},
    ),
    name=(2, 3),
)

# The outlet of such a byline is an organisation (on a title-case line too).
_BYLINE_OUTLET = TokenRule(
    kind="ORG",
    why="the outlet of a byline",
    pattern=(*_BYLINE.pattern[:-1], {"ENT_TYPE": "ORG", "IS_SPACE": False, "OP": "+"}),
    name=(4,),
)

# "ethnic Kazakhs", "ethnically Uyghur": the capitalised word after the cue names a group.
_GROUP = TokenRule(
    kind="GROUP",
    why="preceded by 'ethnic': a group, not an entity",
    pattern=(
        {"LOWER": {"IN": sorted(ENTITY_WORDS.ethnic_cues)}},
        {"IS_ALPHA": True, "IS_LOWER": False},
    ),
    name=(1,),
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

# Nouns for kinds of place: a proper noun given as an example of one or named by one is a
# place ("suburbs such as X", "the fishing port of X", "towns like X and Y").
_PLACE_NOUNS = sorted(
    ENTITY_WORDS.place_words
    | ENTITY_WORDS.place_context_nouns
    | set(words("port harbour harbor suburb neighbourhood neighborhood slum township hamlet"))
    | set(words("borough municipality parish commune resort"))
)
_EXAMPLE_PREPS = words("of as like including")
_PLACE_NOUN = {"RIGHT_ID": "noun", "RIGHT_ATTRS": {"LEMMA": {"IN": _PLACE_NOUNS}, "POS": "NOUN"}}
_EXAMPLE_PREP = {
    "LEFT_ID": "noun",
    "REL_OP": ">",
    "RIGHT_ID": "prep",
    "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": _EXAMPLE_PREPS}},
}
_EXAMPLE_OBJECT = {"DEP": "pobj", "POS": "PROPN"}


def _examples_of(
    kind: PatternKind, noun: dict[str, Any], prep: dict[str, Any], why: str
) -> tuple[DependencyRule, ...]:
    """A proper noun after a kind-noun and an example preposition, alone or in a list."""
    return (
        DependencyRule(
            kind=kind,
            why=why,
            pattern=(
                noun,
                prep,
                {
                    "LEFT_ID": "prep",
                    "REL_OP": ">",
                    "RIGHT_ID": "name",
                    "RIGHT_ATTRS": _EXAMPLE_OBJECT,
                },
            ),
        ),
        DependencyRule(
            kind=kind,
            why=f"{why} (in a list)",
            pattern=(
                noun,
                prep,
                {
                    "LEFT_ID": "prep",
                    "REL_OP": ">",
                    "RIGHT_ID": "first",
                    "RIGHT_ATTRS": _EXAMPLE_OBJECT,
                },
                {
                    "LEFT_ID": "first",
                    "REL_OP": ">",
                    "RIGHT_ID": "name",
                    "RIGHT_ATTRS": {"DEP": "conj", "POS": "PROPN"},
                },
            ),
        ),
    )


_PLACE_OF_NOUN = _examples_of(
    "PLACE",
    _PLACE_NOUN,
    _EXAMPLE_PREP,
    "a proper noun a kind of place names or gives an example of",
)

# "charities including X and Y", "aid groups such as X": a proper noun given as an example of
# a kind of organisation is one (the model often calls "X UK" a place).
_ORG_NOUN = {
    "RIGHT_ID": "noun",
    "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(ENTITY_WORDS.org_context_nouns)}, "POS": "NOUN"},
}
_ORG_EXAMPLE_PREP = {
    **_EXAMPLE_PREP,
    "RIGHT_ATTRS": {"DEP": "prep", "LOWER": {"IN": words("like including as")}},
}
_ORG_OF_NOUN = _examples_of(
    "ORG",
    _ORG_NOUN,
    _ORG_EXAMPLE_PREP,
    "a proper noun given as an example of a kind of organisation",
)

# "Friends of the Earth's spokesman X", "Save the Children's director X": capitalised words
# around an inner article or connector that possess a role noun are an organisation's name.
_ORG_WITH_ARTICLE = TokenRule(
    kind="ORG",
    why="capitalised words with an inner article that possess a role: an organisation",
    pattern=(
        {"IS_TITLE": True, "POS": {"IN": ["PROPN", "NOUN", "VERB"]}},
        {"LOWER": {"IN": sorted(ENTITY_WORDS.connectors)}, "OP": "{1,2}"},
        {"IS_TITLE": True, "POS": "PROPN"},
        {"ORTH": {"IN": ["'s", "’s"]}},
        {"POS": {"IN": ["NOUN", "ADJ"]}, "IS_LOWER": True, "OP": "{0,2}"},
        {"LEMMA": {"IN": sorted(ROLES.nouns)}, "POS": "NOUN"},
    ),
    name=(0, 1, 2),
)

# "Marrowby, a hamlet north of the reservoir", "X, a small mining town near Y": a proper noun,
# a comma and a kind of place with its article (not a noun compound: "X, a town councillor").
_PLACE_APPOSITION = TokenRule(
    kind="PLACE",
    why="a proper noun a kind of place stands beside after a comma",
    pattern=(
        {"POS": "PROPN", "IS_TITLE": True, "OP": "+"},
        {"ORTH": ","},
        {"LOWER": {"IN": words("a an the")}},
        {"POS": {"IN": ["ADJ", "NOUN"]}, "OP": "*"},
        {"LEMMA": {"IN": _PLACE_NOUNS}, "POS": "NOUN", "DEP": {"NOT_IN": ["compound", "poss"]}},
    ),
    name=(0,),
)

# "Tom Harlow from Ashbury Vale", "a nurse from Kellerby": "from" and a proper noun attached
# to a person (a name the model calls a person, or a role noun) says where the person is from.
# not language: the model's label for organisations ("a spokesman from Oxfam" stays one)
_NOT_ORG = {"NOT_IN": ["ORG"]}
_ROLE_LEMMAS = sorted(ROLES.nouns)
_HOME_OF_PERSON = tuple(
    DependencyRule(
        kind="PLACE",
        why="'from' and a proper noun attached to a person: where the person is from",
        pattern=(
            {"RIGHT_ID": "person", "RIGHT_ATTRS": person},
            {
                "LEFT_ID": "person",
                "REL_OP": ">",
                "RIGHT_ID": "prep",
                "RIGHT_ATTRS": {"DEP": "prep", "LOWER": "from"},
            },
            {
                "LEFT_ID": "prep",
                "REL_OP": ">",
                "RIGHT_ID": "name",
                "RIGHT_ATTRS": {"DEP": "pobj", "POS": "PROPN", "ENT_TYPE": _NOT_ORG},
            },
        ),
    )
    for person in (
        {"POS": "PROPN", "ENT_TYPE": "PERSON"},
        {"POS": "NOUN", "LEMMA": {"IN": _ROLE_LEMMAS}},
    )
)

# "Brackley coastguard commander Ellen Marsh": a proper noun compounded with a role noun is
# where or whom the role belongs to, not a person of its own (kinship nouns excepted: "the
# Jackson brothers" are Jacksons). Decided as a place or an organisation, unless the document
# names a person in full with that word ("Murray defence lawyer").
_OWNER_ROLES = sorted(lemma for lemma, noun in ROLES.nouns.items() if noun.role != "relative")
_ROLE_NOUN = {"RIGHT_ID": "role", "RIGHT_ATTRS": {"LEMMA": {"IN": _OWNER_ROLES}, "POS": "NOUN"}}
_COMPOUND_NAME = {"DEP": "compound", "POS": "PROPN"}
_OWNER_OF_ROLE = (
    DependencyRule(
        kind="OWNER",
        why="a proper noun compounded with a role noun: where or whom the role belongs to",
        pattern=(
            _ROLE_NOUN,
            {"LEFT_ID": "role", "REL_OP": ">", "RIGHT_ID": "name", "RIGHT_ATTRS": _COMPOUND_NAME},
        ),
    ),
    # through the noun of a service: "X fire chief", "X coastguard commander"
    DependencyRule(
        kind="OWNER",
        why="a proper noun compounded with a role noun: where or whom the role belongs to",
        pattern=(
            _ROLE_NOUN,
            {
                "LEFT_ID": "role",
                "REL_OP": ">",
                "RIGHT_ID": "service",
                "RIGHT_ATTRS": {"DEP": "compound", "POS": "NOUN"},
            },
            {
                "LEFT_ID": "service",
                "REL_OP": ">",
                "RIGHT_ID": "name",
                "RIGHT_ATTRS": _COMPOUND_NAME,
            },
        ),
    ),
)

# "the Salvation Army says": a name right after an article is not a person's name (the model's
# person label is overruled; titles, honorifics and ranks after the article are not the name:
# "the Rev X", "the President X", "the Queen").
_RANKS = words("king queen prince princess pope emperor empress duke duchess sultan emir tsar")
_TITLES = sorted(
    {w.rstrip(".") for w in NAMES.honorifics}
    | set(NAMES.title_words)
    | set(ROLES.nouns)
    | set(_RANKS)
)
_ARTICLE = {"DEP": "det", "LOWER": {"IN": words("the a an")}}
_PERSON_NAME = {"POS": "PROPN", "ENT_TYPE": "PERSON", "LOWER": {"NOT_IN": _TITLES}}
_ARTICLE_NAME = (
    DependencyRule(
        kind="ORG",
        why="a name right after an article: not a person",
        pattern=(
            {"RIGHT_ID": "name", "RIGHT_ATTRS": _PERSON_NAME},
            {"LEFT_ID": "name", "REL_OP": ";", "RIGHT_ID": "det", "RIGHT_ATTRS": _ARTICLE},
        ),
    ),
    DependencyRule(
        kind="ORG",
        why="a name right after an article: not a person",
        pattern=(
            {"RIGHT_ID": "name", "RIGHT_ATTRS": {"POS": "PROPN", "ENT_TYPE": "PERSON"}},
            {
                "LEFT_ID": "name",
                "REL_OP": ">",
                "RIGHT_ID": "first",
                "RIGHT_ATTRS": {**_PERSON_NAME, "DEP": "compound"},
            },
            {"LEFT_ID": "first", "REL_OP": ";", "RIGHT_ID": "det", "RIGHT_ATTRS": _ARTICLE},
        ),
    ),
)

# "Channel 9's Morning Desk programme": a proper noun compounded with a work noun that has a
# possessor (the outlet or the author) is the title of the work.
_TITLE_OF_WORK = DependencyRule(
    kind="WORK",
    why="a proper noun compounded with a work noun someone's work: its title",
    pattern=(
        {
            "RIGHT_ID": "work",
            "RIGHT_ATTRS": {"LEMMA": {"IN": sorted(ENTITY_WORDS.work_nouns)}, "POS": "NOUN"},
        },
        {"LEFT_ID": "work", "REL_OP": ">", "RIGHT_ID": "owner", "RIGHT_ATTRS": {"DEP": "poss"}},
        {
            "LEFT_ID": "work",
            "REL_OP": ">",
            "RIGHT_ID": "name",
            "RIGHT_ATTRS": {"DEP": "compound", "POS": "PROPN"},
        },
    ),
)

ENTITY_PATTERNS = EntityPatterns(
    token=(
        _BYLINE,
        _BYLINE_AFTER,
        _BYLINE_OUTLET,
        _LISTING_TITLE,
        _GROUP,
        _PLACE_APPOSITION,
        _ORG_WITH_ARTICLE,
    ),
    dependency=(
        _COMPANY_OF_EXECUTIVE,
        *_NAMED_BY_NOUN,
        *_PLACE_OF_NOUN,
        *_ORG_OF_NOUN,
        *_HOME_OF_PERSON,
        *_OWNER_OF_ROLE,
        *_ARTICLE_NAME,
        _TITLE_OF_WORK,
    ),
    ages=_AGES,
)
