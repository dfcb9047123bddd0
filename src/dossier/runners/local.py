"""Run every stage in this process, in order."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dossier.model import Corpus, Document
from dossier.runners.heap import settle, stage_heap
from dossier.runners.progress import CHUNK_DOCUMENTS, Progress
from dossier.runners.report import stage_report
from dossier.stages import DocumentStage, Stage, check_order

if TYPE_CHECKING:
    from dossier.resources import Resources
    from dossier.settings import Settings

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class StageTiming:
    stage: str
    seconds: float
    documents: int
    chars: int


@dataclass(frozen=True, slots=True)
class LocalRunner:
    """Runs the stages one after another; ``progress`` (see :mod:`dossier.runners.progress`)
    hears about documents per stage, and each stage is logged (INFO) with its counts and drops.
    Document-scope stages run in chunks of ``chunk_documents`` when progress is wanted; the
    result does not depend on the chunking (such a stage reads each document on its own)."""

    progress: Progress | None = None
    chunk_documents: int = CHUNK_DOCUMENTS

    def run(
        self, corpus: Corpus, stages: Sequence[Stage], settings: Settings, resources: Resources
    ) -> Corpus:
        return self.run_timed(corpus, stages, settings, resources)[0]

    def run_timed(
        self, corpus: Corpus, stages: Sequence[Stage], settings: Settings, resources: Resources
    ) -> tuple[Corpus, tuple[StageTiming, ...]]:
        check_order(stages)
        timings = []
        # the story stages read each document as frames once; the heap is settled per stage
        with resources.run_scope(), stage_heap():
            for stage in stages:
                before = corpus
                started = time.perf_counter()
                corpus = self._run_stage(stage, corpus, settings, resources)
                elapsed = time.perf_counter() - started
                ok = corpus.ok_documents()
                timings.append(
                    StageTiming(stage.name, elapsed, len(ok), sum(len(d.clean_text) for d in ok))
                )
                log.info("%s", stage_report(stage.name, elapsed, before, corpus))
                corpus = replace(corpus, stage_log=(*corpus.stage_log, stage.name))
                settle()
        if self.progress is not None:
            self.progress("done", len(corpus.documents), len(corpus.documents))
        return corpus, tuple(timings)

    def _run_stage(
        self, stage: Stage, corpus: Corpus, settings: Settings, resources: Resources
    ) -> Corpus:
        total = len(corpus.documents)
        if self.progress is None:
            return stage.apply(corpus, settings, resources)
        self.progress(stage.name, 0, total)
        if isinstance(stage, DocumentStage) and total:
            # Document by document (in chunks), so the caller sees the stage advance.
            docs: list[Document] = []
            size = max(1, self.chunk_documents)
            for start in range(0, total, size):
                chunk = corpus.documents[start : start + size]
                docs.extend(stage.fn(chunk, settings, resources))
                self.progress(stage.name, len(docs), total)
            return replace(corpus, documents=tuple(docs))
        corpus = stage.apply(corpus, settings, resources)
        self.progress(stage.name, total, total)
        return corpus
