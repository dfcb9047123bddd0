"""A sidebar printed in the middle of an article, between its paragraphs (a fictional story
that is not the seeds): a related-articles box and a shop template repeated for each
product are removed, the article on both sides of them kept."""

from __future__ import annotations

from dossier.clean import CleanSettings, clean_documents
from dossier.model import Document
from dossier.resources import Resources

OPENING = [
    "Dock workers at the port of Harwick walked out at dawn on Tuesday, halting the loading "
    "of grain ships for the first time in eleven years, the dockers' union said.",
    "The union wants the port authority to reverse a plan to cut night shifts from three crews "
    "to two, which it says would leave cranes running with too few people to work them safely.",
]
CLOSING = [
    "The strike is the first since the port was sold to a private operator in 2014, and union "
    "members voted for it by a large margin at a meeting on Sunday night.",
    "Shipping agents said the stoppage was costing exporters tens of thousands of euros a day "
    "in waiting fees, and some grain traders had begun to look at the rail terminal at Ostby.",
    "The port authority said in a statement that the new rota had been agreed with the "
    "safety inspectorate and that no job would be lost before the end of the year.",
    "Three grain carriers were waiting at anchor outside the harbour wall by the afternoon, "
    "and a fourth was turned back to the port of Selby, about 90 kilometres up the coast.",
    "Talks between the two sides are due to resume on Thursday at the offices of the regional "
    "mediation service, union secretary Mara Lindqvist told reporters outside the gates.",
]


def _sidebar() -> list[str]:
    shops = ["Stallway", "Brightcart", "Oddmarket"]
    out = ["Related", "Ferry fares rise for the summer", "New harbour master named", ""]
    for i, product in enumerate(
        ["Deckhand rain jacket", "Harbour chart print", "Brass ship's bell", "Sailor's knot kit"]
    ):
        out += [product, f"£{30 + 4 * i}.50", "Buy it now from these retailers", *shops, ""]
    return out


def test_a_sidebar_in_the_middle_of_an_article_is_removed_and_the_article_kept(
    resources: Resources,
) -> None:
    lines = [
        "Harwick Evening News",
        "",
        "Dockers strike over night shift cuts",
        "",
        *[p + "\n" for p in OPENING],
        *_sidebar(),
        *[p + "\n" for p in CLOSING],
        "© 2025 Harwick Evening News",
    ]
    raw = "\n".join(lines) + "\n"
    doc = Document(id="strike", source="strike.txt", raw_text=raw, language="en")
    (cleaned,) = clean_documents([doc], CleanSettings(), resources)
    assert cleaned.ok, cleaned.reason
    for paragraph in OPENING + CLOSING:
        assert paragraph in cleaned.clean_text, paragraph
    for line in ("Buy it now", "Brightcart", "Brass ship's bell", "£34.50", "New harbour master"):
        assert line not in cleaned.clean_text, line
    removed = {r.text for r in cleaned.removals}
    assert any("Buy it now from these retailers" in text for text in removed)
    assert all(r.score is not None for r in cleaned.removals if r.reason != "title")
