"""Cost against input size: one document of 100 KB to 10 MB, time and peak memory per stage.

Usage::

    .venv/bin/python benchmarks/bench_size.py                       # 100k 300k 1m 3m 10m, 3 kinds
    .venv/bin/python benchmarks/bench_size.py --sizes 100k,1m --kinds varied
    .venv/bin/python benchmarks/bench_size.py --timeout 600         # per kind, in seconds

Each kind runs in its own subprocess, sizes in ascending order. Kinds of text, all real news
prose none of us wrote, made into one ``.txt`` file per size:

* ``varied``: Timeline17 articles (``../shared/benchmarks/timeline17``) one after another,
  in a fixed shuffled order, until the size is reached;
* ``repetitive``: the five seed articles (``../shared/seeds``) repeated (what made
  duplicate detection and dating blow up);
* ``one-line``: the varied text with every line break replaced by a space (a page saved
  without line breaks).

The process is warmed up on the bundled example first, so model loading is not counted.
Before each stage the peak resident memory is reset (``/proc/self/clear_refs``), so each
stage's figure is the highest resident memory while it ran (models included).

The floor is the smallest size of the same run: for every stage, ``ratio`` is its time per
character read at a size over its time per character read at the smallest size (a time
under the timer floor of 50 ms counts as 50 ms). Per character read, not per input byte: a
stage capped at 200,000 characters would otherwise look cheaper per byte at every size past
its cap, even if it grew faster than linearly up to it. Targets: every stage linear within
2x (ratio <= 2 at every size) and peak memory under 2 GB at 10 MB. Stages that read at most
a capped number of characters of a document (``dossier.limits``) show the characters they
read.

Prints markdown tables and, per kind, a verdict naming each missed target; writes
``benchmarks/results/bench_size.json``; exits 1 when a run could not finish or a target is
missed.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_pipeline import EXAMPLE, MB, ROOT, SEEDS, TIMELINE17  # noqa: E402 (a sibling script)

RESULTS = HERE / "results" / "bench_size.json"
KINDS = ("varied", "repetitive", "one-line")
SIZES = "100k,300k,1m,3m,10m"
RATIO_TARGET = 2.0
MEMORY_TARGET_MB = 2048.0
TIMER_FLOOR = 0.05


def parse_size(text: str) -> int:
    match = re.fullmatch(r"(\d+(?:\.\d+)?)([km]?)", text.strip().lower())
    if not match:
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (e.g. 100k, 1m)")
    return int(float(match[1]) * {"": 1, "k": 1000, "m": MB}[match[2]])


# ------------------------------------------------------------------ inputs


def make_text(kind: str, size: int) -> str:
    """``size`` characters of real news text of one kind (deterministic)."""
    if kind == "repetitive":
        seeds = "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SEEDS.glob("*.txt")))
        return (seeds * (size // len(seeds) + 1))[:size]
    files = sorted(f for f in TIMELINE17.glob("*/InputDocs/*/*") if f.is_file())
    if not files:
        raise SystemExit(f"no Timeline17 articles in {TIMELINE17}")
    random.Random(17).shuffle(files)
    parts: list[str] = []
    total = 0
    while total < size:
        for f in files:
            parts.append(f.read_text(encoding="utf-8", errors="replace").strip())
            total += len(parts[-1]) + 2
            if total >= size:
                break
    text = "\n\n".join(parts)[:size]
    return " ".join(text.split("\n")) if kind == "one-line" else text


# ------------------------------------------------------------------ the measured run (child)


def _status_mb(field: str) -> float:
    match = re.search(rf"^{field}:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.M)
    return int(match[1]) * 1024 / MB if match else 0.0


def _reset_peak() -> None:
    # Not Linux, or not allowed: the peak is then the process's so far.
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def _warm_up(settings: Any, resources: Any) -> None:
    from dossier.pipeline import run_pipeline

    run_pipeline([EXAMPLE], settings, resources)


def measure(kind: str, sizes: list[int], save: Path) -> dict[str, Any]:
    """Every stage on one document of each size; ``save`` gets the result after each run."""
    from dossier.limits import cut_point
    from dossier.pipeline import DEFAULT_STAGES, ingest
    from dossier.resources import Resources
    from dossier.settings import Settings
    from dossier.stages import Field

    settings = Settings()
    resources = Resources()
    started = time.perf_counter()
    _warm_up(settings, resources)
    result: dict[str, Any] = {
        "kind": kind,
        "warm_up_seconds": time.perf_counter() - started,
        "rss_after_warm_up_mb": _status_mb("VmRSS"),
        "runs": [],
    }
    for size in sizes:
        with tempfile.TemporaryDirectory(prefix="dossier-size-") as tmp:
            path = Path(tmp) / f"{kind}-{size}.txt"
            path.write_text(make_text(kind, size), encoding="utf-8")
            run: dict[str, Any] = {"size": size, "stages": [], "error": None}
            result["runs"].append(run)
            _reset_peak()
            t0 = time.perf_counter()
            corpus = ingest([path], settings)
            run["stages"].append(_stage_row("ingest", time.perf_counter() - t0, size))
            for stage in DEFAULT_STAGES:
                (doc,) = corpus.documents
                text = doc.clean_text or doc.raw_text
                cap = settings.limits.cap(stage.name)
                read = cut_point(text, cap) if cap is not None and doc.ok else len(text)
                if Field.DOC_RAW in stage.requires:  # dating reads the whole raw page too
                    read = max(read, len(doc.raw_text))
                capped = read < len(text)
                _reset_peak()
                corpus, seconds, run["error"] = _timed(stage, corpus, settings, resources)
                if run["error"]:
                    break  # later stages need this one
                run["stages"].append({**_stage_row(stage.name, seconds, read), "capped": capped})
            (doc,) = corpus.documents
            run["status"] = doc.status if not doc.reason else f"{doc.status}: {doc.reason}"
            run["clean_chars"] = len(doc.clean_text)
            run["flags"] = [f.kind for f in doc.flags]
            run["stories"] = len(corpus.stories)
            run["events"] = sum(len(s.events) for s in corpus.stories)
            save.write_text(json.dumps(result), encoding="utf-8")  # survives a timeout
    return result


def _timed(stage: Any, corpus: Any, settings: Any, resources: Any) -> tuple[Any, float, str | None]:
    """The stage's output, its seconds, and what went wrong (``None``: nothing)."""
    started = time.perf_counter()
    try:
        out = stage.apply(corpus, settings, resources)
    except Exception as exc:  # reported in the table, not raised
        return corpus, time.perf_counter() - started, f"stage {stage.name!r}: {exc!r}"
    return out, time.perf_counter() - started, None


