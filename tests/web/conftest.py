"""An in-process client over a store holding the fictional sample corpus (no sockets)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.testclient import TestClient

from dossier.casefile import UpdateResult
from dossier.model import BuildKind, Corpus, Document, Story
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.store import Store
from dossier.web import create_app
from report.sample import sample_corpus

from .browser_cases import BuiltCase, Served, build_case, large_folder, serving
from .cdp import Browser


@pytest.fixture
def store_path(tmp_path: Path) -> Path:
    path = tmp_path / "dossier.sqlite"
    with Store(path) as store:
        store.save_corpus(sample_corpus())
    return path


# The server answers only to its own host names: clients in tests call it by its address.
LOCAL = "http://127.0.0.1:8000"


def local_client(app: Starlette, **options: object) -> TestClient:
    """An in-process client that reaches ``app`` as a browser on this machine would."""
    return TestClient(app, base_url=LOCAL, **options)  # type: ignore[arg-type]


class SavingUpdate:
    """A stand-in's ``update``: stores the documents as they are (no pipeline) and says they
    are new; ``stories`` are stored with them."""

    stories: tuple[Story, ...] = ()

    def update(
        self, store: Store, documents: Sequence[Document], *, kind: BuildKind, replace: bool
    ) -> UpdateResult:
        store.save_corpus(Corpus(documents=tuple(documents), stories=self.stories))
        outcomes = tuple((d.source, d.id, "new") for d in documents)
        return UpdateResult(None, outcomes, (), (), ())


class FakeBuild(SavingUpdate):
    """Stands in for the pipeline: records the paths and returns a prepared corpus."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.calls: list[list[Path]] = []
        self.within: list[list[Path]] = []
        self.texts: dict[str, str] = {}

    def __call__(self, paths: Sequence[Path], *, within: Sequence[Path] = ()) -> Corpus:
        self.calls.append(list(paths))
        self.within.append(list(within))
        self.texts = {p.name: p.read_text(encoding="utf-8") for p in paths if p.is_file()}
        self.stories = self.corpus.stories
        return self.corpus


@pytest.fixture
def fake_build() -> FakeBuild:
    return FakeBuild(sample_corpus())


@pytest.fixture
def client(store_path: Path, fake_build: FakeBuild) -> Iterator[TestClient]:
    app = create_app(store_path, build=fake_build)
    with local_client(app, raise_server_exceptions=False) as test_client:
        yield test_client


# ---------------------------------------------------------------- browser tests


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    started = Browser.start()
    yield started
    started.close()


@pytest.fixture
def sample_server(store_path: Path) -> Iterator[str]:
    with serving(store_path) as url:
        yield url


@pytest.fixture(scope="session")
def seeds_case(
    tmp_path_factory: pytest.TempPathFactory,
    seeds_dir: Path,
    settings: Settings,
    resources: Resources,
) -> BuiltCase:
    return build_case([seeds_dir], tmp_path_factory.mktemp("seeds-case"), settings, resources)


@pytest.fixture(scope="session")
def seeds_server(
    seeds_case: BuiltCase, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Served]:
    store = tmp_path_factory.mktemp("seeds-served") / "dossier.sqlite"
    shutil.copyfile(seeds_case.store, store)  # the tests' review marks stay out of the case
    with serving(store) as url:
        yield Served(url, seeds_case.corpus)


@pytest.fixture(scope="session")
def large_case(
    tmp_path_factory: pytest.TempPathFactory, settings: Settings, resources: Resources
) -> BuiltCase:
    folder = large_folder(tmp_path_factory.mktemp("large-inputs"))
    return build_case([folder], tmp_path_factory.mktemp("large-case"), settings, resources)


@pytest.fixture(scope="session")
def large_server(large_case: BuiltCase) -> Iterator[Served]:
    with serving(large_case.store) as url:
        yield Served(url, large_case.corpus)
