"""A build or an addition killed (SIGKILL) at any moment leaves the old case or the new one:
the store passes its integrity check and the outputs show what the store holds."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from dossier.casefile import recover_outputs
from dossier.faults import ENV
from dossier.store import Store
from dossier.store.check import check_store

# The update as the CLI runs it, with the document-level stages and grouping only (no
# statistical models to load in every killed process): what is at stake is the writing.
CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from dossier.casefile import Outputs, recover_outputs, update_store
    from dossier.pipeline import DEFAULT_STAGES, ingest
    from dossier.resources import Resources
    from dossier.settings import Settings
    from dossier.store import Store

    LIGHT = ("language", "clean", "dedup", "shared", "date", "stories")
    store_path, out, kind, *inputs = sys.argv[1:]
    settings = Settings()
    with Store(store_path) as store:
        recover_outputs(store)
        docs = ingest(inputs, settings).documents
        update_store(
            store, inputs=docs, kind=kind, settings=settings, resources=Resources(),
            stages=[s for s in DEFAULT_STAGES if s.name in LIGHT], outputs=Outputs(Path(out)),
        )
    print("done")
    """
)
BEFORE_COMMIT = ("computed", "written", "outputs-prepared")
AFTER_COMMIT = ("committed", "renamed-first", "renamed")


def _run(store: Path, out: Path, kind: str, inputs: list[Path], crash: str | None) -> int:
    env = {k: v for k, v in os.environ.items() if k != ENV}
    if crash:
        env[ENV] = crash
    proc = subprocess.run(
        [sys.executable, "-c", CHILD, str(store), str(out), kind, *map(str, inputs)],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert crash or proc.returncode == 0, proc.stderr
    return proc.returncode


def consistent(store_path: Path, out: Path) -> int | None:
    """Check the store and its outputs after whatever happened; the last build, if any."""
    with Store(store_path) as store:
        recover_outputs(store)
        assert check_store(store) == []
        corpus = store.load_corpus()
    last = corpus.builds[-1].id if corpus.builds else None
    data_path, html_path = out / "dossier.json", out / "report.html"
    if last is None:
        assert not data_path.exists() and not html_path.exists()
        return None
    data = json.loads(data_path.read_text(encoding="utf-8"))
    assert [b["id"] for b in data["builds"]] == [b.id for b in corpus.builds]
    assert sorted(d["id"] for d in data["documents"]) == sorted(d.id for d in corpus.documents)
    assert sorted(s["id"] for s in data["stories"]) == sorted(s.id for s in corpus.stories)
    assert f"build {last} of the case file" in html_path.read_text(encoding="utf-8")
    assert not list(out.glob(".*.tmp"))  # no half-written file left behind
    return last


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory, fixtures: Path) -> Path:
    """A case file with one build (the fire reports); kills happen while adding to it."""
    folder = tmp_path_factory.mktemp("kill-base")
    _run(folder / "dossier.sqlite", folder / "out", "build", [fixtures / "dorrow"], None)
    assert consistent(folder / "dossier.sqlite", folder / "out") == 1
    return folder


def _copy(base: Path, target: Path) -> tuple[Path, Path]:
    shutil.copytree(base, target)
    return target / "dossier.sqlite", target / "out"


@pytest.mark.parametrize("point", [*BEFORE_COMMIT, *AFTER_COMMIT])
def test_an_addition_killed_at_any_point_leaves_old_or_new(
    point: str, base: Path, fixtures: Path, tmp_path: Path
) -> None:
    store, out = _copy(base, tmp_path / "case")
    before = (out / "dossier.json").read_bytes()
    code = _run(store, out, "add", [fixtures / "pellan"], point)
    assert code == -signal.SIGKILL
    last = consistent(store, out)
    if point in BEFORE_COMMIT:
        assert last == 1 and (out / "dossier.json").read_bytes() == before
    else:
        assert last == 2 and (out / "dossier.json").read_bytes() != before
    # And the case goes on: the same addition, run again, completes it.
    assert _run(store, out, "add", [fixtures / "pellan"], None) == 0
    assert consistent(store, out) == 2


@pytest.mark.parametrize("point", ["outputs-prepared", "committed"])
def test_a_first_build_killed_at_any_point_leaves_nothing_or_everything(
    point: str, fixtures: Path, tmp_path: Path
) -> None:
    store, out = tmp_path / "dossier.sqlite", tmp_path / "out"
    assert _run(store, out, "build", [fixtures / "dorrow"], point) == -signal.SIGKILL
    last = consistent(store, out)
    assert last == (None if point in BEFORE_COMMIT else 1)


@pytest.mark.slow
def test_the_real_cli_killed_after_its_commit_is_completed_by_the_next_command(
    seeds_dir: Path, tmp_path: Path
) -> None:
    seeds = sorted(seeds_dir.glob("*.txt"))
    out = tmp_path / "out"
    dossier = [sys.executable, "-c", "from dossier.cli import entry; entry()"]
    env = {k: v for k, v in os.environ.items() if k != ENV}
    first = subprocess.run(
        [*dossier, "build", *map(str, seeds[:3]), "--out", str(out), "--quiet"],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    killed = subprocess.run(
        [*dossier, "add", *map(str, seeds[3:]), "--store", str(out / "dossier.sqlite"), "--quiet"],
        env={**env, ENV: "committed"}, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert killed.returncode == -signal.SIGKILL
    after = subprocess.run(
        [*dossier, "changes", "--store", str(out / "dossier.sqlite"), "--since", "1"],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert after.returncode == 0, after.stderr
    assert "finished replacing" in after.stderr  # the next command put the outputs in place
    assert "build 2" in after.stdout
    assert consistent(out / "dossier.sqlite", out) == 2


@pytest.mark.slow
def test_the_real_cli_killed_at_random_moments_stays_consistent(
    seeds_dir: Path, tmp_path: Path
) -> None:
    seeds = sorted(seeds_dir.glob("*.txt"))
    out = tmp_path / "out"
    store = out / "dossier.sqlite"
    env = {k: v for k, v in os.environ.items() if k != ENV}
    dossier = [sys.executable, "-c", "from dossier.cli import entry; entry()"]
    built = subprocess.run(
        [*dossier, "build", *map(str, seeds[:2]), "--out", str(out), "--quiet"],
        env=env, capture_output=True, text=True, timeout=600,
    )  # fmt: skip
    assert built.returncode == 0, built.stderr
    lock = store.with_name(store.name + ".lock")
    seen = set()
    for delay in (0.0, 1.0, 3.0):
        proc = subprocess.Popen(
            [*dossier, "add", *map(str, seeds[2:]), "--store", str(store), "--quiet"],
            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        started = time.monotonic()
        while os.path.getmtime(lock) < started - 0.1 and proc.poll() is None:
            time.sleep(0.02)  # the process has taken the writer lock: it is updating
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=60)
        seen.add(consistent(store, out))
    assert seen <= {1, 2}


def test_two_additions_at_once_both_land(base: Path, fixtures: Path, tmp_path: Path) -> None:
    store, out = _copy(base, tmp_path / "case")
    env = {k: v for k, v in os.environ.items() if k != ENV}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", CHILD, str(store), str(out), "add", str(fixtures / folder)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for folder in ("pellan", "osk")
    ]
    results = [p.communicate(timeout=300) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], [err for _, err in results]
    assert consistent(store, out) == 3
    with Store(store) as opened:
        ids = {d.id for d in opened.load_corpus().documents}
    assert {"herald-strike", "courier-strike", "herald-fine", "courier-fine"} <= ids
