"""Search over the store (issue 19, defect 3): prefix indexes, the spelling index read once
per state of the store, and hits as the API returns them."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

import pytest

from dossier.model import Corpus
from dossier.store import Store
from dossier.store import db as store_db
from dossier.store.spellings import SpellingIndex, expand_query
from report.sample import sample_corpus

_UNPREFIXED = """
CREATE VIRTUAL TABLE documents_fts USING fts5(
    doc_id UNINDEXED, title, clean_text, tokenize = 'unicode61 remove_diacritics 2'
)
"""


def _fts_sql(path: Path) -> str:
    conn = sqlite3.connect(path)
    try:
        return str(
            conn.execute("SELECT sql FROM sqlite_master WHERE name = 'documents_fts'").fetchone()[0]
        )
    finally:
        conn.close()


def test_a_store_without_prefix_indexes_gets_them_and_keeps_its_rows(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path) as store:
        store.save_corpus(sample_corpus())
        before = [h.doc_id for h in store.search("se* court")]
    assert "prefix = '2 3'" in _fts_sql(path)
    conn = sqlite3.connect(path)  # the index as migration 1 made it, before 9
    rows = conn.execute("SELECT doc_id, title, clean_text FROM documents_fts").fetchall()
    conn.executescript("DROP TABLE documents_fts;" + _UNPREFIXED)
    conn.executemany("INSERT INTO documents_fts VALUES (?, ?, ?)", rows)
    conn.execute("DELETE FROM migrations WHERE name = 'search_prefixes'")
    conn.commit()
    conn.close()
    assert "prefix" not in _fts_sql(path)
    with Store(path) as store:
        assert "0009_search_prefixes" in store.applied_migrations
        assert [h.doc_id for h in store.search("se* court")] == before
        assert [h.doc_id for h in store.search("ferr*")] == ["harbour"]
    assert "prefix = '2 3'" in _fts_sql(path)


def test_the_spellings_are_read_once_per_state_of_the_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    reads: list[int] = []
    real = store_db.entity_spellings

    def counted(conn: sqlite3.Connection) -> list[tuple[str, ...]]:
        reads.append(1)
        return real(conn)

    monkeypatch.setattr(store_db, "entity_spellings", counted)
    path = tmp_path / "dossier.db"
    corpus = sample_corpus()
    with Store(path) as store:
        store.save_corpus(corpus)
        assert "Ms. Lindqvist" in store.expand("Lindqvist").spellings
        store.search("Lindqvist")
        store.expand("Mara Lindqvist")
        assert len(reads) == 1
        # Another connection (here another Store; it could be another process) commits a
        # new spelling: the next search reads the spellings again and knows it.
        story = corpus.stories[0]
        person = dataclasses.replace(story.entities[0], aliases=("Marja Lindkvist",))
        changed = dataclasses.replace(story, entities=(person, *story.entities[1:]))
        with Store(path) as other:
            other.save_corpus(Corpus(documents=corpus.documents, stories=(changed,)))
        assert "Marja Lindkvist" in store.expand("Lindqvist").spellings
        assert len(reads) == 2


def test_query_words_stand_for_entities_by_exact_or_near_words() -> None:
    groups = [
        ("Ilse Varg", "Ilse Warg"),
        ("Hendrik Osterhagen", "Osterhagen"),
        ("Port of Kessa",),
    ]
    index = SpellingIndex(groups)
    assert index.covering("varg") == {0}
    assert index.covering("osterhaagen") == {1}  # six letters or more: near spellings too
    assert index.covering("warq") == set()  # short words only as written
    expanded = expand_query("Warg osterhagen* of", index)
    assert expanded.spellings == ("Ilse Varg", "Ilse Warg")  # a prefix stands for no one
    assert expanded.fts == '(("Warg") OR "Ilse Varg" OR "Ilse Warg") AND "osterhagen"* AND "of"'
    # the same as from the groups themselves
    assert expand_query("Warg osterhagen* of", groups) == expanded
    full = expand_query("Hendrik Osterhagen", index)  # the whole name, not each word alone
    assert full.spellings == ("Hendrik Osterhagen", "Osterhagen")


def test_hits_as_json_are_the_hits_field_by_field(tmp_path: Path) -> None:
    with Store(tmp_path / "dossier.db") as store:
        store.save_corpus(sample_corpus())
        hits = store.search("sentenced lindqvist")
    assert hits
    for hit in hits:
        assert json.loads(json.dumps(hit.to_json())) == json.loads(
            json.dumps(dataclasses.asdict(hit))
        )
