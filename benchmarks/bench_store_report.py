"""Output speed: dossier.json, the HTML report and the SQLite store, beside plain JSON.

The corpus is the pipeline's output on the seed articles (or ``--json`` a
``dossier.json`` already built), copied ``--copies`` times under distinct
document and story ids, so the store holds many stories as it would after
many builds. Peer, in the same process: writing the same JSON with
``json.dumps`` (what any tool must do at least once).

Usage: ``.venv/bin/python benchmarks/bench_store_report.py [--json PATH] [--copies 20]``
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from dossier.model import Corpus
from dossier.report import corpus_from_json, corpus_to_json, render_report
from dossier.store import Store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
RESULTS = ROOT / "benchmarks" / "results" / "bench_store_report.json"
QUERIES = ("court", "deport*", "asylum border", "lawyer said", "china camps", "zzzz")


def seed_json() -> dict[str, object]:
    from dossier.pipeline import run_pipeline

    corpus = run_pipeline(sorted(SEEDS.glob("*.txt")))
    return corpus_to_json(corpus, include_raw=True)


def copies(data: dict[str, object], n: int) -> Corpus:
    """``n`` copies of the corpus, every document and story id suffixed with the copy number."""
    text = json.dumps(data, ensure_ascii=False)
    ids = [d["id"] for d in data["documents"]] + [s["id"] for s in data["stories"]]  # type: ignore[index, union-attr]
    documents: list[object] = []
    stories: list[object] = []
    for k in range(n):
        copy = text
        for old in ids:
            copy = copy.replace(json.dumps(old), json.dumps(f"{old}~{k}"))
        part = json.loads(copy)
        documents.extend(part["documents"])
        stories.extend(part["stories"])
    return corpus_from_json({**data, "documents": documents, "stories": stories})


def timed(fn: Callable[[], object], repeat: int = 3) -> tuple[float, object]:
    best, result = float("inf"), None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        best = min(best, time.perf_counter() - start)
    return best, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", type=Path, help="a dossier.json to use instead of the seeds")
    parser.add_argument("--copies", type=int, default=20)
    args = parser.parse_args(argv)
    data = json.loads(args.json.read_text(encoding="utf-8")) if args.json else seed_json()
    corpus = copies(data, args.copies)
    docs, stories = len(corpus.documents), len(corpus.stories)
    rows: list[dict[str, object]] = []

    def row(name: str, seconds: float, note: str = "") -> None:
        rows.append(
            {
                "step": name,
                "seconds": round(seconds, 4),
                "docs_per_s": round(docs / seconds, 1),
                "note": note,
            }
        )

    t, out = timed(lambda: json.dumps(corpus_to_json(corpus), ensure_ascii=False))
    size_mb = len(str(out).encode("utf-8")) / 1e6
    row("corpus_to_json + dumps", t, f"{size_mb:.1f} MB")
    plain = corpus_to_json(corpus)
    t, _ = timed(lambda: json.dumps(plain, ensure_ascii=False))
    row("peer: json.dumps only", t)
    t, _ = timed(lambda: corpus_from_json(json.loads(json.dumps(plain))))
    row("loads + corpus_from_json", t)
    t, page = timed(lambda: render_report(corpus))
    row("render_report", t, f"{len(str(page).encode('utf-8')) / 1e6:.1f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "bench.sqlite"
        with Store(path) as store:
            t, _ = timed(lambda: store.save_corpus(corpus), repeat=1)
            row("Store.save_corpus (empty store)", t)
            t, _ = timed(lambda: store.save_corpus(corpus))
            row("Store.save_corpus (replace same)", t)
            t, loaded = timed(store.load_corpus)
            assert loaded == corpus, "store round trip changed the corpus"
            row("Store.load_corpus", t)
            t, _ = timed(store.list_stories)
            row("Store.list_stories", t, f"{stories} stories")
            first = corpus.stories[0].id
            t, _ = timed(lambda: store.get_story(first))
            rows.append(
                {
                    "step": "Store.get_story",
                    "seconds": round(t, 4),
                    "docs_per_s": "",
                    "note": "one story",
                }
            )
            t, _ = timed(lambda: [store.search(q) for q in QUERIES])
            rows.append(
                {
                    "step": "Store.search",
                    "seconds": round(t / len(QUERIES), 5),
                    "docs_per_s": "",
                    "note": "per query",
                }
            )
        db_mb = path.stat().st_size / 1e6 if path.exists() else 0.0
    print(f"{docs} documents, {stories} stories (x{args.copies} copies); store {db_mb:.1f} MB\n")
    print("| step | seconds | docs/s | note |\n|---|---:|---:|---|")
    for r in rows:
        print(f"| {r['step']} | {r['seconds']} | {r['docs_per_s']} | {r['note']} |")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {"documents": docs, "stories": stories, "store_mb": db_mb, "rows": rows}, indent=2
        ),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
