"""Run every stage in this process, in order."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dossier.model import Corpus

if TYPE_CHECKING:
    from dossier.pipeline import Stage
    from dossier.resources import Resources
    from dossier.settings import Settings


@dataclass(frozen=True, slots=True)
class StageTiming:
    stage: str
    seconds: float
    documents: int
    chars: int


@dataclass(frozen=True, slots=True)
class LocalRunner:
    progress: Callable[[str, int, int], None] | None = None

    def run(
        self,
        corpus: Corpus,
        stages: Sequence[Stage],
        settings: Settings,
        resources: Resources,
    ) -> Corpus:
        return self.run_timed(corpus, stages, settings, resources)[0]

    def run_timed(
        self,
        corpus: Corpus,
        stages: Sequence[Stage],
        settings: Settings,
        resources: Resources,
    ) -> tuple[Corpus, tuple[StageTiming, ...]]:
        from dossier.pipeline import check_order

        check_order(stages)
        timings = []
        for index, stage in enumerate(stages):
            if self.progress is not None:
                self.progress(stage.name, index, len(stages))
            started = time.perf_counter()
            corpus = stage.run(corpus, settings, resources)
            elapsed = time.perf_counter() - started
            ok = corpus.ok_documents()
            timings.append(
                StageTiming(stage.name, elapsed, len(ok), sum(len(d.clean_text) for d in ok))
            )
            corpus = replace(corpus, stage_log=(*corpus.stage_log, stage.name))
        if self.progress is not None:
            self.progress("done", len(stages), len(stages))
        return corpus, tuple(timings)
