"""Cross-checking quality on the seeds and speed on a multi-outlet Timeline17 sample.

Quality: the five seed articles go through the real pipeline; the conflicts
reported for the main story are scored against ``tests/gold/conflicts_seeds.json``
(recall over the gold conflicts, precision over everything reported, share of
gold agreements found as corroborated facts). Beside it, in the same run, a
naive peer: "two aligned claims (cosine >= 0.6) from different outlets whose
numbers differ or whose negation differs are a conflict", the usual
embedding-only baseline when no NLI model is available.

Speed: ``crosscheck`` and ``summarize`` timed alone (models already loaded)
on the seeds and on a sample of Timeline17 BP-oil articles from several
outlets (claims/s, embedded claims, conflicts by kind). ``--show`` prints the
Timeline17 conflicts for reading (a manual precision check on text none of us
wrote).

Usage: ``.venv/bin/python benchmarks/bench_crosscheck.py [--docs N] [--show]``
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
T17 = SHARED / "benchmarks" / "timeline17"
RESULTS = ROOT / "benchmarks" / "results" / "bench_crosscheck.json"
sys.path.insert(0, str(ROOT / "tests"))

from crosscheck.gold import score  # noqa: E402  (tests/crosscheck/gold.py)
from dossier.crosscheck import crosscheck  # noqa: E402
from dossier.crosscheck.align import find_candidates, pair_similarity  # noqa: E402
from dossier.crosscheck.claims import story_claims  # noqa: E402
from dossier.crosscheck.support import Rules, lexicons_for  # noqa: E402
from dossier.model import Conflict, ConflictSide, Corpus, Document, Story  # noqa: E402
from dossier.pipeline import run_pipeline  # noqa: E402
from dossier.resources import Resources  # noqa: E402
from dossier.settings import Settings  # noqa: E402
from dossier.summarize import summarize  # noqa: E402

_NEGATION = re.compile(r"\b(?:not|no|never|n't|denied|denies)\b", re.IGNORECASE)
_NUMBER = re.compile(
    r"\b\d+(?:[.,]\d+)?\b|\b(?:one|two|three|four|five|six|seven|eight|nine|ten)\b"
)


def naive_conflicts(
    docs: Sequence[Document], story: Story, settings: Settings, resources: Resources
) -> list[Conflict]:
    """The peer: aligned claims with different numbers or different negation."""
    lexicons = lexicons_for(docs, resources)
    claims = story_claims(docs, story.entities, lexicons)
    rules = Rules.of(next(iter(lexicons.values())).language)
    loose = replace(settings.crosscheck, strict_threshold=settings.crosscheck.align_threshold)
    found = find_candidates(claims, rules, loose)
    # Every candidate pair, not only those the alignment may group (it embeds no others).
    texts = found.texts_to_embed(claims, every=True)
    vectors = dict(zip(texts, resources.embed(texts), strict=True)) if texts else {}
    sim = pair_similarity(claims, found.pairs, vectors, loose)
    out: list[Conflict] = []
    for i, j in sorted(sim):
        a, b = claims[i], claims[j]
        if a.outlet == b.outlet or sim[(i, j)] < 0.6:
            continue
        na = set(_NUMBER.findall(a.text.lower()))
        nb = set(_NUMBER.findall(b.text.lower()))
        numbers = bool(na and nb and not na & nb)
        negation = bool(_NEGATION.search(a.text)) != bool(_NEGATION.search(b.text))
        if numbers or negation:
            sides = tuple(ConflictSide(c.text, (c.claim.citation,)) for c in (a, b))
            kind = "numeric" if numbers else "contradiction"
            out.append(Conflict(f"naive-{len(out)}", kind, "naive", sides))
    return out


def _main_story(corpus: Corpus) -> tuple[Story, tuple[Document, ...]]:
    story = max(corpus.stories, key=lambda s: len(s.document_ids))
    by_id = corpus.by_id()
    return story, tuple(by_id[i] for i in story.document_ids if by_id[i].readable)


def _t17_sample(n: int, topic: str) -> list[Path]:
    """Round-robin over the topic's outlets, earliest dates first, so outlets overlap in time."""
    outlets = sorted(p for p in T17.glob(f"{topic}_*") if (p / "InputDocs").is_dir())
    per_outlet = [
        sorted((p / "InputDocs").rglob("*.txt"))[: n // max(1, len(outlets)) + 1] for p in outlets
    ]
    picked: list[Path] = []
    for k in range(max((len(x) for x in per_outlet), default=0)):
        for files in per_outlet:
            if k < len(files) and len(picked) < n:
                picked.append(files[k])
    return picked


def _timed(
    corpus: Corpus, settings: Settings, resources: Resources
) -> tuple[dict[str, float], Counter[str]]:
    totals = {"docs": 0.0, "claims": 0.0, "crosscheck_s": 0.0, "summarize_s": 0.0, "stories": 0.0}
    kinds: Counter[str] = Counter()
    by_id = corpus.by_id()
    for story in corpus.stories:
        docs = tuple(by_id[i] for i in story.document_ids if by_id[i].readable)
        started = time.perf_counter()
        result = crosscheck(docs, story.entities, story.events, settings.crosscheck, resources)
        middle = time.perf_counter()
        summarize(
            docs, story.entities, story.events, result.conflicts, settings.summarize, resources
        )
        ended = time.perf_counter()
        totals["docs"] += len(docs)
        totals["claims"] += len(result.claims)
        totals["crosscheck_s"] += middle - started
        totals["summarize_s"] += ended - middle
        totals["stories"] += 1
        kinds.update(c.kind for c in result.conflicts)
    return totals, kinds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--docs", type=int, default=40, help="Timeline17 articles")
    parser.add_argument("--topic", default="bpoil", help="Timeline17 topic (bpoil, H1N1, ...)")
    parser.add_argument("--show", action="store_true", help="print the Timeline17 conflicts")
    args = parser.parse_args(argv)
    settings, resources = Settings(), Resources()
    resources.embed(["warm up"])
    _ = resources.pipeline_for("en")

    gold = json.loads((ROOT / "tests" / "gold" / "conflicts_seeds.json").read_text("utf-8"))
    seeds = run_pipeline([SEEDS], settings, resources)
    story, docs = _main_story(seeds)
    ours = score(gold, story.conflicts, story.corroborations)
    naive = naive_conflicts(docs, story, settings, resources)
    peer = score(gold, naive, story.corroborations)
    quality = {
        name: {
            "reported": len(found),
            "recall": result.recall,
            "precision": result.precision,
            "agreements": result.agreements,
        }
        for name, found, result in (
            ("dossier", story.conflicts, ours),
            ("naive peer (embedding + numbers/negation)", naive, peer),
        )
    }
    print("### Conflicts on the seeds vs tests/gold/conflicts_seeds.json\n")
    print("| detector | reported | recall | precision | agreements found |")
    print("|---|---:|---:|---:|---:|")
    for name, q in quality.items():
        print(
            f"| {name} | {q['reported']} | {q['recall']:.2f} | {q['precision']:.2f} "
            f"| {q['agreements']:.2f} |"
        )

    speed: dict[str, dict[str, float]] = {}
    seed_totals, seed_kinds = _timed(seeds, settings, resources)
    speed["seeds"] = seed_totals
    sample = _t17_sample(args.docs, args.topic)
    t17 = run_pipeline(sample, settings, resources) if sample else Corpus(())
    t17_totals, t17_kinds = _timed(t17, settings, resources)
    speed[f"timeline17 {args.topic} ({len(sample)} docs)"] = t17_totals
    print("\n### Speed (models loaded; crosscheck includes embedding)\n")
    print("| input | stories | docs | claims | crosscheck s | claims/s | summarize s |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, t in speed.items():
        rate = t["claims"] / t["crosscheck_s"] if t["crosscheck_s"] else 0.0
        print(
            f"| {name} | {t['stories']:.0f} | {t['docs']:.0f} | {t['claims']:.0f} "
            f"| {t['crosscheck_s']:.2f} | {rate:.0f} | {t['summarize_s']:.2f} |"
        )
    print(f"\nconflicts by kind: seeds {dict(seed_kinds)}, timeline17 {dict(t17_kinds)}")
    if args.show:
        for s in t17.stories:
            for c in s.conflicts:
                print(f"\n[{s.id}] {c.kind}: {c.description}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "quality": quality,
                "speed": speed,
                "kinds": {"seeds": seed_kinds, "timeline17": t17_kinds},
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
