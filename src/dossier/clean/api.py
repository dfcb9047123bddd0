"""Stage 2 entry points: :func:`clean_documents`, :func:`clean_with_context`, :func:`clean_file`."""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from dossier.clean import blocks as B
from dossier.clean import lines as L
from dossier.clean.classifier import BlockModel
from dossier.clean.cues import Cues
from dossier.clean.html import HtmlExtraction, clean_html, extract_html
from dossier.clean.plain import PlainResult, repeat_keys
from dossier.clean.settings import CleanSettings
from dossier.model import Document, Flag, FlagKind
from dossier.resources import Resources
from dossier.text import break_long_lines, paragraph_spans, strip_controls

NO_TEXT_REASON = "no article text after cleaning"
TOO_SHORT_REASON = "too short to be an article"
CONTROLS_REMOVED: FlagKind = "control-characters-removed"


def clean_documents(
    docs: Sequence[Document], settings: CleanSettings, resources: Resources | None = None
) -> tuple[Document, ...]:
    """Clean every ``ok`` document; others pass through unchanged.

    Lines repeated across the documents of the input (and not sentence-like) are treated as
    boilerplate, so the whole batch is cleaned together. ``resources`` gives each document's
    language tables and the block classifier (a caller cleaning many batches passes its own,
    so they load once).
    """
    return clean_with_context(docs, (), settings, resources or Resources())


def clean_with_context(
    docs: Sequence[Document],
    context: Sequence[Document],
    settings: CleanSettings,
    resources: Resources,
) -> tuple[Document, ...]:
    """Clean ``docs`` with ``context`` (documents cleaned before, e.g. the ones already in a
    store) counted for cross-document repetition; the context documents are not cleaned
    again and not returned, so their clean text never changes when new ones arrive."""
    pages = {i: prepare(doc, settings, resources) for i, doc in enumerate(docs) if doc.ok}
    counts: Counter[str] = Counter()
    for page in pages.values():
        counts.update(page.keys)
    for doc in context:
        if doc.raw_text:
            counts.update(repeat_keys(_context_text(doc), settings))
    repeated = repeated_lines(counts, settings)
    cleaned = clean_prepared(docs, pages, repeated, settings, resources)
    return tuple(cleaned.get(i, doc) for i, doc in enumerate(docs))


def clean_file(
    path: str | Path, settings: CleanSettings, resources: Resources | None = None
) -> Document:
    """Ingest and clean one file (``dossier clean FILE``)."""
    from dossier.ingest import IngestSettings, read_inputs

    (doc,) = read_inputs([path], IngestSettings())
    (cleaned,) = clean_documents([doc], settings, resources)
    return cleaned


@dataclass(frozen=True, slots=True)
class Page:
    rules: Cues
    keys: frozenset[str]  # keys of its short lines, for cross-document repetition
    scored: B.Scored | None = None  # a plain-text page, split and featurised
    text: str = ""  # an HTML page: its extraction, one paragraph per line
    extraction: HtmlExtraction | None = None


# prepare, repeated_lines and clean_prepared are the pieces of one cleaning, for a caller that
# counts repetition itself (dossier.casefile keeps every stored document's line keys, and
# cleans again a stored document whose lines an addition makes repeated).


def prepare(doc: Document, settings: CleanSettings, resources: Resources) -> Page:
    """Read ``doc`` (an ``ok`` document) for cleaning; ``.keys`` are its short lines' keys."""
    rules = _rules(doc, resources)
    if doc.media_type == "html":
        extraction = extract_html(doc.raw_text, settings)
        # One paragraph per line in trafilatura's rendering: make paragraphs explicit.
        text = "\n\n".join(ln for ln in extraction.text.split("\n") if ln.strip())
        text = break_long_lines(text, settings.max_line_chars, rules.abbreviations)
        return Page(rules, frozenset(repeat_keys(text, settings)), None, text, extraction)
    # Same length as the raw text (a space becomes a newline): removal offsets hold.
    broken = break_long_lines(doc.raw_text, settings.max_line_chars, rules.abbreviations)
    scored = B.prepare(broken, rules)
    keys = frozenset(
        line.key for line in scored.lines if line.key and line.words <= settings.repeat_max_words
    )
    return Page(rules, keys, scored)


def _context_text(doc: Document) -> str:
    """A context document's lines: its raw text (plain) or its clean text (HTML, as the
    extraction is not kept)."""
    return doc.raw_text if doc.media_type != "html" else doc.clean_text


def repeated_lines(counts: Mapping[str, int], settings: CleanSettings) -> frozenset[str]:
    """The line keys that are boilerplate, given how many documents have each."""
    return frozenset(k for k, n in counts.items() if n >= settings.repeat_min_docs)


