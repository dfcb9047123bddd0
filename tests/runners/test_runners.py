"""The same stage list gives the same corpus in-process and sharded over processes."""

from __future__ import annotations

import dataclasses
import gc
from collections.abc import Sequence
from pathlib import Path

from dossier.model import Document
from dossier.pipeline import DEFAULT_STAGES, ingest
from dossier.resources import Resources
from dossier.runners import LocalRunner, ShardedRunner
from dossier.settings import Settings
from dossier.stages import DocumentStage, Field, fields

# Up to the per-document NER decisions, so the test stays fast.
EARLY_STAGES = tuple(DEFAULT_STAGES[: [s.name for s in DEFAULT_STAGES].index("mentions") + 1])


def test_sharded_runner_matches_local_runner(
    example_dir: Path, settings: Settings, resources: Resources
) -> None:
    corpus = ingest([example_dir], settings)
    local = LocalRunner().run(corpus, EARLY_STAGES, settings, resources)
    sharded = ShardedRunner(workers=2).run(corpus, EARLY_STAGES, settings, resources)
    assert local.documents == sharded.documents
    assert sum(len(d.mentions) for d in local.documents) > 20
    assert all(d.parse is not None for d in local.documents if d.ok)


def _mark(docs: Sequence[Document], settings: Settings, _: Resources) -> tuple[Document, ...]:
    return tuple(
        dataclasses.replace(d, author=f"seen by {settings.language.default_language}") for d in docs
    )


def test_sharded_runner_runs_the_stage_it_is_given_with_the_callers_settings(
    example_dir: Path, resources: Resources
) -> None:
    """A stage that is not in DEFAULT_STAGES, and settings that are not the defaults."""
    custom = DocumentStage("mark", fields(Field.DOC_RAW), fields(Field.DOC_LANGUAGE), _mark)
    settings = dataclasses.replace(
        Settings(), language=dataclasses.replace(Settings().language, default_language="xx")
    )
    corpus = ingest([example_dir], settings)
    out = ShardedRunner(workers=2).run(corpus, (custom,), settings, resources)
    assert {d.author for d in out.documents} == {"seen by xx"}
    assert out.stage_log == ("mark",)


def test_local_runner_times_every_stage_and_reports_documents(
    example_dir: Path, settings: Settings, resources: Resources
) -> None:
    events: list[tuple[str, int, int]] = []
    corpus = ingest([example_dir], settings)
    runner = LocalRunner(progress=lambda *event: events.append(event), chunk_documents=2)
    result, timings = runner.run_timed(corpus, EARLY_STAGES, settings, resources)
    names = [s.name for s in EARLY_STAGES]
    assert [t.stage for t in timings] == names
    assert result.stage_log == tuple(names)
    assert all(t.seconds >= 0 and t.documents >= len(result.ok_documents()) for t in timings)
    assert timings[-1].documents == len(result.ok_documents())
    total = len(corpus.documents)
    parse_events = [(done, n) for stage, done, n in events if stage == "parse"]
    # Document stages report as each chunk of documents finishes.
    assert [done for done, _ in parse_events] == [0, *range(2, total, 2), total]
    assert all(n == total for _, n in parse_events)
    assert events[-1][0] == "done"


def test_batching_does_not_change_the_result(
    example_dir: Path, settings: Settings, resources: Resources
) -> None:
    corpus = ingest([example_dir], settings)
    whole = LocalRunner().run(corpus, EARLY_STAGES, settings, resources)
    batched = LocalRunner(progress=lambda *_: None, chunk_documents=1).run(
        corpus, EARLY_STAGES, settings, resources
    )
    assert whole.documents == batched.documents


def _frozen_count(
    docs: Sequence[Document], settings: Settings, resources: Resources
) -> tuple[Document, ...]:
    return tuple(dataclasses.replace(d, author=str(gc.get_freeze_count())) for d in docs)


def test_a_stage_sees_the_earlier_stages_heap_frozen_and_the_run_leaves_nothing_frozen(
    example_dir: Path, settings: Settings, resources: Resources
) -> None:
    first = DocumentStage("first", fields(Field.DOC_RAW), fields(Field.DOC_LANGUAGE), _mark)
    second = DocumentStage(
        "count", fields(Field.DOC_RAW), fields(Field.DOC_LANGUAGE), _frozen_count
    )
    corpus = ingest([example_dir], settings)
    assert gc.get_freeze_count() == 0
    out = LocalRunner().run(corpus, (first, second), settings, resources)
    # what the first stage left was frozen out of the collector before the second ran ...
    assert all(int(d.author or 0) > 0 for d in out.documents)
    # ... and the run unfroze it, so a long-lived process collects it as usual
    assert gc.get_freeze_count() == 0
