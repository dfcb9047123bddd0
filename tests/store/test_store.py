"""The SQLite store: migrations, idempotent saves, rollback, round trip, search."""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest

from dossier.errors import StoreError
from dossier.model import Corpus, Document
from dossier.store import Store, fts_query
from dossier.store import write as store_write
from dossier.store.migrate import known_migrations
from report.sample import sample_corpus

EXPECTED_TABLES = {
    "migrations",
    "meta",
    "documents",
    "removals",
    "flags",
    "shared_spans",
    "doc_mentions",
    "time_expressions",
    "stories",
    "story_documents",
    "entities",
    "aliases",
    "mentions",
    "roles",
    "attributes",
    "events",
    "event_citations",
    "conflicts",
    "conflict_sides",
    "conflict_side_citations",
    "sentences",
    "sentence_citations",
    "claims",
    "corroborations",
    "corroboration_citations",
    "documents_fts",
    "document_sources",
    "clean_history",
    "story_aliases",
    "builds",
    "changes",
    "outputs",
    "stage_cache",
    "line_keys",
    "date_keys",
    "band_keys",
    "doc_features",
}


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "nested" / "dossier.db"


def test_two_migrations_with_one_number_are_refused(tmp_path: Path) -> None:
    """Two branches that each add migration 5: the second to land must renumber its own."""
    for name in ("0001_initial.sql", "0002_more.sql", "0003_sides.sql", "0003_marks.sql"):
        (tmp_path / name).write_text("SELECT 1;\n", encoding="utf-8")
    with pytest.raises(RuntimeError, match="share a number: 0003_marks, 0003_sides"):
        known_migrations(tmp_path)
    (tmp_path / "0003_marks.sql").rename(tmp_path / "0005_marks.sql")
    with pytest.raises(RuntimeError, match="without gaps"):
        known_migrations(tmp_path)
    (tmp_path / "0005_marks.sql").rename(tmp_path / "0004_marks.sql")
    assert [m.name for m in known_migrations(tmp_path)] == ["initial", "more", "sides", "marks"]
    assert [m.id for m in known_migrations()] == list(range(1, len(known_migrations()) + 1))


def test_migrations_apply_from_empty_and_only_once(db: Path) -> None:
    known = known_migrations()
    with Store(db) as store:
        assert store.applied_migrations == [f"{m.id:04d}_{m.name}" for m in known]
        assert store.applied_migrations[0] == "0001_initial"
        assert store.schema_version == known[-1].id
        assert set(store.counts()) >= EXPECTED_TABLES
    with Store(db) as store:
        assert store.applied_migrations == []
    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT id, name FROM migrations").fetchall()
    assert rows == [(m.id, m.name) for m in known]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_newer_schema_is_refused_with_the_path(db: Path) -> None:
    Store(db).close()
    conn = sqlite3.connect(db)
    conn.execute("INSERT INTO migrations (id, name) VALUES (99, 'from_the_future')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer") as info:
        Store(db)
    assert str(db) in str(info.value)


def test_corrupt_file_is_refused_with_the_path(tmp_path: Path) -> None:
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not an SQLite database at all" * 200)
    with pytest.raises(StoreError) as info:
        Store(bad)
    assert str(bad) in str(info.value)


def test_foreign_database_is_not_taken_over(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="not a Dossier store"):
        Store(other)
    tables = sqlite3.connect(other).execute("SELECT name FROM sqlite_master").fetchall()
    assert tables == [("invoices",)]


def test_directory_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="directory"):
        Store(tmp_path)


def test_round_trip_is_exact(db: Path) -> None:
    corpus = sample_corpus()
    with Store(db) as store:
        store.save_corpus(corpus)
    with Store(db) as store:
        assert store.load_corpus() == corpus
        assert store.get_story("s-lindqvist") == corpus.stories[0]
        assert store.get_story("missing") is None
        assert store.get_document("blank") == corpus.documents[3]
        assert store.get_documents(["harbour", "nope", "blank"]) == (
            corpus.documents[4],
            corpus.documents[3],
        )