def _stage_row(name: str, seconds: float, chars: int) -> dict[str, Any]:
    return {"stage": name, "seconds": seconds, "chars": chars, "peak_rss_mb": _status_mb("VmHWM")}


# ------------------------------------------------------------------ the parent: runs and tables


def run_kind(kind: str, sizes: list[int], timeout: float) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="dossier-bench-size-") as tmp:
        save = Path(tmp) / "result.json"
        command = [
            sys.executable,
            str(Path(__file__).resolve()),
            "--child",
            kind,
            "--sizes",
            ",".join(map(str, sizes)),
            "--save",
            str(save),
        ]
        error = None
        try:
            done = subprocess.run(command, timeout=timeout or None, check=False)
            if done.returncode != 0:
                error = f"the run exited with {done.returncode}"
        except subprocess.TimeoutExpired:
            error = f"stopped after {timeout:.0f} s"
        result = json.loads(save.read_text()) if save.exists() else {"kind": kind, "runs": []}
        if error:
            result["error"] = error
        return result


def analyse(result: dict[str, Any]) -> dict[str, Any]:
    """Per stage: seconds and peak at each size, and the worst time-per-MB ratio."""
    runs = [r for r in result["runs"] if r["stages"]]
    if not runs:
        return {}
    base = runs[0]
    stages: dict[str, dict[str, Any]] = {}
    for run in runs:
        for row in run["stages"]:
            entry = stages.setdefault(
                row["stage"], {"seconds": {}, "peak": {}, "chars": {}, "capped": {}}
            )
            entry["seconds"][run["size"]] = row["seconds"]
            entry["peak"][run["size"]] = row["peak_rss_mb"]
            entry["chars"][run["size"]] = row["chars"]
            entry["capped"][run["size"]] = row.get("capped", False)
    for name, entry in stages.items():
        # Per character the stage read, not per input byte: a capped stage reads the same
        # number of characters at every size past its cap, and per input byte its cost would
        # look ever cheaper even when it grows faster than linearly up to the cap.
        chars = {size: max(n, 1) for size, n in entry["chars"].items()}
        first_size = min(entry["seconds"])
        first = max(entry["seconds"][first_size], TIMER_FLOOR) / chars[first_size]
        entry["ratio"] = {
            size: (max(seconds, TIMER_FLOOR) / chars[size]) / first
            for size, seconds in entry["seconds"].items()
        }
        entry["worst_ratio"] = max(entry["ratio"].values())
        entry["linear"] = entry["worst_ratio"] <= RATIO_TARGET
        stages[name] = entry
    totals = {r["size"]: sum(s["seconds"] for s in r["stages"]) for r in runs}
    peaks = {r["size"]: max(s["peak_rss_mb"] for s in r["stages"]) for r in runs}
    first_total = totals[base["size"]]
    return {
        "stages": stages,
        "total_seconds": totals,
        "total_ratio": {s: (t / s) / (first_total / base["size"]) for s, t in totals.items()},
        "peak_rss_mb": peaks,
    }


