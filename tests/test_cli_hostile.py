"""Issue 19 at the command line: link loops, control characters, stray warnings, an unusable
store, folders without articles (defects 4 and 8), and every kind of bad input the developers'
guide names in one build beside an earlier case."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from deadline import deadline
from dossier.cli import EXIT_FAILED, EXIT_OK, EXIT_REJECTED, main
from dossier.runners.local import LocalRunner
from dossier.store import Store

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


QUARRY = """Harlow Gazette

Four miners trapped after collapse at Denby quarry

Rescuers in Denby were trying to reach four miners trapped underground after a tunnel \
collapsed on Friday, the regional emergency service said.

The operator, Denby Stone Ltd, said ventilation to the sealed section was still working.
"""
# Written in cp1252 (curly quotes, an accented name), as old newsroom exports are.
LEGACY = """Fraud trial of café chain founder opens in Marlow

The founder of the Brisa café chain, René Sauvel, 58, went on trial in Marlow on Monday \
accused of hiding “several million” in losses from investors, prosecutors said.

Sauvel denies the charges; his lawyer called the case “an accounting dispute”.
"""
# Unclosed paragraphs and tags, stray closing tags, a table never ended.
MALFORMED = """<html><head><title>Police disperse march in Tarnow</title><body><div>
<h1>Police disperse march in Tarnow Square
<p>Police in Tarnow used tear gas on Saturday to break up a march of several thousand people \
protesting against the new press law, witnesses said.
<p>The organisers, the Free Press Union, said <b>forty people were detained, among them the \
union's chair Vera Lask.
<div><p>The interior ministry said officers had acted lawfully.<table><tr><td>
</div></p></td></body>"""


def _bad_inputs(folder: Path) -> dict[str, str]:
    """Every kind of bad input the developers' guide names, each beside good articles; returns
    file name -> the reason its rejection must give."""
    folder.mkdir()
    (folder / "quarry.txt").write_text(QUARRY, encoding="utf-8")
    (folder / "legacy.txt").write_bytes(LEGACY.encode("cp1252"))
    (folder / "malformed.html").write_text(MALFORMED, encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 12)
    with (folder / "huge.txt").open("wb") as huge:  # sparse: claims 25 MB, costs nothing
        huge.truncate(25_000_000)
    (folder / "junk.html").write_text("<html><body><nav>Home</nav></body></html>", "utf-8")
    os.mkfifo(folder / "pipe.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    (folder / "broken.txt").symlink_to(folder / "gone.txt")
    (folder / "zero.txt").symlink_to("/dev/zero")
    (folder / "locked.txt").write_text(QUARRY.replace("Denby", "Ashby"), encoding="utf-8")
    (folder / "sealed").mkdir()
    (folder / "sealed" / "inside.txt").write_text(QUARRY, encoding="utf-8")
    return {
        "empty.txt": "empty file",
        "binary.txt": "binary file",
        "huge.txt": "file too large: 25000000 bytes (limit 20000000)",
        "junk.html": "no article text",
        "pipe.txt": "not a regular file: a named pipe (FIFO)",
        "loop.txt": "symbolic link loop",
        "broken.txt": "broken symbolic link",
        "zero.txt": "not a regular file: a character device",
        "locked.txt": "cannot read file: Permission denied",
        "sealed": "cannot read folder: Permission denied",
    }


def _deny(monkeypatch: pytest.MonkeyPatch, *paths: Path) -> None:
    """Make ``paths`` unreadable as a user without the permission would find them (the tests
    may run as root, whom file modes do not stop)."""
    denied = {str(p) for p in paths}
    real_open, real_scandir = os.open, os.scandir

    def open_(name: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        if str(name) in denied:
            raise PermissionError(13, "Permission denied", str(name))
        return real_open(name, flags, *args, **kwargs)

    def scandir(name: Any = ".") -> Any:
        if str(name) in denied:
            raise PermissionError(13, "Permission denied", str(name))
        return real_scandir(name)

    monkeypatch.setattr(os, "open", open_)
    monkeypatch.setattr(os, "scandir", scandir)


def test_every_bad_input_is_named_the_rest_builds_and_nothing_stored_is_lost(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    out, store_path = tmp_path / "out", tmp_path / "out" / "dossier.sqlite"
    (tmp_path / "first").mkdir()
    (tmp_path / "first" / "tribune.txt").write_text(ARTICLE, encoding="utf-8")
    assert main(["build", str(tmp_path / "first"), "--out", str(out), "--quiet"]) == EXIT_OK
    with Store(store_path) as store:
        before = store.get_document("tribune")
        stories_before = {s.id for s in store.list_stories()}
    capsys.readouterr()

    folder = tmp_path / "in"
    reasons = _bad_inputs(folder)
    _deny(monkeypatch, folder / "locked.txt", folder / "sealed")
    with deadline(300):  # the FIFO and /dev/zero must not block or fill memory
        code = main(["build", str(folder), "--out", str(out), "--quiet"])
    assert code == EXIT_REJECTED
    err = capsys.readouterr().err
    assert "Traceback" not in err
    for name, reason in reasons.items():
        assert f"rejected: {folder / name}: {reason}" in err, (name, err)

    data = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    docs = {d["id"]: d for d in data["documents"]}
    # dossier.json shows the whole case the store holds: the earlier article and the new ones.
    ok = {i for i, d in docs.items() if d["status"] == "ok"}
    assert ok == {"tribune", "quarry", "legacy", "malformed"}
    assert "René Sauvel" in docs["legacy"]["clean_text"] and "“" in docs["legacy"]["clean_text"]
    assert "Vera Lask" in docs["malformed"]["clean_text"]
    assert {Path(d["source"]).name for d in docs.values() if d["status"] == "rejected"} == set(
        reasons
    )
    # The earlier case is still in the store, untouched.
    with Store(store_path) as store:
        assert store.get_document("tribune") == before
        now = {s.id for s in store.list_stories()}
        # Its story is kept, or lives on (merged, or renamed after an earlier report) under
        # an id the old one leads to.
        assert all(i in now or store.story_alias(i) in now for i in stories_before)
        assert store.stories_of("tribune")
