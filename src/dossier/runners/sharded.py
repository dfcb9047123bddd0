"""Run document-scope stages on shards in worker processes.

Corpus- and story-scope stages run in the calling process; document-scope stages are split
into shards of documents and run in a process pool. A worker runs the stage object it is
given, with the caller's settings and a :class:`~dossier.resources.Resources` configured as
the caller's (each worker loads its own models once). The stage list is the same one
:class:`~dossier.runners.local.LocalRunner` runs, so both give the same result.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dossier.model import Corpus, Document
from dossier.runners.heap import settle, stage_heap
from dossier.stages import DocumentStage, Stage, check_order

if TYPE_CHECKING:
    from dossier.resources import Resources
    from dossier.settings import Settings

# The Resources of this worker process (set by the pool's initializer, so models load once
# per worker, not once per shard; each worker process has its own).
_worker_resources: Resources | None = None


def _init_worker(resources: Resources) -> None:
    global _worker_resources
    _worker_resources = resources


def _run_shard(
    stage: DocumentStage, documents: tuple[Document, ...], settings: Settings
) -> tuple[Document, ...]:
    assert _worker_resources is not None, "worker started without its resources"
    return stage.fn(documents, settings, _worker_resources)


class DocumentPool:
    """Worker processes that run document-scope stages on shards of documents (each worker
    loads its models once). ``with DocumentPool(2, resources) as pool: pool.run(stage, ...)``."""

    def __init__(self, workers: int, resources: Resources) -> None:
        self.workers = workers
        # "spawn": forking a process that already runs torch/spaCy threads can deadlock.
        self._pool = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(resources.unloaded(),),
        )

    def __enter__(self) -> DocumentPool:
        return self

    def __exit__(self, *_: object) -> None:
        self._pool.shutdown()

    def run(
        self, stage: DocumentStage, docs: Sequence[Document], settings: Settings
    ) -> tuple[Document, ...]:
        size = max(1, -(-len(docs) // self.workers))
        shards = [tuple(docs[i : i + size]) for i in range(0, len(docs), size)]
        futures = [self._pool.submit(_run_shard, stage, shard, settings) for shard in shards]
        return tuple(doc for f in futures for doc in f.result())


@dataclass(frozen=True, slots=True)
class ShardedRunner:
    """One shard per worker, so each worker loads the models once per run."""

    workers: int = 2

    def run(
        self, corpus: Corpus, stages: Sequence[Stage], settings: Settings, resources: Resources
    ) -> Corpus:
        check_order(stages)
        with DocumentPool(self.workers, resources) as pool, resources.run_scope(), stage_heap():
            for stage in stages:
                if isinstance(stage, DocumentStage):
                    docs = pool.run(stage, corpus.documents, settings)
                    corpus = replace(corpus, documents=docs)
                else:
                    corpus = stage.apply(corpus, settings, resources)
                corpus = replace(corpus, stage_log=(*corpus.stage_log, stage.name))
                settle()
        return corpus
