"""Conflicts on a whole folder of real coverage: a fixed, named Timeline17 sample.

The sample ``bpoil_bbc-spread60`` is 60 of the 293 ``.txt`` files of
``timeline17/bpoil_bbc/InputDocs``, evenly spaced in sorted path order (file ``k * 293 //
60`` for k = 0..59: BBC reports of the 2010 BP oil spill from April to its end; no outlet
names, so every document is its own source). ``--sample first`` takes the first 60 instead
(April and May only). It goes
through the real pipeline (grouping included) and every conflict of every story is
listed, for reading: a manual precision check on text none of us wrote. The listing is
written to ``benchmarks/results/bench_conflict_sample_<sample>.txt``.

``--cache PATH`` keeps the corpus as the ``entities`` stage leaves it (pickled) and
re-runs only the stages after it, for iterating on events and cross-checking.

Usage: ``.venv/bin/python benchmarks/bench_conflict_sample.py [--sample S] [--cache PATH]``
"""

from __future__ import annotations

import argparse
import pickle
import sys
from collections import Counter
from pathlib import Path

from dossier.model import Corpus
from dossier.pipeline import DEFAULT_STAGES, ingest
from dossier.resources import Resources
from dossier.runners import LocalRunner
from dossier.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT.parent / "shared" / "benchmarks" / "timeline17" / "bpoil_bbc" / "InputDocs"
RESULTS = ROOT / "benchmarks" / "results"
_SPLIT = [s.name for s in DEFAULT_STAGES].index("entities") + 1
_LATER = ("events", "crosscheck")


def sample(n: int, how: str = "spread") -> list[Path]:
    """The sample: ``n`` text files of the folder evenly spaced in sorted path order, or
    the first ``n``."""
    files = sorted(FOLDER.rglob("*.txt"))
    if how == "first":
        return files[:n]
    return [files[k * len(files) // n] for k in range(min(n, len(files)))]


def _upstream(
    n: int, how: str, cache: Path | None, settings: Settings, resources: Resources
) -> Corpus:
    if cache is not None and cache.exists():
        corpus: Corpus = pickle.loads(cache.read_bytes())
        return corpus
    corpus = LocalRunner().run(
        ingest(sample(n, how), settings), DEFAULT_STAGES[:_SPLIT], settings, resources
    )
    if cache is not None:
        cache.write_bytes(pickle.dumps(corpus))
    return corpus


def listing(corpus: Corpus) -> list[str]:
    lines = []
    for story in corpus.stories:
        for c in story.conflicts:
            lines.append(f"[{story.id} n={len(story.document_ids)}] {c.kind}: {c.description}")
    return lines


def revisions(corpus: Corpus) -> list[str]:
    """The dated revisions of figures (an estimate series, a party's own), one a line."""
    return [
        f"[{story.id}] {r.subject} ({r.source}): "
        + " -> ".join(f"{s.value} ({s.published.value if s.published else '?'})" for s in r.steps)
        for story in corpus.stories
        for r in story.revisions
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=60)
    parser.add_argument("--sample", choices=("spread", "first"), default="spread")
    parser.add_argument("--cache", type=Path, default=None)
    args = parser.parse_args(argv)
    settings, resources = Settings(), Resources()
    corpus = _upstream(args.docs, args.sample, args.cache, settings, resources)
    later = [s for s in DEFAULT_STAGES[_SPLIT:] if s.name in _LATER]
    with resources.run_scope():  # the stages after the cached ones, as the runner runs them
        for stage in later:
            corpus = stage.apply(corpus, settings, resources)
    lines = listing(corpus)
    kinds = Counter(c.kind for s in corpus.stories for c in s.conflicts)
    text = "\n\n".join(lines) + f"\n\n{len(lines)} conflicts: {dict(sorted(kinds.items()))}\n"
    text += "\nrevisions:\n" + "\n".join(revisions(corpus)) + "\n"
    print(text)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"bench_conflict_sample_{args.sample}.txt").write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
