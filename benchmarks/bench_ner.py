"""Entity stage speed (words/s on one core) and gold-table quality.

Speed, for two corpora (the five seed articles repeated, and a sample of
Timeline17 page text from ../shared/benchmarks/timeline17):
- ``spacy nlp.pipe``: the statistical NER alone (tok2vec + ner, nothing else), the peer;
- ``parse stage``: the full spaCy pipeline (tagger, parser, lemmatizer, NER), the stage
  before the entity stages;
- ``find_mentions``: the news-structure decisions over the model's spans (stage 5);
- ``resolve_entities``: merging, roles and attributes (stage 7), one story per topic;
- ``entity stage``: both together, also as seconds per 1,000 articles and as a ratio to
  the peer (the statistical NER alone over the same text);
- a whole Timeline17 topic as ONE story (``--story``, default MJ_bbc: about 140 BBC articles
  on one case), where merging meets thousands of names at once and any cost that grows with
  the square of the story shows.

Quality: precision / recall / alias-merge F1 / role and age recall against
tests/gold/entities_seeds.json and tests/gold/entities_fixture.json.

Run: ``.venv/bin/python benchmarks/bench_ner.py [--repeat N] [--t17-docs N] [--story TOPIC]``.
Prints a markdown table and writes benchmarks/results/bench_ner.json.
"""

from __future__ import annotations

import os

# One core: BLAS / OpenMP thread pools must be sized before numpy is imported.
for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse  # noqa: E402
import json  # noqa: E402
import sys  # noqa: E402
import time  # noqa: E402
from dataclasses import replace  # noqa: E402
from pathlib import Path  # noqa: E402

from dossier.entities import EntitySettings, find_mentions, resolve_entities  # noqa: E402
from dossier.model import Document  # noqa: E402
from dossier.nlp import ParseSettings, read_documents  # noqa: E402
from dossier.resources import Resources  # noqa: E402
from dossier.text import word_count  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
RESULTS = ROOT / "benchmarks" / "results" / "bench_ner.json"


def seed_documents(resources: Resources) -> tuple[Document, ...]:
    paths = sorted((SHARED / "seeds").glob("*.txt"))
    try:
        from dossier.clean import CleanSettings, clean_documents
        from dossier.ingest import IngestSettings, read_inputs

        return clean_documents(read_inputs(paths, IngestSettings()), CleanSettings(), resources)
    except ImportError:
        docs = []
        for p in paths:
            text = p.read_text(encoding="utf-8")
            docs.append(Document(id=p.stem, source=str(p), raw_text=text, clean_text=text))
        return tuple(docs)


