"""Publication dates: accuracy at day level and at month level, and the share flagged.

Run: ``.venv/bin/python benchmarks/bench_pubdate.py [--sample N] [--seed S]``

1. Gold (as a build dates documents: the stages up to ``date``): the fictional pages of
   tests/gold/pubdate_pages, the seeds and the bundled example.
2. Timeline17 input documents, each in a folder named after its publication day (raw page
   text, with its boilerplate, as ``clean_text``; no parse, so tenses are read from words):
   with the folder date given, how often the stage overrides or questions a correct date
   (false contradictions; should be ~0); with the folder date (and the path holding it)
   hidden, how often the content alone dates the page and how often it is right, per kind
   of evidence.

Prints markdown tables and writes ``benchmarks/results/bench_pubdate.json``.
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
from dossier.pipeline import ingest, stages_for
from dossier.resources import Resources
from dossier.runners import LocalRunner
from dossier.settings import Settings, for_today
from dossier.time import TimeSettings, date_documents

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "timeline17"
GOLD = ROOT / "tests" / "gold"
OUT = ROOT / "benchmarks" / "results" / "bench_pubdate.json"
TODAY = dt.date(2026, 12, 1)


def _kind(message: str) -> str:
    for needle, kind in (
        ("printed in the text", "dateline/timestamp"),
        ("reports undated an event", "another document's event"),
        ("dated by other documents", "other documents' years"),
        ("year-less", "year-less dates"),
        ("latest past date", "latest full date"),
        ("latest full date", "latest full date"),
    ):
        if needle in message:
            return kind
    return "other"


def _gold() -> dict[str, tuple[Path, str]]:
    """Gold key -> (input path, day)."""
    pages = json.loads((GOLD / "pubdate_pages.json").read_text())["pages"]
    out = {f"pages/{k}": (GOLD / "pubdate_pages" / k, v["date"]) for k, v in pages.items()}
    seeds = json.loads((GOLD / "time_seeds.json").read_text())["documents"]
    out.update(
        {
            f"seeds/{k}": (ROOT.parent / "shared" / "seeds" / f"{k}.txt", v["date"])
            for k, v in seeds.items()
        }
    )
    example = json.loads((GOLD / "example_expected.json").read_text())["documents"]
    for k, v in example.items():
        if v.get("published"):
            path = next((ROOT / "examples" / "zelenogorsk").glob(f"{k}.*"))
            out[f"example/{k}"] = (path, v["published"])
    return out


def gold_table(resources: Resources) -> dict[str, dict[str, float]]:
    settings = for_today(Settings(), TODAY)
    gold = _gold()
    by_set: dict[str, list[tuple[Document, str]]] = collections.defaultdict(list)
    roots = {
        "pages": GOLD / "pubdate_pages",
        "seeds": ROOT.parent / "shared" / "seeds",
        "example": ROOT / "examples" / "zelenogorsk",
    }
    for name, folder in roots.items():
        corpus = LocalRunner().run(
            ingest([folder], settings), stages_for("date"), settings, resources
        )
        docs = {Path(d.source).resolve(): d for d in corpus.documents}
        for key, (path, day) in gold.items():
            if key.startswith(name + "/"):
                by_set[name].append((docs[path.resolve()], day))
    print("| gold | documents | day accuracy | month accuracy | flagged |")
    print("|---|---|---|---|---|")
    out = {}
    for name, rows in by_set.items():
        n = len(rows)
        day = sum(bool(d.published.date and d.published.date.value == g) for d, g in rows) / n
        month = (
            sum(bool(d.published.date and d.published.date.value[:7] == g[:7]) for d, g in rows) / n
        )
        flagged = sum(any(f.kind != "syndicated" for f in d.flags) for d, _ in rows) / n
        print(f"| {name} | {n} | {day:.3f} | {month:.3f} | {flagged:.3f} |")
        out[name] = {"documents": n, "day": day, "month": month, "flagged": flagged}
    print()
    return out


def timeline17(sample_size: int, seed: int, resources: Resources) -> dict[str, object]:
    files = sorted(DATA.glob("*/InputDocs/*/*.txt"))
    sample = random.Random(seed).sample(files, min(sample_size, len(files)))
    settings = TimeSettings(today=TODAY.isoformat())
    texts = [(f, f.read_text(encoding="utf-8", errors="replace")) for f in sample]
    with_folder = [
        Document(id=f"{i}", source=str(f), clean_text=t, folder_date=f.parent.name)
        for i, (f, t) in enumerate(texts)
    ]
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
        c = table[_kind(d.dating.evidence)]
        months = int(value.value[:4]) * 12 + int(value.value[5:7] or 1)
        off = abs(months - (truth.year * 12 + truth.month))
        c["right" if off == 0 else "near" if off == 1 else "wrong"] += 1
        c["day"] += value.value == truth.isoformat()
        c["documents"] += 1
    n = len(texts)
    dated_n = n - table["no date"]["documents"]
    right = sum(c["right"] for c in table.values())
    near = sum(c["near"] for c in table.values())
    days = sum(c["day"] for c in table.values())
    print(f"Timeline17 publication dates: {n} pages (seed {seed})\n")
    print("| folder date given | pages | overridden | questioned (kept) | docs/s |")
    print("|---|---|---|---|---|")
    print(f"| yes | {n} | {overridden} | {questioned} | {n / seconds_folder:.0f} |\n")
    print("| folder date hidden: evidence | pages | right day | right month | off by one | wrong |")
    print("|---|---|---|---|---|---|")
    for kind, c in sorted(table.items()):
        if kind != "no date":
            cells = [c["documents"], c["day"], c["right"], c["near"], c["wrong"]]
            print(f"| {kind} | " + " | ".join(str(x) for x in cells) + " |")
    print(f"| no date (flagged) | {table['no date']['documents']} | | | | |")
    print(
        f"\ncoverage {dated_n / n:.3f}, right day {days / max(1, dated_n):.3f}, right month "
        f"{right / max(1, dated_n):.3f}, within a month {(right + near) / max(1, dated_n):.3f}; "
        f"every content date is flagged (date-inferred); {n / seconds_hidden:.0f} docs/s"
    )
    return {
        "pages": n,
        "folder_given": {"overridden": overridden, "questioned": questioned},
        "folder_hidden": {k: dict(v) for k, v in table.items()},
        "coverage": dated_n / n,
        "right_day": days / max(1, dated_n),
        "right_month": right / max(1, dated_n),
        "within_one_month": (right + near) / max(1, dated_n),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sample", type=int, default=400)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    resources = Resources()
    resources.time_grammar("en")  # load the language outside the timing
    report = {
        "gold": gold_table(resources),
        "timeline17": timeline17(args.sample, args.seed, resources),
    }
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2))
    print(f"JSON: {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
