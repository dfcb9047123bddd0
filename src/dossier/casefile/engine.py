"""One update of a case file: add documents, remove some, or recompute everything.

1. Under the store's writer lock, decide what each input is (:mod:`.identity`).
2. Run the document-level stages on the new documents and on the stored ones the update
   affects, against the stored rest (:mod:`.steps`); document stages reuse cached results
   (:mod:`.docstages`). A step that finds more affected stored documents adds them and the
   stages run again, until nothing more is affected.
3. Regroup every document into stories and recompute only the stories whose documents
   changed (:mod:`.regroup`); write down what changed (:mod:`.changes`).
4. Write it all in one transaction (:mod:`.persist`), with the outputs, if asked for,
   written beside it so that they are never out of step (:mod:`.outputs`).

The result is the one a single build over every stored document would give.
"""

from __future__ import annotations

import dataclasses
import logging
import sqlite3
import time
from collections.abc import Sequence
from contextlib import ExitStack
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from dossier import __version__
from dossier.casefile.changes import DocumentNews, Log, entity_merges, story_changes
from dossier.casefile.docstages import (
    StageCache,
    _digest,
    fingerprint,
    story_reads,
)
from dossier.casefile.embeddings import STAGE as EMBEDDING_STAGE
from dossier.casefile.embeddings import EmbeddingCache
from dossier.casefile.identity import Plan, Stored, load_index, plan_update, raw_document
from dossier.casefile.memo import STAGE as MEMO_STAGE
from dossier.casefile.memo import StoreMemo
from dossier.casefile.outputs import finish_interrupted
from dossier.casefile.persist import Update, write_update
from dossier.casefile.readings import STAGE as READING_STAGE
from dossier.casefile.readings import ReadingCache
from dossier.casefile.regroup import StoryPlan, regroup, settle_stories
from dossier.casefile.steps import STEPS, whole_corpus_step
from dossier.casefile.world import World, sorted_docs
from dossier.crosscheck.read import READING_VERSION
from dossier.errors import StoreError
from dossier.faults import checkpoint
from dossier.model import BuildKind, BuildRecord, Change, Corpus, Document
from dossier.runners.heap import settle, stage_heap
from dossier.runners.sharded import DocumentPool
from dossier.stages import CorpusStage, DocumentStage, Field, Stage
from dossier.store.context import DocumentContext
from dossier.store.history import changes_since, next_build_id
from dossier.store.read import read_documents, read_story
from dossier.store.write import STORY_COLUMNS, extra_json

if TYPE_CHECKING:
    from dossier.casefile.outputs import Outputs
    from dossier.resources import Resources
    from dossier.runners.progress import Progress
    from dossier.settings import Settings
    from dossier.store import Store

log = logging.getLogger(__name__)


class UnknownDocuments(StoreError):
    """``remove`` named documents the store does not have."""


class NeedsRebuild(StoreError):
    """The store's documents were computed by another Dossier version or other settings."""


@dataclass(frozen=True, slots=True)
class UpdateResult:
    build: BuildRecord | None  # None when nothing changed
    outcomes: tuple[tuple[str, str | None, str], ...]  # (input, document id, what happened)
    notes: tuple[str, ...]
    rejected: tuple[Document, ...]  # inputs that could not be used
    changes: tuple[tuple[str, Change], ...]  # (story id, change) recorded by this build
    corpus: Corpus | None = None  # the whole case file, when outputs were written
    timings: dict[str, float] = field(default_factory=dict)
    recomputed_documents: int = 0
    recomputed_stories: int = 0


def context_version(settings: Settings) -> str:
    """What every stored document's derived state depends on: the code and the settings of
    the document stages (ingest settings only shape new inputs; the run's today only bounds
    dates, and changes every day)."""
    return _digest([__version__, repr(stable_settings(settings))])[:24]


def stable_settings(settings: Settings) -> Settings:
    """``settings`` without what does not change what is stored: the ingest settings (they
    shape new inputs only), the run's today and the user's corrections of the grouping
    (kept in the store and applied to every grouping)."""
    return replace(
        settings,
        ingest=type(settings.ingest)(),
        time=replace(settings.time, today=None),
        stories=replace(settings.stories, corrections=()),
    )


def reading_version(settings: Settings) -> str:
    """What a stored reading of a document depends on beyond its content: the context and
    the version of the reading code."""
    return f"{context_version(settings)}/r{READING_VERSION}"


def story_version(settings: Settings, resources: Resources) -> str:
    return _digest([reading_version(settings), resources.embedding_version()])[:24]