def clean_prepared(
    docs: Sequence[Document],
    pages: Mapping[int, Page],
    repeated: frozenset[str],
    settings: CleanSettings,
    resources: Resources,
) -> dict[int, Document]:
    """Clean the prepared documents (``pages[i]`` is ``docs[i]`` read by :func:`prepare`),
    with ``repeated`` the boilerplate line keys."""
    models = resources.block_models()
    out: dict[int, Document] = {}
    plain: dict[str, list[tuple[int, B.Scored, Cues]]] = {"full": [], "neutral": []}
    for i, page in pages.items():
        doc, rules = docs[i], page.rules
        if page.extraction is not None:
            extraction = page.extraction
            result, flags = clean_html(page.text, extraction, rules, models, repeated, settings)
            out[i] = _finish(doc, result, page.extraction, flags, rules, settings)
        elif page.scored is not None:
            plain["neutral" if rules.neutral else "full"].append((i, page.scored, rules))
    for variant, items in plain.items():
        if not items:
            continue
        model = models[variant]
        scores = B.score_pages([scored for _, scored, _ in items], model)
        for (i, scored, rules), page_scores in zip(items, scores, strict=True):
            result, flags = _clean_plain(scored, page_scores, model, rules, repeated, settings)
            out[i] = _finish(docs[i], result, None, flags, rules, settings)
    return out


def _rules(doc: Document, resources: Resources) -> Cues:
    code = doc.language
    if code is None:
        from dossier.lang import identify

        code = identify(doc.raw_text[:20_000], resources.identifier).code
    return Cues.of(resources.language(code) if doc.readable else None)


def _clean_plain(
    page: B.Scored,
    scores: np.ndarray,
    model: BlockModel,
    rules: Cues,
    repeated: frozenset[str],
    settings: CleanSettings,
) -> tuple[PlainResult, list[Flag]]:
    decision = B.decide(page, scores, model, repeated, settings)
    labels = B.label_lines(page, decision.keep, rules, repeated, settings, decision.title)
    result = B.build_result(page, labels, decision.title, scores, rules)
    flags = B.flags(page.lines, labels, len(decision.unsure), rules)
    return result, flags


def _finish(
    doc: Document,
    result: PlainResult,
    extraction: HtmlExtraction | None,
    flags: list[Flag],
    rules: Cues,
    settings: CleanSettings,
) -> Document:
    title, outlet, author, metadata_date = result.title, result.outlet, result.author, None
    if extraction is not None:
        title = extraction.title or title
        outlet = extraction.outlet or outlet
        author = extraction.author or author
        metadata_date = extraction.metadata_date
    if rules.neutral:
        flags = [
            *flags,
            Flag(
                "cleaned-language-neutral",
                f"no language tables for {doc.language or 'this text'!r}: cleaned by structure, "
                "repetition and punctuation only",
            ),
        ]
    clean_text, controls = strip_controls(result.clean_text)
    if controls:
        clean_text = _one_blank_line_between_paragraphs(clean_text)
        plural = "s" if controls != 1 else ""
        flags = [*flags, Flag(CONTROLS_REMOVED, f"{controls} control character{plural} removed")]
    cleaned = dataclasses.replace(
        doc,
        clean_text=clean_text,
        # What ingest already knows (a sources file, og:site_name) is kept.
        title=_printable(doc.title or title),
        outlet=_printable(doc.outlet or outlet),
        author=_printable(author),
        dateline_place=_printable(result.dateline_place),
        page_date_text=_printable(result.page_date_text),
        metadata_date=metadata_date,
        removals=result.removals,
        flags=doc.flags + tuple(flags),
    )
    reason = _rejection(doc, clean_text, settings)
    return dataclasses.replace(cleaned, status="rejected", reason=reason) if reason else cleaned


def _printable(value: str | None) -> str | None:
    """A metadata field without control characters (None when nothing is left)."""
    if value is None:
        return None
    return strip_controls(value)[0].strip() or None


def _one_blank_line_between_paragraphs(text: str) -> str:
    """``text`` with every run of blank lines (a line held only a control character, now
    removed) made one blank line, and none at either end."""
    return "\n\n".join(text[start:end] for start, end in paragraph_spans(text))


def _rejection(doc: Document, clean_text: str, settings: CleanSettings) -> str | None:
    """Why the document is not an article, if it is not: no line reads as prose, or fewer
    words of prose than the minimum."""
    minimum = settings.min_article_words
    prose = 0
    for paragraph in clean_text.split("\n\n"):
        words = L.word_count(paragraph)
        if L.is_prose(paragraph, words):
            prose += words
            if prose >= max(minimum, 1):
                return None  # enough prose read: an article
    if prose == 0:
        return TOO_SHORT_REASON if _input_words(doc) < minimum else NO_TEXT_REASON
    return TOO_SHORT_REASON if prose < minimum else None


def _input_words(doc: Document) -> int:
    return L.word_count(doc.raw_text) if doc.media_type != "html" else 1 << 30
