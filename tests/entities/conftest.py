"""Fixtures for the entity tests: the fictional fixture, the cleaned seeds and the gold
stories (fictional stories and Timeline17 subsets)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from entity_fixtures import fixture_documents, story_documents, timeline17_paths

from dossier.entities import EntitySettings, find_mentions, resolve_entities
from dossier.model import Document, Entity
from dossier.nlp import read_documents
from dossier.resources import Resources
from entity_metrics import load_gold


@pytest.fixture(scope="session")
def fixture_mentions(resources: Resources) -> tuple[Document, ...]:
    return find_mentions(
        read_documents(fixture_documents(), resources), EntitySettings(), resources
    )


@pytest.fixture(scope="session")
def fixture_entities(
    fixture_mentions: tuple[Document, ...], resources: Resources
) -> tuple[Entity, ...]:
    return resolve_entities(fixture_mentions, EntitySettings(), resources)


@pytest.fixture(scope="session")
def seed_mentions(resources: Resources, seeds_dir: Path) -> tuple[Document, ...]:
    from dossier.clean import CleanSettings, clean_documents
    from dossier.ingest import IngestSettings, read_inputs

    docs = read_inputs(sorted(seeds_dir.glob("*.txt")), IngestSettings())
    docs = clean_documents(docs, CleanSettings(), resources)
    return find_mentions(read_documents(docs, resources), EntitySettings(), resources)


@pytest.fixture(scope="session")
def seed_entities(seed_mentions: tuple[Document, ...], resources: Resources) -> tuple[Entity, ...]:
    return resolve_entities(seed_mentions, EntitySettings(), resources)


@pytest.fixture(scope="session")
def gold_story(
    resources: Resources,
) -> Callable[[str], tuple[tuple[Document, ...], tuple[Entity, ...]]]:
    """``build(name)``: the documents (with mentions) and entities of the gold story
    ``tests/gold/entities_<name>.json``, built once per session: a Timeline17 subset
    (cleaned as the pipeline cleans it) when the gold names one, else the fictional story
    ``stories/<name>``."""
    from dossier.clean import CleanSettings, clean_documents
    from dossier.ingest import IngestSettings, read_inputs

    built: dict[str, tuple[tuple[Document, ...], tuple[Entity, ...]]] = {}

    def build(name: str) -> tuple[tuple[Document, ...], tuple[Entity, ...]]:
        if name not in built:
            gold = load_gold(f"entities_{name}.json")
            if "story" in gold:
                paths = timeline17_paths(gold["story"], gold["documents"])
                docs = clean_documents(
                    read_inputs(paths, IngestSettings()), CleanSettings(), resources
                )
            else:
                docs = story_documents(name)
            marked = find_mentions(read_documents(docs, resources), EntitySettings(), resources)
            built[name] = (marked, resolve_entities(marked, EntitySettings(), resources))
        return built[name]

    return build