def _split(stages: Sequence[Stage]) -> tuple[list[Stage], list[Stage]]:
    """(document-level stages, story stages): the grouping stage ends the first list."""
    for i, stage in enumerate(stages):
        if Field.STORIES in stage.provides:
            return list(stages[: i + 1]), list(stages[i + 1 :])
    raise ValueError("the stage list has no stage that groups documents into stories")


def update_store(
    store: Store,
    *,
    inputs: Sequence[Document] = (),
    remove: Sequence[str] = (),
    kind: BuildKind = "add",
    input_paths: Sequence[str] = (),
    replace_changed: bool = False,
    rebuild: bool = False,
    settings: Settings,
    resources: Resources,
    stages: Sequence[Stage] | None = None,
    progress: Progress | None = None,
    outputs: Outputs | None = None,
    workers: int = 1,
) -> UpdateResult:
    """Add ``inputs`` (ingested documents) to the store, remove the ``remove`` ids, or with
    ``rebuild`` recompute every stored document; record it all as one build of ``kind``.
    ``workers`` > 1 runs document stages on many new documents in that many processes."""
    if stages is None:
        from dossier.pipeline import DEFAULT_STAGES

        stages = DEFAULT_STAGES
    with store.writer(), ExitStack() as stack:
        # The user's corrections of the grouping hold on every build.
        settings = replace(
            settings, stories=replace(settings.stories, corrections=store.corrections())
        )
        for line in finish_interrupted(store):  # a build killed after its commit: finish it
            log.warning("%s", line)
        run = _Run(store, settings, resources, tuple(stages), progress)
        stack.enter_context(stage_heap())  # each stage's heap frozen out of the collector
        if workers > 1:
            run.pool = _LazyPool(workers, resources, settings, stack)
        return run.run(inputs, remove, kind, input_paths, replace_changed, rebuild, outputs)


class _LazyPool:
    """Worker processes, started only when there are enough documents to share out."""

    def __init__(self, workers: int, resources: Resources, settings: Settings, stack: ExitStack):
        self.workers = workers
        self.resources = resources
        self.settings = settings
        self.stack = stack
        self._pool: DocumentPool | None = None

    def __call__(self, stage: DocumentStage, docs: Sequence[Document]) -> tuple[Document, ...]:
        if len(docs) < 2 * self.workers:
            return stage.fn(docs, self.settings, self.resources)
        if self._pool is None:
            self._pool = self.stack.enter_context(DocumentPool(self.workers, self.resources))
        return self._pool.run(stage, docs, self.settings)


