"""The command line, in-process: exit codes, help, bad inputs."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from dossier.cli import EXIT_OK, EXIT_REJECTED, EXIT_USAGE, main

ARTICLE = """Harbour Courier

Castrel floods: mayor orders evacuation of harbour district

Floods swept through the port city of Castrel on Tuesday after three days of rain, \
forcing hundreds of families from their homes.

Mayor Ilse Brandt, 52, ordered the evacuation of the harbour district on March 3, \
saying the sea wall could fail overnight.

"We will not take risks with people's lives," Brandt told reporters at the town hall.

Share this article
"""


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == EXIT_OK
    assert "build" in capsys.readouterr().out
    assert main(["build", "--help"]) == EXIT_OK
    help_text = capsys.readouterr().out
    for option in (
        "--out",
        "--store",
        "--workers",
        "--embed-precision",
        "--quiet",
        "--no-progress",
    ):
        assert option in help_text


def test_usage_errors_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == EXIT_USAGE
    assert main(["build"]) == EXIT_USAGE
    assert main(["build", "x.txt"]) == EXIT_USAGE  # --out is required
    assert main(["build", "x.txt", "--out", "o", "--embed-precision", "half"]) == EXIT_USAGE
    assert main(["frobnicate"]) == EXIT_USAGE
    assert main(["clean", "/nonexistent/article.txt"]) == EXIT_USAGE
    assert main(["serve", "--store", "/nonexistent/dossier.sqlite"]) == EXIT_USAGE
    assert "no such file" in capsys.readouterr().err


def test_bad_inputs_are_rejected_with_reasons_and_the_rest_is_built(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "flood.txt").write_text(ARTICLE, encoding="utf-8")
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    (inputs / "binary.txt").write_bytes(bytes(range(256)) * 8)
    out = tmp_path / "out"
    code = main(["build", str(inputs), str(tmp_path / "missing.txt"), "--out", str(out), "--quiet"])
    assert code == EXIT_REJECTED
    data = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    status = {d["id"]: (d["status"], d.get("reason") or "") for d in data["documents"]}
    assert status["flood"][0] == "ok"
    for bad in ("empty", "binary", "missing"):
        assert status[bad][0] == "rejected" and status[bad][1], status
    err = capsys.readouterr().err
    assert "empty.txt" in err and "binary.txt" in err and "missing.txt" in err
    assert len(data["stories"]) == 1


def test_clean_explain_lists_removed_blocks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    article = tmp_path / "flood.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    assert main(["clean", str(article), "--explain"]) == EXIT_OK
    out = capsys.readouterr().out
    body, _, removed = out.partition("--- removed")
    assert "Mayor Ilse Brandt, 52, ordered" in body
    assert "Share this article" not in body
    assert "Share this article" in removed
    # Each removed block shows its reason and the block classifier's score.
    assert re.search(r"^\[share\] score 0\.\d\d \(1 line\)$", removed, re.M), removed
