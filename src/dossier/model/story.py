"""What the story and corpus stages add: entities, events, claims, conflicts, the
summary's sentences, story membership and the case file's change log; a story and the
corpus."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from dossier.model.base import (
    BuildKind,
    ChangeKind,
    Citation,
    ConflictKind,
    DateValue,
    EntityType,
    Modality,
)
from dossier.model.document import (
    Document,
)


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

    @property
    def role_summary(self) -> str:
        """The roles in a few words: "judge"; roles the sources disagree on are alternatives,
        marked so ("defence lawyer or prosecution lawyer (sources disagree)")."""
        disputed = {r.role for r in self.roles if r.disputed}
        plain = [r for r in self.role_names if r not in disputed]
        contested = [r for r in self.role_names if r in disputed]
        parts = plain + ([" or ".join(contested) + " (sources disagree)"] if contested else [])
        return ", ".join(parts)


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
