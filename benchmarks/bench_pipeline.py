"""Pipeline speed and memory: every stage and end to end, beside spaCy NER alone.

Usage::

    .venv/bin/python benchmarks/bench_pipeline.py                 # seeds x20 + Timeline17 sample
    .venv/bin/python benchmarks/bench_pipeline.py --docs 1000     # the 1,000-article memory target
    .venv/bin/python benchmarks/bench_pipeline.py --only timeline17 --docs 300

Configurations (each runs in its own subprocess so that its peak memory,
``VmHWM`` from ``/proc/self/status``, is its own):

* ``seeds``: the seed articles (``../shared/seeds``) copied ``--repeat`` times
  under distinct file names. The copies are exact duplicates, so the dedup
  stage is timed but its marks are discarded: the later stages then see every
  copy, which is the load we want to measure (otherwise they would see five).
* ``timeline17``: ``--docs`` documents sampled round-robin over the Timeline17
  topic folders (``../shared/benchmarks/timeline17/*/InputDocs``), a fixed
  seed, so each run reads the same files. Several topics: several stories.

For each configuration: documents/s and MB/s (input text of the stage: raw
text for ``clean``, the clean text of the ``ok`` documents afterwards) per
stage and end to end (ingest + every stage, models loaded and the process
warmed up on the bundled example, see ``_warm_up``), then the floor: spaCy's
``nlp.pipe`` with exactly the components Dossier runs (tagger, parser,
attribute ruler, lemmatizer, NER) over the same clean text cut into the same
pieces, with the same batch size; the ratio end to end / floor has a target of
<= 1.5. spaCy NER alone (tok2vec + ner) over the same pieces is timed too, so
the ratio to it shows what the parse costs. Peak resident memory (target < 2 GB
for 1,000 articles).

Prints markdown tables; writes ``benchmarks/results/bench_pipeline.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
TIMELINE17 = SHARED / "benchmarks" / "timeline17"
RESULTS = HERE / "results" / "bench_pipeline.json"
EXAMPLE = ROOT / "examples" / "zelenogorsk"
WARM_UP_COPIES = 10  # ~200 KB of the example: enough to reach a steady state

RATIO_TARGET = 1.5
MEMORY_TARGET_MB = 2048.0
MEMORY_TARGET_DOCS = 1000
MB = 1_000_000


# ------------------------------------------------------------------ helpers (any process)


def _proc_status_mb(field: str) -> float | None:
    """A memory figure from /proc/self/status (Linux), in MB; None elsewhere."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) * 1024 / MB
    except OSError:
        pass
    return None


def _peak_rss_mb() -> float:
    hwm = _proc_status_mb("VmHWM")
    if hwm is not None:
        return hwm
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / MB  # KiB on Linux


def _text_bytes(texts: Sequence[str]) -> int:
    return sum(len(t.encode("utf-8")) for t in texts)


def _rate(amount: float, seconds: float) -> float | None:
    return amount / seconds if seconds > 0 else None


# ------------------------------------------------------------------ inputs


def _seed_copies(repeat: int, folder: Path) -> list[Path]:
    seeds = sorted(p for p in SEEDS.iterdir() if p.is_file() and not p.name.startswith("."))
    if not seeds:
        raise SystemExit(f"no seed articles in {SEEDS}")
    paths = []
    for k in range(repeat):
        for seed in seeds:
            target = folder / f"r{k:03d}_{seed.name}"
            shutil.copyfile(seed, target)
            paths.append(target)
    return paths


def _timeline17_sample(n: int, seed: int) -> list[Path]:
    """``n`` files, round-robin over topic folders (each shuffled with ``seed``)."""
    topics = sorted(p for p in TIMELINE17.iterdir() if (p / "InputDocs").is_dir())
    if not topics:
        raise SystemExit(f"no Timeline17 topic folders in {TIMELINE17}")
    rng = random.Random(seed)
    pools = []
    for topic in topics:
        files = sorted(f for f in (topic / "InputDocs").rglob("*") if f.is_file())
        rng.shuffle(files)
        pools.append(files)
    picked: list[Path] = []
    while len(picked) < n and any(pools):
        for pool in pools:
            if pool and len(picked) < n:
                picked.append(pool.pop())
    return picked


