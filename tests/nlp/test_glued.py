"""Headlines and captions glued to the next sentence without punctuation are told apart;
one sentence that names someone mid-way, a reporting verb with its complement and a
subordinate clause without its comma are not cut. Fictional sentences and a Timeline17
caption (read where it lies)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from timeline17_text import timeline17_sentence

from dossier.model import Document
from dossier.nlp.glued import glued_parts
from dossier.resources import Resources

Parts = Callable[[str], list[str]]


@pytest.fixture(scope="module")
def parts(parsed: Callable[[str], Document], resources: Resources) -> Parts:
    language = resources.language("en")
    assert language is not None

    def read(text: str) -> list[str]:
        doc = parsed(text)
        assert doc.parse is not None
        return [
            doc.clean_text[a:b]
            for s, e in doc.parse.sentences
            for a, b in glued_parts(doc.parse, doc.clean_text, s, e, language)
        ]

    return read


def test_a_caption_glued_to_the_sentence_after_it(parts: Parts) -> None:
    # a mine collapse (fictional): a photo caption run into the article's sentence
    found = parts(
        "Rescuers carry an injured miner to a waiting ambulance "
        "Karsk Mining said on Sunday that nineteen miners were still trapped below ground."
    )
    assert found[-1].startswith("Karsk Mining said on Sunday")
    assert found[0] == "Rescuers carry an injured miner to a waiting ambulance"


def test_a_timeline17_caption(parts: Parts) -> None:
    line = timeline17_sentence("haiti_bbc", "The port has suffered severe damage The main port")
    found = parts(line)
    assert len(found) >= 2 and found[1].startswith("The main port in Port-au-Prince")


@pytest.mark.parametrize(
    "sentence",
    [
        # a fraud trial, a protest, a flood (fictional)
        "The judge told Jonas Arveld that the hearing would resume on Monday.",
        "The defence maintains Arveld was never told about the missing accounts.",
        "When the water reached the square the mayor ordered the evacuation.",
        "Police detained the union leader Selma Oduya outside the port on Tuesday.",
    ],
)
def test_one_sentence_is_not_cut(parts: Parts, sentence: str) -> None:
    assert parts(sentence) == [sentence]


@pytest.mark.parametrize(
    ("line", "sentence"),
    [
        # a shipwreck, a bank run (fictional), title-case headlines run into the lede
        (
            "Ferry Owner Denies Safety Lapses After Sinking The company that ran the ferry "
            "said on Monday that its crew had been trained.",
            "The company that ran the ferry said on Monday",
        ),
        (
            "A Long Night For Small Lenders A queue of savers formed outside the bank "
            "before dawn on Friday.",
            "A queue of savers formed outside the bank",
        ),
    ],
)
def test_a_title_case_headline_run_into_the_lede(parts: Parts, line: str, sentence: str) -> None:
    found = parts(line)
    assert len(found) == 2 and found[1].startswith(sentence), found


def test_the_finance_timeline17_headline_run_into_its_lede(parts: Parts) -> None:
    line = timeline17_sentence("Finan_washingtonpost", "A Quiet Windfall For U.S. Banks The")
    found = parts(line)
    assert found[0] == "A Quiet Windfall For U.S. Banks"
    assert found[1].startswith("The financial world was fixated")


@pytest.mark.parametrize(
    "sentence",
    [
        "Under Plan A the regional council would close two of the four schools.",
        "The Return Of The King opened in cinemas across the country on Friday.",
        "Staff at The Harbour Tribune said the paper would close.",
    ],
)
def test_a_capitalised_article_inside_one_sentence_is_no_boundary(
    parts: Parts, sentence: str
) -> None:
    assert parts(sentence) == [sentence]
