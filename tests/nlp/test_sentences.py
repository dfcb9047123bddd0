"""Sentence boundaries from spaCy's parser, with line breaks and abbreviations decided first.
Cases the regular-expression splitter got wrong, on stories other than the seeds."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from dossier.model import Document
from dossier.nlp import ParseSettings, parse_documents, read_documents
from dossier.resources import Resources

CASES = [
    # a mine collapse (fictional)
    (
        "Asked whether the shaft had been inspected, the foreman said no. The inspectors "
        "arrived two days later.",
        ["Asked whether the shaft had been inspected, the foreman said no.",
         "The inspectors arrived two days later."],
    ),
    # a fraud trial (fictional): a month abbreviation, then a pronoun
    (
        "The auditor filed her report on 3 Jan. She resigned the following week.",
        ["The auditor filed her report on 3 Jan.", "She resigned the following week."],
    ),
    # a protest crackdown (fictional): a street abbreviation, then a determiner
    (
        "Police sealed off 40 Harbour St. The march went ahead on the quay instead.",
        ["Police sealed off 40 Harbour St.", "The march went ahead on the quay instead."],
    ),
    # titles and initials do not end sentences
    (
        "Dr. Hanna Ofori and Mr. J. Pellegrino met the U.S. envoy. They spoke for an hour.",
        ["Dr. Hanna Ofori and Mr. J. Pellegrino met the U.S. envoy.",
         "They spoke for an hour."],
    ),
    # a title before a name that is also a word
    (
        "Mr. Will Okafor, the mayor, declined to comment.",
        ["Mr. Will Okafor, the mayor, declined to comment."],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentences(text: str, expected: list[str], parsed: Callable[[str], Document]) -> None:
    doc = parsed(text)
    assert doc.parse is not None
    assert [doc.clean_text[s:e] for s, e in doc.parse.sentences] == expected


def test_a_line_break_always_ends_a_sentence(parsed: Callable[[str], Document]) -> None:
    text = "Flood warning for the lower valley\nResidents were told to leave by noon\n\nMore rain"
    doc = parsed(text)
    assert doc.parse is not None
    assert [doc.clean_text[s:e] for s, e in doc.parse.sentences] == [
        "Flood warning for the lower valley",
        "Residents were told to leave by noon",
        "More rain",
    ]


def test_timeline17_sentences_keep_their_boundaries(parsed: Callable[[str], Document]) -> None:
    from timeline17_text import timeline17_sentence

    first = timeline17_sentence("MJ_bbc", "Alberto Alvarez 's testimony came at a preliminary")
    second = timeline17_sentence("haiti_bbc", "As many as 200,000 people were killed")
    doc = parsed(f"{first} {second}")
    assert doc.parse is not None
    assert [doc.clean_text[s:e] for s, e in doc.parse.sentences] == [first, second]


def test_long_texts_are_parsed_in_pieces_with_document_offsets(resources: Resources) -> None:
    paragraph = "The committee met on Monday. It voted to close the plant by June."
    text = "\n\n".join([paragraph] * 40)
    whole = read_documents([Document(id="a", source="a", clean_text=text)], resources)[0]
    (cut,) = parse_documents([whole], ParseSettings(max_chunk_chars=300), resources)
    assert whole.parse is not None and cut.parse is not None
    assert cut.parse.sentences == whole.parse.sentences
    assert len(cut.parse.sentences) == 80
    for i in range(len(cut.parse)):
        assert (
            text[cut.parse.starts[i] : cut.parse.ends[i]]
            == text[whole.parse.starts[i] : whole.parse.ends[i]]
        )