# ------------------------------------------------------------------ the measured run (child)


def _measure(config: str, paths: list[Path], ignore_dedup: bool, save: Path) -> dict[str, Any]:
    """Run and time every stage; ``save`` gets the partial result after each stage."""
    from dossier.model import Corpus
    from dossier.resources import Resources
    from dossier.settings import Settings

    settings = Settings()
    resources = Resources()
    result: dict[str, Any] = {"config": config, "inputs": len(paths), "stages": [], "error": None}

    started = time.perf_counter()
    nlp = resources.pipeline_for("en")
    resources.embed(["warm up the sentence embedder"])
    nlp("Warm up the parser and the named entity recogniser in Zelenogorsk.")
    _ = resources.identifier
    result["model_load_seconds"] = time.perf_counter() - started
    result["warm_up_seconds"] = _warm_up(resources, settings.parse.batch_size)
    result["rss_after_load_mb"] = _proc_status_mb("VmRSS")

    from dossier.pipeline import DEFAULT_STAGES, check_order, ingest
    from dossier.runners.heap import settle, stage_heap

    t0 = time.perf_counter()
    corpus: Corpus = ingest(paths, settings)
    ingest_s = time.perf_counter() - t0
    raw = [d.raw_text for d in corpus.documents]
    result["raw_mb"] = _text_bytes(raw) / MB
    result["stages"].append(
        _row("ingest", len(paths), sum(p.stat().st_size for p in paths), ingest_s)
    )

    check_order(DEFAULT_STAGES)
    total = ingest_s
    with resources.run_scope(), stage_heap():  # as the runners run the stages
        for stage in DEFAULT_STAGES:
            if stage.name == "clean":
                n_in, bytes_in = len(corpus.documents), _text_bytes(raw)
            else:
                ok = corpus.ok_documents()
                n_in, bytes_in = len(ok), _text_bytes([d.clean_text for d in ok])
            t0 = time.perf_counter()
            try:
                after = stage.apply(corpus, settings, resources)
            except Exception as exc:  # report and stop: later stages need this one
                result["error"] = f"stage {stage.name!r} failed: {type(exc).__name__}: {exc}"
                break
            seconds = time.perf_counter() - t0
            total += seconds
            note = None
            if stage.name == "dedup" and ignore_dedup:
                marked = sum(1 for d in after.documents if d.status == "duplicate")
                note = f"{marked} copies marked; marks discarded so later stages see every copy"
                after = corpus
            corpus = replace(after, stage_log=(*after.stage_log, stage.name))
            settle()
            row = _row(stage.name, n_in, bytes_in, seconds, note)
            row["peak_rss_mb"] = result["peak_rss_pipeline_mb"] = _peak_rss_mb()  # so far
            row["rss_mb"] = _proc_status_mb("VmRSS")
            result["stages"].append(row)
            save.write_text(json.dumps(result), encoding="utf-8")  # survives a timeout

    ok = corpus.ok_documents()
    clean_texts = [d.clean_text for d in ok if d.clean_text] or raw
    result["documents_ok"] = len(ok)
    result["stories"] = len(corpus.stories)
    result["clean_mb"] = _text_bytes(clean_texts) / MB
    result["end_to_end"] = _row("end to end", len(paths), _text_bytes(raw), total)
    result["end_to_end"]["complete"] = result["error"] is None
    result["peak_rss_pipeline_mb"] = result["end_to_end"]["peak_rss_mb"] = _peak_rss_mb()

    pieces = _pieces(clean_texts, settings.parse.max_chunk_chars)
    floor_s = _spacy_alone(result, "floor", nlp, pieces, settings.parse.batch_size)
    ner_s = _spacy_alone(result, "ner_alone", nlp, pieces, settings.parse.batch_size, ner=True)
    complete = result["error"] is None
    result["ratio"] = total / floor_s if floor_s > 0 and complete else None
    result["ratio_ner"] = total / ner_s if ner_s > 0 and complete else None
    result["peak_rss_mb"] = _peak_rss_mb()
    return result


def _pieces(texts: list[str], limit: int) -> list[str]:
    """The texts cut as the parse stage cuts them."""
    from dossier.nlp import text_chunks

    return [t[s:e] for t in texts for s, e in text_chunks(t, limit)]


