"""The learned block classifier on plain-text pages it was never trained on (fictional pages
in other domains): sidebars out, articles in, nothing real thrown away."""

from __future__ import annotations

from pathlib import Path

import pytest

from dossier.clean import (
    NO_TEXT_REASON,
    TOO_SHORT_REASON,
    CleanSettings,
    clean_documents,
    clean_with_context,
)
from dossier.model import Document
from dossier.resources import Resources

FIXTURES = Path(__file__).resolve().parent / "fixtures"

ARTICLE = [
    "The regional museum of Velka reopened its east wing on Saturday after four years of "
    "repairs, showing the bronze age hoard found by farmers near the river in 2019.",
    "Curator Dana Ilić said the hoard, more than two hundred axes, rings and spear heads, "
    "had been cleaned by a team of six conservators working in a laboratory under the roof.",
    "The repairs cost 3.2 million euros, most of it paid by the regional government, and "
    "added a lift, new climate control and a room for school classes.",
    "Visitors queued along the square before the doors opened at ten, and the museum said "
    "it had counted more than 1,400 people by the afternoon.",
    "The hoard will stay in Velka until March, when part of it travels to the national "
    "museum for an exhibition on trade routes across the plains.",
]


def _page(lines: list[str]) -> str:
    return "\n".join(lines) + "\n"


def _clean(raw: str, resources: Resources, **settings: int) -> Document:
    doc = Document(id="page", source="page.txt", raw_text=raw, language="en")
    (cleaned,) = clean_documents([doc], CleanSettings(**settings), resources)
    return cleaned


def _product_sidebar() -> list[str]:
    shops = ["Stallway", "Brightcart", "Oddmarket", "Plumline Store"]
    out = []
    for i, product in enumerate(
        [
            "Lumen 4 desk lamp",
            "Orbit kettle",
            "Tessel rug, large",
            "Nook reading chair",
            "Quill fountain pen set",
            "Arbor plant stand",
            "Flint chef's knife",
            "Halo bedside clock",
            "Drift linen throw",
            "Piper travel mug",
            "Cobble doorstop",
            "Vesper scented candle",
        ]
    ):
        out += [product, f"£{20 + 5 * i}.99", "Buy it now from these retailers", *shops]
    return out


def test_a_product_template_sidebar_repeated_a_dozen_times_is_removed(
    resources: Resources,
) -> None:
    sidebar = _product_sidebar()
    raw = _page(
        ["Velka Courier", "Museum reopens east wing", *ARTICLE, *sidebar, "© 2024 Velka Courier"]
    )
    doc = _clean(raw, resources)
    for paragraph in ARTICLE:
        assert paragraph in doc.clean_text
    for line in ("Buy it now from these retailers", "Brightcart", "Orbit kettle", "£25.99"):
        assert line not in doc.clean_text
    assert all(r.score is not None for r in doc.removals)


def test_archive_months_subscribe_lines_link_rows_and_teasers_are_removed(
    resources: Resources,
) -> None:
    archive = [
        "Archives",
        *[f"{m} 2023" for m in ("January", "February", "March", "April", "May", "June")],
    ]
    teasers = [
        "More from the Courier",
        "Ferry timetable changes from next week",
        "Five walks along the old canal",
        "Council approves new cycle lanes on the ring road",
        "Bakery on Mill Street wins national prize",
    ]
    raw = _page(
        [
            "Home | Culture | Sport | Weather | Contact",
            "Museum reopens east wing",
            *ARTICLE,
            "Subscribe to the Velka Courier for daily news from the plains",
            "Facebook Twitter Email WhatsApp",
            *teasers,
            *archive,
            "© 2024 Velka Courier Media. All rights reserved.",
        ]
    )
    doc = _clean(raw, resources)
    for paragraph in ARTICLE:
        assert paragraph in doc.clean_text
    for line in [*teasers, *archive, "Subscribe to the Velka Courier", "WhatsApp", "Contact"]:
        assert line not in doc.clean_text, line
    assert doc.title == "Museum reopens east wing"


WIRE = (
    "MERIDIAN CITY (Plains Wire) -- Organisers of the Meridian cycling race cancelled "
    "Sunday's mountain stage after storms washed mud across the pass road, race director "
    "Tomas Berger said. ``We cannot send riders down a road our own cars could not climb "
    "this morning,'' Berger told reporters, adding that the stage would not be rescheduled "
    "and that the overall standings would stand as they were after Saturday."
)


def test_a_one_paragraph_wire_story_quoting_we_and_our_is_kept(resources: Resources) -> None:
    doc = _clean(_page(["Storm cancels mountain stage", "", WIRE]), resources)
    assert doc.ok, doc.reason
    assert "``We cannot send riders down a road our own cars" in doc.clean_text
    assert "outlet-blurb" not in {r.reason for r in doc.removals}


