"""Report size and speed at scale, and how soon `dossier build` shows progress.

1. The report of a 300-article build (Timeline17 ``bpoil_bbc``: 293 articles, by default
   built here with the full pipeline; ``--json`` reuses a ``dossier.json``): size of the
   index page, of the largest page and of the whole folder, time to write it; and the time
   headless Chromium takes to open the index and the largest story page (navigation start
   to the end of the load event, median of ``--repeat`` loads, each in a fresh tab).
   Peer in the same run: the same corpus as one self-contained page (``--single-file``,
   the report's only shape before), opened the same way.
2. Time from starting ``dossier build`` on a terminal (a pseudo-terminal here) to the first
   progress line, beside the time Python takes to start and exit (the floor).

Targets (issue 18): index page < 2 MB and opened in < 2 s; first progress line < 3 s.

Usage: ``.venv/bin/python benchmarks/bench_report.py [--topic bpoil_bbc] [--json PATH]
[--repeat 3]``
"""

from __future__ import annotations

import argparse
import json
import os
import pty
import select
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from dossier.model import Corpus
from dossier.report import corpus_from_json
from dossier.report.html import render_report, write_report

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "benchmarks" / "results" / "bench_report.json"
sys.path.insert(0, str(ROOT / "tests" / "web"))

from cdp import Browser  # noqa: E402 (the tests' DevTools driver)


def build(topic: str) -> tuple[Corpus, float]:
    from dossier.pipeline import run_pipeline

    folder = SHARED / "benchmarks" / "timeline17" / topic / "InputDocs"
    started = time.perf_counter()
    corpus = run_pipeline([folder])
    return corpus, time.perf_counter() - started


def open_seconds(browser: Browser, url: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        page = browser.page()
        times.append(page.open(url))
        page.ws.close()
    return statistics.median(times)


def first_progress_seconds(inputs: Path, out: Path) -> float:
    """Seconds from spawning ``dossier build`` on a pseudo-terminal to its first output."""
    leader, follower = pty.openpty()
    started = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "dossier.cli", "build", str(inputs), "--out", str(out)],
        stdin=subprocess.DEVNULL,
        stdout=follower,
        stderr=follower,
        env={**os.environ, "COLUMNS": "100"},
    )
    os.close(follower)
    seen = b""
    try:
        while b"reading" not in seen:
            ready, _, _ = select.select([leader], [], [], 60)
            if not ready:
                raise RuntimeError("no progress line within 60 s")
            seen += os.read(leader, 4096)
        return time.perf_counter() - started
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        os.close(leader)


def python_start_seconds() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--topic", default="bpoil_bbc", help="Timeline17 topic to build")
    parser.add_argument("--json", type=Path, help="a dossier.json to use instead of building")
    parser.add_argument("--repeat", type=int, default=3, help="loads per page (median)")
    args = parser.parse_args(argv)
    build_seconds = None
    if args.json:
        corpus = corpus_from_json(json.loads(args.json.read_text(encoding="utf-8")))
    else:
        corpus, build_seconds = build(args.topic)
    rows: dict[str, object] = {
        "documents": len(corpus.documents),
        "stories": len(corpus.stories),
        "build_seconds": build_seconds,
    }
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "folder"
        started = time.perf_counter()
        write_report(corpus, out)
        rows["folder_write_seconds"] = time.perf_counter() - started
        pages = sorted((out / "report").glob("*.html"), key=lambda p: -p.stat().st_size)
        biggest_story = next(p for p in pages if p.name.startswith("story-"))
        rows["index_bytes"] = (out / "report.html").stat().st_size
        rows["largest_page_bytes"] = pages[0].stat().st_size
        rows["largest_page"] = pages[0].name
        rows["largest_story_page_bytes"] = biggest_story.stat().st_size
        rows["folder_bytes"] = sum(p.stat().st_size for p in (out / "report").iterdir())
        rows["pages"] = len(pages)
        single = Path(tmp) / "single.html"
        started = time.perf_counter()
        single.write_text(render_report(corpus), encoding="utf-8")
        rows["single_write_seconds"] = time.perf_counter() - started
        rows["single_bytes"] = single.stat().st_size
        browser = Browser.start()
        try:
            rows["index_open_seconds"] = open_seconds(
                browser, (out / "report.html").as_uri(), args.repeat
            )
            rows["largest_story_open_seconds"] = open_seconds(
                browser, biggest_story.as_uri(), args.repeat
            )
            rows["single_open_seconds"] = open_seconds(browser, single.as_uri(), args.repeat)
        finally:
            browser.close()
        rows["first_progress_seconds"] = first_progress_seconds(
            SHARED / "seeds", Path(tmp) / "progress-run"
        )
        rows["python_start_seconds"] = python_start_seconds()
    print_table(rows)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(rows, indent=2), encoding="utf-8")
    return 0


def _mb(n: object) -> str:
    return f"{int(n) / 1e6:.2f} MB"  # type: ignore[call-overload]


def print_table(r: dict[str, object]) -> None:
    built = f", built in {r['build_seconds']:.0f} s" if r["build_seconds"] else ""
    print(f"{r['documents']} documents, {r['stories']} stories{built}\n")
    print("| what | report folder (default) | one page (`--single-file`, peer) | target |")
    print("|---|---|---|---|")
    print(f"| index page | **{_mb(r['index_bytes'])}** | {_mb(r['single_bytes'])} | < 2 MB |")
    print(
        f"| open in headless Chromium | **{r['index_open_seconds']:.2f} s** (index), "
        f"{r['largest_story_open_seconds']:.2f} s (largest story, "
        f"{_mb(r['largest_story_page_bytes'])}) | {r['single_open_seconds']:.2f} s | < 2 s |"
    )
    print(
        f"| all pages | {_mb(r['folder_bytes'])} in {r['pages']} pages (largest "
        f"{_mb(r['largest_page_bytes'])}) | {_mb(r['single_bytes'])} | – |"
    )
    print(f"| write | {r['folder_write_seconds']:.2f} s | {r['single_write_seconds']:.2f} s | – |")
    print()
    print("| `dossier build` on a terminal | seconds | floor: Python starts and exits | target |")
    print("|---|---|---|---|")
    print(
        f"| first progress line | **{r['first_progress_seconds']:.2f} s** | "
        f"{r['python_start_seconds']:.2f} s | < 3 s |"
    )


if __name__ == "__main__":
    sys.exit(main())