def test_saving_twice_leaves_the_same_rows(db: Path) -> None:
    corpus = sample_corpus()
    with Store(db) as store:
        store.save_corpus(corpus)
        first = store.counts()
        store.save_corpus(corpus)
        assert store.counts() == first
        assert first["documents"] == 5 and first["stories"] == 2
        assert store.load_corpus() == corpus


def test_changed_document_replaces_the_old_version(db: Path) -> None:
    corpus = sample_corpus()
    harbour = corpus.documents[4]
    edited = replace(harbour, title="Kelmsund terminal opens", raw_text=harbour.raw_text + "!")
    newer = replace(corpus, documents=(*corpus.documents[:4], edited))
    with Store(db) as store:
        store.save_corpus(corpus)
        store.save_corpus(newer)
        assert store.get_document("harbour") == edited
        assert store.counts()["documents"] == 5


def test_other_corpora_are_kept(db: Path) -> None:
    corpus = sample_corpus()
    other = Corpus(documents=(Document(id="lone", source="x.txt", clean_text="Lone text."),))
    with Store(db) as store:
        store.save_corpus(corpus)
        store.save_corpus(other)
        loaded = store.load_corpus()
    assert [d.id for d in loaded.documents] == [d.id for d in corpus.documents] + ["lone"]
    assert loaded.stories == corpus.stories


