"""docs/usage.md walks a user from pasted articles with a sources.csv to a FollowTheMoney file:
its sources.csv example reads cleanly, its table names every column, and every command it
shows is one the CLI accepts."""

from __future__ import annotations

import logging
import re
import shlex
from pathlib import Path

import pytest

from dossier.cli_parser import parser as _parser
from dossier.ingest.sources import COLUMNS, read_sources_file

DOC = Path(__file__).resolve().parents[1] / "docs" / "usage.md"


def _blocks(language: str = "") -> list[str]:
    """The fenced code blocks marked ``language`` (``""``: unmarked ones)."""
    blocks: list[str] = []
    current: list[str] | None = None
    kind = ""
    for line in DOC.read_text(encoding="utf-8").splitlines():
        if line.startswith("```") and current is None:
            current, kind = [], line[3:].strip()
        elif line.startswith("```") and current is not None:
            if kind == language:
                blocks.append("\n".join(current) + "\n")
            current = None
        elif current is not None:
            current.append(line)
    return blocks


def test_the_sources_csv_example_reads_cleanly(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    (example,) = _blocks("csv")
    path = tmp_path / "sources.csv"
    path.write_text(example, encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        sources = read_sources_file(path)
    assert caplog.records == []
    assert len(sources.by_relative) == len(example.strip().splitlines()) - 1
    assert example.splitlines()[0].split(",") == list(COLUMNS)
    table = DOC.read_text(encoding="utf-8").split("## 2.")[1].split("```csv")[0]
    assert {c for c in COLUMNS} <= set(re.findall(r"^\| `(\w+)` \|", table, flags=re.M))


def test_every_command_shown_is_accepted() -> None:
    commands = [
        line.split("dossier ", 1)[1]
        for block in _blocks()
        for line in block.splitlines()
        if line.startswith(".venv/bin/dossier ")
    ]
    assert {c.split()[0] for c in commands} >= {"build", "clean", "serve", "export", "validate"}
    parser = _parser()
    for command in commands:
        parser.parse_args(shlex.split(command))  # exits (fails the test) on an unknown option
    walked = DOC.read_text(encoding="utf-8")
    assert "--format ftm --out my-case.ftm.json" in walked and "sources.csv" in walked