def verdict(result: dict[str, Any], summary: dict[str, Any]) -> list[str]:
    """The targets one kind missed, each in words (empty: all met)."""
    if result.get("error") or not summary:
        return [result.get("error") or "no size finished"]
    misses = [
        f"{name} is {entry['worst_ratio']:.2f}x its time per character at the smallest size"
        for name, entry in summary["stages"].items()
        if not entry["linear"]
    ]
    misses += [
        f"peak memory {peak:,.0f} MB at {_size(size)}"
        for size, peak in summary["peak_rss_mb"].items()
        if size >= 10 * MB and peak >= MEMORY_TARGET_MB
    ]
    return misses


def _size(n: int) -> str:
    return f"{n / MB:g} MB" if n >= MB else f"{n / 1000:g} KB"


def print_tables(result: dict[str, Any], summary: dict[str, Any]) -> None:
    kind = result["kind"]
    print(f"\n### {kind}\n")
    if result.get("error"):
        print(f"**{result['error']}**\n")
    if not summary:
        return
    sizes = sorted(summary["total_seconds"])
    print("| stage | " + " | ".join(_size(s) for s in sizes) + " | worst ratio | chars read |")
    print("|---|" + "---:|" * len(sizes) + "---:|---|")
    for name, entry in summary["stages"].items():
        cells = []
        for size in sizes:
            if size in entry["seconds"]:
                cells.append(f"{entry['seconds'][size]:.2f} s ({entry['ratio'][size]:.2f}x)")
            else:
                cells.append("-")
        capped = [s for s in sizes if entry["capped"].get(s)]
        last = capped[-1] if capped else max(entry["chars"])
        read = f"{entry['chars'][last]:,} at {_size(last)}" + (" (capped)" if capped else "")
        mark = "" if entry["linear"] else " **over**"
        print(
            f"| {name} | " + " | ".join(cells) + f" | {entry['worst_ratio']:.2f}{mark} | {read} |"
        )
    print(
        "| **end to end** | "
        + " | ".join(
            f"{summary['total_seconds'][s]:.1f} s ({summary['total_ratio'][s]:.2f}x)" for s in sizes
        )
        + f" | {max(summary['total_ratio'].values()):.2f} | |"
    )
    print(
        "| **peak memory** | "
        + " | ".join(f"{summary['peak_rss_mb'][s]:,.0f} MB" for s in sizes)
        + " | | |"
    )
    statuses = {_size(r["size"]): r.get("status") for r in result["runs"]}
    print(f"\nDocument status per size: {statuses}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--sizes", default=SIZES, help=f"comma-separated (default {SIZES})")
    parser.add_argument("--kinds", default=",".join(KINDS), help="varied, repetitive, one-line")
    parser.add_argument("--timeout", type=float, default=3600, help="seconds per kind (0: none)")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--save", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    sizes = sorted(parse_size(s) for s in args.sizes.split(","))
    if args.child:
        assert args.save is not None
        measure(args.child, sizes, args.save)
        return 0
    kinds = [k.strip() for k in args.kinds.split(",") if k.strip()]
    unknown = set(kinds) - set(KINDS)
    if unknown:
        parser.error(f"unknown kind(s): {', '.join(sorted(unknown))}")
    print(
        f"## Cost against input size (target: ratio <= {RATIO_TARGET:g}, "
        f"peak < {MEMORY_TARGET_MB:,.0f} MB at 10 MB)"
    )
    results, failed = [], False
    for kind in kinds:
        result = run_kind(kind, sizes, args.timeout)
        summary = analyse(result)
        print_tables(result, summary)
        misses = verdict(result, summary)
        print("\nVerdict: " + ("; ".join(misses) if misses else "every target met"))
        results.append({**result, "summary": summary, "misses": misses})
        failed |= bool(misses)
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(json.dumps({"results": results}, indent=2, default=str), encoding="utf-8")
    print(f"\n(written to {RESULTS.relative_to(ROOT)})")
    print("\n**All kinds: " + ("a target missed**" if failed else "every target met**"))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
