"""A living case file: adding one article to a large store, beside a full build.

1. A full build of ``--docs`` articles (default 1,000, sampled round-robin over the
   Timeline17 topic folders, as ``bench_pipeline.py`` samples them) into a new store: the
   peer, every stage over every document.
2. Then ``--adds`` articles not in the sample, each added on its own to that store
   (``dossier add`` as a library call, models already loaded), timed end to end and by
   phase, with how many stored documents and stories the addition recomputed and how
   large the story it joined is.
   Each addition is also made on a copy of the store taken just before it, with the story
   stages reading every document as frames again (no stored readings: ``--no-peer`` skips
   it), so what ``dossier.casefile.readings`` saves is measured in the same run.
3. Each of those articles added a second time (it is already stored: nothing changes).
4. Writing the outputs of the grown store once (``dossier.json`` and the report folder),
   which ``dossier add`` does after each addition when the store has outputs.

Target (issue 16): adding one article to a store of 1,000 takes <= 2 s with the models
loaded; adding it again changes nothing. The ratio add / full build is printed beside it.

Usage: ``.venv/bin/python benchmarks/bench_casefile.py [--docs 1000] [--adds 5] [--seed 0]``
Prints markdown tables; writes ``benchmarks/results/bench_casefile.json``.
"""

from __future__ import annotations

import argparse
import json
import platform
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
RESULTS = HERE / "results" / "bench_casefile.json"
TARGET_SECONDS = 2.0

from bench_pipeline import TIMELINE17, _timeline17_sample  # noqa: E402 (same sample)


def _extra_articles(sample: list[Path], count: int, seed: int) -> list[Path]:
    """``count`` articles of the same topics that the sample does not hold, one per topic
    in turn (the sample's own order, continued)."""
    taken = {p.resolve() for p in sample}
    more = [
        p for p in _timeline17_sample(len(sample) + count * 4, seed) if p.resolve() not in taken
    ]
    return more[:count]


def _warm_up(settings: Any, resources: Any, folder: Path) -> float:
    """Load every model on a small build of the bundled example (not timed)."""
    from dossier.casefile import add_paths
    from dossier.store import Store

    started = time.perf_counter()
    with Store(folder / "warm.sqlite") as store:
        add_paths(store, [HERE.parent / "examples" / "zelenogorsk"], settings, resources)
    return time.perf_counter() - started


def _story_size(store: Any, doc_id: str) -> int:
    stories = store.stories_of(doc_id)
    if not stories:
        return 0
    story = store.get_story(stories[0])
    return len(story.document_ids) if story else 0


def _copy(path: Path, to: Path) -> None:
    """A consistent copy of the store (SQLite's backup, whatever its journal holds)."""
    source, target = sqlite3.connect(path), sqlite3.connect(to)
    try:
        source.backup(target)
    finally:
        source.close()
        target.close()


def _without_readings(path: Path, article: Path, settings: Any, resources: Any) -> float:
    """Seconds to add ``article`` to the store at ``path`` with every story stage reading its
    documents as frames again (the stored readings ignored, none kept within the run)."""
    from dossier.casefile import add_paths, engine
    from dossier.casefile.readings import ReadingCache
    from dossier.store import Store

    class Unkept(ReadingCache):
        def read(self, view: Any, main: Any, compute: Any) -> Any:
            return compute(view, main)

    kept = engine.ReadingCache
    engine.ReadingCache = Unkept  # type: ignore[misc]
    try:
        with Store(path) as store:
            started = time.perf_counter()
            add_paths(store, [article], settings, resources)
            return time.perf_counter() - started
    finally:
        engine.ReadingCache = kept  # type: ignore[misc]