def timeline17_documents(limit: int) -> dict[str, tuple[Document, ...]]:
    """Up to ``limit`` documents, spread over the topics; PTB brackets undone."""
    base = SHARED / "benchmarks" / "timeline17"
    topics = sorted(p for p in base.iterdir() if (p / "InputDocs").is_dir())
    per_topic = max(1, limit // max(1, len(topics)))
    out: dict[str, tuple[Document, ...]] = {}
    for topic in topics:
        docs = []
        for path in sorted((topic / "InputDocs").glob("*/*.txt"))[:per_topic]:
            text = path.read_text(encoding="utf-8", errors="replace")
            text = text.replace("-LRB-", "(").replace("-RRB-", ")")
            doc_id = f"{topic.name}/{path.parent.name}/{path.stem}"
            docs.append(Document(id=doc_id, source=str(path), raw_text=text, clean_text=text))
        out[topic.name] = tuple(docs)
    return out


def topic_story(topic: str, limit: int) -> tuple[Document, ...]:
    """Up to ``limit`` documents of one Timeline17 topic, as one story."""
    base = SHARED / "benchmarks" / "timeline17" / topic / "InputDocs"
    docs = []
    for path in sorted(base.glob("*/*.txt"))[:limit]:
        text = path.read_text(encoding="utf-8", errors="replace")
        doc_id = f"{topic}/{path.parent.name}/{path.stem}"
        docs.append(Document(id=doc_id, source=str(path), raw_text=text, clean_text=text))
    return tuple(docs)


def measure(
    name: str,
    stories: list[tuple[Document, ...]],
    resources: Resources,
    settings: EntitySettings,
) -> list[dict[str, object]]:
    docs = [d for story in stories for d in story if d.ok]
    words = sum(word_count(d.clean_text) for d in docs)
    nlp = resources.pipeline_for("en")
    disable = [p for p in nlp.pipe_names if p not in ("tok2vec", "ner")]
    batch = ParseSettings().batch_size

    t0 = time.perf_counter()
    for _ in nlp.pipe([d.clean_text for d in docs], batch_size=batch, disable=disable):
        pass
    t_pipe = time.perf_counter() - t0

    # The parse (the full spaCy pipeline, NER included) is its own document stage; the
    # mention decisions are one call over every parsed document, as the pipeline does.
    t0 = time.perf_counter()
    parsed = read_documents([d for story in stories for d in story], resources)
    t_parse = time.perf_counter() - t0
    t0 = time.perf_counter()
    flat = find_mentions(parsed, settings, resources)
    t_find = time.perf_counter() - t0
    marked, cursor = [], 0
    for story in stories:
        marked.append(flat[cursor : cursor + len(story)])
        cursor += len(story)

    t0 = time.perf_counter()
    entities = [resolve_entities(story, settings, resources) for story in marked]
    t_resolve = time.perf_counter() - t0

    rows: list[dict[str, object]] = []
    for step, seconds in (
        ("spacy nlp.pipe (peer)", t_pipe),
        ("parse stage (full spaCy pipeline)", t_parse),
        ("find_mentions", t_find),
        ("resolve_entities", t_resolve),
        ("entity stage", t_find + t_resolve),
    ):
        rows.append(
            {
                "corpus": name,
                "step": step,
                "docs": len(docs),
                "words": words,
                "seconds": round(seconds, 3),
                "words_per_s": round(words / seconds) if seconds else None,
                "s_per_1000_docs": round(1000 * seconds / len(docs), 1) if docs else None,
                "ratio_to_peer": round(seconds / t_pipe, 2) if t_pipe else None,
            }
        )
    rows[-1]["entities"] = sum(len(e) for e in entities)
    return rows


def quality(resources: Resources, settings: EntitySettings) -> dict[str, dict[str, float]]:
    sys.path.insert(0, str(ROOT / "tests" / "entities"))
    from entity_fixtures import fixture_documents  # type: ignore[import-not-found]

    from entity_metrics import load_gold, score

    out: dict[str, dict[str, float]] = {}
    for name, docs, gold in (
        ("seeds", seed_documents(resources), "entities_seeds.json"),
        ("fixture", fixture_documents(), "entities_fixture.json"),
    ):
        entities = resolve_entities(
            find_mentions(read_documents(docs, resources), settings, resources),
            settings,
            resources,
        )
        result = score(entities, load_gold(gold))
        out[name] = {**result.as_dict(), "false_merges": float(len(result.false_merges))}
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="copies of the seeds")
    parser.add_argument("--t17-docs", type=int, default=110, help="Timeline17 documents")
    parser.add_argument("--story", default="MJ_bbc", help="Timeline17 topic read as one story")
    parser.add_argument("--story-docs", type=int, default=1000, help="at most this many")
    args = parser.parse_args(argv)

    resources = Resources()
    settings = EntitySettings()
    resources.pipeline_for("en")  # load outside the timings
    seeds = seed_documents(resources)
    seed_stories = [tuple(replace(d, id=f"{d.id}#{i}") for d in seeds) for i in range(args.repeat)]
    t17 = timeline17_documents(args.t17_docs)
    # warm-up (first-call allocations)
    find_mentions(read_documents(seeds[:1], resources), settings, resources)

    rows = measure(f"seeds x{args.repeat}", seed_stories, resources, settings)
    rows += measure("timeline17 sample", list(t17.values()), resources, settings)
    if args.story:
        story = topic_story(args.story, args.story_docs)
        rows += measure(f"{args.story} as one story", [story], resources, settings)
    scores = quality(resources, settings)

    print(
        "| corpus | step | docs | words | seconds | words/s (1 core) | s per 1,000 articles "
        "| ratio to NER |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print(
            f"| {r['corpus']} | {r['step']} | {r['docs']} | {r['words']} | {r['seconds']} "
            f"| {r['words_per_s']} | {r['s_per_1000_docs']} | {r['ratio_to_peer']} |"
        )
    print()
    print(
        "| gold table | precision | recall | merge F1 | role recall | age recall | false merges |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|")
    for name, s in scores.items():
        print(
            f"| {name} | {s['precision']} | {s['recall']} | {s['merge_f1']} "
            f"| {s['role_recall']} | {s['age_recall']} | {int(s['false_merges'])} |"
        )
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(
        json.dumps({"speed": rows, "quality": scores, "threads": 1}, indent=2), encoding="utf-8"
    )
    print(f"\nwrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
