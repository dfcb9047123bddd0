"""The change log: what each build changed in each story, in the store, the CLI, the JSON,
the report and the API."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from dossier.casefile import recorded_changes, remove_documents
from dossier.casefile.changes import DocumentNews, Log, entity_merges, story_changes
from dossier.cli import main
from dossier.model import (
    Citation,
    Conflict,
    ConflictSide,
    DateValue,
    Document,
    Entity,
    Event,
    Story,
)
from dossier.report import validate_against_contract
from dossier.report.html import render_report
from dossier.report.json_out import corpus_to_json
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.store import Store
from dossier.web import create_app

from .conftest import Adder, by_date, read

# --- the diff, on hand-made stories ---------------------------------------------------------


def _c(doc: str, start: int) -> Citation:
    return Citation(doc, start, start + 5, "quote")


def _event(eid: str, *cites: Citation, text: str = "It happened.") -> Event:
    return Event(eid, DateValue("2023-03-01", "day"), text, cites)


def _entity(eid: str, name: str, *cites: Citation) -> Entity:
    return Entity(eid, "PERSON", name, (), cites)


def _conflict(cid: str, kind: str, *cites: Citation) -> Conflict:
    sides = tuple(ConflictSide(f"side {i}", (c,)) for i, c in enumerate(cites))
    return Conflict(cid, kind, f"{kind} disagreement", sides)  # type: ignore[arg-type]


NEWS = DocumentNews(
    added=frozenset({"c"}),
    removed={"d": Document(id="d", source="d.txt", outlet="Wire", title="Gone")},
    updated={},
    docs={"c": Document(id="c", source="c.txt", outlet="Gazette", title="The new one")},
)


def _log() -> Log:
    return Log(7, "2026-12-01T10:00:00+00:00")


def test_an_event_that_gained_a_source_is_updated_even_under_a_new_id() -> None:
    old = Story("s1", "Fire", ("a", "b"), events=(_event("ev-1", _c("a", 0)),))
    new = Story("s1", "Fire", ("a", "b", "c"), events=(_event("ev-2", _c("a", 0), _c("c", 9)),))
    log = _log()
    story_changes(log, [old], [new], NEWS)
    kinds = [(c.kind, c.subject) for c in log.lines["s1"]]
    assert ("document-new", "c") in kinds
    assert ("event-updated", "ev-2") in kinds and ("event-new", "ev-2") not in kinds
    (line,) = [c for c in log.lines["s1"] if c.kind == "event-updated"]
    assert "now also reported by c" in line.text and line.build == 7


def test_conflicts_new_settled_and_superseded_expectations() -> None:
    old = Story(
        "s1", "Fire", ("a", "b"), conflicts=(_conflict("k-1", "numeric", _c("a", 1), _c("b", 1)),)
    )
    new = Story(
        "s1",
        "Fire",
        ("a", "b", "c"),
        conflicts=(_conflict("k-2", "superseded", _c("c", 3), _c("a", 9)),),
    )
    log = _log()
    story_changes(log, [old], [new], NEWS)
    kinds = {c.kind: c.subject for c in log.lines["s1"]}
    assert kinds["conflict-settled"] == "k-1"
    assert kinds["expectation-superseded"] == "k-2"


def test_stories_merged_removed_and_entities_merged() -> None:
    one = Story("s1", "Fire", ("a",), entities=(_entity("p-ilse", "Ilse Marchetti", _c("a", 1)),))
    two = Story(
        "s2", "Fine", ("b",), entities=(_entity("p-marketti", "Ilse Marketti", _c("b", 1)),)
    )
    gone = Story("s3", "Gone", ("d",))
    merged = Story(
        "s1",
        "Fire and fine",
        ("a", "b", "c"),
        entities=(_entity("p-ilse", "Ilse Marchetti", _c("a", 1), _c("b", 1)),),
    )
    log = _log()
    aliases = story_changes(log, [one, two, gone], [merged], NEWS)
    entity_merges(log, [one, two, gone], [merged])
    assert aliases == {"s2": "s1"}
    lines = {(c.kind, c.subject): c.text for c in log.lines["s1"]}
    assert "c links them" in lines[("story-merged", "s2")]
    assert "Ilse Marchetti and Ilse Marketti are one" in lines[("entity-merged", "p-ilse")]
    assert [c.kind for c in log.lines["s3"]] == ["story-removed"]


# --- a real case, grown -------------------------------------------------------------------


@pytest.fixture(scope="module")
def grown(
    tmp_path_factory: pytest.TempPathFactory,
    seeds_dir: Path,
    settings: Settings,
    f32: Resources,
    add: Adder,
) -> Path:
    """The seeds added one at a time in date order."""
    folder = tmp_path_factory.mktemp("changes")
    docs = read([seeds_dir], settings)
    with Store(folder / "dated.sqlite") as first:
        add(first, docs)
        order = by_date(first)
    by_id = {d.id: d for d in docs}
    with Store(folder / "dossier.sqlite") as store:
        for doc_id in order:
            add(store, [by_id[doc_id]])
    return folder / "dossier.sqlite"


pytestmark = pytest.mark.slow


def test_each_addition_records_what_it_changed(grown: Path) -> None:
    with Store(grown) as store:
        log = recorded_changes(store)
        (story,) = store.list_stories()
        full = store.get_story(story.id)
    assert full is not None
    builds = sorted({c.build for _, c in log})
    assert builds == [1, 2, 3, 4, 5]
    first = [c.kind for _, c in log if c.build == 1]
    assert first == ["story-new"]  # a first build is one line, not every event
    later = {c.kind for _, c in log if c.build > 1}
    assert {"document-new", "event-new", "conflict-new", "expectation-superseded"} <= later
    assert {"event-updated", "entity-updated"} & later
    # The story carries its log, oldest first, in the JSON, which keeps the contract.
    assert [c.build for c in full.changes] == sorted(c.build for c in full.changes)
    with Store(grown) as store:
        data = corpus_to_json(store.load_corpus())
    assert validate_against_contract(data, None) == []
    assert [b["id"] for b in data["builds"]] == builds
    assert data["stories"][0]["changes"][0]["kind"] == "story-new"
    assert all(len(b["added"]) == 1 for b in data["builds"])


def test_the_report_says_what_is_new_since_the_build_before(grown: Path) -> None:
    with Store(grown) as store:
        corpus = store.load_corpus()
    html = render_report(corpus)
    previous = corpus.builds[-2].finished_at[:10]
    assert f"What is new since {previous}" in html
    assert "build 5 of the case file" in html


def test_dossier_changes_prints_the_log_since_a_build_or_a_date(
    grown: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["changes", "--store", str(grown), "--since", "3"]) == 0
    out = capsys.readouterr().out
    assert "build 4" in out and "build 5" in out and "build 3 " not in out
    assert "[document-new]" in out
    assert main(["changes", "--store", str(grown), "--since", "2999-01-01"]) == 0
    assert "no changes since 2999-01-01" in capsys.readouterr().out
    assert main(["changes", "--store", str(grown), "--since", "2000-01-01", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["changes"]
    assert {r["build"] for r in rows} == {1, 2, 3, 4, 5}
    assert main(["changes", "--store", str(grown), "--since", "last week"]) == 2
    assert main(["changes", "--store", str(grown.with_name("missing.sqlite"))]) == 2


def test_the_api_serves_the_log(grown: Path) -> None:
    app = create_app(grown)
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        every = client.get("/api/changes").json()["changes"]
        later = client.get("/api/changes", params={"since": "4"}).json()["changes"]
        bad = client.get("/api/changes", params={"since": "soon"})
        story = client.get("/api/stories").json()["stories"][0]["id"]
        one = client.get("/api/changes", params={"story": story}).json()["changes"]
    assert {c["build"] for c in later} == {5} and len(every) > len(later)
    assert bad.status_code == 400 and "since" in bad.json()["error"]["message"]
    assert len(one) == len(every)


def test_removing_a_document_records_settled_conflicts(
    grown: Path, tmp_path: Path, settings: Settings, f32: Resources
) -> None:
    copy = tmp_path / "dossier.sqlite"
    copy.write_bytes(grown.read_bytes())
    with Store(copy) as store:
        (story,) = store.list_stories()
        before = store.get_story(story.id)
        assert before is not None
        asianews = "003_456036a5ecd13dac"
        result = remove_documents(store, [asianews], settings, f32)
        (after_listing,) = store.list_stories()
        after = store.get_story(after_listing.id)
    assert after is not None and asianews not in after.document_ids
    kinds = {c.kind for _, c in result.changes}
    assert {"document-removed", "conflict-settled"} <= kinds
    assert result.build is not None and result.build.removed == (asianews,)
    assert len(after.conflicts) < len(before.conflicts)
    cited = {c.doc for k in after.conflicts for s in k.sides for c in s.citations}
    assert asianews not in cited
