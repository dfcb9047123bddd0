"""The stage contract: what a stage is, what it may read and write, and how order is checked.

A stage is a pure function over the one data model (:mod:`dossier.model`) that declares the
:class:`Field` values it needs (``requires``) and adds (``provides``), like spaCy's
components. It has one of three scopes, which tell a runner how it may be split:

* :class:`DocumentStage`: each document on its own (a runner may shard the documents and
  run them anywhere, in any batches);
* :class:`StoryStage`: each story with its readable documents (stories are independent; a
  stage may take all stories in one call, e.g. to batch sentence embeddings);
* :class:`CorpusStage`: the whole collection (cross-document repetition, duplicates, dating
  documents by each other, grouping documents into stories).

Fields of the model that are always available (a document's ``id``, ``source``, ``status``,
``reason``, ``flags``) are not listed. A stage may read what it provides (ingest may have set
a title from a sources file that cleaning then keeps). ``tests/pipeline/test_stage_contract.py``
runs every stage on a corpus whose undeclared fields are poisoned and fails when a stage reads
one, or changes a field it does not provide.
Runners (:mod:`dossier.runners`) decide where stages run; this module imports no stage.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from enum import Enum
from typing import TYPE_CHECKING, Literal

from dossier.errors import StageOrderError
from dossier.model import Corpus, Document, Story

if TYPE_CHECKING:
    from dossier.resources import Resources
    from dossier.settings import Settings

Scope = Literal["document", "story", "corpus"]


class Field(str, Enum):  # noqa: UP042 (str mixin: values print and compare as text)
    """What a stage reads or writes, and the model attributes behind it."""

    DOC_RAW = "doc.raw"
    DOC_LANGUAGE = "doc.language"
    DOC_CLEAN = "doc.clean"
    DOC_DUPLICATES = "doc.duplicates"
    DOC_PARSE = "doc.parse"
    DOC_SHARED = "doc.shared_spans"
    DOC_PUBLISHED = "doc.published"
    DOC_TIMEX = "doc.timex"
    DOC_MENTIONS = "doc.mentions"
    STORIES = "stories"
    STORY_ENTITIES = "story.entities"
    STORY_EVENTS = "story.events"
    STORY_CLAIMS = "story.claims"
    STORY_CONFLICTS = "story.conflicts"
    STORY_SUMMARY = "story.summary"
    STORY_CHECKS = "story.citation_checks"


# The model attributes each field stands for (Document attributes for doc.*, Story
# attributes for story.*; "stories" is Corpus.stories with each story's id, title and
# documents).
# not language: model attribute names
DOCUMENT_ATTRIBUTES: dict[Field, tuple[str, ...]] = {
    # What ingest knows: the text as read, and what a sources file or the HTML head declares.
    Field.DOC_RAW: (
        "raw_text",
        "media_type",
        "folder_date",
        "encoding",
        "url",
        "declared",
        "provenance",
    ),
    Field.DOC_LANGUAGE: ("language",),
    Field.DOC_CLEAN: (
        "clean_text",
        "removals",
        "title",
        "outlet",
        "author",
        "dateline_place",
        "page_date_text",
        "metadata_date",
    ),
    Field.DOC_DUPLICATES: ("duplicate_of", "credit"),
    Field.DOC_PARSE: ("parse",),
    Field.DOC_SHARED: ("shared_spans",),
    Field.DOC_PUBLISHED: ("published", "dating"),
    Field.DOC_TIMEX: ("time_expressions",),
    Field.DOC_MENTIONS: ("mentions",),
}
# not language: model attribute names
STORY_ATTRIBUTES: dict[Field, tuple[str, ...]] = {
    Field.STORY_ENTITIES: ("entities",),
    Field.STORY_EVENTS: ("events",),
    Field.STORY_CLAIMS: ("claims", "corroborations", "outlet_profiles"),
    Field.STORY_CONFLICTS: ("conflicts", "revisions"),
    Field.STORY_SUMMARY: ("headline", "summary"),
    Field.STORY_CHECKS: ("citation_checks", "citations_checked"),
}

DocumentFn = Callable[[Sequence[Document], "Settings", "Resources"], tuple[Document, ...]]
StoriesFn = Callable[
    [Sequence[tuple[Story, tuple[Document, ...]]], "Settings", "Resources"], tuple[Story, ...]
]
CorpusFn = Callable[[Corpus, "Settings", "Resources"], Corpus]


def story_documents(corpus: Corpus, story: Story) -> tuple[Document, ...]:
    """The readable documents of ``story``, in the story's order."""
    by_id = corpus.by_id()
    return tuple(by_id[i] for i in story.document_ids if i in by_id and by_id[i].readable)


@dataclass(frozen=True, slots=True)
class DocumentStage:
    """A stage over documents, each on its own: ``fn(documents) -> documents`` (same order;
    documents it does not handle come back unchanged).

    Its results are cached per document (:mod:`dossier.casefile.docstages`) under what it
    reads of the document and what else it depends on: ``settings``, the sections of
    :class:`~dossier.settings.Settings` its function reads (None: any of them), and
    ``version``, the version of its code: raise it when a change makes the stage give
    other results, so that cached ones are not used again."""

    name: str
    requires: frozenset[Field]
    provides: frozenset[Field]
    fn: DocumentFn
    scope: Scope = "document"
    settings: tuple[str, ...] | None = None
    version: int = 1

    def apply(self, corpus: Corpus, settings: Settings, resources: Resources) -> Corpus:
        return replace(corpus, documents=self.fn(corpus.documents, settings, resources))


@dataclass(frozen=True, slots=True)
class StoryStage:
    """A stage over stories: ``fn([(story, its readable documents), ...]) -> stories``
    (same order). Each story's result depends on that story alone."""

    name: str
    requires: frozenset[Field]
    provides: frozenset[Field]
    fn: StoriesFn
    scope: Scope = "story"

    def apply(self, corpus: Corpus, settings: Settings, resources: Resources) -> Corpus:
        pairs = [(s, story_documents(corpus, s)) for s in corpus.stories]
        return replace(corpus, stories=self.fn(pairs, settings, resources))


@dataclass(frozen=True, slots=True)
class CorpusStage:
    """A stage over the whole corpus."""

    name: str
    requires: frozenset[Field]
    provides: frozenset[Field]
    fn: CorpusFn
    scope: Scope = "corpus"

    def apply(self, corpus: Corpus, settings: Settings, resources: Resources) -> Corpus:
        return self.fn(corpus, settings, resources)


Stage = DocumentStage | StoryStage | CorpusStage


def fields(*names: Field) -> frozenset[Field]:
    return frozenset(names)


def check_order(stages: Sequence[Stage], available: frozenset[Field] | None = None) -> None:
    """Raise :class:`StageOrderError` if a stage needs something no earlier stage provides,
    or if two stages share a name."""
    have = set(available if available is not None else fields(Field.DOC_RAW))
    seen: set[str] = set()
    for stage in stages:
        if stage.name in seen:
            raise StageOrderError(f"two stages are named {stage.name!r}")
        seen.add(stage.name)
        missing = stage.requires - have
        if missing:
            raise StageOrderError(
                f"stage {stage.name!r} needs {sorted(m.value for m in missing)}, "
                "which no earlier stage provides"
            )
        have |= stage.provides
