"""The same stage list gives the same corpus in-process and sharded over processes."""

from __future__ import annotations

from pathlib import Path

from dossier.pipeline import DEFAULT_STAGES, ingest
from dossier.resources import Resources
from dossier.runners import LocalRunner, ShardedRunner
from dossier.settings import Settings

# The document-scope stages only, so the test stays fast.
DOCUMENT_STAGES = tuple(s for s in DEFAULT_STAGES if s.name in {"clean", "date", "mentions"})


def test_sharded_runner_matches_local_runner(
    example_dir: Path, settings: Settings, resources: Resources
) -> None:
    corpus = ingest([example_dir], settings)
    local = LocalRunner().run(corpus, DOCUMENT_STAGES, settings, resources)
    sharded = ShardedRunner(workers=2).run(corpus, DOCUMENT_STAGES, settings, resources)
    assert local.documents == sharded.documents
    assert sum(len(d.mentions) for d in local.documents) > 20


def test_local_runner_times_every_stage(
    example_dir: Path, settings: Settings, resources: Resources
) -> None:
    corpus = ingest([example_dir], settings)
    result, timings = LocalRunner().run_timed(corpus, DOCUMENT_STAGES, settings, resources)
    assert [t.stage for t in timings] == ["clean", "date", "mentions"]
    assert result.stage_log == ("clean", "date", "mentions")
    assert all(t.seconds >= 0 and t.documents == len(result.ok_documents()) for t in timings)