def run(args: argparse.Namespace) -> dict[str, Any]:
    from dossier.casefile import Outputs, add_paths
    from dossier.casefile.outputs import finish_interrupted
    from dossier.resources import Resources
    from dossier.settings import Settings
    from dossier.store import Store

    settings, resources = Settings(), Resources()
    sample = _timeline17_sample(args.docs, args.seed)
    extra = _extra_articles(sample, args.adds, args.seed)
    result: dict[str, Any] = {"docs": len(sample), "adds": [], "machine": platform.machine()}
    with tempfile.TemporaryDirectory(prefix="bench-casefile-") as tmp:
        folder = Path(tmp)
        result["warm_up_seconds"] = _warm_up(settings, resources, folder)
        path = folder / "case.sqlite"
        with Store(path) as store:
            started = time.perf_counter()
            built = add_paths(store, sample, settings, resources, kind="build")
            result["full_build_seconds"] = time.perf_counter() - started
            result["full_build_timings"] = built.timings
            result["stories"] = len(store.list_stories())
            for n, article in enumerate(extra):
                peer = folder / f"peer-{n}.sqlite"
                if args.peer:
                    _copy(path, peer)
                started = time.perf_counter()
                added = add_paths(store, [article], settings, resources)
                seconds = time.perf_counter() - started
                unkept = None
                if args.peer:
                    unkept = _without_readings(peer, article, settings, resources)
                doc_id = added.outcomes[0][1] if added.outcomes else None
                started = time.perf_counter()
                again = add_paths(store, [article], settings, resources)
                again_seconds = time.perf_counter() - started
                result["adds"].append(
                    {
                        "article": str(article.relative_to(TIMELINE17)),
                        "seconds": seconds,
                        "seconds_without_readings": unkept,
                        "timings": added.timings,
                        "recomputed_documents": added.recomputed_documents,
                        "recomputed_stories": added.recomputed_stories,
                        "story_size": _story_size(store, doc_id) if doc_id else 0,
                        "again_seconds": again_seconds,
                        "again_changed": again.build is not None,
                    }
                )
            started = time.perf_counter()
            outputs = Outputs(folder / "out")
            with store.transaction() as conn:
                outputs.prepare(conn, None, folder)
            outputs.commit(store)
            finish_interrupted(store)
            result["outputs_seconds"] = time.perf_counter() - started
    return result


def _table(result: dict[str, Any]) -> str:
    adds = result["adds"]
    full = result["full_build_seconds"]
    rows = [
        f"Store of {result['docs']} Timeline17 articles ({result['stories']} stories); models "
        "loaded and warmed up before timing.",
        "",
        "| run | seconds | vs full build | documents recomputed | stories recomputed |",
        "|---|---|---|---|---|",
        f"| full build of {result['docs']} articles (peer) | {full:.1f} | 1 | "
        f"{result['docs']} | {result['stories']} |",
    ]
    for add in adds:
        rows.append(
            f"| add `{add['article']}` (joins a story of {add['story_size']}) | "
            f"{add['seconds']:.2f} | {add['seconds'] / full:.4f} | "
            f"{add['recomputed_documents']} | {add['recomputed_stories']} |"
        )
        if add.get("seconds_without_readings") is not None:
            unkept = add["seconds_without_readings"]
            rows.append(
                f"| the same, every document read as frames again (peer) | {unkept:.2f} | "
                f"{unkept / full:.4f} | {add['recomputed_documents']} | "
                f"{add['recomputed_stories']} |"
            )
    for add in adds:
        rows.append(
            f"| add `{add['article']}` again | {add['again_seconds']:.2f} | "
            f"{add['again_seconds'] / full:.4f} | "
            f"{'changed!' if add['again_changed'] else 'nothing changed'} | 0 |"
        )
    seconds = [a["seconds"] for a in adds]
    met = "met" if max(seconds) <= TARGET_SECONDS else "NOT met"
    rows += [
        "",
        f"Adding one article: median {statistics.median(seconds):.2f} s, max {max(seconds):.2f} s "
        f"(target <= {TARGET_SECONDS:.0f} s: {met}); writing the grown store's outputs "
        f"(JSON and report folder): {result['outputs_seconds']:.1f} s.",
        "",
        "Where an addition's time goes (median over the additions, seconds):",
        "",
        "| phase | seconds |",
        "|---|---|",
    ]
    phases = sorted({k for a in adds for k in a["timings"]})
    for phase in phases:
        values = [a["timings"].get(phase, 0.0) for a in adds]
        rows.append(f"| {phase} | {statistics.median(values):.3f} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--docs", type=int, default=1000, help="articles in the store")
    parser.add_argument("--adds", type=int, default=5, help="articles added one at a time")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--no-peer",
        dest="peer",
        action="store_false",
        help="skip adding each article again to a copy of the store without stored readings",
    )
    args = parser.parse_args(argv)
    result = run(args)
    print(_table(result))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
