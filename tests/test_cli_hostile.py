"""Issue 19, defects 4 and 8 at the command line: link loops, control characters, stray
warnings, an unusable store, folders without articles."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dossier.cli import EXIT_FAILED, EXIT_OK, EXIT_REJECTED, main
from dossier.runners.local import LocalRunner

ARTICLE = """Vellmar Tribune

Court jails Vellmar editor Ilka Morrow

A court in Vellmar sentenced the editor Ilka Morrow, 44, to two years in prison on \
Tuesday for publishing a leaked budget, her lawyer Tomas Reyne said.

Morrow was arrested on February 2 after the newspaper printed the document.
"""


def test_a_link_loop_argument_is_a_rejection_and_the_rest_builds(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    out = tmp_path / "out"
    code = main(
        [
            "build",
            str(tmp_path / "loop.txt"),
            str(tmp_path / "story.txt"),
            "--out",
            str(out),
            "--quiet",
        ]
    )
    assert code == EXIT_REJECTED
    assert "loop.txt: symbolic link loop" in capsys.readouterr().err
    data = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    assert {d["id"]: d["status"] for d in data["documents"]} == {"loop": "rejected", "story": "ok"}


def test_control_characters_never_reach_the_terminal(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hostile = ARTICLE.replace("Court jails", "Court \x1b]0;owned\x07jails").replace(
        "on Tuesday", "on \x1b[2JTuesday"
    )
    path = tmp_path / "esc.txt"
    path.write_text(hostile + "\nShare this \x1b[31marticle\n", encoding="utf-8")
    assert main(["clean", str(path), "--explain"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out
    assert "Tuesday" in out


def test_the_extractors_warnings_stay_off_stderr(tmp_path: Path) -> None:
    page = tmp_path / "empty.html"
    page.write_text("<html><body></body></html>", encoding="utf-8")
    # A process of its own: logging is configured by the command, as for a user.
    command = [sys.executable, "-m", "dossier.cli", "clean", str(page)]
    result = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == EXIT_REJECTED
    assert "WARNING" not in result.stderr and "no article text" in result.stderr


def test_an_unusable_store_fails_before_the_pipeline_runs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    ran: list[object] = []
    monkeypatch.setattr(LocalRunner, "run", lambda *args: ran.append(args))
    (tmp_path / "story.txt").write_text(ARTICLE, encoding="utf-8")
    not_a_store = tmp_path / "store"
    not_a_store.mkdir()
    code = main(
        [
            "build",
            str(tmp_path / "story.txt"),
            "--out",
            str(tmp_path / "out"),
            "--store",
            str(not_a_store),
            "--quiet",
        ]
    )
    assert code == EXIT_FAILED
    assert "is a directory" in capsys.readouterr().err
    assert ran == []


@pytest.mark.parametrize("files", [[], ["report.pdf", "notes.doc"]])
def test_a_folder_without_articles_exits_1_and_lists_what_it_skipped(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], files: list[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name in files:
        (folder / name).write_bytes(b"%PDF-1.4")
    code = main(["build", str(folder), "--out", str(tmp_path / "out"), "--quiet"])
    assert code == EXIT_REJECTED
    err = capsys.readouterr().err
    assert "no articles found" in err
    for name in files:
        assert f"skipped: {folder / name}: unsupported file type" in err
    assert not (tmp_path / "out" / "dossier.json").exists()


def test_a_folder_of_rejected_inputs_says_no_articles_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    code = main(["timeline", str(folder)])
    assert code == EXIT_REJECTED
    err = capsys.readouterr().err
    assert "rejected:" in err and "empty file" in err and "no articles found" in err
