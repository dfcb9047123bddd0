"""Article-extraction quality and cleaning speed.

Quality: the 181 pages of ``../shared/benchmarks/article-extraction`` scored
exactly as that benchmark's ``evaluate.py`` does (4-gram shingles of ``\\w+``
tokens, per-page tp/fp/fn normalised, mean precision and mean recall, F1 of
the means). The scorer is validated by recomputing the published trafilatura
figure from ``baseline-outputs/trafilatura.json`` (F1 0.958).

Side by side in one run: plain ``trafilatura.extract`` (as the benchmark runs
it) and Dossier's HTML cleaner (:func:`dossier.clean.clean_documents`).
Speed: docs/s and MB/s for both HTML paths, and for plain-text cleaning over
the seed articles repeated.

Usage: ``.venv/bin/python benchmarks/bench_extraction.py [--limit N] [--per-page]``
"""

from __future__ import annotations

import argparse
import contextlib
import json
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
BENCH = SHARED / "benchmarks" / "article-extraction"
SEEDS = SHARED / "seeds"
RESULTS = ROOT / "benchmarks" / "results" / "bench_extraction.json"

_TOKEN = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)

TpFpFn = tuple[float, float, float]


# --- the benchmark's metric ---------------------------------------------------------------


def _shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(
        tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n]
    )


def shingle_matching(true: str, pred: str) -> TpFpFn:
    a, b = _shingles(true), _shingles(pred)
    tp = fp = fn = 0.0
    for key in set(a) | set(b):
        t, p = a.get(key, 0), b.get(key, 0)
        tp += min(t, p)
        fp += max(0, p - t)
        fn += max(0, t - p)
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total > 0 else (tp, fp, fn)


def _precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def _recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def metrics(rows: Sequence[TpFpFn]) -> dict[str, float]:
    precision = statistics.mean(_precision(*r) for r in rows if r[0] + r[1] > 0)
    recall = statistics.mean(_recall(*r) for r in rows if r[0] + r[2] > 0)
    f1 = 2 * precision * recall / (precision + recall)
    return {"precision": precision, "recall": recall, "f1": f1}


def score(
    ground_truth: dict[str, str], predicted: dict[str, str]
) -> tuple[dict[str, float], dict[str, TpFpFn]]:
    rows = {k: shingle_matching(ground_truth[k], predicted.get(k) or "") for k in ground_truth}
    return metrics(list(rows.values())), rows


# --- extractors ---------------------------------------------------------------------------


def run_trafilatura(pages: dict[str, str]) -> tuple[dict[str, str], float]:
    import trafilatura

    start = time.perf_counter()
    out = {k: trafilatura.extract(html, include_comments=False) or "" for k, html in pages.items()}
    return out, time.perf_counter() - start


def run_dossier(pages: dict[str, str]) -> tuple[dict[str, str], float]:
    from dossier.clean import CleanSettings, clean_documents
    from dossier.model import Document
    from dossier.resources import Resources

    docs = [Document(id=k, source=k, media_type="html", raw_text=html) for k, html in pages.items()]
    resources = Resources()
    resources.block_models()  # loaded outside the timing
    start = time.perf_counter()
    with _classifier_decisions(list(pages)):
        cleaned = clean_documents(docs, CleanSettings(), resources)
    elapsed = time.perf_counter() - start
    return {d.id: d.clean_text for d in cleaned}, elapsed


# Pages whose clean text the block classifier decided (trafilatura found nothing), recorded by
# :func:`_classifier_decisions`: the classifier was trained on renderings of these same 181
# pages, so its decisions on its training split would be scored in-sample.
CLASSIFIER_DECIDED: list[str] = []


@contextlib.contextmanager
def _classifier_decisions(keys: list[str]) -> Iterator[None]:
    """Record which pages the block classifier cleaned (the HTML cleaner asks it only when the
    extraction is empty; pages are cleaned in input order)."""
    from dossier.clean import api

    original = api.clean_html
    calls = iter(keys)
    CLASSIFIER_DECIDED.clear()

    def counting(text: str, *args: Any, **kwargs: Any) -> Any:
        key = next(calls)
        if not text.strip():
            CLASSIFIER_DECIDED.append(key)
        return original(text, *args, **kwargs)

    api.clean_html = counting
    try:
        yield
    finally:
        api.clean_html = original


