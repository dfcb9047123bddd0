"""Fixtures for the entity tests: the fictional fixture and the cleaned seeds."""

from __future__ import annotations

from pathlib import Path

import pytest
from entity_fixtures import fixture_documents

from dossier.entities import EntitySettings, find_mentions, resolve_entities
from dossier.model import Document, Entity
from dossier.nlp import read_documents
from dossier.resources import Resources


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
