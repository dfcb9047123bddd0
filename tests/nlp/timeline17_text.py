"""Sentences of the Timeline17 benchmark, read where they lie (never copied into the project).

A module of its own, not the conftest: ``from conftest import`` resolves to whichever
conftest pytest imported first, so tests/nlp failed when collected after tests/entities."""

from __future__ import annotations

from pathlib import Path

import pytest

TIMELINE17 = Path(__file__).resolve().parents[2].parent / "shared" / "benchmarks" / "timeline17"


def timeline17_sentence(topic: str, start: str) -> str:
    """The first sentence of a Timeline17 topic's input documents that starts with ``start``
    (the benchmark's text is read where it lies, never copied into the project)."""
    for path in sorted((TIMELINE17 / topic / "InputDocs").rglob("*.txt")):
        for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.startswith(start):
                return line.strip()
    pytest.fail(f"no sentence starting {start!r} in Timeline17 {topic}")