def classifier_report(keys: list[str]) -> str:
    """Which pages' F1 the block classifier decided, and whether it was trained on them."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from block_data import split

    train, _ = split(keys)
    in_sample = [k for k in CLASSIFIER_DECIDED if k in set(train)]
    if not CLASSIFIER_DECIDED:
        return (
            f"Block classifier: decided the text of 0 of {len(keys)} pages (trafilatura found "
            "the article on every page; the classifier only scores the removals), so the HTML "
            "F1 above does not depend on the pages it was trained on."
        )
    return (
        f"Block classifier: decided the text of {len(CLASSIFIER_DECIDED)} of {len(keys)} pages, "
        f"{len(in_sample)} of them in its training split (scored in-sample: "
        f"{', '.join(k[:10] for k in in_sample) or 'none'})."
    )


def run_plain_speed(copies: int) -> dict[str, float]:
    """Plain-text cleaning speed (see ``bench_cleaning.py``, which owns it)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from bench_cleaning import plain_speed

    return plain_speed(copies, repeats=1)


def _validate_scorer(ground_truth: dict[str, str]) -> dict[str, float]:
    data = json.loads((BENCH / "baseline-outputs" / "trafilatura.json").read_text())
    output = data.get("output", data)
    published = {k: (v.get("articleBody") or "") for k, v in output.items()}
    return score(ground_truth, published)[0]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="only the first N pages")
    parser.add_argument("--per-page", action="store_true", help="print pages where we lose most")
    parser.add_argument("--copies", type=int, default=40, help="seed copies for plain-text speed")
    args = parser.parse_args(argv)

    truth_all = json.loads((BENCH / "ground-truth.json").read_text(encoding="utf-8"))
    keys = sorted(truth_all)[: args.limit or None]
    truth = {k: truth_all[k].get("articleBody") or "" for k in keys}
    pages = {
        k: (BENCH / "html" / f"{k}.html").read_text(encoding="utf-8", errors="replace")
        for k in keys
    }
    mb = sum(len(p.encode()) for p in pages.values()) / 1e6

    validation = _validate_scorer({k: v.get("articleBody") or "" for k, v in truth_all.items()})
    runs: dict[str, Callable[[dict[str, str]], tuple[dict[str, str], float]]] = {
        "trafilatura.extract": run_trafilatura,
        "dossier clean (HTML)": run_dossier,
    }
    results: dict[str, dict[str, float]] = {}
    per_page: dict[str, dict[str, TpFpFn]] = {}
    for name, fn in runs.items():
        predicted, seconds = fn(pages)
        quality, rows = score(truth, predicted)
        per_page[name] = rows
        results[name] = {
            **quality,
            "seconds": seconds,
            "docs_per_s": len(pages) / seconds,
            "mb_per_s": mb / seconds,
        }
    plain = run_plain_speed(args.copies)

    print(
        f"Scorer check: published trafilatura output re-scored F1 {validation['f1']:.3f} "
        f"(P {validation['precision']:.3f}, R {validation['recall']:.3f}); published 0.958\n"
    )
    print(f"Article extraction, {len(pages)} pages ({mb:.1f} MB)\n")
    print("| extractor | precision | recall | F1 | docs/s | MB/s |")
    print("|---|---|---|---|---|---|")
    for name, r in results.items():
        print(
            f"| {name} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | "
            f"{r['docs_per_s']:.1f} | {r['mb_per_s']:.2f} |"
        )
    print(
        f"| dossier clean (plain text, seeds x{args.copies}) | – | – | – | "
        f"{plain['docs_per_s']:.1f} | {plain['mb_per_s']:.2f} |"
    )
    print(f"\n{classifier_report(keys)}")
    if args.per_page:
        ours, theirs = per_page["dossier clean (HTML)"], per_page["trafilatura.extract"]
        worst = sorted(ours, key=lambda k: _f1(ours[k]) - _f1(theirs[k]))[:15]
        print("\nPages where Dossier loses most against trafilatura (ours F1 / theirs F1, P/R):")
        for k in worst:
            print(
                f"  {k[:12]} {_f1(ours[k]):.3f}/{_f1(theirs[k]):.3f} "
                f"P {_precision(*ours[k]):.2f} R {_recall(*ours[k]):.2f}"
            )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "pages": len(pages),
                "mb": mb,
                "scorer_check": validation,
                "extraction": results,
                "plain_text": plain,
                "classifier_decided": CLASSIFIER_DECIDED,
            },
            indent=2,
        )
    )
    return 0


def _f1(row: TpFpFn) -> float:
    p, r = _precision(*row), _recall(*row)
    return 2 * p * r / (p + r) if p + r else 0.0


if __name__ == "__main__":
    sys.exit(main())
