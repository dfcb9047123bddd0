"""dossier.json: the contract, the extra fields, citations and the round trip."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest

from dossier.model import Corpus
from dossier.report import (
    check_citations,
    corpus_from_json,
    corpus_to_json,
    validate_against_contract,
)

from .sample import sample_corpus

CONTRACT = Path(__file__).resolve().parents[3] / "shared" / "contract" / "dossier.schema.json"


def _json(corpus: Corpus, **kwargs: bool) -> dict[str, object]:
    """Through real JSON text, as a reader of dossier.json would see it."""
    return json.loads(json.dumps(corpus_to_json(corpus, **kwargs), ensure_ascii=False))


@pytest.fixture(scope="module")
def data() -> dict:
    return _json(sample_corpus())


def test_sample_satisfies_the_contract_and_every_citation_holds(data: dict) -> None:
    assert validate_against_contract(data, CONTRACT) == []
    assert check_citations(data) == []
    assert data["schema"] == "dossier/1"


def test_every_document_is_written_with_status_and_reason(data: dict) -> None:
    docs = {d["id"]: d for d in data["documents"]}
    assert list(docs) == ["ledger-2021-07-13", "wire-0712", "wire-0712-copy", "blank", "harbour"]
    assert docs["blank"]["status"] == "rejected" and docs["blank"]["reason"] == "empty file"
    assert docs["wire-0712-copy"]["duplicate_of"] == "wire-0712"
    assert (
        "reason" not in docs["harbour"]
    )  # the contract types reason as a string: omitted, not null
    assert "raw_text" not in docs["harbour"]
    assert docs["harbour"]["published"] == {
        "date": {"value": "2022-05", "granularity": "month", "approximate": True},
        "basis": "content",
        "page_date": None,
    }
    assert docs["blank"]["published"]["date"] is None


def test_removals_are_summarised_by_reason(data: dict) -> None:
    ledger = data["documents"][0]
    assert ledger["removals"]["summary"] == [
        {"reason": "related-links", "count": 1, "lines": 4},
        {"reason": "navigation", "count": 1, "lines": 1},
    ]
    assert [b["reason"] for b in ledger["removals"]["blocks"]] == ["navigation", "related-links"]
    assert data["documents"][1]["shared_spans"] == [
        {"start": 0, "end": 14, "other_doc": "ledger-2021-07-13"}
    ]


def test_entities_roles_and_most_cited_attribute(data: dict) -> None:
    story = data["stories"][0]
    lindqvist = story["entities"][0]
    assert lindqvist["roles"] == ["defendant", "journalist"]  # sorted, unique
    assert len(lindqvist["role_claims"]) == 3
    assert lindqvist["attributes"] == {"age": 35}  # cited twice against once for 34
    assert [a["value"] for a in lindqvist["attribute_claims"]] == [34, 35, 35]
    assert lindqvist["mention_count"] == 4


def test_events_conflicts_and_extras(data: dict) -> None:
    story = data["stories"][0]
    assert [e["date"]["value"] for e in story["events"]] == ["2021-03-04", "2021-07-12", "2021-07"]
    assert story["events"][1]["entities"] == ["e1", "e2", "e4"]
    assert story["events"][1]["outlets"] == ["Northern Ledger", "Baltic Wire"]
    assert story["conflicts"][0]["sides"][0]["text"] == "34"
    assert [c["modality"] for c in story["claims"]] == ["allegation", "fact"]
    assert story["corroborations"][0]["independent_sources"] == 2
    assert "headline" in story
    assert (
        "headline" not in data["stories"][1]
    )  # no headline: omitted (the contract wants an object)


def test_round_trip_rebuilds_the_same_corpus() -> None:
    corpus = sample_corpus()
    assert corpus_from_json(_json(corpus, include_raw=True)) == corpus
    without_raw = corpus_from_json(_json(corpus))
    assert without_raw == replace(
        corpus, documents=tuple(replace(d, raw_text="") for d in corpus.documents)
    )


def test_reading_refuses_other_json() -> None:
    with pytest.raises(ValueError, match="dossier/1"):
        corpus_from_json({"schema": "something/2", "documents": [], "stories": []})
    with pytest.raises(ValueError, match="documents"):
        corpus_from_json({"schema": "dossier/1", "documents": {}, "stories": []})


def test_validation_reports_where_the_contract_is_broken(data: dict) -> None:
    broken = json.loads(json.dumps(data))
    broken["documents"][0]["status"] = "maybe"
    del broken["stories"][0]["title"]
    errors = validate_against_contract(broken, CONTRACT)
    assert any(e.startswith("$.documents[0].status") for e in errors)
    assert any("'title' is a required property" in e for e in errors)


def test_citation_check_catches_drift(data: dict) -> None:
    broken = json.loads(json.dumps(data))
    event = broken["stories"][0]["events"][0]
    event["citations"][0]["quote"] = "was detained on March 5, 2021"
    event["citations"][1]["doc"] = "no-such-doc"
    broken["stories"][0]["conflicts"][0]["sides"][0]["citations"][0]["end"] = 10_000
    problems = check_citations(broken)
    assert len(problems) == 3
    assert problems[0].startswith("$.stories[0].events[0].citations[0]")
    assert "not the quote" in problems[0]
    assert "unknown document 'no-such-doc'" in problems[1]
    assert "outside document" in problems[2]
