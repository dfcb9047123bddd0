"""Exports for other tools: FollowTheMoney entities Aleph can ingest, a story's own dossier/1
file, CSV tables; from the web UI's downloads and from `dossier export`."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from followthemoney import model

from dossier.cli import EXIT_OK, EXIT_USAGE, main
from dossier.report import check_citations, validate_against_contract
from dossier.report.export import ftm_entities, story_dossier
from dossier.store import Store

from .sample import sample_corpus


def test_ftm_entities_are_valid_and_linked() -> None:
    corpus = sample_corpus()
    story = corpus.stories[0]
    entities = list(ftm_entities(story, corpus.by_id()))
    proxies = [model.get_proxy(e) for e in entities]  # raises on an unknown schema or property
    by_id = {p.id: p for p in proxies}
    assert len(by_id) == len(proxies), "ids are unique"
    kinds = {p.schema.name for p in proxies}
    assert {"Article", "Person", "Organization", "Mention", "Documentation", "Event"} <= kinds
    article = next(p for p in proxies if p.schema.name == "Article" and p.get("sourceUrl"))
    assert article.get("sourceUrl") == ["https://wire.example/2021/07/12/reporter-jailed"]
    assert article.get("publisher") == ["Baltic Wire"]
    person = next(p for p in proxies if p.get("name") == ["Mara Lindqvist"])
    assert "Lindqvist" in person.get("alias")
    for p in proxies:  # every reference points at an exported entity
        for prop, value in p.itervalues():
            if prop.type.name == "entity":
                assert value in by_id, (p.schema.name, prop.name)
    role = next(p for p in proxies if p.schema.name == "Documentation")
    assert role.get("role") and role.get("summary")
    again = [e["id"] for e in ftm_entities(story, corpus.by_id())]
    assert again == [p.id for p in proxies]  # stable ids: a re-export updates the same entities


def test_a_story_alone_is_a_valid_dossier(contract_path: Path) -> None:
    corpus = sample_corpus()
    data = json.loads(json.dumps(story_dossier(corpus.stories[0], corpus.by_id())))
    assert validate_against_contract(data, contract_path) == []
    assert check_citations(data) == []
    assert "wire-0712-copy" in {d["id"] for d in data["documents"]}  # its duplicate, with why


@pytest.fixture
def store_file(tmp_path: Path) -> Path:
    path = tmp_path / "case.sqlite"
    with Store(path) as store:
        store.save_corpus(sample_corpus())
    return path


def test_dossier_export_writes_each_format(
    store_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "case.ftm.json"
    assert main(["export", "--store", str(store_file), "--out", str(out)]) == EXIT_OK
    lines = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert {model.get_proxy(e).schema.name for e in lines} >= {"Article", "Person", "Event"}
    stories = {e["properties"]["title"][0] for e in lines if e["schema"] == "Article"}
    assert "Kelmsund opens ferry terminal" in stories  # every story by default
    capsys.readouterr()
    code = main(
        ["export", "--store", str(store_file), "--format", "events", "--story", "s-lindqvist"]
    )
    assert code == EXIT_OK
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert [r["id"] for r in rows] == ["ev1", "ev2", "ev3"]
    assert (
        main(["export", "--store", str(store_file), "--format", "json", "--story", "s-harbour"])
        == EXIT_OK
    )
    assert json.loads(capsys.readouterr().out)["stories"][0]["id"] == "s-harbour"


def test_the_export_passes_followthemoney_s_own_validator(store_file: Path, tmp_path: Path) -> None:
    out = tmp_path / "case.ftm.json"
    assert main(["export", "--store", str(store_file), "--out", str(out)]) == EXIT_OK
    ftm = Path(sys.executable).parent / "ftm"
    result = subprocess.run(
        [str(ftm), "validate", "-i", str(out), "-o", str(tmp_path / "valid.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert len((tmp_path / "valid.json").read_text().splitlines()) == len(
        out.read_text().splitlines()
    )


def test_dossier_export_says_what_is_wrong(
    store_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", "--store", str(store_file), "--format", "claims"]) == EXIT_USAGE
    assert "choose one with --story" in capsys.readouterr().err
    assert main(["export", "--store", str(store_file), "--story", "nope"]) == EXIT_USAGE
    assert "no story with id 'nope'" in capsys.readouterr().err
    assert main(["export", "--store", str(tmp_path / "none.sqlite")]) == EXIT_USAGE
    assert "no such store" in capsys.readouterr().err
