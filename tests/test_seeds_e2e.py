"""`dossier build` on the real seed articles: contract, citations, cleaning, people."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from dossier.cli import main

# Lines of the outlets' link lists that are not about the case (must never survive cleaning).
RELATED_LIST_SNIPPETS = (
    "Paper straws found to contain",
    "Musk announces Twitter name",
    "Tony Bennett",
    "Corruption in the European Parliament",
    "Kazakh court grants asylum to Xinjiang concentration camp fugitive",
    "14 Uyghurs go on trial after six are sentenced",
    "Ethnic unrest and conflict rocks Kazakhstan",
    "Activists against deportation of two Kazakhs",
    "Subscribe to Asia News",
    "Send to a friend",
)


@pytest.fixture(scope="module")
def built(
    seeds_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[int, Path, dict[str, Any]]:
    out = tmp_path_factory.mktemp("seeds-out")
    code = main(["build", str(seeds_dir), "--out", str(out), "--quiet"])
    data = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    return code, out, data


def _citations(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if {"doc", "start", "end", "quote"} <= node.keys():
            yield node
        for value in node.values():
            yield from _citations(value)
    elif isinstance(node, list):
        for value in node:
            yield from _citations(value)


def test_build_succeeds_and_writes_every_output(built: tuple[int, Path, dict[str, Any]]) -> None:
    code, out, _ = built
    assert code == 0
    for name in ("dossier.json", "report.html", "dossier.sqlite"):
        assert (out / name).stat().st_size > 0


def test_output_validates_against_the_contract(
    built: tuple[int, Path, dict[str, Any]], contract_path: Path
) -> None:
    schema = json.loads(contract_path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(built[2])


def test_every_citation_quotes_its_document_exactly(
    built: tuple[int, Path, dict[str, Any]],
) -> None:
    data = built[2]
    texts = {d["id"]: d["clean_text"] for d in data["documents"]}
    citations = list(_citations(data["stories"]))
    assert len(citations) > 50
    for c in citations:
        assert texts[c["doc"]][c["start"] : c["end"]] == c["quote"], c


def test_link_lists_and_share_lines_do_not_survive_cleaning(
    built: tuple[int, Path, dict[str, Any]],
) -> None:
    for doc in built[2]["documents"]:
        for snippet in RELATED_LIST_SNIPPETS:
            assert snippet not in doc["clean_text"], (doc["id"], snippet)


def test_all_five_seeds_are_one_story(built: tuple[int, Path, dict[str, Any]]) -> None:
    data = built[2]
    assert [d["status"] for d in data["documents"]] == ["ok"] * 5
    assert len(data["stories"]) == 1
    assert len(data["stories"][0]["documents"]) == 5


def _person(story: dict[str, Any], surface: str) -> dict[str, Any]:
    found = [
        e
        for e in story["entities"]
        if e["type"] == "PERSON" and (surface == e["name"] or surface in e["aliases"])
    ]
    assert len(found) == 1, (surface, [(e["name"], e["aliases"]) for e in story["entities"]])
    return found[0]


def test_judge_and_both_defendants_are_found_with_every_spelling_merged(
    built: tuple[int, Path, dict[str, Any]],
) -> None:
    story = built[2]["stories"][0]
    judge = _person(story, "Shynar Ospanova")
    assert "judge" in judge["roles"]
    musakhanuly = _person(story, "Qaster Musakhanuly")
    assert _person(story, "Kaster Musakhan") is musakhanuly
    assert _person(story, "Musakhanuly") is musakhanuly
    alimuly = _person(story, "Murager Alimuly")
    assert _person(story, "Alimuly") is alimuly
    assert musakhanuly is not alimuly
    for defendant in (musakhanuly, alimuly):
        assert "defendant" in defendant["roles"]
    assert musakhanuly["attributes"].get("age") == 30
    assert alimuly["attributes"].get("age") == 25


def test_events_are_dated_sorted_and_cited(built: tuple[int, Path, dict[str, Any]]) -> None:
    events = built[2]["stories"][0]["events"]
    assert events
    values = [e["date"]["value"] for e in events]
    assert values == sorted(values)
    ruling = [e for e in events if e["date"]["value"] == "2020-01-21"]
    assert ruling, values


def test_rerun_on_the_same_input_is_idempotent(
    seeds_dir: Path, built: tuple[int, Path, dict[str, Any]]
) -> None:
    import sqlite3

    _, out, _ = built
    db = out / "dossier.sqlite"

    def counts() -> dict[str, int]:
        with sqlite3.connect(db) as conn:
            tables = [
                r[0]
                for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
                if not r[0].startswith(("sqlite_", "fts", "documents_fts"))
            ]
            return {t: conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0] for t in tables}

    before = counts()
    assert main(["build", str(seeds_dir), "--out", str(out), "--quiet"]) == 0
    assert counts() == before
