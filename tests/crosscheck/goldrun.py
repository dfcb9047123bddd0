"""The gold stories through the real pipeline, each as one story, run once per session.

Cross-checking is scored on the documents a user collected about one case, whatever the
grouping stage makes of them: the ``stories`` stage is replaced by one that puts every
document in one story (grouping has gold of its own)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from dossier.model import Corpus, Story
from dossier.pipeline import DEFAULT_STAGES, run_pipeline
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.stages import CorpusStage, Stage

GOLD = Path(__file__).resolve().parents[1] / "gold"
STORIES = GOLD / "stories"
TIMELINE17 = Path(__file__).resolve().parents[2].parent / "shared" / "benchmarks" / "timeline17"

# Test-only memo: each gold story runs the whole pipeline once per session.
_RUNS: dict[tuple[str, int], Corpus] = {}


def _one_story(corpus: Corpus, _: Settings, __: Resources) -> Corpus:
    ids = tuple(sorted(d.id for d in corpus.documents if d.status != "rejected"))
    first = min((d for d in corpus.documents if d.id in ids), key=lambda d: d.id)
    return replace(corpus, stories=(Story("story-gold", first.title or first.id, ids),))


def one_story_stages() -> tuple[Stage, ...]:
    out: list[Stage] = []
    for stage in DEFAULT_STAGES:
        if stage.name == "stories":
            stage = CorpusStage(stage.name, stage.requires, stage.provides, _one_story)
        out.append(stage)
    return tuple(out)


def gold(name: str) -> dict[str, Any]:
    """``tests/gold/<name>.json``."""
    data: dict[str, Any] = json.loads((GOLD / f"{name}.json").read_text(encoding="utf-8"))
    return data


def story_paths(name: str) -> list[Path]:
    """The files of a gold story: a fictional folder, or a named Timeline17 subset
    (``tests/gold/subset_<name>.json``: file paths under ../shared/benchmarks/timeline17)."""
    folder = STORIES / name
    if folder.is_dir():
        return [folder]
    return [TIMELINE17 / f for f in gold(f"subset_{name}")["files"]]


def gold_story(name: str, settings: Settings, resources: Resources) -> tuple[Corpus, Story]:
    key = (name, id(resources))
    if key not in _RUNS:
        _RUNS[key] = run_pipeline(story_paths(name), settings, resources, one_story_stages())
    corpus = _RUNS[key]
    return corpus, corpus.stories[0]


def names(paths: Sequence[Path]) -> list[str]:
    return [p.name for p in paths]
