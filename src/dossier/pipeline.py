"""The default stage list, in order, and :func:`run_pipeline`.

Each stage is a pure function over the model with a declared scope, what it needs and what
it adds (:mod:`dossier.stages`); :func:`dossier.stages.check_order` refuses a list where a
stage comes before what it needs. Runners (:mod:`dossier.runners`) decide where the stages
run; the list is the same for all of them.

| stage      | scope    | why that scope |
|------------|----------|----------------|
| language   | document | each text identified on its own |
| clean      | corpus   | lines repeated across an outlet's pages are furniture |
| dedup      | corpus   | copies are found between documents |
| parse      | document | spaCy reads each text on its own (copies are not read) |
| shared     | corpus   | reused background paragraphs and sentences, between documents |
| date       | corpus   | documents date each other (year-less dates, a folder's day order) |
| mentions   | document | named-entity decisions read one document |
| stories    | corpus   | grouping documents into stories |
| entities, events, crosscheck, summarize, verify | story | each story on its own |
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

from dossier.clean import clean_documents
from dossier.crosscheck import crosscheck_stories
from dossier.crosscheck.verify import check_story
from dossier.dedup import mark_copies, mark_shared_spans
from dossier.entities import find_mentions, resolve_entities
from dossier.ingest import read_inputs
from dossier.limits import with_limits
from dossier.model import Corpus, Document, Story
from dossier.nlp import parse_documents
from dossier.nlp.language import identify_languages
from dossier.resources import Resources
from dossier.runners.local import LocalRunner
from dossier.runners.progress import Progress
from dossier.settings import Settings
from dossier.stages import (
    CorpusStage,
    DocumentStage,
    Field,
    Stage,
    StoryStage,
    check_order,
    fields,
)
from dossier.stories import group_stories
from dossier.summarize import summarize
from dossier.time import date_documents, extract_events

StoryDocs = Sequence[tuple[Story, tuple[Document, ...]]]

__all__ = [
    "DEFAULT_STAGES",
    "Field",
    "Stage",
    "check_order",
    "ingest",
    "run_pipeline",
    "stages_for",
]


# --- stage functions -------------------------------------------------------------------------


def _language(docs: Sequence[Document], s: Settings, r: Resources) -> tuple[Document, ...]:
    return identify_languages(docs, s.language, r)


def _clean(corpus: Corpus, s: Settings, r: Resources) -> Corpus:
    return replace(corpus, documents=clean_documents(corpus.documents, s.clean, r))


def _dedup(corpus: Corpus, s: Settings, r: Resources) -> Corpus:
    return replace(corpus, documents=mark_copies(corpus.documents, s.dedup, r))


def _parse(docs: Sequence[Document], s: Settings, r: Resources) -> tuple[Document, ...]:
    return parse_documents(docs, s.parse, r)


def _shared(corpus: Corpus, s: Settings, _: Resources) -> Corpus:
    return replace(corpus, documents=mark_shared_spans(corpus.documents, s.dedup))


def _date(corpus: Corpus, s: Settings, r: Resources) -> Corpus:
    return replace(corpus, documents=date_documents(corpus.documents, s.time, r))


def _mentions(docs: Sequence[Document], s: Settings, r: Resources) -> tuple[Document, ...]:
    return find_mentions(docs, s.entities, r)


def _stories(corpus: Corpus, s: Settings, r: Resources) -> Corpus:
    return replace(corpus, stories=group_stories(corpus.documents, s.stories, r))


def _entities(pairs: StoryDocs, s: Settings, r: Resources) -> tuple[Story, ...]:
    return tuple(
        replace(story, entities=resolve_entities(docs, s.entities, r)) for story, docs in pairs
    )


def _events(pairs: StoryDocs, s: Settings, r: Resources) -> tuple[Story, ...]:
    return tuple(
        replace(story, events=extract_events(docs, story.entities, s.time, r))
        for story, docs in pairs
    )


def _crosscheck(pairs: StoryDocs, s: Settings, r: Resources) -> tuple[Story, ...]:
    # All stories at once: their claims are embedded in one call.
    results = crosscheck_stories([(docs, story.entities) for story, docs in pairs], s.crosscheck, r)
    return tuple(
        replace(
            story,
            claims=result.claims,
            conflicts=result.conflicts,
            corroborations=result.corroborations,
            outlet_profiles=result.outlet_profiles,
            revisions=result.revisions,
        )
        for (story, _), result in zip(pairs, results, strict=True)
    )


def _summarize(pairs: StoryDocs, s: Settings, r: Resources) -> tuple[Story, ...]:
    out = []
    for story, docs in pairs:
        headline, summary = summarize(
            docs, story.entities, story.events, story.conflicts, s.summarize, r
        )
        out.append(replace(story, headline=headline, summary=summary))
    return tuple(out)


def _verify(pairs: StoryDocs, _: Settings, r: Resources) -> tuple[Story, ...]:
    out = []
    for story, docs in pairs:
        failures, checked = check_story(story, docs, r)
        out.append(replace(story, citation_checks=failures, citations_checked=checked))
    return tuple(out)


F = Field
# not language: stage names
DEFAULT_STAGES: tuple[Stage, ...] = (
    DocumentStage(
        "language", fields(F.DOC_RAW), fields(F.DOC_LANGUAGE), _language, settings=("language",)
    ),
    CorpusStage("clean", fields(F.DOC_RAW, F.DOC_LANGUAGE), fields(F.DOC_CLEAN), _clean),
    CorpusStage(
        "dedup", fields(F.DOC_RAW, F.DOC_LANGUAGE, F.DOC_CLEAN), fields(F.DOC_DUPLICATES), _dedup
    ),
    DocumentStage(
        "parse",
        fields(F.DOC_CLEAN, F.DOC_LANGUAGE, F.DOC_DUPLICATES),
        fields(F.DOC_PARSE),
        _parse,
        settings=("parse",),
    ),
    CorpusStage("shared", fields(F.DOC_CLEAN, F.DOC_PARSE), fields(F.DOC_SHARED), _shared),
    CorpusStage(
        "date",
        fields(F.DOC_RAW, F.DOC_LANGUAGE, F.DOC_CLEAN, F.DOC_PARSE),
        fields(F.DOC_PUBLISHED, F.DOC_TIMEX),
        _date,
    ),
    DocumentStage(
        "mentions",
        fields(F.DOC_CLEAN, F.DOC_PARSE),
        fields(F.DOC_MENTIONS),
        _mentions,
        settings=("entities",),
        # 2: spans holding two names are split; verb forms and products are dropped
        # 3: title-case headlines between spaced dashes of a line (a run-in list of links)
        version=3,
    ),
    CorpusStage(
        "stories",
        fields(
            F.DOC_CLEAN,
            F.DOC_LANGUAGE,
            F.DOC_DUPLICATES,
            F.DOC_PARSE,
            F.DOC_MENTIONS,
            F.DOC_PUBLISHED,
        ),
        fields(F.STORIES),
        _stories,
    ),
    StoryStage(
        "entities",
        fields(F.STORIES, F.DOC_CLEAN, F.DOC_PARSE, F.DOC_MENTIONS),
        fields(F.STORY_ENTITIES),
        _entities,
    ),
    StoryStage(
        "events",
        fields(
            F.STORIES,
            F.STORY_ENTITIES,
            F.DOC_CLEAN,
            F.DOC_PARSE,
            F.DOC_SHARED,
            F.DOC_TIMEX,
            F.DOC_PUBLISHED,
        ),
        fields(F.STORY_EVENTS),
        _events,
    ),
    StoryStage(
        "crosscheck",
        fields(
            F.STORIES,
            F.STORY_ENTITIES,
            F.STORY_EVENTS,
            F.DOC_CLEAN,
            F.DOC_PARSE,
            F.DOC_DUPLICATES,
            F.DOC_SHARED,
            F.DOC_TIMEX,
            F.DOC_PUBLISHED,
            F.DOC_MENTIONS,
        ),
        fields(F.STORY_CLAIMS, F.STORY_CONFLICTS),
        _crosscheck,
    ),
    StoryStage(
        "summarize",
        fields(
            F.STORIES,
            F.STORY_ENTITIES,
            F.STORY_EVENTS,
            F.STORY_CONFLICTS,
            F.DOC_CLEAN,
            F.DOC_LANGUAGE,
            F.DOC_PARSE,
            F.DOC_PUBLISHED,
            F.DOC_SHARED,
            F.DOC_TIMEX,
        ),
        fields(F.STORY_SUMMARY),
        _summarize,
    ),
    StoryStage(
        "verify",
        fields(
            F.STORIES,
            F.STORY_ENTITIES,
            F.STORY_EVENTS,
            F.STORY_CLAIMS,
            F.STORY_CONFLICTS,
            F.STORY_SUMMARY,
            F.DOC_CLEAN,
            F.DOC_PARSE,
            F.DOC_TIMEX,
            F.DOC_PUBLISHED,
        ),
        fields(F.STORY_CHECKS),
        _verify,
    ),
)
# Every stage that reads clean text reads at most its cap of each document (dossier.limits).
DEFAULT_STAGES = with_limits(DEFAULT_STAGES)


def stages_for(name: str, stages: Sequence[Stage] = DEFAULT_STAGES) -> tuple[Stage, ...]:
    """Stage ``name`` and every earlier stage it needs, in order: what a command that stops
    at that stage runs (``dossier timeline`` dates documents exactly as ``build`` does)."""
    index = next((i for i, s in enumerate(stages) if s.name == name), None)
    if index is None:
        raise ValueError(f"no stage named {name!r}")
    needed = set(stages[index].requires)
    chosen = [stages[index]]
    for stage in reversed(stages[:index]):
        if stage.provides & needed:
            chosen.append(stage)
            needed |= stage.requires
    return tuple(reversed(chosen))


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
    settings = settings or Settings()
    resources = resources or Resources()
    corpus = ingest(paths, settings, progress)
    return LocalRunner(progress=progress).run(corpus, stages, settings, resources)
