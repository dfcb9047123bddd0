"""Issue 19: random bytes, encodings and HTML through ingest, language and cleaning.

Whatever a folder holds, no exception escapes, every input ends ``ok`` or ``rejected`` with a
reason, and the real article beside the junk still builds. (The build endpoint's own
fuzz test is ``tests/web/test_fuzz_api.py``.)
"""

from __future__ import annotations

import codecs
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from dossier.clean import clean_documents
from dossier.ingest import read_inputs
from dossier.nlp import identify_languages
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.text import strip_controls

ARTICLE = (
    "Harbour Herald\n\n"
    "Court fines Kelmsund ferry operator over harbour spill\n\n"
    "A court in Kelmsund on Tuesday fined the ferry operator Nordlink 40,000 euros for a fuel "
    "spill in the harbour last March, the city prosecutor said.\n\n"
    "The company said it would not appeal the ruling.\n"
)
KEPT = "fined the ferry operator Nordlink 40,000 euros"
ENCODINGS = (
    "utf-8",
    "utf-16",
    "utf-16-le",
    "utf-16-be",
    "cp1252",
    "latin-1",
    "koi8-r",
    "shift_jis",
    "gb18030",
    "utf-32",
)
BOMS = (b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE)
HOSTILE = (
    "\x00",
    "\x1b[2J",
    "\x07",
    "\ufffd",
    "\u202e",
    "\r",
    "\x0c",
    "&#27;",
    "&#0;",
    "&#x110000;",
    "&#99999999999;",
    "]]>",
    "<![CDATA[",
    "<!--",
    "-->",
    "\ud7ff",
)

texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300
) | st.sampled_from([ARTICLE, "José Müller in Kraków", "Зайсан, Казахстан", "東京 — 裁判所"])


@st.composite
def encoded_text(draw: st.DrawFn) -> bytes:
    """Text in some encoding, maybe behind a BOM, maybe with stray bytes and NULs inside."""
    text = draw(texts) + draw(st.sampled_from(HOSTILE)) + draw(texts)
    data = draw(st.sampled_from(BOMS)) + text.encode(draw(st.sampled_from(ENCODINGS)), "replace")
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(data)))
        data = data[:at] + draw(st.binary(min_size=1, max_size=3)) + data[at:]
    return data


TAGS = (
    "p",
    "div",
    "article",
    "script",
    "style",
    "h1",
    "title",
    "table",
    "td",
    "br",
    "meta",
    "noscript",
    "span",
    "a",
    "li",
    "svg",
    "iframe",
    "head",
    "body",
    "html",
)


@st.composite
def html_page(draw: st.DrawFn) -> bytes:
    """Markup from a small grammar: nested, unclosed and misnested tags, odd attributes,
    comments, entities, control characters, sometimes cut short."""
    parts = [draw(st.sampled_from(["", "<!DOCTYPE html>", "<?xml version='1.0'?>", "<html>"]))]
    for _ in range(draw(st.integers(0, 25))):
        tag = draw(st.sampled_from(TAGS))
        kind = draw(st.integers(0, 5))
        if kind == 0:
            attrs = draw(
                st.sampled_from(["", ' class="x"', " a=b c", ' onload="x()"', ' "=', " /"])
            )
            parts.append(f"<{tag}{attrs}>")
        elif kind == 1:
            parts.append(f"</{tag}>")
        elif kind == 2:
            parts.append(draw(texts))
        elif kind == 3:
            parts.append(draw(st.sampled_from(HOSTILE)))
        elif kind == 4:
            parts.append(f"<{tag}>{draw(texts)}</{draw(st.sampled_from(TAGS))}>")
        else:
            parts.append(
                draw(st.sampled_from(["<!-- c -->", "<", ">", "&amp;", "&nbsp;", "&#x1F600;"]))
            )
    page = "".join(parts)
    if draw(st.booleans()):
        page = page[: draw(st.integers(0, len(page)))]
    return page.encode(draw(st.sampled_from(("utf-8", "cp1252", "utf-16"))), "replace")


junk_file = st.tuples(
    st.sampled_from([".txt", ".html", ".htm", ".xhtml", ".pdf"]),
    st.binary(max_size=400) | encoded_text() | html_page(),
)


@given(st.lists(junk_file, min_size=1, max_size=6))
@hsettings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_folder_of_junk_still_builds_its_article(files: list[tuple[str, bytes]]) -> None:
    settings = Settings()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "article.txt").write_text(ARTICLE, encoding="utf-8")
        for i, (suffix, data) in enumerate(files):
            (folder / f"junk{i}{suffix}").write_bytes(data)
        docs = read_inputs([folder], settings.ingest)
        docs = identify_languages(docs, settings.language, _resources())
        docs = clean_documents(docs, settings.clean)
    expected = 1 + sum(1 for suffix, _ in files if suffix != ".pdf")
    assert len(docs) == expected  # every readable file became a document, nothing vanished
    for doc in docs:
        assert doc.status in ("ok", "rejected"), doc
        if doc.status == "rejected":
            assert doc.reason, doc
        else:
            assert doc.clean_text.strip()
            assert strip_controls(doc.clean_text)[1] == 0  # no control character left
    (article,) = (d for d in docs if d.id == "article")
    assert article.ok and KEPT in article.clean_text


_RESOURCES: list[Resources] = []


def _resources() -> Resources:
    """One Resources for every example (the language identifier loads once)."""
    if not _RESOURCES:
        _RESOURCES.append(Resources())
    return _RESOURCES[0]
