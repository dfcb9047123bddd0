"""Run every benchmark in this folder, one after another, and print their tables.

Usage: .venv/bin/python benchmarks/run_all.py [--only NAME ...] [--quick]

Each benchmark script prints a markdown table and writes benchmarks/results/<name>.json.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ORDER = (
    "bench_pipeline",
    "bench_extraction",
    "bench_cleaning",
    "bench_ner",
    "bench_tempeval",
    "bench_timeline17",
    "bench_crosscheck",
    "bench_store_report",
    "bench_report",
    "bench_pubdate",
    "bench_size",
    "bench_load",
    "bench_casefile",
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--only", nargs="*", default=None, help="benchmark names to run")
    args = parser.parse_args(argv)
    names = [n for n in ORDER if (HERE / f"{n}.py").exists()]
    if args.only:
        names = [n for n in names if n in args.only]
    failures = 0
    for name in names:
        print(f"\n## {name}\n", flush=True)
        started = time.perf_counter()
        result = subprocess.run([sys.executable, str(HERE / f"{name}.py")], check=False)
        print(f"\n({name}: {time.perf_counter() - started:.0f} s, exit {result.returncode})")
        failures += result.returncode != 0
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
