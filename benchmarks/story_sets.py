"""Document sets for the story benchmarks: Timeline17 folders read through every stage
before grouping (language, clean, dedup, parse, shared, date, mentions), cached per folder
in benchmarks/results/cache so that grouping and summary experiments re-run in seconds.

A cache file is keyed by the folder's name, a digest of its files (names and bytes) and a
digest of the code that runs before grouping (every module of the package except the
stages after it), so a change upstream or to the data prepares the folder again.

A folder's documents get the folder's name as a prefix of their ids (``MJ_bbc/...``), so
that mixing folders keeps ids apart and the folder is the gold story of each document.
"""

from __future__ import annotations

import hashlib
import pickle
import sys
import time
from dataclasses import replace
from pathlib import Path

from dossier.model import Corpus, Document
from dossier.pipeline import DEFAULT_STAGES, ingest
from dossier.resources import Resources
from dossier.runners.local import LocalRunner
from dossier.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
TIMELINE17 = ROOT.parent / "shared" / "benchmarks" / "timeline17"
CACHE = ROOT / "benchmarks" / "results" / "cache"
# Packages that run only after grouping: a change there leaves the prepared folders valid.
# not language: package names
AFTER_GROUPING = frozenset(
    {"stories", "summarize", "crosscheck", "report", "web", "store", "cli.py"}
)
BEFORE_STORIES = tuple(
    s for s in DEFAULT_STAGES[: [x.name for x in DEFAULT_STAGES].index("stories")]
)


def _prefixed(doc: Document, prefix: str) -> Document:
    return replace(
        doc,
        id=f"{prefix}/{doc.id}",
        duplicate_of=f"{prefix}/{doc.duplicate_of}" if doc.duplicate_of else None,
        mentions=tuple(replace(m, doc=f"{prefix}/{doc.id}") for m in doc.mentions),
        time_expressions=tuple(replace(t, doc=f"{prefix}/{doc.id}") for t in doc.time_expressions),
        shared_spans=tuple((a, b, f"{prefix}/{o}") for a, b, o in doc.shared_spans),
    )


def prepare(paths: list[Path], settings: Settings, resources: Resources) -> tuple[Document, ...]:
    """Documents of ``paths`` through every stage before grouping."""
    corpus = ingest(paths, settings)
    corpus = LocalRunner().run(corpus, BEFORE_STORIES, settings, resources)
    return corpus.documents


def _code_digest() -> str:
    package = ROOT / "src" / "dossier"
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        relative = path.relative_to(package)
        if relative.parts[0] in AFTER_GROUPING:
            continue
        digest.update(str(relative).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def _data_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def cache_path(name: str) -> Path:
    """Where the prepared folder ``name`` is cached for this code and this data."""
    data = _data_digest(TIMELINE17 / name / "InputDocs")
    return CACHE / f"{name}-{data}-{_code_digest()}.pickle"


def folder_documents(
    name: str, settings: Settings | None = None, resources: Resources | None = None
) -> tuple[Document, ...]:
    """One Timeline17 folder's input documents (ids prefixed with the folder name)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = cache_path(name)
    if path.exists():
        with path.open("rb") as handle:
            docs: tuple[Document, ...] = pickle.load(handle)
        return docs
    started = time.perf_counter()
    docs = prepare(
        [TIMELINE17 / name / "InputDocs"], settings or Settings(), resources or Resources()
    )
    docs = tuple(_prefixed(d, name) for d in docs)
    for stale in CACHE.glob(f"{name}-*.pickle"):
        stale.unlink()  # prepared by other code or from other data
    partial = path.with_suffix(".partial")
    with partial.open("wb") as handle:
        pickle.dump(docs, handle)
    partial.replace(path)
    print(
        f"  {name}: {len(docs)} documents prepared in {time.perf_counter() - started:.0f} s",
        file=sys.stderr,
        flush=True,
    )
    return docs


def corpus_of(docs: tuple[Document, ...]) -> Corpus:
    return Corpus(documents=docs)


if __name__ == "__main__":
    resources = Resources()
    for folder in sys.argv[1:]:
        folder_documents(folder, Settings(), resources)