def _warm_up(resources: Any, batch: int) -> float:
    """Bring the process to a steady state before anything is timed; returns seconds.

    The first large NER pass in a process is ~20 % slower than later ones (heap growth,
    first-touch page faults), whatever the text: measured on the seeds x10, 4.3 s then
    3.5 s, and 3.4 s with a freshly loaded model in the same process. Without this, the
    pipeline (timed first) would pay that cost and NER alone (timed last) would not. The
    warm-up text is the bundled fictional example, never the measured input.
    """
    texts = [
        p.read_text(encoding="utf-8")
        for p in sorted(EXAMPLE.iterdir())
        if p.suffix in {".txt", ".html", ".htm"}
    ]
    started = time.perf_counter()
    for _ in resources.pipeline_for("en").pipe(texts * WARM_UP_COPIES, batch_size=batch):
        pass
    sentences = [s.strip() for t in texts for s in t.split(".") if len(s.split()) > 4]
    resources.embed(sentences[:256])
    return time.perf_counter() - started


_LABELS = {"floor": "spaCy, Dossier's components", "ner_alone": "spaCy NER alone"}


def _spacy_alone(
    result: dict[str, Any], key: str, nlp: Any, texts: list[str], batch: int, ner: bool = False
) -> float:
    """spaCy over ``texts`` with every component Dossier runs (or NER only); seconds."""
    disable = [p for p in nlp.pipe_names if p not in ("tok2vec", "ner")] if ner else []
    t0 = time.perf_counter()
    entities = 0
    for doc in nlp.pipe(texts, batch_size=batch, disable=disable):
        entities += len(doc.ents)
    seconds = time.perf_counter() - t0
    result[key] = _row(_LABELS[key], len(texts), _text_bytes(texts), seconds)
    result[key]["entities"] = entities
    result["peak_rss_mb"] = result[key]["peak_rss_mb"] = _peak_rss_mb()
    return seconds


def _row(
    name: str, docs: int, nbytes: int, seconds: float, note: str | None = None
) -> dict[str, Any]:
    return {
        "stage": name,
        "documents": docs,
        "mb": nbytes / MB,
        "seconds": seconds,
        "docs_per_s": _rate(docs, seconds),
        "mb_per_s": _rate(nbytes / MB, seconds),
        "note": note,
    }


def _child(args: argparse.Namespace) -> int:
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
        if args.child == "seeds":
            paths = _seed_copies(args.repeat, Path(tmp))
            result = _measure(f"seeds x{args.repeat}", paths, True, Path(args.result_file))
        else:
            paths = _timeline17_sample(args.docs, args.seed)
            result = _measure(f"timeline17 {len(paths)} docs", paths, False, Path(args.result_file))
    Path(args.result_file).write_text(json.dumps(result), encoding="utf-8")
    return 0


# ------------------------------------------------------------------ the driver (parent)


def _run_child(name: str, args: argparse.Namespace) -> dict[str, Any]:
    with tempfile.NamedTemporaryFile(suffix=".json", delete=False) as handle:
        out = Path(handle.name)
    cmd = [
        sys.executable,
        str(Path(__file__).resolve()),
        "--child",
        name,
        "--result-file",
        str(out),
        "--repeat",
        str(args.repeat),
        "--docs",
        str(args.docs),
        "--seed",
        str(args.seed),
    ]
    started = time.perf_counter()
    timed_out = None
    try:
        proc = subprocess.run(
            cmd, check=False, capture_output=True, text=True, timeout=args.timeout or None
        )
        failure = (
            f"exit {proc.returncode}: {(proc.stderr or proc.stdout).strip().splitlines()[-5:]}"
        )
    except subprocess.TimeoutExpired:
        timed_out = f"timed out after {args.timeout:.0f} s (stages that finished are shown)"
        failure = timed_out
    wall = time.perf_counter() - started
    try:
        result: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError):
        result = {"config": name, "stages": [], "error": failure}
    finally:
        out.unlink(missing_ok=True)
    if timed_out:
        result["error"] = timed_out
    result["wall_seconds"] = wall
    return result


