"""Timeline17 benchmark for ``dossier timeline`` (date-wise timeline summarisation).

For each topic folder of ../shared/benchmarks/timeline17 and each of its gold
timelines: T = the gold number of dates, N = the gold average sentences per date
(rounded), keywords from keywords.json; the predicted timeline is scored with
date-selection F1 and alignment-based ROUGE-1/2 F ("align+ m:1", AR1-F/AR2-F).

Two protocols are reported:
* ``span``: candidate dates restricted to the gold timeline's first..last date,
  as news-tls does for Timeline17 (the published DATEWISE numbers use this);
* ``open``: no restriction (what a user of ``dossier timeline`` gets).

Means are over all (topic, gold timeline) pairs; "F of mean P/R" is how news-tls
averages. Usage:
    .venv/bin/python benchmarks/bench_timeline17.py [--topics a,b] [--protocol span|open|both]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

from dossier.model import Document
from dossier.pipeline import ingest, stages_for
from dossier.resources import Resources
from dossier.runners import LocalRunner
from dossier.settings import Settings, for_today
from dossier.time.timeline import TimelineSettings, select_timeline
from tls_metrics import PRF, evaluate_timeline, parse_timeline

RESOURCES = Resources()  # the language objects and the parser

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "timeline17"
RESULTS = ROOT / "benchmarks" / "results"
PUBLISHED = {"Date-F1": 0.544, "AR1-F": 0.120, "AR2-F": 0.035}


def load_documents(topic_dir: Path) -> tuple[tuple[Document, ...], float]:
    """One topic's input documents as ``dossier timeline`` reads them: ingest, then the
    build's stages up to dating (language, clean, copies, parse, date)."""
    started = time.perf_counter()
    settings = for_today(Settings(), date(2026, 12, 1))
    corpus = ingest([topic_dir / "InputDocs"], settings)
    corpus = LocalRunner().run(corpus, stages_for("date"), settings, RESOURCES)
    return corpus.documents, time.perf_counter() - started


def run_topic(
    topic_dir: Path, docs: tuple[Document, ...], load_seconds: float, protocol: str
) -> list[dict[str, object]]:
    keywords = tuple(json.loads((topic_dir / "keywords.json").read_text()))
    rows = []
    for gold_path in sorted((topic_dir / "timelines").glob("*.txt")):
        gold = parse_timeline(gold_path.read_text(encoding="utf-8", errors="replace"))
        n_dates = len(gold)
        per_date = max(1, round(sum(len(s) for s in gold.values()) / max(1, n_dates)))
        settings = TimelineSettings(max_dates=n_dates, per_date=per_date, keywords=keywords)
        if protocol == "span":
            settings = replace(settings, start=min(gold).isoformat(), end=max(gold).isoformat())
        started = time.perf_counter()
        entries = select_timeline(docs, settings, RESOURCES)
        seconds = time.perf_counter() - started
        predicted = {
            date.fromisoformat(e.date.value): [s.text for s in e.sentences] for e in entries
        }
        scores = evaluate_timeline(predicted, gold)
        rows.append(
            {
                "topic": topic_dir.name,
                "timeline": gold_path.name,
                "protocol": protocol,
                "docs": sum(d.ok for d in docs),
                "T": n_dates,
                "N": per_date,
                "predicted_dates": len(predicted),
                "date": _prf(scores.date),
                "ar1": _prf(scores.rouge1),
                "ar2": _prf(scores.rouge2),
                "seconds": round(seconds, 2),
                "load_seconds": round(load_seconds, 2),
            }
        )
    return rows


def _prf(prf: PRF) -> dict[str, float]:
    return {"p": prf.precision, "r": prf.recall, "f": prf.f1}


def summarise(rows: list[dict[str, object]]) -> dict[str, float]:
    def mean(values: list[float]) -> float:
        return sum(values) / len(values) if values else 0.0

    out: dict[str, float] = {}
    for key, label in (("date", "Date-F1"), ("ar1", "AR1-F"), ("ar2", "AR2-F")):
        prfs = [r[key] for r in rows]
        out[label] = mean([p["f"] for p in prfs])  # type: ignore[index]
        p = mean([p["p"] for p in prfs])  # type: ignore[index]
        r = mean([p["r"] for p in prfs])  # type: ignore[index]
        out[label + " (F of mean P/R)"] = PRF.of(p, r).f1
    out["seconds"] = sum(float(r["seconds"]) for r in rows)  # type: ignore[arg-type]
    return out


def table(rows: list[dict[str, object]], protocol: str) -> str:
    lines = [
        f"### protocol: {protocol}",
        "",
        "| topic | docs | T | N | Date-F1 | AR1-F | AR2-F | select s | read..date s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['topic']} | {r['docs']} | {r['T']} | {r['N']} | {r['date']['f']:.3f} | "  # type: ignore[index]
            f"{r['ar1']['f']:.3f} | {r['ar2']['f']:.3f} | {r['seconds']} | {r['load_seconds']} |"  # type: ignore[index]
        )
    s = summarise(rows)
    lines.append(
        f"| **mean** | | | | **{s['Date-F1']:.3f}** | **{s['AR1-F']:.3f}** | "
        f"**{s['AR2-F']:.3f}** | {s['seconds']:.1f} total | |"
    )
    lines.append(
        f"| mean (F of mean P/R, news-tls style) | | | | {s['Date-F1 (F of mean P/R)']:.3f} | "
        f"{s['AR1-F (F of mean P/R)']:.3f} | {s['AR2-F (F of mean P/R)']:.3f} | | |"
    )
    lines.append(
        f"| published DATEWISE (full T17, span protocol) | | | | {PUBLISHED['Date-F1']} | "
        f"{PUBLISHED['AR1-F']} | {PUBLISHED['AR2-F']} | | |"
    )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--topics", default="", help="comma-separated topic folders (default all)")
    parser.add_argument("--protocol", default="both", choices=["span", "open", "both"])
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    if not DATA.is_dir():
        print(f"Timeline17 data not found at {DATA}", file=sys.stderr)
        return 1
    topics = sorted(p for p in DATA.iterdir() if p.is_dir())
    if args.topics:
        wanted = set(args.topics.split(","))
        topics = [t for t in topics if t.name in wanted]
    protocols = ["span", "open"] if args.protocol == "both" else [args.protocol]
    started = time.perf_counter()
    report: dict[str, object] = {}
    loaded = {}
    for topic in topics:
        loaded[topic.name] = load_documents(topic)
        print(f"  {topic.name}: read, cleaned, dated", file=sys.stderr, flush=True)
    tables = []
    for protocol in protocols:
        rows: list[dict[str, object]] = []
        for topic in topics:
            docs, load_seconds = loaded[topic.name]
            rows.extend(run_topic(topic, docs, load_seconds, protocol))
        tables.append(table(rows, protocol))
        print(tables[-1])
        print()
        report[protocol] = {"rows": rows, "mean": summarise(rows)}
    wall = time.perf_counter() - started
    print(f"wall time (including reading the inputs): {wall:.1f} s")
    report["wall_seconds"] = wall
    report["published_datewise"] = PUBLISHED
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "bench_timeline17.json").write_text(json.dumps(report, indent=2))
    (RESULTS / "bench_timeline17.md").write_text("\n\n".join(tables) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
