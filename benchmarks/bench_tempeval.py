"""TempEval-3 (TimeBank + AQUAINT) TIMEX3 benchmark: our tagger beside dateparser.

Run: ``.venv/bin/python benchmarks/bench_tempeval.py [--limit N]``

For every ``.tml`` file: the text inside ``<TEXT>`` with tags stripped, gold
TIMEX3 spans and values, and the document creation time (the DCT TIMEX3) as the
anchor. Reported per system: detection precision/recall/F1, strict (exact span)
and relaxed (any overlap, one-to-one), value accuracy over relaxed matches
(exact TimeML value string) and throughput. dateparser's ``search_dates`` is
used plainly (RELATIVE_BASE = DCT, PREFER_DATES_FROM = past), its datetimes
compared as YYYY-MM-DD. Prints a markdown table and writes
``benchmarks/results/bench_tempeval.json``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import html
import json
import re
import time
import warnings
from dataclasses import dataclass
from pathlib import Path

from dossier.model import DateValue
from dossier.resources import Resources
from dossier.time.grammar import Grammar
from dossier.time.settings import TimeSettings
from dossier.time.timex import tag_detailed

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "benchmarks" / "tempeval3-tbaq"
OUT = ROOT / "benchmarks" / "results" / "bench_tempeval.json"

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    value: str


@dataclass(frozen=True)
class Doc:
    name: str
    text: str
    dct: dt.date
    gold: tuple[Gold, ...]


def load(path: Path) -> Doc:
    raw = path.read_text(encoding="utf-8")
    dct_match = re.search(r'functionInDocument="CREATION_TIME"[^>]*>|<DCT>\s*<TIMEX3[^>]*>', raw)
    dct_tag = re.search(r"<DCT>\s*(<TIMEX3[^>]*>)", raw)
    assert dct_tag is not None and dct_match is not None, path
    dct_value = dict(_ATTR.findall(dct_tag.group(1)))["value"]
    dct = dt.date.fromisoformat(dct_value[:10])
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    text_parts: list[str] = []
    gold: list[Gold] = []
    length = 0
    open_timex: tuple[int, str] | None = None
    pos = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[pos : m.start()])
        text_parts.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1) == "":
            open_timex = (length, dict(_ATTR.findall(m.group(3))).get("value", ""))
        elif open_timex is not None:
            gold.append(Gold(open_timex[0], length, open_timex[1]))
            open_timex = None
    chunk = html.unescape(body[pos:])
    text_parts.append(chunk)
    return Doc(path.stem, "".join(text_parts), dct, tuple(gold))


@dataclass
class Score:
    tp_strict: int = 0
    tp_relaxed: int = 0
    value_correct: int = 0
    predicted: int = 0
    gold: int = 0
    seconds: float = 0.0
    chars: int = 0

    def row(self) -> dict[str, float]:
        def prf(tp: int) -> tuple[float, float, float]:
            p = tp / self.predicted if self.predicted else 0.0
            r = tp / self.gold if self.gold else 0.0
            return p, r, (2 * p * r / (p + r) if p + r else 0.0)

        ps, rs, fs = prf(self.tp_strict)
        pr, rr, fr = prf(self.tp_relaxed)
        return {
            "strict_p": ps,
            "strict_r": rs,
            "strict_f1": fs,
            "relaxed_p": pr,
            "relaxed_r": rr,
            "relaxed_f1": fr,
            "value_acc": self.value_correct / self.tp_relaxed if self.tp_relaxed else 0.0,
            "value_acc_all_gold": self.value_correct / self.gold if self.gold else 0.0,
            "predicted": self.predicted,
            "gold": self.gold,
            "docs_per_s": 0.0,
            "kchars_per_s": self.chars / self.seconds / 1000 if self.seconds else 0.0,
        }


def score(doc: Doc, predicted: list[tuple[int, int, str | None]], s: Score) -> None:
    s.predicted += len(predicted)
    s.gold += len(doc.gold)
    used: set[int] = set()
    for g in doc.gold:
        for i, (start, end, _value) in enumerate(predicted):
            if i not in used and start == g.start and end == g.end:
                s.tp_strict += 1
                break
    for g in doc.gold:
        best = None
        for i, (start, end, value) in enumerate(predicted):
            if i in used or not (start < g.end and g.start < end):
                continue
            best = (i, value)
            break
        if best is None:
            continue
        used.add(best[0])
        s.tp_relaxed += 1
        if best[1] is not None and best[1] == g.value:
            s.value_correct += 1


def run_ours(
    doc: Doc, settings: TimeSettings, grammar: Grammar
) -> list[tuple[int, int, str | None]]:
    anchor = DateValue(doc.dct.isoformat(), "day")
    return [
        (t.raw.start, t.raw.end, t.resolved.timeml)
        for t in tag_detailed(doc.text, anchor, settings, grammar)
    ]


def run_dateparser(doc: Doc) -> list[tuple[int, int, str | None]]:
    from dateparser.search import search_dates

    base = dt.datetime(doc.dct.year, doc.dct.month, doc.dct.day)
    found = search_dates(
        doc.text,
        languages=["en"],
        settings={"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past"},
    )
    out: list[tuple[int, int, str | None]] = []
    cursor = 0
    for substring, when in found or []:
        idx = doc.text.find(substring, cursor)
        if idx < 0:
            idx = doc.text.find(substring)
            if idx < 0:
                continue
        else:
            cursor = idx + len(substring)
        out.append((idx, idx + len(substring), when.date().isoformat()))
    return out


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--limit", type=int, default=0, help="only the first N files")
    parser.add_argument("--no-baseline", action="store_true")
    args = parser.parse_args(argv)
    files = sorted(DATA.glob("*/*.tml"))
    if args.limit:
        files = files[: args.limit]
    docs = [load(f) for f in files]
    settings = TimeSettings()
    grammar = Resources().time_grammar("en")
    assert grammar is not None
    systems: dict[str, Score] = {"dossier": Score()}
    if not args.no_baseline:
        systems["dateparser.search_dates"] = Score()
    for name, s in systems.items():
        start = time.perf_counter()
        outputs = []
        for doc in docs:
            if name == "dossier":
                outputs.append(run_ours(doc, settings, grammar))
            else:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    outputs.append(run_dateparser(doc))
            s.chars += len(doc.text)
        s.seconds = time.perf_counter() - start
        for doc, out in zip(docs, outputs, strict=True):
            score(doc, out, s)
    rows = {}
    for name, s in systems.items():
        row = s.row()
        row["docs_per_s"] = len(docs) / s.seconds if s.seconds else 0.0
        rows[name] = row
    header = (
        "| system | strict P | strict R | strict F1 | relaxed P | relaxed R | relaxed F1 "
        "| value acc (matched) | value acc (all gold) | docs/s | kchars/s |"
    )
    print(f"TempEval-3 TBAQ: {len(docs)} documents, {sum(len(d.gold) for d in docs)} gold TIMEX3\n")
    print(header)
    print("|" + "---|" * 11)
    for name, r in rows.items():
        print(
            f"| {name} | {r['strict_p']:.3f} | {r['strict_r']:.3f} | {r['strict_f1']:.3f} "
            f"| {r['relaxed_p']:.3f} | {r['relaxed_r']:.3f} | {r['relaxed_f1']:.3f} "
            f"| {r['value_acc']:.3f} | {r['value_acc_all_gold']:.3f} "
            f"| {r['docs_per_s']:.1f} | {r['kchars_per_s']:.1f} |"
        )
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"documents": len(docs), "systems": rows}, indent=2))
    print(f"\nJSON: {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
