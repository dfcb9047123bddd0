"""Plain-text cleaning quality on pages saved as text, on the block classifier's dev split.

The dev pages of :mod:`block_data` (every fifth of the 181 article-extraction pages, never
trained on) rendered as saved text in each style, cleaned by Dossier as plain text
(:func:`dossier.clean.clean_documents`), scored with the article-extraction benchmark's
metric (token 4-gram shingles, mean precision and mean recall per page, F1 of the means),
beside, in the same run: keeping everything, and trafilatura given the original HTML.

Speed: the seed articles repeated (``--copies``) cleaned as one batch, in CPU seconds (so
other work on the machine slows it less), beside the floor in the same run: the rule-only
line labeller the block classifier replaced (:func:`dossier.clean.plain.clean_plain`) over the
same documents. The target is >= 300 documents/s on one core; the ratio to the floor says
how much of the rules' speed the classifier keeps, whatever the machine.

Usage: ``.venv/bin/python benchmarks/bench_cleaning.py [--styles browser,lines]
[--pages N] [--per-page] [--copies N] [--speed-only]``
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import block_data as B
from bench_extraction import _f1, score

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "results" / "bench_cleaning.json"


def clean_texts(texts: dict[str, str]) -> tuple[dict[str, str], float]:
    """Each text cleaned on its own (pages of different outlets: no shared context)."""
    from dossier.clean import CleanSettings, clean_documents
    from dossier.model import Document
    from dossier.resources import Resources

    resources = Resources()
    settings = CleanSettings()
    docs = [Document(id=k, source=f"{k}.txt", raw_text=t, language="en") for k, t in texts.items()]
    start = time.perf_counter()
    out = {}
    for doc in docs:
        (cleaned,) = clean_documents([doc], settings, resources)
        out[doc.id] = cleaned.clean_text
    return out, time.perf_counter() - start


SPEED_TARGET = 300.0  # plain-text documents/s on one core


def plain_speed(copies: int, repeats: int = 3) -> dict[str, float]:
    """CPU docs/s of plain-text cleaning (the block classifier) and of the rule-only line
    labeller over the same seed copies, best of ``repeats``, interleaved."""
    from dossier.clean import CleanSettings, clean_documents
    from dossier.clean.cues import Cues
    from dossier.clean.plain import clean_plain
    from dossier.model import Document
    from dossier.resources import Resources

    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8") for p in seeds]
    docs = [
        Document(id=f"d{i}", source=f"d{i}.txt", raw_text=texts[i % len(texts)], language="en")
        for i in range(copies * len(texts))
    ]
    size = sum(len(d.raw_text.encode()) for d in docs)
    resources, settings = Resources(), CleanSettings()
    clean_documents(docs[:1], settings, resources)  # models and tables loaded outside the timing
    rules = Cues.of(resources.language("en"))
    best = {"classifier": float("inf"), "rules": float("inf")}
    for _ in range(repeats):
        start = time.process_time()
        clean_documents(docs, settings, resources)
        best["classifier"] = min(best["classifier"], time.process_time() - start)
        start = time.process_time()
        for doc in docs:
            clean_plain(doc.raw_text, settings, rules)
        best["rules"] = min(best["rules"], time.process_time() - start)
    return {
        "docs": len(docs),
        "seconds": best["classifier"],
        "docs_per_s": len(docs) / best["classifier"],
        "mb_per_s": size / 1e6 / best["classifier"],
        "floor_docs_per_s": len(docs) / best["rules"],
        "ratio_to_floor": best["rules"] / best["classifier"],
    }


def print_speed(speed: dict[str, float]) -> None:
    print(f"\nPlain-text cleaning speed, seeds x{speed['docs'] // 5} in one batch (CPU time)\n")
    print("| cleaner | docs/s | MB/s | ratio to the floor |")
    print("|---|---|---|---|")
    verdict = "met" if speed["docs_per_s"] >= SPEED_TARGET else "NOT met"
    print(
        f"| block classifier (dossier clean) | {speed['docs_per_s']:.0f} | "
        f"{speed['mb_per_s']:.2f} | {speed['ratio_to_floor']:.2f} |"
    )
    print(f"| floor: rule-only line labeller | {speed['floor_docs_per_s']:.0f} | – | 1.00 |")
    print(
        f"\ntarget >= {SPEED_TARGET:.0f} docs/s on one core: {verdict} (CPU time; on a machine "
        "busy with other work both rows read lower, the ratio less so)"
    )


def trafilatura_texts(html: dict[str, str]) -> dict[str, str]:
    import trafilatura

    return {k: trafilatura.extract(h, include_comments=False) or "" for k, h in html.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--styles", default=",".join(B.STYLES), help="comma-separated styles")
    parser.add_argument("--pages", type=int, default=0, help="only the first N dev pages")
    parser.add_argument("--per-page", action="store_true", help="print the worst pages")
    parser.add_argument("--copies", type=int, default=40, help="seed copies for the speed run")
    parser.add_argument("--speed-only", action="store_true", help="only the speed run")
    args = parser.parse_args(argv)
    speed = plain_speed(args.copies)
    if args.speed_only:
        print_speed(speed)
        return 0
    styles = tuple(s for s in args.styles.split(",") if s)
    _, dev = B.split(B.page_keys())
    dev = dev[: args.pages or None]
    rendered = list(B.pages(dev, styles))
    gold = {r.key: r.gold for r in rendered}
    html = {r.key: r.html for r in rendered}
    rows: dict[str, dict[str, float]] = {}
    per_page: dict[str, dict[str, tuple[float, float, float]]] = {}
    pooled: dict[str, dict[str, tuple[float, float, float]]] = {"keep": {}, "dossier": {}}
    seconds = 0.0
    for style in styles:
        texts = {r.key: r.text for r in rendered if r.style == style}
        cleaned, elapsed = clean_texts(texts)
        seconds += elapsed
        for name, predicted in (("keep everything", texts), ("dossier clean", cleaned)):
            metrics, page_rows = score(gold, predicted)
            rows[f"{name} ({style})"] = metrics
            pool = pooled["keep" if name == "keep everything" else "dossier"]
            pool.update({f"{style}/{k}": v for k, v in page_rows.items()})
            if name == "dossier clean":
                per_page[style] = page_rows
    from bench_extraction import metrics as pooled_metrics

    summary = {
        "keep everything": pooled_metrics(list(pooled["keep"].values())),
        "dossier clean (plain text)": pooled_metrics(list(pooled["dossier"].values())),
        "trafilatura (HTML)": score(gold, trafilatura_texts(html))[0],
    }
    print(f"Dev split: {len(dev)} pages x {len(styles)} renderings ({', '.join(styles)})\n")
    print("| cleaner | precision | recall | F1 |")
    print("|---|---|---|---|")
    for name, m in {**summary, **rows}.items():
        print(f"| {name} | {m['precision']:.3f} | {m['recall']:.3f} | {m['f1']:.3f} |")
    docs = len(dev) * len(styles)
    print(f"\ndev pages cleaned one page at a time: {docs / seconds:.0f} docs/s (wall clock)")
    print_speed(speed)
    if args.per_page:
        for style, page_rows in per_page.items():
            worst = sorted(page_rows, key=lambda k: _f1(page_rows[k]))[:8]
            print(
                f"\n{style}: worst pages "
                + ", ".join(f"{k[:10]} {_f1(page_rows[k]):.2f}" for k in worst)
            )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps(
            {
                "dev_pages": dev,
                "styles": styles,
                "summary": summary,
                "rows": rows,
                "speed": speed,
            },
            indent=2,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
