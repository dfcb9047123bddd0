"""An HTML page as a reader's select-all copy of it: visible text, blocks on their own lines.

A browser's "select all, copy" (the HTML ``innerText`` algorithm) puts every block element
on its own line, a blank line around paragraphs, a tab between table cells and nothing from
scripts, styles, the head or hidden elements. :func:`render_text` reproduces that with lxml,
walking the tree without recursion and parsing with libxml2's "huge" option, so a page nested
hundreds of levels deep keeps all its text. It is what HTML removals are measured against
(what the extractor dropped, block by block) and one of the renderings the block classifier
is trained on (``benchmarks/train_block_classifier.py``).

Styles (how people's saved text differs):

- ``browser``: innerText, blank lines around paragraphs;
- ``lines``: every block on one line, no blank lines (a crawler's text dump);
- ``wrapped``: blank lines between blocks and long lines wrapped at 72 columns (a browser's
  "save as text").
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from typing import Any, Literal

Style = Literal["browser", "lines", "wrapped"]


def _names(text: str) -> list[str]:
    return text.split()


# not language: HTML element names (the innerText algorithm's block and skipped elements)
_BLOCK = frozenset(
    _names(
        "address article aside blockquote body center dd details dialog dir div dl dt fieldset "
        "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li main menu "
        "nav ol option p pre section summary table tbody thead tfoot tr ul caption"
    )
)
# not language: HTML element names whose content a reader does not see
_INVISIBLE = frozenset(
    _names(
        "head script style noscript template iframe object embed svg math select textarea canvas "
        "audio video map datalist"
    )
)
# not language: CSS declarations that hide an element
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_SPACE = re.compile(r"[ \t\n\r\f\v\u00a0\u200b]+")
_CELL = "\x00"  # a table-cell boundary until white space is collapsed (then a tab)
# Deeper than this, libxml2 stops parsing unless told the document is huge.
DEEP_NESTING = 250


@dataclass(frozen=True, slots=True)
class Page:
    """A parsed page: its tree (None when nothing could be parsed) and its nesting depth."""

    tree: Any
    depth: int


def parse_page(html: str) -> Page:
    """Parse with a depth-safe parser (libxml2's ``huge_tree``): deep nesting is kept."""
    from lxml import etree
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(
        huge_tree=True, collect_ids=False, remove_comments=True, remove_pis=True
    )
    try:
        tree = lxml_html.document_fromstring(html, parser=parser)
    except (etree.ParserError, ValueError):
        try:
            tree = lxml_html.document_fromstring(html.encode("utf-8", "replace"), parser=parser)
        except (etree.ParserError, ValueError):
            return Page(None, 0)
    return Page(tree, _depth(tree))


def _depth(tree: Any) -> int:
    from lxml import etree

    depth = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        depth += 1 if event == "start" else -1
        deepest = max(deepest, depth)
    return deepest


def render_text(html_or_page: str | Page, style: Style = "browser") -> str:
    """The page's visible text as a select-all copy gives it (see the module docstring)."""
    page = parse_page(html_or_page) if isinstance(html_or_page, str) else html_or_page
    if page.tree is None:
        return ""
    body = page.tree.find("body")
    pieces = _pieces(body if body is not None else page.tree)
    text = _assemble(pieces, blank_after={"browser": 2, "lines": 0, "wrapped": 1}[style])
    if style == "wrapped":
        text = "\n".join(
            textwrap.fill(line, 72, break_long_words=False, break_on_hyphens=False) or line
            for line in text.split("\n")
        )
    return text


def _hidden(element: Any) -> bool:
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag.lower() in _INVISIBLE or not tag:
        return True
    attrib = element.attrib
    if "hidden" in attrib or attrib.get("type") == "hidden":
        return True
    style = attrib.get("style")
    return bool(style) and bool(_HIDDEN_STYLE.search(style))


def _breaks(tag: str) -> int:
    if tag == "p":
        return 2
    return 1 if tag in _BLOCK else 0


def _pieces(root: Any) -> list[str | int]:
    """Text runs (str) and required line-break counts (int), in reading order."""
    from lxml import etree

    out: list[str | int] = []
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if element is not root and _hidden(element):
                walker.skip_subtree()
                continue
            out.append(_breaks(tag))
            if tag == "br":
                out.append("\n")
            elif tag in ("td", "th") and element.getprevious() is not None:
                out.append(_CELL)
            if element.text:
                out.append(element.text)
        else:
            if not _hidden(element) or element is root:
                out.append(_breaks(tag))
            if element.tail and element is not root:
                out.append(element.tail)
    return out


def _assemble(pieces: list[str | int], *, blank_after: int) -> str:
    """Join text runs; a run of required breaks becomes the largest of them (innerText).
    A blank line follows a block whose break count is at least ``blank_after`` (0: never)."""
    lines: list[str] = []
    current: list[str] = []
    pending = 0

    def flush(breaks: int) -> None:
        text = _SPACE.sub(" ", "".join(current)).strip().replace(_CELL, "\t")
        text = re.sub(r" ?\t ?", "\t", text).strip("\t ")
        current.clear()
        if text:
            lines.append(text)
            if blank_after and breaks >= blank_after:
                lines.append("")

    for piece in pieces:
        if isinstance(piece, int):
            pending = max(pending, piece)
        elif piece == "\n":
            flush(1)
            pending = 0
        else:
            if pending and _SPACE.sub("", piece):
                flush(pending)
                pending = 0
            current.append(piece)
    flush(0)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
