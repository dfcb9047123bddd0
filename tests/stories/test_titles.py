"""A story's title: the heading its documents share most, of the central ones the latest
report's; never an aside, a question or a verbless caption (fictional reports of a harbour
strike, not the seeds)."""

from __future__ import annotations

from dossier.model import DateValue, Document, PublishedDate
from dossier.nlp import read_documents
from dossier.resources import Resources
from dossier.stories.titles import document_title, story_title

STRIKE = (
    "Dockers at the port of Kessavik walked out on Monday over pay, halting container traffic. "
    "The Kessavik dockers' union says the port authority has refused talks on pay since March."
)


def _doc(doc_id: str, day: str, title: str, text: str = STRIKE) -> Document:
    return Document(
        id=doc_id,
        source=f"{doc_id}.txt",
        clean_text=text,
        language="en",
        title=title,
        published=PublishedDate(DateValue(day, "day"), "page"),
    )


def test_the_latest_central_heading_not_an_aside_nor_a_question() -> None:
    docs = [
        _doc("a", "2024-09-02", "Kessavik dockers strike over pay"),
        _doc("b", "2024-09-05", "Port authority offers Kessavik dockers talks on pay"),
        _doc("c", "2024-09-06", "What does the Kessavik dockers' strike cost you?"),
        # The latest report heads with an aside: no other report uses its words.
        _doc("d", "2024-09-07", "Ferry timetables change for the autumn season"),
    ]
    resources = Resources()
    assert story_title(docs, (), resources) == "Port authority offers Kessavik dockers talks on pay"
    # Without the aside and the question, the latest central heading is still the one.
    assert story_title(docs[:2], (), resources) == docs[1].title


def test_a_lead_that_is_a_caption_does_not_head_a_document() -> None:
    text = (
        "The container terminal at Kessavik on a quiet morning.\n"
        "Dockers at the port of Kessavik walked out on Monday over pay, halting container "
        "traffic."
    )
    (doc,) = read_documents([_doc("e", "2024-09-02", "", text)], Resources())
    resources = Resources()
    language = resources.language("en")
    assert language is not None
    title = document_title(doc, language.news, language)
    assert title is not None and title.startswith("Dockers at the port of Kessavik walked out")
