"""The stage list and how it is checked.

A pipeline is a plain tuple of :class:`Stage` records. Each stage is a pure
function ``run(corpus, settings, resources) -> corpus`` that declares what it
needs (``requires``) and what it adds (``provides``), like spaCy's components;
:func:`check_order` refuses a list where a stage comes before what it needs.

Stages come in two scopes:

* ``document`` stages look at each document on its own (given the settings),
  so a runner may split the documents into shards and run them anywhere;
* ``corpus`` stages need the whole collection (cross-document repetition,
  duplicates, stories) or one story at a time.

Runners (:mod:`dossier.runners`) decide where the stages run; the stage list is
the same for all of them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from dossier.clean import clean_documents
from dossier.crosscheck import crosscheck_stories
from dossier.dedup import mark_duplicates
from dossier.entities import find_mentions, resolve_entities
from dossier.errors import StageOrderError
from dossier.ingest import read_inputs
from dossier.model import Corpus, Document, Story
from dossier.resources import Resources
from dossier.runners.progress import Progress
from dossier.settings import Settings
from dossier.stories import group_stories
from dossier.summarize import summarize
from dossier.time import date_documents, extract_events

StageFn = Callable[[Corpus, Settings, Resources], Corpus]


@dataclass(frozen=True, slots=True)
class Stage:
    name: str
    requires: frozenset[str]
    provides: frozenset[str]
    scope: Literal["document", "corpus"]
    run: StageFn
    # For document-scope stages: the per-shard function (documents in, documents out).
    run_documents: (
        Callable[[Sequence[Document], Settings, Resources], tuple[Document, ...]] | None
    ) = None


def _replace_documents(corpus: Corpus, documents: Sequence[Document]) -> Corpus:
    return replace(corpus, documents=tuple(documents))


def _story_documents(corpus: Corpus, story: Story) -> tuple[Document, ...]:
    by_id = corpus.by_id()
    return tuple(by_id[i] for i in story.document_ids if i in by_id and by_id[i].ok)


def _map_stories(corpus: Corpus, fn: Callable[[Story, tuple[Document, ...]], Story]) -> Corpus:
    return replace(
        corpus, stories=tuple(fn(s, _story_documents(corpus, s)) for s in corpus.stories)
    )


# --- stage functions -------------------------------------------------------------------------


def _clean(corpus: Corpus, settings: Settings, _: Resources) -> Corpus:
    return _replace_documents(corpus, clean_documents(corpus.documents, settings.clean))


def _dedup(corpus: Corpus, settings: Settings, _: Resources) -> Corpus:
    return _replace_documents(corpus, mark_duplicates(corpus.documents, settings.dedup))


def _mention_docs(
    docs: Sequence[Document], settings: Settings, resources: Resources
) -> tuple[Document, ...]:
    return find_mentions(docs, settings.entities, resources)


def _date(corpus: Corpus, settings: Settings, resources: Resources) -> Corpus:
    return _replace_documents(corpus, date_documents(corpus.documents, settings.time))


def _mentions(corpus: Corpus, settings: Settings, resources: Resources) -> Corpus:
    return _replace_documents(corpus, _mention_docs(corpus.documents, settings, resources))


def _stories(corpus: Corpus, settings: Settings, resources: Resources) -> Corpus:
    return replace(corpus, stories=group_stories(corpus.documents, settings.stories, resources))


def _entities(corpus: Corpus, settings: Settings, _: Resources) -> Corpus:
    return _map_stories(
        corpus,
        lambda story, docs: replace(story, entities=resolve_entities(docs, settings.entities)),
    )


def _events(corpus: Corpus, settings: Settings, _: Resources) -> Corpus:
    return _map_stories(
        corpus,
        lambda story, docs: replace(
            story, events=extract_events(docs, story.entities, settings.time)
        ),
    )


def _crosscheck(corpus: Corpus, settings: Settings, resources: Resources) -> Corpus:
    # All stories at once: their claims are embedded in one call.
    results = crosscheck_stories(
        [(_story_documents(corpus, s), s.entities) for s in corpus.stories],
        settings.crosscheck,
        resources,
    )
    stories = tuple(
        replace(
            story,
            claims=result.claims,
            conflicts=result.conflicts,
            corroborations=result.corroborations,
            outlet_profiles=result.outlet_profiles,
        )
        for story, result in zip(corpus.stories, results, strict=True)
    )
    return replace(corpus, stories=stories)


def _summarize(corpus: Corpus, settings: Settings, _: Resources) -> Corpus:
    def one(story: Story, docs: tuple[Document, ...]) -> Story:
        headline, summary = summarize(
            docs, story.entities, story.events, story.conflicts, settings.summarize
        )
        return replace(story, headline=headline, summary=summary)

    return _map_stories(corpus, one)


def _fs(*names: str) -> frozenset[str]:
    return frozenset(names)


DEFAULT_STAGES: tuple[Stage, ...] = (
    Stage("clean", _fs("doc.raw"), _fs("doc.clean"), "corpus", _clean),
    Stage("dedup", _fs("doc.clean"), _fs("doc.duplicates"), "corpus", _dedup),
    # Dating compares documents (a year-less date is resolved by what the others say), so it
    # needs the whole corpus.
    Stage("date", _fs("doc.clean"), _fs("doc.published", "doc.timex"), "corpus", _date),
    Stage("mentions", _fs("doc.clean"), _fs("doc.mentions"), "document", _mentions, _mention_docs),
    Stage(
        "stories",
        _fs("doc.clean", "doc.duplicates", "doc.mentions", "doc.published"),
        _fs("stories"),
        "corpus",
        _stories,
    ),
    Stage("entities", _fs("stories", "doc.mentions"), _fs("story.entities"), "corpus", _entities),
    Stage(
        "events",
        _fs("story.entities", "doc.timex", "doc.published"),
        _fs("story.events"),
        "corpus",
        _events,
    ),
    Stage(
        "crosscheck",
        _fs("story.entities", "story.events", "doc.duplicates"),
        _fs("story.claims", "story.conflicts"),
        "corpus",
        _crosscheck,
    ),
    Stage(
        "summarize",
        _fs("story.entities", "story.events", "story.conflicts"),
        _fs("story.summary"),
        "corpus",
        _summarize,
    ),
)


def check_order(stages: Sequence[Stage], available: frozenset[str] = _fs("doc.raw")) -> None:
    """Raise :class:`StageOrderError` if a stage needs something no earlier stage provides."""
    have = set(available)
    for stage in stages:
        missing = stage.requires - have
        if missing:
            raise StageOrderError(
                f"stage {stage.name!r} needs {sorted(missing)}, which no earlier stage provides"
            )
        have |= stage.provides


def ingest(
    paths: Sequence[str | Path], settings: Settings, progress: Progress | None = None
) -> Corpus:
    """Read the inputs into a corpus of raw documents (rejected ones included)."""
    if progress is not None:
        progress("read", 0, 0)
    documents = read_inputs(paths, settings.ingest)
    if progress is not None:
        progress("read", len(documents), len(documents))
    return Corpus(documents=documents)


def run_pipeline(
    paths: Sequence[str | Path],
    settings: Settings | None = None,
    resources: Resources | None = None,
    stages: Sequence[Stage] = DEFAULT_STAGES,
    progress: Progress | None = None,
) -> Corpus:
    """Ingest ``paths`` and run every stage in this process."""
    from dossier.runners.local import LocalRunner

    settings = settings or Settings()
    resources = resources or Resources()
    corpus = ingest(paths, settings, progress)
    return LocalRunner(progress=progress).run(corpus, stages, settings, resources)