def test_an_outlet_describing_itself_at_the_bottom_is_a_blurb(resources: Resources) -> None:
    blurb = (
        "The Velka Courier is an independent news outlet; our journalists report on culture, "
        "politics and business across the plains in three languages."
    )
    doc = _clean(_page(["Museum reopens east wing", *ARTICLE, blurb]), resources)
    assert blurb not in doc.clean_text
    assert {r.reason for r in doc.removals if r.text == blurb} == {"outlet-blurb"}
    assert doc.outlet == "The Velka Courier"


@pytest.mark.parametrize("raw", ["hello", "hell\no", "Breaking: fire at the docks"])
def test_a_few_words_are_not_an_article(raw: str, resources: Resources) -> None:
    doc = _clean(raw, resources)
    assert doc.status == "rejected" and doc.reason == TOO_SHORT_REASON


def test_the_minimum_article_is_configurable(resources: Resources) -> None:
    short = "The ferry to Osel island was cancelled on Monday because of high winds, the port said."
    assert _clean(short, resources).reason == TOO_SHORT_REASON
    assert _clean(short, resources, min_article_words=10).ok


def test_no_article_text_only_when_no_line_reads_as_prose(resources: Resources) -> None:
    menu = [
        "Home",
        "Culture",
        "Sport",
        *[f"Archive page {i} of the Velka Courier" for i in range(12)],
    ]
    doc = _clean(_page(menu), resources)
    assert doc.reason == NO_TEXT_REASON


def test_date_lines_are_removed_verbatim_as_page_dates(resources: Resources) -> None:
    dates = ["Published 4 June 2021, 08:15 GMT", "Last updated 5 June 2021"]
    doc = _clean(_page(["Museum reopens east wing", dates[0], dates[1], *ARTICLE]), resources)
    assert [r.text for r in doc.removals if r.reason == "page-date"] == dates
    assert doc.page_date_text == dates[0]
    assert "June 2021" not in doc.clean_text


def test_a_paywall_is_flagged_truncated(resources: Resources) -> None:
    raw = _page(
        [
            "Museum reopens east wing",
            *ARTICLE[:2],
            "Subscribe to read the rest of this article and get unlimited access.",
        ]
    )
    doc = _clean(raw, resources)
    assert doc.ok and ARTICLE[1] in doc.clean_text
    assert [f.kind for f in doc.flags] == ["truncated"]


def test_a_page_cut_off_mid_sentence_is_flagged_truncated(resources: Resources) -> None:
    cut = "The hoard will stay in Velka until March, when part of it travels to the national"
    doc = _clean(_page(["Museum reopens east wing", *ARTICLE[:4], cut]), resources)
    assert "truncated" in {f.kind for f in doc.flags}
    complete = _clean(_page(["Museum reopens east wing", *ARTICLE]), resources)
    assert "truncated" not in {f.kind for f in complete.flags}


def test_stored_documents_are_context_and_are_not_cleaned_again(resources: Resources) -> None:
    furniture = "Velka Courier live ticker"
    stored = [
        Document(
            id=f"old{i}",
            source=f"old{i}.txt",
            raw_text=_page([furniture, f"Old story {i}", *ARTICLE]),
            language="en",
        )
        for i in range(2)
    ]
    new = Document(
        id="new",
        source="new.txt",
        raw_text=_page([furniture, "New story", *ARTICLE[::-1]]),
        language="en",
    )
    (cleaned,) = clean_with_context([new], stored, CleanSettings(), resources)
    assert furniture not in cleaned.clean_text
    assert "cross-document-repeat" in {r.reason for r in cleaned.removals}


def test_a_language_without_tables_is_cleaned_by_structure_and_says_so(
    resources: Resources,
) -> None:
    lines = [
        "Forsíða",
        "Fréttir",
        "Íþróttir",
        "Safnið í Velka opnaði austurálmuna aftur á laugardag eftir fjögurra ára viðgerðir, "
        "og sýnir nú bronsaldarfjársjóðinn sem bændur fundu við ána árið 2019.",
        "Sýningarstjórinn sagði að fjársjóðurinn, meira en tvö hundruð axir, hringir og "
        "spjótsoddar, hefði verið hreinsaður af sex forvörðum á rannsóknarstofu undir þakinu.",
        "Viðgerðirnar kostuðu 3,2 milljónir evra og bættu við lyftu, nýrri loftræstingu og "
        "herbergi fyrir skólahópa sem heimsækja safnið á virkum dögum.",
    ]
    doc = Document(id="is", source="is.txt", raw_text=_page(lines), language="is")
    (cleaned,) = clean_documents([doc], CleanSettings(), resources)
    assert cleaned.ok
    assert lines[3] in cleaned.clean_text and "Fréttir" not in cleaned.clean_text
    assert "cleaned-language-neutral" in {f.kind for f in cleaned.flags}
