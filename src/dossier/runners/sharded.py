"""Run document-scope stages on shards in worker processes.

Corpus-scope stages (cleaning across documents, duplicates, stories and the
per-story stages) run in the calling process; document-scope stages (dating,
NER) are split into shards of documents and run in a process pool, each worker
loading its own :class:`~dossier.resources.Resources`. The stage list is the
same one :class:`~dossier.runners.local.LocalRunner` runs, so both give the
same result.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dossier.model import Corpus, Document

if TYPE_CHECKING:
    from dossier.pipeline import Stage
    from dossier.resources import Resources
    from dossier.settings import Settings


def _run_shard(
    stage_name: str, documents: tuple[Document, ...], settings: Settings
) -> tuple[Document, ...]:
    from dossier.pipeline import DEFAULT_STAGES
    from dossier.resources import Resources

    stage = next(s for s in DEFAULT_STAGES if s.name == stage_name)
    assert stage.run_documents is not None
    return stage.run_documents(documents, settings, Resources())


@dataclass(frozen=True, slots=True)
class ShardedRunner:
    """One shard per worker, so each worker loads the models once per stage."""

    workers: int = 2

    def run(
        self,
        corpus: Corpus,
        stages: Sequence[Stage],
        settings: Settings,
        resources: Resources,
    ) -> Corpus:
        from dossier.pipeline import check_order

        check_order(stages)
        # "spawn": forking a process that already runs torch/spaCy threads can deadlock.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(max_workers=self.workers, mp_context=context) as pool:
            for stage in stages:
                if stage.scope == "document" and stage.run_documents is not None:
                    docs = corpus.documents
                    size = max(1, -(-len(docs) // self.workers))
                    shards = [docs[i : i + size] for i in range(0, len(docs), size)]
                    futures = [pool.submit(_run_shard, stage.name, s, settings) for s in shards]
                    merged = tuple(doc for f in futures for doc in f.result())
                    corpus = replace(corpus, documents=merged)
                else:
                    corpus = stage.run(corpus, settings, resources)
                corpus = replace(corpus, stage_log=(*corpus.stage_log, stage.name))
        return corpus