def _fmt(value: float | None, digits: int = 2) -> str:
    return "–" if value is None else f"{value:,.{digits}f}"


def _table(result: dict[str, Any]) -> str:
    lines = [
        f"### {result['config']}",
        "",
        "| stage | docs in | MB in | seconds | docs/s | MB/s | peak RSS MB | note |",
        "|---|---:|---:|---:|---:|---:|---:|---|",
    ]
    rows = list(result.get("stages", []))
    rows += [r for r in (result.get(k) for k in ("end_to_end", "floor", "ner_alone")) if r]
    for r in rows:
        name = (
            f"**{r['stage']}**" if r["stage"] in {"end to end", *_LABELS.values()} else r["stage"]
        )
        lines.append(
            f"| {name} | {r['documents']} | {_fmt(r['mb'], 3)} | {_fmt(r['seconds'])} "
            f"| {_fmt(r['docs_per_s'], 1)} | {_fmt(r['mb_per_s'], 3)} "
            f"| {_fmt(r.get('peak_rss_mb'), 0)} | {r.get('note') or ''} |"
        )
    lines.append("")
    ratio = result.get("ratio")
    verdict = "" if ratio is None else (" (ok)" if ratio <= RATIO_TARGET else " (ABOVE TARGET)")
    lines.append(
        f"- end to end / spaCy with Dossier's components: **{_fmt(ratio)}x**{verdict}; "
        f"target <= {RATIO_TARGET}x; end to end / NER alone: {_fmt(result.get('ratio_ner'))}x"
    )
    peak = result.get("peak_rss_pipeline_mb")
    inputs = result.get("inputs", 0)
    mem_verdict = ""
    if peak is not None and inputs >= MEMORY_TARGET_DOCS:
        mem_verdict = " (ok)" if peak < MEMORY_TARGET_MB else " (ABOVE TARGET)"
    lines.append(
        f"- peak memory (VmHWM): pipeline {_fmt(peak, 0)} MB{mem_verdict}, with NER pass "
        f"{_fmt(result.get('peak_rss_mb'), 0)} MB; after model load "
        f"{_fmt(result.get('rss_after_load_mb'), 0)} MB "
        f"(target < {MEMORY_TARGET_MB:.0f} MB for {MEMORY_TARGET_DOCS} articles)"
    )
    lines.append(
        f"- model load {_fmt(result.get('model_load_seconds'))} s and warm-up "
        f"{_fmt(result.get('warm_up_seconds'))} s (not counted); "
        f"{result.get('documents_ok', '–')} ok documents, {result.get('stories', '–')} stories; "
        f"subprocess wall time {_fmt(result.get('wall_seconds'), 0)} s"
    )
    if result.get("error"):
        lines.append(f"- **incomplete**: {result['error']}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawTextHelpFormatter
    )
    parser.add_argument("--only", choices=("seeds", "timeline17"), nargs="*", default=None)
    parser.add_argument("--repeat", type=int, default=10, help="copies of each seed (default 10)")
    parser.add_argument("--docs", type=int, default=100, help="Timeline17 documents (default 100)")
    parser.add_argument(
        "--timeout", type=float, default=1800, help="seconds per configuration (0: none)"
    )
    parser.add_argument("--seed", type=int, default=17, help="sampling seed for Timeline17")
    parser.add_argument("--child", choices=("seeds", "timeline17"), help=argparse.SUPPRESS)
    parser.add_argument("--result-file", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        return _child(args)

    configs = args.only or ["seeds", "timeline17"]
    results = [_run_child(name, args) for name in configs]
    print("## Pipeline throughput\n")
    print(
        f"{platform.python_implementation()} {platform.python_version()}, "
        f"{os.cpu_count()} CPUs, {platform.machine()}; models loaded before timing.\n"
    )
    for result in results:
        print(_table(result))
        print()
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    payload = {
        "benchmark": "bench_pipeline",
        "generated_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
        "targets": {
            "ratio_end_to_end_over_spacy_floor": RATIO_TARGET,
            "peak_rss_mb_1000_docs": MEMORY_TARGET_MB,
        },
        "results": results,
    }
    RESULTS.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    print(f"JSON: {RESULTS.relative_to(ROOT)}")
    return 1 if any(r.get("error") for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
