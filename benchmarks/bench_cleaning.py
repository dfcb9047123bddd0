"""Plain-text cleaning quality on pages saved as text, on the block classifier's dev split.

The dev pages of :mod:`block_data` (every fifth of the 181 article-extraction pages, never
trained on) rendered as saved text in each style, cleaned by Dossier as plain text
(:func:`dossier.clean.clean_documents`), scored with the article-extraction benchmark's
metric (token 4-gram shingles, mean precision and mean recall per page, F1 of the means),
beside, in the same run: keeping everything, and trafilatura given the original HTML.

Usage: ``.venv/bin/python benchmarks/bench_cleaning.py [--styles browser,lines]
[--pages N] [--per-page]``
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


def trafilatura_texts(html: dict[str, str]) -> dict[str, str]:
    import trafilatura

    return {k: trafilatura.extract(h, include_comments=False) or "" for k, h in html.items()}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--styles", default=",".join(B.STYLES), help="comma-separated styles")
    parser.add_argument("--pages", type=int, default=0, help="only the first N dev pages")
    parser.add_argument("--per-page", action="store_true", help="print the worst pages")
    args = parser.parse_args(argv)
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
    print(f"\nplain-text cleaning, one page at a time: {docs / seconds:.0f} docs/s")
    if args.per_page:
        for style, page_rows in per_page.items():
            worst = sorted(page_rows, key=lambda k: _f1(page_rows[k]))[:8]
            print(
                f"\n{style}: worst pages "
                + ", ".join(f"{k[:10]} {_f1(page_rows[k]):.2f}" for k in worst)
            )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps({"dev_pages": dev, "styles": styles, "summary": summary, "rows": rows}, indent=2)
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
