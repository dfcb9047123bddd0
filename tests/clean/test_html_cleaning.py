"""HTML pages: every block trafilatura or our cleaner dropped is listed with its reason, and
a page nested hundreds of levels deep keeps its article."""

from __future__ import annotations

from pathlib import Path

from dossier.clean import CleanSettings, clean_documents, clean_file
from dossier.clean.render import parse_page, render_text
from dossier.model import Document
from dossier.resources import Resources

FIXTURES = Path(__file__).resolve().parent / "fixtures"

PARAGRAPHS = [
    "The observatory on Mount Arvel switched on its new radio dish on Thursday, the first "
    "telescope of its size to be built in the country in forty years.",
    "Director Mirela Horvat said the dish, thirty metres across, would listen for the faint "
    "signals of hydrogen clouds in nearby galaxies and share its time with universities.",
    "The project was delayed for two winters when snow closed the only road to the summit, "
    "and its cost rose from 18 million to 24 million euros.",
]


def _nested(depth: int) -> str:
    body = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return (
        "<html><head><title>Radio dish switched on | Arvel Times</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/science'>Science</a></nav>"
        + "<div>" * depth
        + f"<h1>Radio dish switched on</h1>{body}"
        + "</div>" * depth
        + "<footer><p>© 2024 Arvel Times</p></footer></body></html>"
    )


def test_a_page_nested_300_levels_deep_keeps_its_article(resources: Resources) -> None:
    page = parse_page(_nested(300))
    assert page.depth > 300
    rendered = render_text(page)
    assert all(p in rendered for p in PARAGRAPHS)
    doc = Document(id="deep", source="deep.html", media_type="html", raw_text=_nested(300))
    (cleaned,) = clean_documents([doc], CleanSettings(), resources)
    assert cleaned.ok, cleaned.reason
    for paragraph in PARAGRAPHS:
        assert paragraph in cleaned.clean_text


def test_html_removals_list_what_was_dropped_with_reasons(resources: Resources) -> None:
    doc = clean_file(FIXTURES / "river_post.html", CleanSettings(), resources)
    removed = {line: r.reason for r in doc.removals for line in r.text.split("\n")}
    assert removed["Home"] == "navigation"
    assert removed["Related stories"] == "related-links"
    assert removed["Water authority orders new review of Tisza dam"] == "related-links"
    assert removed["Subscribe to our newsletter"] == "subscribe"
    assert removed["© 2021 The River Post. All rights reserved."] == "footer"
    assert removed["Dam protest leaders acquitted"] == "title"
    assert any("Photo: Ivan Kiss" in text for text in removed)
    kept = doc.clean_text
    for text in removed:
        assert text not in kept
    assert all(r.score is not None for r in doc.removals if r.reason != "title")


def test_select_all_rendering_puts_blocks_on_lines_and_skips_invisible_text() -> None:
    html = (
        "<html><head><title>x</title><style>p{}</style></head><body>"
        "<div>Menu<span> item</span></div><script>var a = 1;</script>"
        "<p>First paragraph.</p><p>Second<br>line.</p><div hidden>secret</div>"
        "<table><tr><td>a</td><td>b</td></tr></table></body></html>"
    )
    assert render_text(html) == "Menu item\n\nFirst paragraph.\n\nSecond\nline.\n\na\tb"
    assert render_text(html, "lines") == "Menu item\nFirst paragraph.\nSecond\nline.\na\tb"
