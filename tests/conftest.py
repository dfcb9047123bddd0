"""Shared fixtures. Heavy models are loaded once per test session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from dossier.resources import Resources
from dossier.settings import Settings

PROJECT_ROOT = Path(__file__).resolve().parents[1]
SHARED = PROJECT_ROOT.parent / "shared"
SEEDS_DIR = SHARED / "seeds"
EXAMPLE_DIR = PROJECT_ROOT / "examples" / "zelenogorsk"
CONTRACT = SHARED / "contract" / "dossier.schema.json"
# Evaluation code (metrics, scorers) lives in benchmarks/, not in the package; tests of it
# import it from there.
sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources()


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS_DIR.is_dir():
        pytest.fail(f"the seed articles are missing: expected {SEEDS_DIR}")
    return SEEDS_DIR


@pytest.fixture(scope="session")
def example_dir() -> Path:
    return EXAMPLE_DIR


@pytest.fixture(scope="session")
def contract_path() -> Path:
    return CONTRACT
