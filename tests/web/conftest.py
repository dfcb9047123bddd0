"""An in-process client over a store holding the fictional sample corpus (no sockets)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from dossier.model import Corpus
from dossier.store import Store
from dossier.web import create_app
from report.sample import sample_corpus


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "dossier.sqlite"
    with Store(path) as store:
        store.save_corpus(sample_corpus())
    return path


class FakeBuild:
    """Stands in for the pipeline: records the paths and returns a prepared corpus."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.calls: list[list[Path]] = []
        self.texts: dict[str, str] = {}

    def __call__(self, paths: Sequence[Path]) -> Corpus:
        self.calls.append(list(paths))
        self.texts = {p.name: p.read_text(encoding="utf-8") for p in paths if p.is_file()}
        return self.corpus


@pytest.fixture
def fake_build() -> FakeBuild:
    return FakeBuild(sample_corpus())


@pytest.fixture
def client(store_path: Path, fake_build: FakeBuild) -> Iterator[TestClient]:
    app = create_app(store_path, build=fake_build)
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client