class _Run:
    def __init__(
        self,
        store: Store,
        settings: Settings,
        resources: Resources,
        stages: tuple[Stage, ...],
        progress: Progress | None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.resources = resources
        self.stages = stages
        self.progress = progress
        self.timings: dict[str, float] = {}
        self.pool: _LazyPool | None = None
        self.doc_fingerprints: dict[str, str] = {}
        self.embeddings: EmbeddingCache | None = None
        self.readings: ReadingCache | None = None
        self.memo: StoreMemo | None = None
        self.started = datetime.now(UTC).isoformat(timespec="seconds")

    def _tick(self, name: str, since: float) -> float:
        now = time.perf_counter()
        self.timings[name] = self.timings.get(name, 0.0) + now - since
        return now

    def _say(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(stage, done, total)

    def run(
        self,
        inputs: Sequence[Document],
        remove: Sequence[str],
        kind: BuildKind,
        input_paths: Sequence[str],
        replace_changed: bool,
        rebuild: bool,
        outputs: Outputs | None,
    ) -> UpdateResult:
        t = time.perf_counter()
        with self.store.reading() as conn:
            index = load_index(conn)
            missing = sorted(set(remove) - set(index))
            if missing:
                raise UnknownDocuments(
                    f"{self.store.path}: no document with id {', '.join(map(repr, missing))}"
                )
            self._check_versions(index, rebuild)
            plan = plan_update(index, inputs, remove=remove, replace=replace_changed)
            rejected = tuple(d for d in inputs if d.status == "rejected")
            t = self._tick("plan", t)
            unchanged = not plan.changes_anything and not rebuild
            if not unchanged:
                computed = self._compute(conn, index, plan, rebuild)
                build_id, update, changes = computed.finish(self, kind, input_paths)
                rejected = _rejected(inputs, plan, computed.final)
                t = self._tick("compute", t)
        if unchanged:
            return self._unchanged(plan, rejected, outputs)
        checkpoint("computed")
        corpus = None
        with self.store.transaction() as conn:
            write_update(conn, update, index)
            checkpoint("written")
            if outputs is not None:
                corpus = outputs.prepare(conn, build_id, self.store.path.parent)
        self._tick("write", t)
        if outputs is not None:
            outputs.commit(self.store)
        return UpdateResult(
            update.build,
            tuple(plan.outcomes),
            tuple(plan.notes),
            rejected,
            tuple(changes),
            corpus,
            self.timings,
            len(update.documents),
            len(computed.stories.recomputed),
        )

    def _check_versions(self, index: dict[str, Stored], rebuild: bool) -> None:
        version = context_version(self.settings)
        stale = [s.id for s in index.values() if s.context != version]
        if stale and not rebuild:
            raise NeedsRebuild(
                f"{self.store.path}: {len(stale)} stored document(s) (e.g. {stale[0]!r}) were "
                "computed by another version of Dossier or with other settings; run "
                f"`dossier rebuild --store {self.store.path}` once (clean texts may change and "
                "every citation is recomputed; earlier clean texts are kept), then add again"
            )

    def _unchanged(
        self, plan: Plan, rejected: tuple[Document, ...], outputs: Outputs | None
    ) -> UpdateResult:
        corpus = None
        if outputs is not None and outputs.stale(self.store):
            with self.store.transaction() as conn:
                corpus = outputs.prepare(conn, None, self.store.path.parent)
            outputs.commit(self.store)
        return UpdateResult(
            None, tuple(plan.outcomes), tuple(plan.notes), rejected, (), corpus, self.timings
        )

    def _compute(
        self, conn: sqlite3.Connection, index: dict[str, Stored], plan: Plan, rebuild: bool
    ) -> _Computed:
        cache = StageCache(conn, self.settings, self.resources, self.pool)
        world = World(conn, self.settings, self.resources, self.stages, index, cache)
        world.removed = set(plan.removed)
        pre, _ = _split(self.stages)
        raw: dict[str, Document] = {d.id: d for d in plan.new}
        raw.update(plan.replaced)
        if rebuild:
            raw.update(self._raw_stored(world, [i for i in index if i not in world.removed]))
        final = self._settle_documents(world, pre, raw)
        return _Computed(world, plan, raw, final, self._stories(world, final))

    def _raw_stored(self, world: World, ids: Sequence[str]) -> dict[str, Document]:
        out: dict[str, Document] = {}
        legacy = []
        for doc_id in ids:
            stored = world.index[doc_id]
            row = world.conn.execute(
                "SELECT raw_text FROM documents WHERE id = ?", (doc_id,)
            ).fetchone()
            doc = raw_document(stored, row[0])
            if doc is None:
                legacy.append(doc_id)
            else:
                out[doc_id] = doc
        for doc in read_documents(world.conn, legacy):
            out[doc.id] = _as_ingested(doc)
        return out

    def _settle_documents(
        self, world: World, pre: Sequence[Stage], raw: dict[str, Document]
    ) -> dict[str, Document]:
        """Run the document-level stages on ``raw`` and on every stored document they
        affect, until no more is affected."""
        while True:
            world.dirty = set(raw)
            world.contexts.clear()
            docs = sorted_docs(list(raw.values()))
            more: set[str] = set()
            for stage in pre:
                if Field.STORIES in stage.provides:
                    break
                started = time.perf_counter()
                self._say(stage.name, 0, len(docs))
                if isinstance(stage, DocumentStage):
                    docs = list(world.cache.run(stage, docs))
                elif isinstance(stage, CorpusStage):
                    for step in STEPS.get(stage.name, (whole_corpus_step(stage),)):
                        docs, found = step(docs, world)
                        more |= found - world.dirty
                self._say(stage.name, len(docs), len(docs))
                self._tick(f"stage {stage.name}", started)
                settle()
                if more:
                    break
            if not more:
                return {d.id: d for d in docs}
            log.info("the update also affects %d stored document(s): %s", len(more), sorted(more))
            raw.update(self._raw_stored(world, sorted(more)))

    def _stories(self, world: World, final: dict[str, Document]) -> StoryPlan:
        started = time.perf_counter()
        self._say("stories", 0, len(final))
        grouped = regroup(world, final)
        settle()
        started = self._tick("stage stories", started)
        reads = story_reads(self.stages)
        prints = {
            r[0]: r[1]
            for r in world.conn.execute("SELECT id, fingerprint FROM documents")
            if world.is_context(r[0])
        }
        prints.update({doc_id: fingerprint(doc, reads) for doc_id, doc in final.items()})
        self.doc_fingerprints = prints
        embeddings = EmbeddingCache(world.conn, self.resources.embedding_version())
        readings = ReadingCache(world.conn, reading_version(self.settings))
        memo = StoreMemo(world.conn, reading_version(self.settings), readings)
        resources = self.resources
        previous = resources.embedding_cache, resources.reading_cache, resources.doc_memo
        resources.embedding_cache, resources.reading_cache, resources.doc_memo = (
            embeddings,
            readings,
            memo,
        )
        try:
            plan = settle_stories(
                world, grouped, final, prints, story_version(self.settings, self.resources)
            )
        finally:
            resources.embedding_cache, resources.reading_cache, resources.doc_memo = previous
        self.embeddings, self.readings, self.memo = embeddings, readings, memo
        log.info("story stages: %d document readings kept, %d read", readings.hits, readings.misses)
        log.info("story stages: %d document results kept, %d computed", memo.hits, memo.misses)
        self._tick("story stages", started)
        self._say("stories", len(final), len(final))
        return plan


def _rejected(
    inputs: Sequence[Document], plan: Plan, final: dict[str, Document]
) -> tuple[Document, ...]:
    """The inputs that could not be used, in input order: rejected when read, or by a stage
    of this update (a page with no article text...)."""
    ids = {source: doc_id for source, doc_id, _ in plan.outcomes}
    out = []
    for doc in inputs:
        later = final.get(ids.get(doc.source) or "")
        if doc.status == "rejected":
            out.append(doc)
        elif (
            later is not None
            and later.status == "rejected"
            and later.content_id == doc.content_id  # not a stored text it turned out to be
        ):
            out.append(later)
    return tuple(out)


def _as_ingested(doc: Document) -> Document:
    """A document stored before ingest states were kept, as ingest would have read it."""
    rejected_at_ingest = doc.status == "rejected" and not doc.raw_text
    return Document(
        id=doc.id,
        source=doc.source,
        status="rejected" if rejected_at_ingest else "ok",
        reason=doc.reason if rejected_at_ingest else None,
        media_type=doc.media_type,
        raw_text=doc.raw_text,
        folder_date=doc.folder_date,
        encoding=doc.encoding,
        url=doc.url,
        declared=doc.declared,
        content_id=doc.content_id,
        sources=doc.sources,
    )


@dataclass(slots=True)
class _Computed:
    world: World
    plan: Plan
    raw: dict[str, Document]
    final: dict[str, Document]
    stories: StoryPlan

    def finish(
        self, run: _Run, kind: BuildKind, input_paths: Sequence[str]
    ) -> tuple[int, Update, list[tuple[str, Change]]]:
        conn = self.world.conn
        build_id = next_build_id(conn)
        finished = datetime.now(UTC).isoformat(timespec="seconds")
        stored_rows = {
            r[0]: (r[1], r[2], r[3])
            for r in conn.execute("SELECT id, fingerprint, title, extra FROM stories").fetchall()
        }
        new_by_id = {s.id: s for s in self.stories.stories}
        rewrite = set()
        for story in self.stories.stories:
            before = stored_rows.get(story.id)
            if (
                before is None
                or before[0] != self.stories.fingerprints[story.id]
                or before[1] != story.title
                or before[2] != extra_json(story, STORY_COLUMNS)  # membership scores...
                or story.id in self.stories.recomputed
            ):
                rewrite.add(story.id)
        drop = {i for i in stored_rows if i not in new_by_id}
        old_ids = sorted(drop | {i for i in rewrite if i in stored_rows})
        old = [read_story(conn, row) for row in _story_rows(conn, old_ids)]
        log_ = Log(build_id, finished)
        news = self._news()
        changed = [new_by_id[i] for i in sorted(rewrite)]
        aliases = story_changes(log_, old, changed, news)
        entity_merges(log_, old, changed)
        build = BuildRecord(
            id=build_id,
            kind=kind,
            started_at=run.started,
            finished_at=finished,
            inputs=tuple(input_paths),
            added=tuple(d.id for d in self.plan.new),
            removed=tuple(sorted(self.plan.removed)),
            stories=tuple(sorted(rewrite | drop)),
        )
        caches = {key: items for key, items in self.world.cache.pending().items() if items}
        pending_embeddings = run.embeddings.pending() if run.embeddings else {}
        if pending_embeddings:
            caches[(EMBEDDING_STAGE, run.resources.embedding_version())] = pending_embeddings
        if run.readings is not None and run.readings.pending():
            caches[(READING_STAGE, run.readings.version)] = run.readings.pending()
        if run.memo is not None and run.memo.pending():
            caches[(MEMO_STAGE, run.memo.version)] = run.memo.pending()
        used, versions = self._cache_use(run, kind)
        update = Update(
            build=build,
            removed=frozenset(self.plan.removed),
            documents=self.final,
            raw=self.raw,
            fingerprints={i: run.doc_fingerprints[i] for i in self.final},
            contexts={
                i: DocumentContext(**{k: v for k, v in c.items() if k != "marks"})
                for i, c in self.world.contexts.items()
            },
            marks={i: c.get("marks", {}) for i, c in self.world.contexts.items()},
            context_version=context_version(run.settings),
            new_sources=self.plan.new_sources,
            stories=self.stories.stories,
            rewrite=frozenset(rewrite),
            drop=frozenset(drop),
            story_fingerprints=self.stories.fingerprints,
            aliases=aliases,
            changes=log_.lines,
            caches=caches,
            cache_used=used,
            cache_versions=versions,
            generated_at=finished,
            stage_log=tuple(s.name for s in run.stages),
        )
        changes = [(sid, c) for sid, lines in log_.lines.items() for c in lines]
        return build_id, update, changes

    def _cache_use(
        self, run: _Run, kind: BuildKind
    ) -> tuple[dict[str, dict[str, set[str]]], dict[str, str] | None]:
        """The cached results each recomputed document used (stage -> document id -> keys),
        and on a rebuild the current version of every cached stage (see ``cache_prune``).
        A document's readings depend on its story (the mentions' entity ids, the
        protagonists), which may come back as they were (an article removed and added
        again): its other readings are dropped on a rebuild only."""
        cache = self.world.cache
        used = dict(cache.used)
        if kind != "rebuild":
            return used, None
        if run.readings is not None:
            used[READING_STAGE] = run.readings.used
        if run.memo is not None:
            used[MEMO_STAGE] = run.memo.used
        versions = {s.name: cache.version(s) for s in run.stages if isinstance(s, DocumentStage)}
        versions[EMBEDDING_STAGE] = run.resources.embedding_version()
        versions[READING_STAGE] = reading_version(run.settings)
        versions[MEMO_STAGE] = reading_version(run.settings)
        return used, versions

    def _news(self) -> DocumentNews:
        world = self.world
        removed = world.stored(self.plan.removed) if self.plan.removed else {}
        before = world.stored(i for i in self.final if i in world.index)
        updated = {}
        for doc_id, doc in self.final.items():
            old = before.get(doc_id)
            if old is None:
                continue
            what = []
            if old.clean_text != doc.clean_text:
                what.append("its clean text changed")
            if old.published != doc.published:
                shown = doc.published.date.value if doc.published.date else "undated"
                what.append(f"now dated {shown} ({doc.published.basis})")
            if old.status != doc.status:
                what.append(f"now {doc.status}" + (f" ({doc.reason})" if doc.reason else ""))
            if what:
                updated[doc_id] = ", ".join(what)
        return DocumentNews(
            added=frozenset(d.id for d in self.plan.new if d.ok),
            removed=removed,
            updated=updated,
            docs=self.final,
        )


def _story_rows(conn: sqlite3.Connection, ids: Sequence[str]) -> list[sqlite3.Row]:
    rows: list[sqlite3.Row] = []
    for i in range(0, len(ids), 500):
        part = list(ids[i : i + 500])
        rows.extend(
            conn.execute(
                f"SELECT * FROM stories WHERE id IN ({','.join('?' * len(part))})", part
            ).fetchall()
        )
    return rows


def change_json(story: str, change: Change) -> dict[str, object]:
    """One change-log line as JSON (``dossier changes --json``, ``GET /api/changes``)."""
    return {"story": story, **dataclasses.asdict(change)}


def recorded_changes(
    store: Store,
    *,
    build: int | None = None,
    since: datetime | None = None,
    story: str | None = None,
) -> list[tuple[str, Change]]:
    with store.reading() as conn:
        return changes_since(conn, build=build, date=since, story_id=story)


__all__ = [
    "NeedsRebuild",
    "UnknownDocuments",
    "UpdateResult",
    "change_json",
    "context_version",
    "recorded_changes",
    "update_store",
]
