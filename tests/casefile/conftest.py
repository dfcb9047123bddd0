"""Case-file fixtures: stores built once per session, in one build and article by article.

The comparisons use float32 embeddings: in bfloat16 a claim's embedding depends slightly on
which claims are embedded with it (batches differ between one build and many additions),
so a pair of claims right at an alignment threshold could fall either way.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from dossier.casefile import UpdateResult, update_store
from dossier.model import Corpus, Document
from dossier.pipeline import ingest
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.store import Store

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "casefile"


@pytest.fixture(scope="session")
def f32(resources: Resources) -> Resources:
    """The session's models, with float32 embeddings (shares what is already loaded)."""
    return dataclasses.replace(resources, embed_precision="float32")


@pytest.fixture(scope="session")
def fixtures() -> Path:
    return FIXTURES


Adder = Callable[[Store, Sequence[Document]], UpdateResult]


@pytest.fixture(scope="session")
def add(settings: Settings, f32: Resources) -> Adder:
    def run(store: Store, docs: Sequence[Document]) -> UpdateResult:
        return update_store(store, inputs=docs, settings=settings, resources=f32)

    return run


def read(paths: Sequence[Path], settings: Settings) -> list[Document]:
    return list(ingest(paths, settings).documents)


def by_date(store: Store) -> list[str]:
    """Document ids oldest first (by the publication date the case settled on)."""
    docs = store.load_corpus().documents
    return [
        d.id
        for d in sorted(
            docs, key=lambda d: (d.published.date.sort_key if d.published.date else "9999", d.id)
        )
    ]


def grow(path: Path, docs: Sequence[Document], order: Sequence[str], add: Adder) -> Corpus:
    """A store at ``path`` grown one document at a time, in ``order`` (ids)."""
    by_id = {d.id: d for d in docs}
    with Store(path) as store:
        for doc_id in order:
            add(store, [by_id[doc_id]])
        return store.load_corpus()


def build_once(
    path: Path, docs: Sequence[Document], settings: Settings, resources: Resources
) -> Corpus:
    with Store(path) as store:
        update_store(store, inputs=docs, kind="build", settings=settings, resources=resources)
        return store.load_corpus()


# Fields that say where a document was read from, not what the case makes of it.
PROVENANCE = {"source", "sources", "parse"}


def assert_same_case(grown: Corpus, one: Corpus) -> None:
    """The same documents (all they hold but where they came from) and the same stories
    (ids, members, entities, events, claims, conflicts, facts, summary; not change logs)."""
    mine = {d.id: d for d in grown.documents}
    theirs = {d.id: d for d in one.documents}
    assert sorted(mine) == sorted(theirs)
    for doc_id, doc in theirs.items():
        for f in dataclasses.fields(doc):
            if f.name not in PROVENANCE:
                assert getattr(mine[doc_id], f.name) == getattr(doc, f.name), (doc_id, f.name)
    stories = {s.id: dataclasses.replace(s, changes=()) for s in grown.stories}
    expected = {s.id: dataclasses.replace(s, changes=()) for s in one.stories}
    assert sorted(stories) == sorted(expected)
    for story_id, story in expected.items():
        for f in dataclasses.fields(story):
            assert getattr(stories[story_id], f.name) == getattr(story, f.name), (story_id, f.name)
