"""Story grouping and story summaries, side by side with a floor in the same run.

Grouping (B-cubed precision / recall / F1 against gold stories):
* each Timeline17 folder alone: the folder is one story; a page that is not about the
  folder's topic (a radio listing, a live page or a digest of other news: it names the
  topic less than once per 300 words; a short video caption naming it once is on topic)
  is a story of its own. Reported: distinct documents, stories, the largest story's share
  of the on-topic documents, stories of five or more documents;
* a mixed folder of three topics (MJ_bbc + haiti_bbc + bpoil_bbc): B-cubed F1;
* the fictional mixed stream (tests/stories/fixtures/stream): two fraud trials, two
  earthquakes and two unrelated pages;
* multi-document sets around one event: 12 consecutive on-topic documents of a folder
  (up to 3 sets a folder); the largest story's share of their distinct documents.

Summaries, on the same event sets: our summary of the set's largest story against sumy's
LexRank (pinned in constraints.txt) fed the same documents' sentences from our parse, each
cut to 120 words; references are the folder's gold timeline sentences for the set's days
(Timeline17's human timelines as summaries). ROUGE-1/2 recall with ROUGE-1.5.5 tokens.

Usage: .venv/bin/python benchmarks/bench_stories.py [--folders a,b] [--sets N] [--no-summary]
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path

from dossier.model import Corpus, Document
from dossier.pipeline import DEFAULT_STAGES
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.stories import distinct_size, group_stories
from story_sets import TIMELINE17, folder_documents, prepare
from tls_metrics import parse_timeline, rouge_tokens

ROOT = Path(__file__).resolve().parents[1]
STREAM = ROOT / "tests" / "stories" / "fixtures" / "stream"
# What names each topic: its main participant, place or object (a regex per topic over
# Timeline17's English text, for the gold labels only).
TOPIC = {
    "MJ": r"\bJackson|Conrad Murray",
    "haiti": r"\bHaiti|Port[- ]au[- ]Prince",
    "bpoil": r"\boil\b|\bBP\b|Deepwater",
    "H1N1": r"\bflu\b|H1N1|swine",
    "Finan": r"financ|\bbanks?\b|econom",
}
ON_TOPIC_WORDS = 300  # a page on the topic names it at least once per this many words
MIX3 = ("MJ_bbc", "haiti_bbc", "bpoil_bbc")
STORY_STAGES = DEFAULT_STAGES[[s.name for s in DEFAULT_STAGES].index("stories") + 1 :]
WORDS = 120


def gold_of(doc: Document) -> str:
    """The gold story: the folder's topic, or the document itself when off topic."""
    if "/" in doc.id:
        topic = doc.id.split("/")[0].split("_")[0]
        named = len(re.findall(TOPIC[topic], doc.clean_text, re.I))
        on_topic = named >= 1 and named * ON_TOPIC_WORDS >= len(doc.clean_text.split())
        return topic if on_topic else doc.id
    case = Path(doc.source).parts[-3]
    return doc.id if case == "other" else case


def bcubed(predicted: dict[str, int], gold: dict[str, str]) -> tuple[float, float, float]:
    by_pred: dict[int, set[str]] = defaultdict(set)
    by_gold: dict[str, set[str]] = defaultdict(set)
    for doc, label in predicted.items():
        by_pred[label].add(doc)
        by_gold[gold[doc]].add(doc)
    p = r = 0.0
    for doc in predicted:
        same = len(by_pred[predicted[doc]] & by_gold[gold[doc]])
        p += same / len(by_pred[predicted[doc]])
        r += same / len(by_gold[gold[doc]])
    n = len(predicted) or 1
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def labels(docs: Sequence[Document], resources: Resources) -> tuple[dict[str, int], list, float]:
    started = time.perf_counter()
    stories = group_stories(docs, Settings().stories, resources)
    seconds = time.perf_counter() - started
    out = {m.doc: k for k, s in enumerate(stories) for m in s.membership if m.basis != "duplicate"}
    return out, list(stories), seconds


def grouping_row(name: str, docs: Sequence[Document], resources: Resources) -> dict[str, object]:
    predicted, stories, seconds = labels(docs, resources)
    gold = {d.id: gold_of(d) for d in docs if d.id in predicted}
    p, r, f = bcubed(predicted, gold)
    on_topic = Counter(g for g in gold.values() if g not in gold)
    main = on_topic.most_common(1)[0][0] if on_topic else None
    largest = max(
        (sum(1 for d in s.document_ids if gold.get(d) == main) for s in stories), default=0
    )
    return {
        "set": name,
        "documents": len(predicted),
        "stories": len(stories),
        "stories_ge5": sum(1 for s in stories if distinct_size(s) >= 5),
        "largest_share": largest / on_topic[main] if main else 0.0,
        "bcubed": {"p": p, "r": r, "f": f},
        "seconds": seconds,
    }


