"""Reading titles, appositions and ages around a name."""

from __future__ import annotations

import pytest

from dossier.entities.context import ContextReader
from dossier.entities.vocab import Vocab
from dossier.lang import load_language
from dossier.resources import Resources

_EN = load_language("en")
assert _EN is not None
_READER = ContextReader(Vocab.of(_EN), Resources().pipeline_for("en").vocab)
left_role, right_role = _READER.left_role, _READER.right_role


def _at(text: str, name: str) -> tuple[int, int]:
    start = text.index(name)
    return start, start + len(name)


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Judge Aigerim Nurlanova adjourned.", "Aigerim Nurlanova", "judge"),
        ("The men's lawyer Marat Seitkali said.", "Marat Seitkali", "defence lawyer"),
        ("It was, the pair's lawyer Marat Seitkali said.", "Marat Seitkali", "defence lawyer"),
        ("State prosecutor Timur Abenov asked.", "Timur Abenov", "prosecutor"),
        ("said activist Dana Nurlanova.", "Dana Nurlanova", "activist"),
        ("Foreign Minister Arman Bekov said.", "Arman Bekov", "minister"),
        ("The judge, Ms. Aigerim Nurlanova, left.", "Aigerim Nurlanova", "judge"),
        ("Another lawyer, Aidos Serikov, said.", "Aidos Serikov", "lawyer"),
        ("Zhaksybekov's lawyer Marat Seitkali said.", "Marat Seitkali", "defence lawyer"),
    ],
)
def test_left_roles(text: str, name: str, role: str) -> None:
    start, _ = _at(text, name)
    cue = left_role(text, start)
    assert cue is not None and cue.role == role


def test_head_of_organisation() -> None:
    text = "In May, the head of the Northern Border Service Arman Bekov said."
    start, _ = _at(text, "Arman Bekov")
    cue = left_role(text, start)
    assert cue is not None and cue.role == "official"
    assert text[cue.org_start : cue.org_end] == "Northern Border Service"


def test_title_of_document_is_no_role() -> None:
    text = "Under the Convention on the Status of Refugees, Bekov could stay."
    assert left_role(text, text.index("Bekov")) is None


@pytest.mark.parametrize(
    ("text", "name", "role", "org"),
    [
        (
            "Marat Seitkali, a lawyer for the prosecution, said.",
            "Marat Seitkali",
            "prosecution lawyer",
            None,
        ),
        (
            "said Dana Nurlanova, Central Asia researcher at Steppe Watch.",
            "Dana Nurlanova",
            "researcher",
            "Steppe Watch",
        ),
        ("Aidos Serikov, the lawyer, said.", "Aidos Serikov", "lawyer", None),
    ],
)
def test_appositions(text: str, name: str, role: str, org: str | None) -> None:
    _, end = _at(text, name)
    cue = right_role(text, end)
    assert cue is not None and cue.role == role
    assert (text[cue.org_start : cue.org_end] if cue.org_start >= 0 else None) == org


def test_ages(resources: Resources) -> None:
    """Ages are the language's Matcher patterns over the parse, each cue a span of text."""
    nlp = resources.pipeline_for("en")
    text = (
        "Bekov, 30, and Serikov, 25, crossed. The 41-year-old Nurlanova spoke. In 2019, Bekov "
        "left. Dana Omarova (52) and Aliya Sadykova, aged 38, and Ruslan Abenov, 61 years old, "
        "came. The 29-year-old former mining engineer Timur Sultanov stayed."
    )
    sdoc = nlp(text)
    cues = {
        "Bekov": _READER.right_age(sdoc, _at(text, "Bekov")[1]),
        "Serikov": _READER.right_age(sdoc, _at(text, "Serikov")[1]),
        "Nurlanova": _READER.left_age(sdoc, _at(text, "Nurlanova")[0]),
        "Dana Omarova": _READER.right_age(sdoc, _at(text, "Dana Omarova")[1]),
        "Aliya Sadykova": _READER.right_age(sdoc, _at(text, "Aliya Sadykova")[1]),
        "Ruslan Abenov": _READER.right_age(sdoc, _at(text, "Ruslan Abenov")[1]),
        "Timur Sultanov": _READER.left_age(sdoc, _at(text, "Timur Sultanov")[0]),
    }
    ages = {name: cue.age if cue else None for name, cue in cues.items()}
    assert ages == {
        "Bekov": 30,
        "Serikov": 25,
        "Nurlanova": 41,
        "Dana Omarova": 52,
        "Aliya Sadykova": 38,
        "Ruslan Abenov": 61,
        "Timur Sultanov": None,  # three words between: not this name's age
    }
    omarova = cues["Dana Omarova"]
    assert omarova is not None and text[_at(text, "Dana Omarova")[1] : omarova.end] == " (52)"
    abenov = cues["Ruslan Abenov"]
    assert abenov is not None and text[abenov.end - 9 : abenov.end] == "years old"
    nurlanova = cues["Nurlanova"]
    assert nurlanova is not None and text[nurlanova.start :].startswith("41-year-old")
    year = "Bekov, 2019, left"
    assert _READER.right_age(nlp(year), 5) is None


@pytest.mark.parametrize(
    "text",
    [
        "said the agency's director general, Dr Anna Berg, on Monday.",
        "said Director-General Anna Berg on Monday.",
        "said Attorney General Anna Berg on Monday.",
    ],
)
def test_compound_general_titles_are_officials(text: str) -> None:
    cue = left_role(text, text.index("Anna Berg"))
    assert cue is not None and cue.role == "official"


@pytest.mark.parametrize(
    ("text", "role"),
    [
        ("said Vice President Anna Berg.", "vice president"),
        ("said deputy prosecutor Anna Berg.", "deputy prosecutor"),
        ("said former judge Anna Berg.", "former judge"),
    ],
)
def test_rank_and_former_qualify_the_role(text: str, role: str) -> None:
    cue = left_role(text, text.index("Anna Berg"))
    assert cue is not None and cue.role == role


# --- credit lines and abbreviations, read as words of the language's tables ----------------


@pytest.mark.parametrize(
    "text",
    [
        "Photos by Lena Ortiz",
        "(Image AFP: Lena Ortiz)",
        "Video : Lena Ortiz",
        "Footage from Lena Ortiz",
    ],
)
def test_a_credit_line_before_a_name_is_a_credit(text: str) -> None:
    cue = left_role(text, text.index("Lena"))
    assert cue is not None and cue.credit
    assert text[cue.start :].lstrip("(").startswith(("Photos", "Image", "Video", "Footage"))


def test_a_word_that_only_starts_like_a_credit_noun_is_no_credit() -> None:
    text = "Pictured: Lena Ortiz at the harbour."
    assert left_role(text, text.index("Lena")) is None


def test_an_abbreviation_before_a_name_does_not_end_the_sentence() -> None:
    text = "The trial heard the defence lawyer Dr. Ivo Marek at length."
    cue = left_role(text, text.index("Ivo"))
    assert cue is not None and cue.role == "defence lawyer"


def test_a_full_stop_after_a_word_ends_the_sentence() -> None:
    text = "Officials met the lawyer. Ivo Marek said nothing."
    assert left_role(text, text.index("Ivo")) is None
