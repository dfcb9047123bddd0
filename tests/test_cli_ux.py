"""The command line's rough edges: no tracebacks for user errors, pipes, Ctrl-C, help defaults,
progress by documents, -v per stage, the packaged schema."""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.cli import (
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_REJECTED,
    EXIT_USAGE,
    main,
)
from dossier.console import print_build_summary, shorten
from dossier.pipeline import DEFAULT_STAGES, ingest
from dossier.report import corpus_to_json
from dossier.report.checks import contract_schema
from dossier.resources import Resources
from dossier.runners import LocalRunner
from dossier.settings import Settings
from report.sample import sample_corpus

DOSSIER = [sys.executable, "-m", "dossier.cli"]
ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}


def _write_sample_json(path: Path) -> Path:
    path.write_text(json.dumps(corpus_to_json(sample_corpus())), encoding="utf-8")
    return path


def test_the_schema_ships_with_the_package_and_matches_the_contract(contract_path: Path) -> None:
    assert contract_schema() == json.loads(contract_path.read_text(encoding="utf-8"))


def test_validate_needs_no_schema_option_from_any_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    target = _write_sample_json(tmp_path / "dossier.json")
    monkeypatch.chdir(tmp_path)  # far from the repository layout
    assert main(["validate", "dossier.json"]) == EXIT_OK
    assert "valid dossier/1" in capsys.readouterr().out
    code = main(["validate", str(target), "--schema", "no/such/schema.json"])
    assert code == EXIT_USAGE
    err = capsys.readouterr().err
    assert "schema no/such/schema.json" in err and "Traceback" not in err
    (tmp_path / "broken.json").write_text("{", encoding="utf-8")
    assert main(["validate", "broken.json"]) == EXIT_USAGE
    assert "not valid JSON" in capsys.readouterr().err
    (tmp_path / "list.json").write_text("[1]", encoding="utf-8")
    assert main(["validate", "list.json"]) == EXIT_REJECTED


def test_clean_reads_a_folder(
    example_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    assert main(["clean", str(example_dir)]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.count("==> ") == len(list(example_dir.glob("*.*")))
    assert main(["clean", str(tmp_path)]) == EXIT_REJECTED
    assert "empty.txt: rejected: empty file" in capsys.readouterr().err


def test_a_closed_pipe_ends_quietly(example_dir: Path) -> None:
    with subprocess.Popen(
        [*DOSSIER, "clean", str(example_dir), "--explain"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.readline()
        proc.stdout.close()  # like `| head -1`
        err = proc.stderr.read().decode()
        proc.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err, err


def test_ctrl_c_ends_with_a_message_not_a_traceback(example_dir: Path, tmp_path: Path) -> None:
    with subprocess.Popen(
        [*DOSSIER, "build", "-v", str(example_dir), "--out", str(tmp_path / "out")],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=ENV,
    ) as proc:
        assert proc.stderr is not None
        first = proc.stderr.readline()  # the first stage's log line: the build is under way
        proc.send_signal(signal.SIGINT)
        _, rest = proc.communicate(timeout=120)
    err = (first + rest).decode()
    assert proc.returncode == EXIT_INTERRUPTED, err
    assert "interrupted" in err and "Traceback" not in err
    assert not (tmp_path / "out" / "dossier.json.tmp").exists()


def test_help_shows_the_defaults(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--help"]) == EXIT_OK
    serve = " ".join(capsys.readouterr().out.split())
    assert "(default: 127.0.0.1)" in serve and "(default: 8000)" in serve
    assert main(["timeline", "--help"]) == EXIT_OK
    timeline = " ".join(capsys.readouterr().out.split())
    assert "(default: 10)" in timeline and "(default: 2)" in timeline
    assert main(["build", "--help"]) == EXIT_OK
    assert "(default: auto" in " ".join(capsys.readouterr().out.split())


def test_verbose_is_accepted_after_the_command() -> None:
    assert main(["build", "-v", "--help"]) == EXIT_OK
    assert main(["-v", "clean", "--help"]) == EXIT_OK


def test_progress_counts_documents_per_stage(
    example_dir: Path, settings: Settings, resources: Resources
) -> None:
    calls: list[tuple[str, int, int]] = []

    def record(stage: str, done: int, total: int) -> None:
        calls.append((stage, done, total))

    stages = tuple(
        s for s in DEFAULT_STAGES if s.name in {"language", "clean", "dedup", "parse", "mentions"}
    )
    corpus = ingest([example_dir], settings, record)
    runner = LocalRunner(progress=record, chunk_documents=2)
    result = runner.run(corpus, stages, settings, resources)
    n = len(corpus.documents)
    assert calls[:2] == [("read", 0, 0), ("read", n, n)]
    mentions = [c for c in calls if c[0] == "mentions"]
    assert [done for _, done, _ in mentions] == [*range(0, n, 2), n]
    assert all(total == n for *_, total in mentions)
    assert calls[-1] == ("done", n, n)
    # chunked the same as in one go
    assert result.documents == LocalRunner().run(corpus, stages, settings, resources).documents


def test_verbose_logs_each_stage_with_counts_and_drops(
    tmp_path: Path, settings: Settings, resources: Resources, caplog: pytest.LogCaptureFixture
) -> None:
    (tmp_path / "a.txt").write_text(
        "Mayor Ilse Brandt ordered the evacuation of the harbour district on March 3.\n\n"
        "The sea wall could fail overnight, she told reporters at the town hall.",
        encoding="utf-8",
    )
    (tmp_path / "b.txt").write_text("Share this article\n", encoding="utf-8")
    names = ("language", "clean", "dedup", "parse", "date", "mentions")
    stages = tuple(s for s in DEFAULT_STAGES if s.name in names)
    with caplog.at_level(logging.INFO, logger="dossier"):
        LocalRunner().run(ingest([tmp_path], settings), stages, settings, resources)
    lines = [r.getMessage() for r in caplog.records if r.name == "dossier.runners.local"]
    assert [line.split(":")[0] for line in lines] == [f"stage {name}" for name in names]
    assert "dropped 1: b (rejected: too short to be an article)" in lines[1]
    assert "rejected 0 -> 1" in lines[1]
    assert "mentions 0 -> " in lines[5]


def test_titles_are_cut_at_a_word() -> None:
    title = "Two ethnic Kazakhs who fled Xinjiang sentenced for illegal border crossing"
    short = shorten(title, 40)
    assert short == "Two ethnic Kazakhs who fled Xinjiang…"
    assert len(short) <= 40
    assert shorten("short title", 40) == "short title"


def test_the_summary_fits_on_a_screen(tmp_path: Path) -> None:
    from dataclasses import replace

    corpus = sample_corpus()
    story = corpus.stories[0]
    many = replace(corpus, stories=tuple(replace(story, id=f"s{i}") for i in range(25)))
    path = tmp_path / "summary.txt"
    with path.open("w", encoding="utf-8") as out:
        print_build_summary(many, [("report", tmp_path / "report.html")], out)
    text = path.read_text(encoding="utf-8")
    assert "… and 15 smaller stories" in text
    assert f"report: {tmp_path / 'report.html'}" in text
    assert len(text.splitlines()) < 25