def event_sets(docs: Sequence[Document], size: int, count: int) -> list[list[Document]]:
    on_topic = [d for d in docs if d.readable and gold_of(d) != d.id and d.published.date]
    on_topic.sort(key=lambda d: (d.published.date.sort_key, d.id))  # type: ignore[union-attr]
    if len(on_topic) < size:
        return []
    step = max(size, (len(on_topic) - size) // max(1, count - 1)) if count > 1 else size
    return [on_topic[k : k + size] for k in range(0, len(on_topic) - size + 1, step)][:count]


def references(folder: str, docs: Sequence[Document]) -> list[str]:
    days = [date.fromisoformat(d.published.date.value[:10]) for d in docs]  # type: ignore[union-attr]
    first, last = min(days) - timedelta(days=2), max(days) + timedelta(days=1)
    out: list[str] = []
    for path in sorted((TIMELINE17 / folder / "timelines").glob("*.txt")):
        gold = parse_timeline(path.read_text(encoding="utf-8", errors="replace"))
        out.extend(s for day, sents in gold.items() if first <= day <= last for s in sents)
    return out


def recall(summary: Sequence[str], refs: Sequence[str], n: int) -> float:
    def grams(texts: Sequence[str]) -> Counter[tuple[str, ...]]:
        tokens = rouge_tokens(" ".join(texts))
        return Counter(tuple(tokens[k : k + n]) for k in range(len(tokens) - n + 1))

    ours, gold = grams(summary), grams(refs)
    total = sum(gold.values())
    return sum(min(c, gold[g]) for g, c in ours.items()) / total if total else 0.0


def budget(sentences: Sequence[str], words: int = WORDS) -> list[str]:
    out, used = [], 0
    for s in sentences:
        n = len(s.split())
        if used + n <= words:
            out.append(s)
            used += n
    return out


def lexrank(docs: Sequence[Document]) -> list[str]:
    """sumy's LexRank over the documents' sentences (our parse's), as many as fit."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    class Words:
        @staticmethod
        def to_words(text: str) -> list[str]:
            return re.findall(r"[^\W_]+", text)

    paragraphs = []
    for doc in docs:
        spans = doc.parse.sentences if doc.parse is not None else ()
        sentences = [SumySentence(doc.clean_text[a:b], Words()) for a, b in spans]
        if sentences:
            paragraphs.append(Paragraph(sentences))
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    chosen = summarizer(ObjectDocumentModel(paragraphs), 12)
    return budget([str(s) for s in chosen])


def summary_row(folder: str, docs: list[Document], resources: Resources) -> dict[str, object]:
    refs = references(folder, docs)
    stories = group_stories(docs, Settings().stories, resources)
    main = stories[0]
    corpus = Corpus(documents=tuple(docs), stories=(main,))
    for stage in STORY_STAGES:  # the stages after grouping, on the set's largest story
        corpus = stage.apply(corpus, Settings(), resources)
    ours = [s.text for s in corpus.stories[0].summary]
    peer = lexrank(docs)
    return {
        "folder": folder,
        "largest_share": distinct_size(main) / len(docs),
        "references": len(refs),
        "ours": {
            "r1": recall(ours, refs, 1),
            "r2": recall(ours, refs, 2),
            "words": sum(len(s.split()) for s in ours),
        },
        "lexrank": {
            "r1": recall(peer, refs, 1),
            "r2": recall(peer, refs, 2),
            "words": sum(len(s.split()) for s in peer),
        },
        "summary": ours,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--folders", default="", help="Timeline17 folders (default: all)")
    parser.add_argument("--sets", type=int, default=3, help="event sets per folder")
    parser.add_argument("--no-summary", action="store_true", help="grouping only")
    args = parser.parse_args()
    resources = Resources()
    folders = sorted(p.name for p in TIMELINE17.iterdir() if p.is_dir())
    if args.folders:
        folders = [f for f in folders if f in args.folders.split(",")]
    loaded = {f: folder_documents(f, Settings(), resources) for f in folders}
    rows = [grouping_row(f, loaded[f], resources) for f in folders]
    if all(f in loaded for f in MIX3):
        rows.append(grouping_row("+".join(MIX3), sum((loaded[f] for f in MIX3), ()), resources))
    stream = prepare([STREAM], Settings(), resources)
    rows.append(grouping_row("fictional stream", stream, resources))
    print("| set | docs | stories | stories >= 5 | largest share | B3 P | B3 R | B3 F1 | s |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        b = r["bcubed"]
        print(
            f"| {r['set']} | {r['documents']} | {r['stories']} | {r['stories_ge5']} | "
            f"{r['largest_share']:.2f} | {b['p']:.3f} | {b['r']:.3f} | {b['f']:.3f} | "  # type: ignore[index]
            f"{r['seconds']:.1f} |"
        )
    summaries = []
    if not args.no_summary:
        for folder in folders:
            for docs in event_sets(loaded[folder], 12, args.sets):
                row = summary_row(folder, docs, resources)
                if row["references"]:
                    summaries.append(row)
                    print(f"  {folder}: set of {len(docs)} summarised", file=sys.stderr, flush=True)
        print_summaries(summaries)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench_stories.json").write_text(
        json.dumps({"grouping": rows, "summaries": summaries}, indent=2)
    )
    return 0


def print_summaries(rows: list[dict[str, object]]) -> None:
    def mean(key: str, metric: str) -> float:
        return sum(r[key][metric] for r in rows) / len(rows) if rows else 0.0  # type: ignore[index]

    shares = [float(r["largest_share"]) for r in rows]  # type: ignore[arg-type]
    print()
    print(
        "| event sets | largest story >= 80 % | ours R-1 | ours R-2 | LexRank R-1 "
        "| LexRank R-2 | R-2 ratio |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|")
    ratio = mean("ours", "r2") / mean("lexrank", "r2") if mean("lexrank", "r2") else 0.0
    print(
        f"| {len(rows)} | {sum(s >= 0.8 for s in shares)}/{len(rows)} | {mean('ours', 'r1'):.3f} | "
        f"{mean('ours', 'r2'):.3f} | {mean('lexrank', 'r1'):.3f} | {mean('lexrank', 'r2'):.3f} | "
        f"{ratio:.2f}x |"
    )


if __name__ == "__main__":
    raise SystemExit(main())
