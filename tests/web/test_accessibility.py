"""Pages a screen reader and a keyboard can use: a language, one h1, headings that never skip a
level, a label for every control, table headers with their scope, a skip link first."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from dossier.report.html import render_report, report_pages
from report.sample import sample_corpus


class _Outline(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.headings: list[int] = []
        self.controls: list[dict[str, str]] = []
        self.labels: set[str] = set()
        self.header_cells: list[dict[str, str]] = []
        self.first_link: dict[str, str] | None = None
        self.buttons_open = 0
        self.button_texts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        elif len(tag) == 2 and tag[0] == "h" and tag[1].isdigit():
            self.headings.append(int(tag[1]))
        elif tag in ("input", "select", "textarea"):
            self.controls.append(a)
        elif tag == "label" and a.get("for"):
            self.labels.add(a["for"])
        elif tag == "th":
            self.header_cells.append(a)
        elif tag == "a" and self.first_link is None:
            self.first_link = a
        elif tag == "button":
            self.buttons_open += 1
            self.button_texts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "button":
            self.buttons_open -= 1

    def handle_data(self, data: str) -> None:
        if self.buttons_open:
            self.button_texts[-1] += data


def check(page: str, what: str) -> None:
    outline = _Outline()
    outline.feed(page)
    assert outline.lang == "en", what
    assert outline.headings.count(1) == 1, f"{what}: one h1, not {outline.headings.count(1)}"
    assert outline.headings[0] == 1, what
    for before, after in zip(outline.headings, outline.headings[1:], strict=False):
        assert after <= before + 1, f"{what}: h{before} is followed by h{after}"
    for control in outline.controls:
        if control.get("type") == "hidden":
            continue
        named = control.get("aria-label") or control.get("id") in outline.labels
        assert named, f"{what}: a control without a label: {control}"
    for cell in outline.header_cells:
        assert cell.get("scope") in ("col", "row"), f"{what}: a table header without scope"
    assert outline.first_link is not None and outline.first_link.get("class") == "skip", what
    assert all(t.strip() for t in outline.button_texts), f"{what}: a button without text"


def test_report_pages_are_accessible() -> None:
    corpus = sample_corpus()
    for name, page in report_pages(corpus).items():
        check(page, name)
    check(render_report(corpus), "the one-page report")


@pytest.mark.parametrize(
    "url",
    [
        "/",
        "/stories/s-lindqvist",
        "/stories/s-lindqvist?outlet=Baltic+Wire",
        "/stories/s-lindqvist/facts",
        "/stories/s-lindqvist/entities/e1",
        "/documents",
        "/documents/ledger-2021-07-13?q=court",
        "/search?q=Lindqvist",
    ],
)
def test_ui_pages_are_accessible(client: TestClient, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200, url
    check(response.text, url)


def test_the_skip_link_leads_to_the_content(tmp_path: Path) -> None:
    page = render_report(sample_corpus())
    assert '<a class="skip" href="#main">' in page and '<main id="main">' in page
