"""Cleaning quality gate: gold snippets that must / must not survive, with ratcheted floors.

Like trafilatura's evaldata + eval_gate: ``tests/gold/cleaning.json`` lists, per
seed article and per fictional fixture, short snippets that must appear in
``clean_text`` and snippets that must not (boilerplate), the caption (which must
appear zero times) and expected metadata. Scores must reach the floors in
``tests/gold/cleaning_floors.json``; the floors themselves may not drop below
the minimums pinned here.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dossier.clean import clean_documents
from dossier.ingest import read_inputs
from dossier.model import Document
from dossier.resources import Resources
from dossier.settings import Settings

GOLD = Path(__file__).resolve().parents[1] / "gold"
FIXTURES = Path(__file__).resolve().parent / "fixtures"

# The ratchet: floors may be raised in cleaning_floors.json, never lowered below these.
PINNED_MINIMUMS = {
    "seeds_must": 1.0,
    "seeds_must_not": 1.0,
    "seeds_captions": 1.0,
    "seeds_metadata": 1.0,
    "fixtures_must": 0.95,
    "fixtures_must_not": 0.95,
    "fixtures_captions": 1.0,
    "fixtures_metadata": 0.9,
}


def _gold() -> dict[str, dict[str, dict[str, object]]]:
    return json.loads((GOLD / "cleaning.json").read_text(encoding="utf-8"))


def _floors() -> dict[str, float]:
    data = json.loads((GOLD / "cleaning_floors.json").read_text(encoding="utf-8"))
    return {k: float(v) for k, v in data.items() if not k.startswith("_")}


def _score(
    docs: dict[str, Document], gold: dict[str, dict[str, object]]
) -> tuple[dict[str, float], list[str]]:
    passed = {"must": 0, "must_not": 0, "captions": 0, "metadata": 0}
    total = dict.fromkeys(passed, 0)
    failures: list[str] = []
    for name, spec in gold.items():
        doc = docs[name]
        text = doc.clean_text
        for snippet in spec.get("must", []):  # type: ignore[union-attr]
            total["must"] += 1
            if snippet in text:
                passed["must"] += 1
            else:
                failures.append(f"{name}: missing {snippet!r}")
        for snippet in spec.get("must_not", []):  # type: ignore[union-attr]
            total["must_not"] += 1
            if snippet not in text:
                passed["must_not"] += 1
            else:
                failures.append(f"{name}: boilerplate kept {snippet!r}")
        caption = spec.get("caption")
        if isinstance(caption, str):
            total["captions"] += 1
            if text.count(caption) == 0:
                passed["captions"] += 1
            else:
                failures.append(f"{name}: caption kept {caption!r}")
        for field, expected in spec.get("expect", {}).items():  # type: ignore[union-attr]
            total["metadata"] += 1
            actual = getattr(doc, field)
            if actual == expected:
                passed["metadata"] += 1
            else:
                failures.append(f"{name}: {field} = {actual!r}, expected {expected!r}")
    return {k: passed[k] / total[k] if total[k] else 1.0 for k in passed}, failures


@pytest.fixture(scope="module")
def seed_docs(seeds_dir: Path, settings: Settings, resources: Resources) -> dict[str, Document]:
    docs = clean_documents(read_inputs([seeds_dir], settings.ingest), settings.clean, resources)
    return {d.id: d for d in docs}


@pytest.fixture(scope="module")
def fixture_docs(settings: Settings, resources: Resources) -> dict[str, Document]:
    docs = clean_documents(read_inputs([FIXTURES], settings.ingest), settings.clean, resources)
    return {Path(d.source).name: d for d in docs}


def test_floors_are_not_lowered() -> None:
    floors = _floors()
    for key, minimum in PINNED_MINIMUMS.items():
        assert key in floors, f"floor {key} missing from cleaning_floors.json"
        assert floors[key] >= minimum, f"floor {key} lowered to {floors[key]} (< {minimum})"


def test_seed_gold(seed_docs: dict[str, Document]) -> None:
    gold = _gold()["seeds"]
    assert set(gold) <= set(seed_docs), "every gold seed must be present in ../shared/seeds"
    scores, failures = _score(seed_docs, gold)
    floors = _floors()
    for key, value in scores.items():
        assert value >= floors[f"seeds_{key}"], f"seeds {key} {value:.3f}: {failures}"


def test_fixture_gold(fixture_docs: dict[str, Document]) -> None:
    gold = _gold()["fixtures"]
    scores, failures = _score(fixture_docs, gold)
    floors = _floors()
    for key, value in scores.items():
        assert value >= floors[f"fixtures_{key}"], f"fixtures {key} {value:.3f}: {failures}"


def test_gold_counts_are_meaningful() -> None:
    """The gate only means something if it checks a lot: guard against a hollowed-out gold file."""
    gold = _gold()
    assert len(gold["seeds"]) == 5
    assert len(gold["fixtures"]) >= 4
    assert sum(len(s["must"]) for s in gold["seeds"].values()) >= 100  # type: ignore[arg-type]
    assert sum(len(s["must_not"]) for s in gold["seeds"].values()) >= 40  # type: ignore[arg-type]
