"""The model's base records: kinds (Literals and enums), dates, citations, flags,
removals and the provenance of a document."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Literal

Granularity = Literal["year", "month", "day"]
EntityType = Literal["PERSON", "ORG", "PLACE", "OTHER"]
DocStatus = Literal["ok", "duplicate", "rejected"]
# How a publication date was decided.
# not language: enumerated kinds
DateBasis = Literal["metadata", "page", "folder", "filename", "sources-file", "content", "none"]
# What is wrong with a document (``Flag.kind``). Stages add kinds here, never free strings.
FlagKind = Literal[
    "ambiguous-date-format",
    "date-inferred",
    "date-undetermined",
    "no-date",
    "metadata-page-mismatch",
    "metadata-date-questioned",
    "page-date-questioned",
    "folder-date-questioned",
    "filename-date-questioned",
    "metadata-date-contradicted",
    "page-date-contradicted",
    "folder-date-contradicted",
    "filename-date-contradicted",
    "metadata-date-rejected",  # htmldate's YYYY-01-01 for a copyright or bare year
    "page-year-inferred",  # a printed date without its year: the year comes from context
    "updated-date-only",  # the page prints when it was updated, not when it was published
    "syndicated",  # the text credits another outlet or agency as its origin
    "unsupported-language",
    "language-uncertain",
    "parse-truncated",
    "encoding-repaired",
    "control-characters-removed",
    "analysis-capped",
    "truncated",
    "cleaning-uncertain",
    "cleaned-language-neutral",
]
# not language: enumerated kinds
ConflictKind = Literal["role", "numeric", "date", "place", "contradiction", "superseded"]
# What one build did to the store (see :class:`BuildRecord`).
BuildKind = Literal["build", "add", "remove", "rebuild"]
# One line of a story's change log (see :class:`Change`).
ChangeKind = Literal[
    "story-new",
    "story-merged",
    "story-split",
    "story-renamed",
    "story-removed",
    "document-new",
    "document-removed",
    "document-updated",
    "event-new",
    "event-updated",
    "event-removed",
    "conflict-new",
    "conflict-updated",
    "conflict-settled",
    "expectation-superseded",
    "entity-new",
    "entity-merged",
    "entity-updated",
]


class Modality(str, Enum):  # noqa: UP042 (str mixin: values compare and serialise as text)
    """How a claim is asserted."""

    FACT = "fact"  # reported as having happened / being the case
    ALLEGATION = "allegation"  # a party says it (said, claimed, accused)
    EXPECTATION = "expectation"  # will, expected to, likely, plans to
    DENIAL = "denial"  # denies, rejected reports that


@dataclass(frozen=True, slots=True)
class DateValue:
    """A calendar date as precise as the evidence allows and no more."""

    value: str  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    granularity: Granularity
    approximate: bool = False

    @property
    def year(self) -> int:
        return int(self.value[:4])

    @property
    def sort_key(self) -> str:
        """Sortable key: a month sorts before the days inside it."""
        return self.value


@dataclass(frozen=True, slots=True)
class Citation:
    """A pointer into one document's clean text."""

    doc: str
    start: int
    end: int
    quote: str

    @staticmethod
    def of(doc_id: str, clean_text: str, start: int, end: int) -> Citation:
        if not 0 <= start < end <= len(clean_text):
            raise ValueError(f"citation span {start}:{end} outside document {doc_id!r}")
        return Citation(doc_id, start, end, clean_text[start:end])


@dataclass(frozen=True, slots=True)
class Flag:
    """A problem found with a document (e.g. page date contradicted by content)."""

    kind: FlagKind
    message: str


@dataclass(frozen=True, slots=True)
class Removal:
    """A block the cleaner removed, with why. Offsets are into ``raw_text``
    (for HTML inputs, offsets are into the extractor's plain rendering and
    ``start``/``end`` may be -1 when no position is known)."""

    start: int
    end: int
    reason: str  # e.g. "navigation", "caption", "share", "outlet-blurb", "related-links", "footer"
    text: str
    # The block classifier's score (probability of article text) of the block's most
    # article-like line; None where no classifier scored it.
    score: float | None = None


@dataclass(frozen=True, slots=True)
class Credit:
    """Another outlet or agency a text credits as where it comes from: "(AP)" in its
    dateline, "first published by ...", "Reuters contributed to this report", a source
    quoted as having "told Eurasianet". The text is syndicated from it (a reprint)."""

    name: str  # as printed ("AP", "Eurasianet")
    text: str  # the words that credit it, verbatim


# Where a date a document gives about itself was found, and what it says it is.
# not language: enumerated kinds
DateSource = Literal["metadata", "page", "filename", "folder", "sources-file"]
# not language: enumerated kinds
DateRole = Literal["published", "updated", "unlabelled"]


@dataclass(frozen=True, slots=True)
class PrintedDate:
    """A date a document states about itself (a date line, a byline, a file name, the
    page's metadata), as found: the text verbatim, what it is labelled, its value."""

    source: DateSource
    text: str  # verbatim ("Published 4 June 2021, 08:15 GMT", "rferl-2020-01-21.txt")
    role: DateRole  # "Updated"/"Last updated" dates are never publication dates
    date: DateValue | None  # None when it cannot be read (or reads two ways undecided)
    time: str | None = None  # "HH:MM" as printed (local time of the page)
    zone: str | None = None  # the time zone as printed ("GMT", "+01:00")


@dataclass(frozen=True, slots=True)
class SameEvent:
    """A sentence of a document reporting, undated, an event another document dates: the
    document is dated by it, and the sentence supports that other document's event."""

    start: int  # the sentence, in this document's clean_text
    end: int
    date: DateValue  # the day the other document gives the event
    citation: Citation  # the other document's sentence that dates it


@dataclass(frozen=True, slots=True)
class Dating:
    """How a document's publication date was decided, beyond its basis."""

    printed: tuple[PrintedDate, ...] = ()  # every date the document states about itself
    updated: DateValue | None = None  # the last update, kept apart from the publication date
    # When the date is inferred: the day range it lies in (either end open when unknown).
    earliest: DateValue | None = None
    latest: DateValue | None = None
    evidence: str = ""  # what set the date, in a sentence
    same_event: SameEvent | None = None  # when another document's dated event set it


@dataclass(frozen=True, slots=True)
class PublishedDate:
    date: DateValue | None
    basis: DateBasis
    page_date: str | None = None  # the date printed on the page, verbatim


# not language: enumerated kinds
ProvenanceField = Literal["outlet", "url", "title", "date", "language"]
# Where a document's outlet, URL, title, date or language came from, strongest first: a
# sources.csv/sources.json beside the articles, the page's canonical link, its og:url,
# its og:site_name.
ProvenanceBasis = Literal["sources-file", "canonical-link", "og:url", "og:site_name"]


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """What a ``sources.csv`` / ``sources.json`` beside the articles declares about one file.
    Its values take precedence over what the page suggests."""

    listed_in: str  # the sources file, and the line or entry ("sources.csv:4")
    outlet: str | None = None
    url: str | None = None
    date: str | None = None  # ISO: YYYY, YYYY-MM or YYYY-MM-DD
    language: str | None = None  # e.g. "en"
    title: str | None = None


@dataclass(frozen=True, slots=True)
class Provenance:
    """Which evidence a document's field was taken from."""

    field: ProvenanceField
    basis: ProvenanceBasis
    detail: str = ""  # e.g. the sources file and line, or the meta tag's value
