"""The report as a folder: an index that stays small, a page per story, source and fact list,
links that all land, columns per outlet with a cap, and the one-page option."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from dossier.model import Citation, Corpus, Corroboration, Document, Story
from dossier.report.html import render_report, write_report
from dossier.report.html_facts import MAX_OUTLET_COLUMNS, OTHER_OUTLETS

from .sample import sample_corpus, with_disputed_side


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"] or "")
        for key in ("href", "src"):
            value = a.get(key)
            if value and not value.startswith(("http://", "https://")):
                self.hrefs.append(value)


def _parse(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.mark.parametrize("stories", [2, 1])
def test_every_link_of_every_page_lands(tmp_path: Path, stories: int) -> None:
    corpus = sample_corpus()
    corpus = replace(corpus, stories=corpus.stories[:stories])
    written = write_report(corpus, tmp_path)
    assert written == [tmp_path / "report.html", tmp_path / "report"]
    pages = [tmp_path / "report.html", *sorted((tmp_path / "report").glob("*.html"))]
    names = {p.name for p in pages}
    assert {"story-s-lindqvist.html", "facts-s-lindqvist.html", "source-blank.html"} <= names
    if stories == 1:  # the index is the story: its contents stay on the page
        index = (tmp_path / "report.html").read_text(encoding="utf-8")
        assert 'href="#timeline-s-lindqvist"' in index
    assert (tmp_path / "report" / "report.css").is_file()
    assert (tmp_path / "report" / "report.js").is_file()
    parsed = {p: _parse(p) for p in pages}
    for page, links in parsed.items():
        for href in links.hrefs:
            parts = urlsplit(href)
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            assert target.is_file(), f"{page.name}: {href}"
            if parts.fragment and target.suffix == ".html":
                ids = parsed[target].ids if target in parsed else _parse(target).ids
                assert unquote(parts.fragment) in ids, f"{page.name}: {href}"


def test_a_rebuild_replaces_the_folder_and_the_one_page_option(tmp_path: Path) -> None:
    corpus = sample_corpus()
    write_report(corpus, tmp_path)
    smaller = replace(corpus, documents=corpus.documents[:3], stories=corpus.stories[:1])
    write_report(smaller, tmp_path)
    assert not (tmp_path / "report" / "source-harbour.html").exists()  # gone with its input
    assert not list(tmp_path.glob(".report*"))  # no staging folder left behind
    write_report(corpus, tmp_path, single_file=True)
    assert not (tmp_path / "report").exists()
    assert "<style>" in (tmp_path / "report.html").read_text(encoding="utf-8")


def _many_outlets(outlets: list[str | None]) -> Corpus:
    docs = tuple(
        Document(id=f"d{i}", source=f"d{i}.txt", clean_text=f"Fact {i} was reported.", outlet=o)
        for i, o in enumerate(outlets)
    )
    cite = [Citation(d.id, 0, 4, "Fact") for d in docs]
    facts = (
        Corroboration("f1", "A fact everyone reports.", tuple(cite), tuple(), len(docs)),
        Corroboration("f2", "A fact one outlet reports.", (cite[0],), tuple(), 1),
    )
    story = Story("s", "Many sources", tuple(d.id for d in docs), corroborations=facts)
    return Corpus(documents=docs, stories=(story,))


def _matrix_head(page: str) -> list[str]:
    head = page[page.index('<table class="matrix">') :].split("</thead>")[0]
    return [re.sub(r"<[^>]+>", "", h).strip() for h in re.findall(r"<th[^>]*>.*?</th>", head)]


def test_documents_of_unknown_outlet_share_one_column() -> None:
    page = render_report(_many_outlets([None] * 16))
    assert _matrix_head(page) == ["Fact", "unknown outlet (16 docs)", "Independent sources"]


def test_outlet_columns_are_capped_and_single_source_facts_wait_behind_a_control() -> None:
    page = render_report(_many_outlets([f"Outlet {i:02d}" for i in range(25)]))
    head = _matrix_head(page)
    assert len(head) == MAX_OUTLET_COLUMNS + 2 and head[-2] == OTHER_OUTLETS
    start = page.index('<table class="matrix">')
    table = page[start : page.index("</table>", start)]
    assert "A fact everyone reports." in table and "A fact one outlet reports." not in table
    assert "Show all 2 facts (1 fact(s) rest on a single source)" in page
    assert '<div class="scroll"><table class="matrix">' in page  # scrolls in its box


def test_the_story_page_reads_overview_first_then_sources_then_sections() -> None:
    page = render_report(sample_corpus())
    order = [
        '<nav class="toc"',
        "Summary as of 2021-07-13 (the latest source)</h4>",
        '<aside class="legend"',
        "Key people and organisations",
        "Main events",
        '<details class="sources">',
        'id="timeline-s-lindqvist"',
        'id="conflicts-s-lindqvist"',
        "What each outlet reports",
        'id="texts-s-lindqvist"',
    ]
    positions = [page.index(marker) for marker in order]
    assert positions == sorted(positions)


def test_roles_the_sources_disagree_on_are_shown_as_alternatives_not_merged() -> None:
    corpus = with_disputed_side(sample_corpus())
    (brink,) = [e for e in corpus.stories[0].entities if e.name == "Ansel Brink"]
    assert brink.role_summary == "defence lawyer or prosecution lawyer (sources disagree)"
    page = render_report(corpus)
    assert "— defence lawyer or prosecution lawyer (sources disagree)</span>" in page
    assert "defence lawyer, prosecution lawyer" not in page
    assert page.count('<span class="badge warn">sources disagree</span>') == 1
    undisputed = render_report(sample_corpus())
    assert "sources disagree" not in undisputed and "— defence lawyer</span>" in undisputed
