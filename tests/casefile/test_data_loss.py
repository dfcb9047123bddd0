"""Nothing stored is lost: the ways builds used to destroy a case, each shown not to."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from dossier import cli_casefile
from dossier.cli import main
from dossier.resources import Resources
from dossier.store import Store
from dossier.store.check import check_store
from dossier.web import create_app
from dossier.web.api import PipelineBuild

pytestmark = pytest.mark.slow


@pytest.fixture(autouse=True)
def loaded_models(monkeypatch: pytest.MonkeyPatch, f32: Resources) -> None:
    """The CLI runs as it does for users, with the session's models (not loaded again)."""
    monkeypatch.setattr(cli_casefile, "_resources", lambda args: f32)


def _copy(files: list[Path], folder: Path, names: list[str] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for i, file in enumerate(files):
        shutil.copy(file, folder / (names[i] if names else file.name))
    return folder


def _outputs(out: Path) -> dict[str, bytes]:
    """Every output file under ``out`` (the report folder too), by relative path."""
    return {
        p.relative_to(out).as_posix(): p.read_bytes()
        for p in sorted(out.rglob("*"))
        if p.is_file() and not p.name.startswith("dossier.sqlite")
    }


def _build(*args: object) -> int:
    return main(["build", *map(str, args), "--quiet"])


def _stored(out: Path) -> tuple[dict[str, str], dict[str, tuple[str, ...]]]:
    with Store(out / "dossier.sqlite") as store:
        corpus = store.load_corpus()
        assert check_store(store) == []
    return {d.id: d.content_id for d in corpus.documents}, {
        s.id: s.document_ids for s in corpus.stories
    }


def test_two_folders_with_the_same_file_names_keep_both(fixtures: Path, tmp_path: Path) -> None:
    fire = sorted((fixtures / "dorrow").glob("*.txt"))[:2]
    strike = sorted((fixtures / "pellan").glob("*.txt"))
    first = _copy(fire, tmp_path / "2023-03-02", ["000.txt", "001.txt"])
    second = _copy(strike, tmp_path / "2023-03-14", ["000.txt", "001.txt"])
    out = tmp_path / "out"
    assert _build(first, "--out", out) == 0
    docs_before, stories_before = _stored(out)
    assert _build(second, "--out", out) == 0
    docs, stories = _stored(out)
    assert len(docs) == 4 and set(docs_before) <= set(docs)  # nothing replaced
    assert {docs[i] for i in docs_before} == set(docs_before.values())
    new_ids = sorted(set(docs) - set(docs_before))
    assert new_ids == ["2023-03-14_000", "2023-03-14_001"]  # unique against the store
    for story_id, members in stories_before.items():  # the first folder's story is intact
        assert stories[story_id] == members


def test_an_overlapping_build_keeps_the_earlier_story(
    seeds_dir: Path, tmp_path: Path, f32: Resources
) -> None:
    seeds = sorted(seeds_dir.glob("*.txt"))
    out = tmp_path / "out"
    assert _build(_copy(seeds[:4], tmp_path / "a"), "--out", out) == 0
    _, before = _stored(out)
    ((old_id, old_members),) = before.items()
    assert _build(_copy(seeds[3:], tmp_path / "b"), "--out", out) == 0
    docs, stories = _stored(out)
    assert len(docs) == 5  # seeds[3] is the same document, read from a second path
    ((story_id, members),) = stories.items()
    assert set(old_members) < set(members)  # the new article joined the old story
    with Store(out / "dossier.sqlite") as store:
        story = store.get_story(story_id)
        doc = store.get_document(seeds[3].stem)
        if story_id != old_id:
            assert store.story_alias(old_id) == story_id
    assert doc is not None and len(doc.sources) == 2
    # ...and is cross-checked with it: a conflict sets the new report against the old ones.
    assert story is not None
    new = seeds[4].stem
    assert any(
        {c.doc for side in k.sides for c in side.citations} - {new}
        and new in {c.doc for side in k.sides for c in side.citations}
        for k in story.conflicts
    )


def test_posting_a_stored_document_deletes_nothing(
    seeds_dir: Path, tmp_path: Path, settings: object, f32: Resources
) -> None:
    out = tmp_path / "out"
    assert _build(seeds_dir, "--out", out) == 0
    docs_before, stories_before = _stored(out)
    app = create_app(out / "dossier.sqlite", build=PipelineBuild(resources=f32))
    text = (seeds_dir / "000_536f53c610dde033.txt").read_text(encoding="utf-8")
    with TestClient(app, base_url="http://127.0.0.1:8000") as client:
        response = client.post(
            "/api/build", json={"articles": [{"name": "again.txt", "text": text}]}
        )
        assert response.status_code == 200, response.text
        body = response.json()
    assert body["build"] is not None  # the new source is recorded...
    assert [(d["id"], d["outcome"]) for d in body["documents"]] == [
        ("000_536f53c610dde033", "already stored")
    ]
    docs, stories = _stored(out)
    assert docs == docs_before and stories == stories_before  # ...and nothing else changes
    with Store(out / "dossier.sqlite") as store:
        doc = store.get_document("000_536f53c610dde033")
    assert doc is not None and doc.sources[-1] == "upload:again.txt"


def test_reusing_out_for_another_folder_shows_everything_stored(
    fixtures: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert _build(fixtures / "pellan", "--out", out) == 0
    assert _build(fixtures / "osk", "--out", out) == 0
    written = json.loads((out / "dossier.json").read_text(encoding="utf-8"))
    docs, stories = _stored(out)
    assert sorted(d["id"] for d in written["documents"]) == sorted(docs)
    assert sorted(s["id"] for s in written["stories"]) == sorted(stories)
    assert len(docs) == 4 and len(written["builds"]) == 2


def test_a_mistyped_input_leaves_the_outputs_and_store_as_they_were(
    fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out"
    assert _build(fixtures / "pellan", "--out", out) == 0
    before = _outputs(out)
    stored = _stored(out)
    assert {"dossier.json", "report.html"} < set(before)
    capsys.readouterr()
    assert _build(fixtures / "pelan", "--out", out) == 1
    err = capsys.readouterr().err
    assert "pelan" in err and "nothing was written" in err
    assert _outputs(out) == before and _stored(out) == stored
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    assert _build(empty, "--out", out) == 1  # every input rejected: the same
    assert _outputs(out) == before and _stored(out) == stored


def test_adding_the_same_article_twice_changes_nothing(fixtures: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _build(fixtures / "pellan", "--out", out) == 0
    store = out / "dossier.sqlite"
    article = fixtures / "dorrow" / "herald-fire.txt"
    assert main(["add", str(article), "--store", str(store), "--quiet"]) == 0
    before = _outputs(out)
    with Store(store) as opened:
        counts = opened.counts()
    assert main(["add", str(article), "--store", str(store), "--quiet"]) == 0
    with Store(store) as opened:
        assert opened.counts() == counts  # not even a build record
    assert _outputs(out) == before


def test_a_changed_file_is_a_new_document_unless_replace_is_asked(
    fixtures: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = _copy([fixtures / "pellan" / "herald-strike.txt"], tmp_path / "in")
    out = tmp_path / "out"
    assert _build(folder, "--out", out) == 0
    article = folder / "herald-strike.txt"
    article.write_text(
        article.read_text(encoding="utf-8").replace("Hundreds of", "About 400"), encoding="utf-8"
    )
    capsys.readouterr()
    assert _build(folder, "--out", out) == 0
    assert "--replace" in capsys.readouterr().err
    docs, _ = _stored(out)
    assert sorted(docs) == ["herald-strike", "in_herald-strike"]
    assert _build(folder, "--out", out, "--replace") == 0  # the new text is already stored
    assert len(_stored(out)[0]) == 2
    article.write_text(
        article.read_text(encoding="utf-8").replace("About 400", "Some 400"), encoding="utf-8"
    )
    assert _build(folder, "--out", out, "--replace") == 0
    docs_after, _ = _stored(out)
    assert sorted(docs_after) == ["herald-strike", "in_herald-strike"]
    assert docs_after["herald-strike"] == docs["herald-strike"]
    # The latest version read from that path is replaced in place; the first one stays.
    assert docs_after["in_herald-strike"] != docs["in_herald-strike"]
    with Store(out / "dossier.sqlite") as store, store.reading() as conn:
        history = conn.execute(
            "SELECT doc_id, version FROM clean_history ORDER BY doc_id"
        ).fetchall()
    assert [tuple(r) for r in history] == [("in_herald-strike", 1)]  # the old text is kept


def test_a_rebuild_of_an_unchanged_case_changes_nothing(fixtures: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert _build(fixtures / "dorrow", "--out", out) == 0
    with Store(out / "dossier.sqlite") as store:
        before = store.load_corpus()
    assert main(["rebuild", "--store", str(out / "dossier.sqlite"), "--quiet"]) == 0
    with Store(out / "dossier.sqlite") as store:
        after = store.load_corpus()
        assert check_store(store) == []
    assert [b.kind for b in after.builds] == ["build", "rebuild"]
    assert [replace(s, changes=()) for s in after.stories] == [
        replace(s, changes=()) for s in before.stories
    ]
    assert after.documents == before.documents
    assert main(["remove", "no-such-id", "--store", str(out / "dossier.sqlite")]) == 2