def test_failed_write_rolls_back_and_keeps_previous_data(
    db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = sample_corpus()
    with Store(db) as store:
        store.save_corpus(corpus)
        before = store.counts()
        calls = []

        def failing_insert(conn: sqlite3.Connection, story: object, position: int) -> None:
            calls.append(story)
            raise RuntimeError("disk on fire")

        monkeypatch.setattr(store_write, "_insert_story", failing_insert)
        with pytest.raises(RuntimeError, match="disk on fire"):
            store.save_corpus(corpus)
        assert calls  # the documents were already deleted and re-inserted when it failed
        assert store.counts() == before
        assert store.load_corpus() == corpus
    with Store(db) as store:  # and the file on disk agrees
        assert store.load_corpus() == corpus


def test_sqlite_errors_become_store_errors_and_roll_back(db: Path) -> None:
    corpus = sample_corpus()
    twice = replace(corpus, documents=(*corpus.documents, corpus.documents[0]))
    with Store(db) as store:
        store.save_corpus(corpus)
        with pytest.raises(StoreError, match="rolled back") as info:
            store.save_corpus(twice)  # the same document id twice: a constraint fails
        assert str(db) in str(info.value)
        assert store.load_corpus() == corpus


def test_search_finds_words_and_marks_them(db: Path) -> None:
    with Store(db) as store:
        store.save_corpus(sample_corpus())
        hits = store.search("sentenced lindqvist")
        assert {h.doc_id for h in hits} == {"ledger-2021-07-13", "wire-0712", "wire-0712-copy"}
        first = hits[0]
        assert first.story_ids == ("s-lindqvist",)
        marked = {first.snippet[s:e].lower() for s, e in first.highlights}
        # a merged spelling ("Ms. Lindqvist") is marked as one hit
        assert {m.split()[-1] for m in marked} == {"sentenced", "lindqvist"}
        assert [h.doc_id for h in store.search("ferr*")] == ["harbour"]
        assert store.search("") == []
        assert store.search('"unbalanced AND (') == []  # no FTS syntax reaches SQLite
        assert store.search("nothingmatches") == []


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('court "OR" NEAR(x') == '"court" "OR" "NEAR" "x"'
    assert fts_query("sentenc*") == '"sentenc"*'
    assert fts_query("  ") == ""


def test_list_stories_summarises_each_story(db: Path) -> None:
    with Store(db) as store:
        store.save_corpus(sample_corpus())
        listing = store.list_stories()
    assert [s.id for s in listing] == ["s-lindqvist", "s-harbour"]
    first = listing[0]
    assert first.outlets == ("Baltic Wire", "Northern Ledger")
    assert (first.documents, first.entities, first.events, first.conflicts) == (2, 5, 3, 1)
    assert (first.first_date, first.last_date) == ("2021-03-04", "2021-07-12")
    assert first.headline is not None and "Lindqvist" in first.headline
    assert listing[1].headline is None


def test_stored_field_that_no_longer_fits_is_skipped_with_a_warning(
    db: Path, caplog: pytest.LogCaptureFixture
) -> None:
    corpus = sample_corpus()
    with Store(db) as store:
        store.save_corpus(corpus)
    conn = sqlite3.connect(db)
    conn.execute(
        "UPDATE stories SET extra = ? WHERE id = 's-lindqvist'",
        ('{"outlet_profiles": [{"outlet": "X"}], "retired_field": 1}',),
    )
    conn.commit()
    conn.close()
    with Store(db) as store:
        story = store.get_story("s-lindqvist")
    assert story == replace(corpus.stories[0], outlet_profiles=())
    assert "outlet_profiles" in caplog.text and "retired_field" in caplog.text


def test_one_store_serves_threads(db: Path) -> None:
    import threading

    corpus = sample_corpus()
    errors: list[BaseException] = []
    with Store(db) as store:

        def work() -> None:
            try:
                for _ in range(5):
                    store.save_corpus(corpus)
                    assert store.get_story("s-harbour") == corpus.stories[1]
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == []
        assert store.counts()["documents"] == 5


def _with_sided_roles(corpus: Corpus) -> Corpus:
    story = corpus.stories[0]
    entity = next(e for e in story.entities if e.roles)
    first, *rest = entity.roles
    sided = (
        replace(first, side="defence", disputed=True),
        *(replace(r, side="bench") for r in rest),
    )
    entities = tuple(replace(e, roles=sided) if e is entity else e for e in story.entities)
    return replace(corpus, stories=(replace(story, entities=entities), *corpus.stories[1:]))


def test_role_sides_and_disputes_round_trip(db: Path) -> None:
    corpus = _with_sided_roles(sample_corpus())
    with Store(db) as store:
        store.save_corpus(corpus)
    with Store(db) as store:
        loaded = store.load_corpus()
    assert loaded == corpus
    roles = [r for e in loaded.stories[0].entities for r in e.roles]
    assert any(r.side == "defence" and r.disputed for r in roles)
    assert any(r.side == "bench" and not r.disputed for r in roles)


def test_roles_stored_before_sides_read_as_unsided(tmp_path: Path) -> None:
    """A store written before migration 5 keeps its role rows: they read with no side and
    not disputed once the migration has added the columns."""
    path = tmp_path / "old.db"
    corpus = sample_corpus()
    with Store(path) as store:
        store.save_corpus(corpus)
    conn = sqlite3.connect(path)
    conn.execute("ALTER TABLE roles DROP COLUMN disputed")
    conn.execute("ALTER TABLE roles DROP COLUMN side")
    conn.execute("DELETE FROM migrations WHERE name = 'role_sides'")
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert "0005_role_sides" in store.applied_migrations
        loaded = store.load_corpus()
    roles = [r for s in loaded.stories for e in s.entities for r in e.roles]
    assert roles and all(r.side is None and not r.disputed for r in roles)
    assert loaded == corpus


def test_fields_of_small_records_survive_the_store(db: Path) -> None:
    from dossier.model import RoleClaim

    corpus = sample_corpus()
    story = corpus.stories[0]
    entity = story.entities[0]
    role = RoleClaim("defence lawyer", entity.mentions[0], side="defence", disputed=True)
    changed = replace(story, entities=(replace(entity, roles=(role,)), *story.entities[1:]))
    corpus = replace(corpus, stories=(changed, *corpus.stories[1:]))
    with Store(db) as store:
        store.save_corpus(corpus)
    with Store(db) as store:
        back = store.get_story(changed.id)
    assert back is not None and back.entities[0].roles == (role,)
    assert back == changed
