"""The ``language`` stage: which language each document is written in.

A language declared for the file in a sources file (``sources.csv``) is taken as given.

Identification reads the document's own text (for HTML, the page's text without markup,
scripts and styles). A document in a language Dossier has a language object for gets that
code; one in another language keeps its code, is flagged ``unsupported-language`` with the
reason, and every language-specific stage leaves it alone (``Document.readable``): it is
listed in the output, never read with another language's rules. A text too short or too
mixed to tell is given ``settings.default_language`` and flagged ``language-uncertain``.
"""

from __future__ import annotations

import re
import string
from collections.abc import Sequence
from dataclasses import replace

from dossier.lang import Identification, identify
from dossier.model import Document, Flag
from dossier.nlp.settings import LanguageSettings
from dossier.resources import Resources

# Markup is not language: scripts, styles, comments and tags are blanked before identifying.
# (Typography of HTML, not English words: kept as regular expressions.)
# not language: HTML markup
_INVISIBLE_OPEN = re.compile(r"<(script|style|noscript)\b")
_CLOSE_END = re.compile(r"\s*>")
_ENTITY = re.compile(r"&#?\w{1,10};")
_MAX_TAG = 2000  # a "<" with no ">" within this many characters is text
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)


def page_text(doc: Document, limit: int) -> str:
    """The input's text as a reader sees it (for HTML, from the first ``limit`` characters)."""
    if doc.media_type == "html":
        return _ENTITY.sub(" ", _without_markup(doc.raw_text[:limit]))
    return doc.raw_text[:limit]


def _without_markup(html: str) -> str:
    """``html`` with its tags, comments, scripts and styles blanked, in one pass (a page of
    unclosed ``<script`` or ``<!--`` costs what it is long, not its square)."""
    lower = html.translate(_ASCII_LOWER)  # markup is ASCII; offsets stay those of ``html``
    closes = _Closes(lower)
    out: list[str] = []
    i = 0
    next_gt = lower.find(">")
    while (j := lower.find("<", i)) >= 0:
        out.append(html[i:j])
        end = closes.invisible_end(j)
        if end is None:
            if next_gt < j:
                next_gt = lower.find(">", j)
            if next_gt < 0:  # no ">" anywhere after: the rest is text
                i = j
                break
            end = next_gt + 1 if next_gt - j <= _MAX_TAG else None
        if end is None:  # a lone "<": text
            out.append("<")
            i = j + 1
        else:
            out.append(" ")
            i = end
    out.append(html[i:])
    return "".join(out)


class _Closes:
    """Where comments and invisible elements end; each search starts where the last one for
    the same closing mark ended, so the page is read about once whatever it holds."""

    def __init__(self, lower: str) -> None:
        self.lower = lower
        self.found: dict[str, tuple[int, int, int | None]] = {}  # mark -> (from, at, end)

    def invisible_end(self, start: int) -> int | None:
        """Where a comment, script, style or noscript element opening at ``start`` ends."""
        if self.lower.startswith("<!--", start):
            return self._close("-->", start + 4)
        opening = _INVISIBLE_OPEN.match(self.lower, start)
        if opening is None:
            return None
        return self._close("</" + opening[1], opening.end())

    def _close(self, mark: str, after: int) -> int | None:
        cached = self.found.get(mark)
        if cached is not None and cached[0] <= after and (cached[2] is None or cached[1] >= after):
            return cached[2]
        at = self.lower.find(mark, after)
        end = None
        while at >= 0:
            tail = _CLOSE_END.match(self.lower, at + len(mark)) if mark != "-->" else None
            if mark == "-->" or tail is not None:
                end = at + len(mark) if tail is None else tail.end()
                break
            at = self.lower.find(mark, at + len(mark))
        self.found[mark] = (after, at, end)
        return end


def identify_languages(
    docs: Sequence[Document],
    settings: LanguageSettings,
    resources: Resources,
    *,
    clean: bool = False,
) -> tuple[Document, ...]:
    """Identify the language of each ``ok`` document from its input text (``clean=True``:
    from its clean text, for documents made without an input file)."""
    out = []
    for doc in docs:
        if not doc.ok:
            out.append(doc)
            continue
        if doc.declared is not None and doc.declared.language:
            out.append(_declared(doc, doc.declared.language, resources))
            continue
        text = doc.clean_text if clean else page_text(doc, settings.max_markup_chars)
        out.append(_identify_one(doc, text, settings, resources))
    return tuple(out)


def _declared(doc: Document, code: str, resources: Resources) -> Document:
    """The language a sources file gives is taken as given (it is the user's word)."""
    code = code.strip().lower()
    if resources.language(code) is not None:
        return replace(doc, language=code)
    flag = Flag(
        "unsupported-language",
        f"declared in {doc.declared.listed_in if doc.declared else 'a sources file'} as "
        f"language {code!r}; Dossier reads {', '.join(sorted(resources.languages))}: the "
        "document is kept and listed, and the language-specific stages leave it out",
    )
    return replace(doc, language=code, flags=(*doc.flags, flag))


def _identify_one(
    doc: Document, text: str, settings: LanguageSettings, resources: Resources
) -> Document:
    found = identify(text, resources.identifier)
    code, flag = decide_language(found, settings, resources)
    if code is None:
        why = (
            "too little text to tell"
            if found.code is None
            else f"best guess {found.code} at confidence {found.confidence:.2f}"
        )
        flag = Flag(
            "language-uncertain",
            f"language not identified ({why}); read as {settings.default_language}",
        )
        return replace(doc, language=settings.default_language, flags=(*doc.flags, flag))
    return replace(doc, language=code, flags=(*doc.flags, flag) if flag else doc.flags)


def decide_language(
    found: Identification, settings: LanguageSettings, resources: Resources
) -> tuple[str | None, Flag | None]:
    """The language to read a text as, and a flag when that is not simply the best guess.

    A supported language that is a serious candidate wins over an unsupported best guess
    (short English texts are often scored as an English-based creole): a text is left
    unread only when the identifier is confident it is in a language Dossier lacks.
    """
    if found.code is None:
        return None, None
    if resources.language(found.code) is not None and found.confidence >= settings.min_confidence:
        return found.code, None
    supported = [(c, p) for c, p in found.ranking if resources.language(c) is not None]
    best_supported = max(supported, key=lambda cp: cp[1], default=None)
    if best_supported is not None and best_supported[1] >= settings.min_supported:
        code, probability = best_supported
        note = Flag(
            "language-uncertain",
            f"read as {code} (probability {probability:.2f}); the identifier's best guess was "
            f"{found.code} ({found.confidence:.2f})",
        )
        return code, note if code != found.code else None
    if found.confidence >= settings.min_unsupported:
        supported_codes = ", ".join(sorted(resources.languages)) or "none"
        return found.code, Flag(
            "unsupported-language",
            f"written in language {found.code!r} (confidence {found.confidence:.2f}); Dossier "
            f"reads {supported_codes}: the document is kept and listed, and the "
            "language-specific stages (parse, dates from the text, entities, stories, "
            "cross-checking, summary) leave it out",
        )
    return None, None
