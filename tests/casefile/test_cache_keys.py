"""What the stage cache is keyed on, and that it keeps only what stored documents use."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from dossier.casefile import add_paths, docstages, rebuild
from dossier.casefile.docstages import version_key
from dossier.pipeline import DEFAULT_STAGES
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.stages import DocumentStage
from dossier.store import Store
from dossier.store.context import cache_put, pack


def _stage(name: str) -> DocumentStage:
    stage = next(s for s in DEFAULT_STAGES if s.name == name)
    assert isinstance(stage, DocumentStage)
    return stage


def test_a_document_stage_is_keyed_on_its_settings_and_its_code_version(
    settings: Settings, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    parse = _stage("parse")
    undeclared = replace(parse, settings=None)
    key, undeclared_key = (
        version_key(parse, settings, resources),
        version_key(undeclared, settings, resources),
    )
    later_stage = replace(settings, time=replace(settings.time, max_partial_span_days=3))
    assert version_key(parse, later_stage, resources) == key
    assert version_key(undeclared, later_stage, resources) != undeclared_key
    own = replace(settings, parse=replace(settings.parse, max_chunk_chars=1234))
    assert version_key(parse, own, resources) != key
    assert version_key(replace(parse, version=parse.version + 1), settings, resources) != key
    assert version_key(_stage("mentions"), settings, resources) != key
    monkeypatch.setattr(docstages, "__version__", "0.0.0-another-release")
    assert version_key(parse, settings, resources) == key  # the parse code did not change
    assert version_key(undeclared, settings, resources) != undeclared_key


def _rows(store: Store, doc_id: str) -> dict[str, int]:
    with store.reading() as conn:
        return dict(
            conn.execute(
                "SELECT stage, count(*) FROM stage_cache WHERE doc_id = ? GROUP BY stage",
                (doc_id,),
            ).fetchall()
        )


@pytest.mark.slow
def test_results_no_stored_document_uses_are_dropped(
    fixtures: Path, settings: Settings, f32: Resources, tmp_path: Path
) -> None:
    """A document whose text changed keeps only its new results of the document stages; a
    rebuild also drops results of older stage versions and of documents the store no
    longer holds."""
    folder = tmp_path / "case"
    folder.mkdir()
    article = folder / "harbour-fire.txt"
    shutil.copy(fixtures / "dorrow" / "herald-fire.txt", article)
    shutil.copy(fixtures / "dorrow" / "courier-fire.txt", folder / "courier-fire.txt")
    with Store(tmp_path / "case.sqlite") as store:
        add_paths(store, [folder], settings, f32, kind="build")
        # memo: the summary's candidate sentences and the ages beside names (dossier.memo)
        each = {"language": 1, "parse": 1, "mentions": 1, "reading": 1, "memo": 2}
        assert _rows(store, "harbour-fire") == each
        text = article.read_text(encoding="utf-8")
        article.write_text(
            text + "\n\nA harbour official said the quay would reopen next week.\n",
            encoding="utf-8",
        )
        replaced = add_paths(store, [article], settings, f32, replace=True)
        assert replaced.build is not None
        # The first text's results went (its reading and memo go at the next rebuild).
        assert _rows(store, "harbour-fire") == {**each, "reading": 2, "memo": 4}
        with store.transaction() as conn:
            cache_put(conn, "parse", "an-older-parse", {"k1": ("harbour-fire", pack({}))})
            cache_put(
                conn,
                "mentions",
                docstages.version_key(_stage("mentions"), settings, f32),
                {"k2": ("a-removed-article", pack({}))},
            )
        assert _rows(store, "harbour-fire")["parse"] == 2
        rebuild(store, settings, f32)
        # (A reading goes when a rebuild recomputes the story: this one's is unchanged.)
        assert _rows(store, "harbour-fire") == {**each, "reading": 2, "memo": 4}
        assert _rows(store, "a-removed-article") == {}
        assert _rows(store, "courier-fire")["parse"] == 1


def test_stored_readings_and_stories_are_keyed_on_the_reading_code_version(
    settings: Settings, resources: Resources, monkeypatch: pytest.MonkeyPatch
) -> None:
    from dossier.casefile import engine

    reading, stories = engine.reading_version(settings), engine.story_version(settings, resources)
    monkeypatch.setattr(engine, "READING_VERSION", engine.READING_VERSION + 1)
    assert engine.reading_version(settings) != reading
    assert engine.story_version(settings, resources) != stories
