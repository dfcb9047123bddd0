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
from collections.abc import Sequence
from dataclasses import replace

from dossier.lang import Identification, identify
from dossier.model import Document, Flag
from dossier.nlp.settings import LanguageSettings
from dossier.resources import Resources

# Markup is not language: scripts, styles, comments and tags are blanked before identifying.
# (Typography of HTML, not English words: kept as regular expressions.)
# not language: HTML markup
_INVISIBLE = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_TAG = re.compile(r"<[^>]{0,2000}>")
_ENTITY = re.compile(r"&#?\w{1,10};")


def page_text(doc: Document, limit: int) -> str:
    """The input's text as a reader sees it (for HTML, from the first ``limit`` characters)."""
    if doc.media_type == "html":
        return _ENTITY.sub(" ", _TAG.sub(" ", _INVISIBLE.sub(" ", doc.raw_text[:limit])))
    return doc.raw_text[:limit]


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
