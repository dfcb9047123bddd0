"""Stage 2 on plain-text pages: structure checks on the seeds and fictional pages."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import example, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from dossier.clean import NO_TEXT_REASON, CleanSettings, clean_documents, clean_file
from dossier.ingest import read_inputs
from dossier.model import Document
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.text import strip_controls

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def seeds(seeds_dir: Path, settings: Settings, resources: Resources) -> list[Document]:
    docs = read_inputs([seeds_dir], settings.ingest)
    return list(clean_documents(docs, settings.clean, resources))


def clean_text(raw: str, resources: Resources, repeated: tuple[str, ...] = ()) -> Document:
    """One English plain-text page, cleaned (``repeated``: lines of other pages as context)."""
    doc = Document(id="page", source="page.txt", raw_text=raw, language="en")
    context = [
        Document(id=f"c{i}", source=f"c{i}.txt", raw_text=line, language="en")
        for i, line in enumerate(repeated)
    ]
    from dossier.clean import clean_with_context

    (cleaned,) = clean_with_context([doc], context, CleanSettings(), resources)
    return cleaned


def _raw_lines(doc: Document) -> list[str]:
    return [" ".join(line.split()) for line in doc.raw_text.split("\n") if line.strip()]


def _after(lines: list[str], header: str, stop: str | None = None) -> list[str]:
    start = lines.index(header) + 1
    end = next(
        (i for i in range(start, len(lines)) if stop and lines[i].startswith(stop)), len(lines)
    )
    return lines[start:end]


def _with_line(seeds: list[Document], line: str) -> Document:
    return next(d for d in seeds if line in _raw_lines(d))


def test_related_articles_list_does_not_survive(seeds: list[Document]) -> None:
    doc = _with_line(seeds, "Related Articles")
    listed = _after(_raw_lines(doc), "Related Articles")
    assert len(listed) > 40
    for line in listed:
        assert line not in doc.clean_text
    assert "related-links" in {r.reason for r in doc.removals}


def test_see_also_list_does_not_survive(seeds: list[Document]) -> None:
    doc = _with_line(seeds, "See also")
    listed = _after(_raw_lines(doc), "See also", stop="Subscribe")
    assert len(listed) >= 8
    for line in listed:
        assert line not in doc.clean_text
    related = [r for r in doc.removals if r.reason == "related-links"]
    assert related and all(line in "\n".join(r.text for r in related) for line in listed)


def test_repeated_captions_are_removed_not_kept(seeds: list[Document]) -> None:
    found = 0
    for doc in seeds:
        lines = _raw_lines(doc)
        for a, b in itertools.pairwise(lines):
            if a == b and len(a.split()) > 8 and a != doc.title:  # a caption printed twice
                found += 1
                assert doc.clean_text.count(a) == 0
                reasons = [r.reason for r in doc.removals if a in r.text]
                assert "caption" in reasons and "caption-repeat" in reasons
    assert found == 2


def test_every_raw_line_is_kept_or_recorded(seeds: list[Document]) -> None:
    """Nothing vanishes silently: each line is in the clean text or inside a removal."""
    for doc in seeds:
        for removal in doc.removals:
            assert doc.raw_text[removal.start : removal.end] == removal.text
        covered = [(r.start, r.end) for r in doc.removals]
        pos = 0
        for raw_line in doc.raw_text.split("\n"):
            text = " ".join(raw_line.split())
            start = pos + (len(raw_line) - len(raw_line.lstrip()))
            pos += len(raw_line) + 1
            if not text:
                continue
            in_removal = any(s <= start < e for s, e in covered)
            assert in_removal or text in doc.clean_text or doc.title == text, (doc.id, text)


def test_clean_text_shape(seeds: list[Document]) -> None:
    for doc in seeds:
        text = doc.clean_text
        assert doc.ok and text == text.strip()
        assert "\n\n\n" not in text and "  " not in text and "\t" not in text
        assert len(text.split("\n\n")) >= 8
        assert doc.title and doc.title not in text  # the title is kept apart


def test_dateline_stays_in_body(seeds: list[Document]) -> None:
    doc = next(d for d in seeds if d.dateline_place == "Zaisan, Kazakhstan")
    assert doc.clean_text.startswith("ZAISAN, Kazakhstan --")


def test_outlet_is_not_a_quoted_source(seeds: list[Document]) -> None:
    doc = _with_line(seeds, "Related Articles")
    assert "told Eurasianet" in doc.clean_text
    assert doc.outlet != "Eurasianet"


def test_nothing_left_is_rejected(resources: Resources) -> None:
    menu = "\n".join(
        ["Home", "World", "Subscribe now", "", "Share"]
        + [f"Section {i} of the site map for readers" for i in range(6)]
    )
    cleaned = clean_text(menu, resources)
    assert cleaned.status == "rejected" and cleaned.reason == NO_TEXT_REASON
    assert {r.reason for r in cleaned.removals} >= {"navigation", "subscribe", "share"}


def test_non_ok_documents_pass_through(resources: Resources) -> None:
    doc = Document(id="x", source="x.txt", status="rejected", reason="empty file")
    assert clean_documents([doc], CleanSettings(), resources) == (doc,)


def _story(n: int, extra: str) -> str:
    return (
        f"Regional news\n\nCourt story number {n} about a trial\n\n"
        f"The district court in the town of Lakeview heard witness number {n} on Tuesday, "
        f"and the judge adjourned the hearing until next week.\n\n{extra}\n\n"
        f"Defence lawyers for case {n} said they would call four more witnesses when the "
        "hearing resumes, including two police officers.\n"
    )


def test_cross_document_repeats_are_boilerplate(resources: Resources) -> None:
    shared = "The region has seen several similar trials since the new law took effect in 2019."
    docs = [
        Document(
            id=f"d{i}", source=f"d{i}.txt", raw_text=_story(i, f"Live updates panel\n\n{shared}")
        )
        for i in range(3)
    ]
    cleaned = clean_documents(docs, CleanSettings(), resources)
    for doc in cleaned:
        assert "Live updates panel" not in doc.clean_text
        assert shared in doc.clean_text  # sentence-like shared text is kept (dedup marks it)
        assert "cross-document-repeat" in {r.reason for r in doc.removals}
    alone = clean_documents(docs[:1], CleanSettings(), resources)[0]
    assert "Live updates panel" in alone.clean_text  # one document alone: no evidence


def test_share_row_mid_article_does_not_cut_the_body(resources: Resources) -> None:
    paragraphs = [
        f"Paragraph {i} reports that the hearing continued with testimony from witness {i}, "
        "who described the events of that night in detail to the court."
        for i in range(6)
    ]
    raw = "Hearing resumes in fraud case\n\n" + "\n\n".join(paragraphs[:2])
    raw += "\n\nShare\n\n" + "\n\n".join(paragraphs[2:]) + "\n\nShare this article\n"
    result = clean_text(raw, resources)
    for p in paragraphs:
        assert p in result.clean_text
    assert [r.reason for r in result.removals] == ["title", "share", "share"]


def test_hard_wrapped_paragraphs_are_joined(resources: Resources) -> None:
    doc = clean_file(FIXTURES / "northern_ledger.txt", CleanSettings(), resources)
    assert (
        "inciting hatred walked free on Tuesday after a district court in the southern"
        in doc.clean_text
    )
    assert all("\n" not in p for p in doc.clean_text.split("\n\n"))


def test_clean_file_reports_removals_with_reasons(resources: Resources) -> None:
    doc = clean_file(FIXTURES / "harbor_gazette.txt", CleanSettings(), resources)
    reasons = [r.reason for r in doc.removals]
    for reason in (
        "legal",
        "masthead",
        "title",
        "byline",
        "page-date",
        "caption",
        "related-links",
        "share",
        "tags",
        "footer",
    ):
        assert reason in reasons
    assert doc.author == "Maria Castellanos"


def test_html_page_metadata(resources: Resources) -> None:
    doc = clean_file(FIXTURES / "river_post.html", CleanSettings(), resources)
    assert doc.media_type == "html" and doc.ok
    assert (doc.title, doc.outlet, doc.author, doc.metadata_date) == (
        "Dam protest leaders acquitted",
        "The River Post",
        "Lena Varga",
        "2021-06-14",
    )
    assert doc.clean_text.startswith("SZEGED, Hungary — A regional court")
    assert len(doc.clean_text.split("\n\n")) == 5


_WORDS = ["the", "court", "said", "on", "Monday", "that", "he", "was", "sentenced", "."]
_LINE = st.one_of(
    st.sampled_from(
        ["Home", "Share", "See also", "01/02/2020", "Newsletter", "© 2020 X", "", "  "]
    ),
    st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=120),
    st.lists(st.sampled_from(_WORDS), max_size=40).map(" ".join),
)


@given(st.lists(_LINE, max_size=40))
@example(["Home", "a", "a", "a" + ":0" * 17, "\x1b", "Home", "a:0:0"])  # a control-only line
@hsettings(max_examples=150, deadline=None)
def test_clean_plain_never_loses_track(resources: Resources, lines: list[str]) -> None:
    raw = "\n".join(lines)
    result = clean_text(raw, resources, ("Home", "Home"))
    for removal in result.removals:
        assert raw[removal.start : removal.end] == removal.text
    assert "\n\n\n" not in result.clean_text
    for paragraph in result.clean_text.split("\n\n"):
        if paragraph:
            # (control characters are dropped from the clean text)
            assert re.sub(r"\s+", "", paragraph) in re.sub(r"\s+", "", strip_controls(raw)[0])


def test_credit_glued_to_the_first_sentence_is_split_off(resources: Resources) -> None:
    raw = (
        "Minister resigns over dam scandal\n\n"
        "Photograph: Ana Lima/Reuters The minister of water resigned on Friday after leaked "
        "documents showed that she had approved the dam despite written warnings from three "
        "engineers about its foundations.\n\n"
        "Her office said she would remain in parliament as an ordinary member and would "
        "cooperate fully with the investigation.\n"
    )
    result = clean_text(raw, resources)
    assert result.clean_text.startswith("The minister of water resigned on Friday")
    (caption,) = [r for r in result.removals if r.reason == "caption"]
    assert caption.text == "Photograph: Ana Lima/Reuters"
    assert raw[caption.start : caption.end] == caption.text


def test_html_removals_have_no_raw_offsets(resources: Resources) -> None:
    doc = clean_file(FIXTURES / "river_post.html", CleanSettings(), resources)
    assert doc.removals and all((r.start, r.end) == (-1, -1) for r in doc.removals)


def test_short_opening_sentence_after_the_title_is_kept(resources: Resources) -> None:
    raw = (
        "Home\n\nJudge quits mid-trial\n\nThe judge has resigned.\n\n"
        "The district court in Lakeview said on Monday that Judge Ada Brenner had stepped down "
        "halfway through the fraud trial of the city's former mayor, citing health reasons.\n"
    )
    result = clean_text(raw, resources)
    assert result.title == "Judge quits mid-trial"
    assert result.clean_text.startswith("The judge has resigned.\n\nThe district court")
