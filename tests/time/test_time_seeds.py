"""The time stage on the five seed articles, scored against tests/gold/time_seeds.json.

Documents come from the real ingest, clean, language and parse stages, as in a build.
Scores must reach the floors in tests/gold/time_floors.json.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from dossier.clean import clean_documents
from dossier.ingest import read_inputs
from dossier.model import DateValue, Document, Event
from dossier.nlp import read_documents
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.time import date_documents, extract_events

GOLD = Path(__file__).resolve().parents[1] / "gold"


@pytest.fixture(scope="module")
def seed_docs(seeds_dir: Path, settings: Settings, resources: Resources) -> tuple[Document, ...]:
    docs = clean_documents(read_inputs([seeds_dir], settings.ingest), settings.clean, resources)
    return date_documents(read_documents(docs, resources), settings.time, resources)


@pytest.fixture(scope="module")
def seed_events(
    seed_docs: tuple[Document, ...], settings: Settings, resources: Resources
) -> tuple[Event, ...]:
    return extract_events(seed_docs, [], settings.time, resources)


def _gold() -> dict[str, Any]:
    return json.loads((GOLD / "time_seeds.json").read_text())


def _floors() -> dict[str, float]:
    return json.loads((GOLD / "time_floors.json").read_text())


def _value(date: DateValue | None) -> str | None:
    return date.value if date is not None else None


def _event_text(event: Event) -> str:
    return " ".join([event.text, *(c.quote for c in event.citations)]).lower()


def test_publication_dates_reach_floors(seed_docs: tuple[Document, ...]) -> None:
    gold = _gold()["documents"]
    by_id = {d.id: d for d in seed_docs}
    date_ok = basis_ok = flags_found = flags_total = 0
    report = []
    for doc_id, want in gold.items():
        doc = by_id[doc_id]
        got = doc.published
        date_ok += bool(
            got.date
            and got.date.value == want["date"]
            and got.date.granularity == want["granularity"]
            and got.date.approximate == (want["basis"] == "content")
            and _value(doc.dating.earliest) == want.get("earliest", _value(doc.dating.earliest))
            and _value(doc.dating.latest) == want.get("latest", _value(doc.dating.latest))
        )
        basis_ok += got.basis == want["basis"]
        kinds = {f.kind for f in doc.flags}
        flags_total += len(want["flags"])
        flags_found += sum(k in kinds for k in want["flags"])
        report.append(f"{doc_id}: {got} {doc.dating.earliest} {doc.dating.latest} {sorted(kinds)}")
    floors = _floors()
    detail = "\n".join(report)
    assert date_ok / len(gold) >= floors["published_date_accuracy"], detail
    assert basis_ok / len(gold) >= floors["published_basis_accuracy"], detail
    assert flags_found / max(1, flags_total) >= floors["flag_recall"], detail


def test_events_reach_floors(
    seed_docs: tuple[Document, ...], seed_events: tuple[Event, ...]
) -> None:
    gold = _gold()
    found = 0
    missing = []
    for want in gold["events"]:
        hit = any(
            e.date.value == want["date"]
            and all(k.lower() in _event_text(e) for k in want["keywords"])
            and set(want["must_cite"]) <= {c.doc for c in e.citations}
            and not set(want.get("must_not_cite", ())) & {c.doc for c in e.citations}
            for e in seed_events
        )
        found += hit
        if not hit:
            missing.append(want)
    wrong = [
        w
        for w in gold["must_not"]
        if any(
            e.date.value == w["date"] and all(k.lower() in e.text.lower() for k in w["keywords"])
            for e in seed_events
        )
    ]
    floors = _floors()
    listing = "\n".join(
        f"{e.date.value} {e.text[:90]} {[c.doc[:3] for c in e.citations]}" for e in seed_events
    )
    assert found / len(gold["events"]) >= floors["event_recall"], f"missing {missing}\n{listing}"
    assert 1 - len(wrong) / len(gold["must_not"]) >= floors["event_precision_must_not"], (
        f"{wrong}\n{listing}"
    )


def test_event_citations_are_valid_and_sorted(
    seed_docs: tuple[Document, ...], seed_events: tuple[Event, ...]
) -> None:
    by_id = {d.id: d for d in seed_docs}
    for event in seed_events:
        for c in event.citations:
            assert by_id[c.doc].clean_text[c.start : c.end] == c.quote
    keys = [e.date.sort_key for e in seed_events]
    assert keys == sorted(keys)
    assert len({e.id for e in seed_events}) == len(seed_events)


def test_seed_time_expressions_are_valid_spans(seed_docs: tuple[Document, ...]) -> None:
    for doc in seed_docs:
        assert doc.time_expressions, doc.id
        for e in doc.time_expressions:
            assert doc.clean_text[e.start : e.end] == e.text
            if e.value is not None and e.kind == "date":
                # never finer than the text: a year-only mention is never a day
                assert not (e.text.strip().isdigit() and e.value.granularity != "year")
