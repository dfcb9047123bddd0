"""Publication-date inference on real pages: Timeline17 input documents.

Run: ``.venv/bin/python benchmarks/bench_pubdate.py [--sample N] [--seed S]``

Each Timeline17 input document sits in a folder named after its publication
day. Two runs of ``date_documents`` over the same sample (raw page text, with
its boilerplate, as ``clean_text``):

1. with the folder date given: how often the stage overrides or questions a
   correct date (false contradictions; should be ~0);
2. with the folder date hidden: how often the content alone dates the page,
   and how often that date is right (same month as the folder; "near" = off by
   one month), per kind of evidence.

Prints a markdown table and writes ``benchmarks/results/bench_pubdate.json``.
Not a published benchmark: a sanity check of precision on held-out real text.
"""

from __future__ import annotations

import argparse
import collections
import datetime as dt
import json
import random
import time
from pathlib import Path

from dossier.model import Document
from dossier.resources import Resources
from dossier.time import TimeSettings, date_documents

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "timeline17"
OUT = ROOT / "benchmarks" / "results" / "bench_pubdate.json"


def _kind(message: str) -> str:
    if "printed in the text" in message:
        return "dateline/timestamp"
    if "year-less" in message:
        return "year-less dates"
    if "latest past date" in message:
        return "latest full date"
    if "which date the same day" in message:
        return "other documents"
    return "other"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    files = sorted(DATA.glob("*/InputDocs/*/*.txt"))
    sample = random.Random(args.seed).sample(files, min(args.sample, len(files)))
    settings = TimeSettings()
    texts = [(f, f.read_text(encoding="utf-8", errors="replace")) for f in sample]

    with_folder = [
        Document(id=f"{i}", source=str(f), clean_text=t, folder_date=f.parent.name)
        for i, (f, t) in enumerate(texts)
    ]
    resources = Resources()
    resources.time_grammar("en")  # load the language outside the timing
    start = time.perf_counter()
    dated = date_documents(with_folder, settings, resources)
    seconds_folder = time.perf_counter() - start
    overridden = sum(d.published.basis != "folder" for d in dated)
    questioned = sum(any(f.kind.endswith("-questioned") for f in d.flags) for d in dated)

    # Hidden: neither the folder date nor the path that holds it.
    hidden = [Document(id=f"{i}", source=f.name, clean_text=t) for i, (f, t) in enumerate(texts)]
    start = time.perf_counter()
    undated = date_documents(hidden, settings, resources)
    seconds_hidden = time.perf_counter() - start
    table: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    for (f, _), d in zip(texts, undated, strict=True):
        truth = dt.date.fromisoformat(f.parent.name)
        value = d.published.date
        if value is None:
            table["no date"]["documents"] += 1
            continue
        kind = _kind(d.flags[-1].message if d.flags else "")
        months = int(value.value[:4]) * 12 + int(value.value[5:7] or 1)
        off = abs(months - (truth.year * 12 + truth.month))
        table[kind]["right" if off == 0 else "near" if off == 1 else "wrong"] += 1
        table[kind]["documents"] += 1
    n = len(texts)
    dated_n = n - table["no date"]["documents"]
    right = sum(c["right"] for c in table.values())
    near = sum(c["near"] for c in table.values())
    print(f"Timeline17 publication dates: {n} pages (seed {args.seed})\n")
    print("| folder date given | pages | overridden | questioned (kept) | docs/s |")
    print("|---|---|---|---|---|")
    print(f"| yes | {n} | {overridden} | {questioned} | {n / seconds_folder:.0f} |\n")
    print("| folder date hidden: evidence | pages | right month | off by one | wrong |")
    print("|---|---|---|---|---|")
    for kind, c in sorted(table.items()):
        if kind != "no date":
            print(f"| {kind} | {c['documents']} | {c['right']} | {c['near']} | {c['wrong']} |")
    print(f"| no date (flagged) | {table['no date']['documents']} | | | |")
    precision = (right + near) / dated_n if dated_n else 0.0
    print(
        f"\ncoverage {dated_n / n:.3f}, right month {right / max(1, dated_n):.3f}, "
        f"within a month {precision:.3f}, {n / seconds_hidden:.0f} docs/s"
    )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(
        json.dumps(
            {
                "pages": n,
                "folder_given": {"overridden": overridden, "questioned": questioned},
                "folder_hidden": {k: dict(v) for k, v in table.items()},
                "coverage": dated_n / n,
                "right_month": right / max(1, dated_n),
                "within_one_month": precision,
            },
            indent=2,
        )
    )
    print(f"JSON: {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
