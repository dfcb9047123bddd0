"""Several processes opening and writing one store at once."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

from dossier.ingest.identity import content_id
from dossier.store import Store
from dossier.store.migrate import known_migrations

OPEN_AND_WRITE = textwrap.dedent(
    """
    import sys, time
    from dossier.store import Store
    path, start = sys.argv[1], float(sys.argv[2])
    while time.time() < start:
        pass
    with Store(path) as store:
        with store.transaction() as conn:
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)",
                         ("writer-" + sys.argv[3], "done"))
    print("ok")
    """
)


def _spawn(code: str, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-c", code, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_concurrent_first_opens_of_a_new_store_all_succeed(tmp_path: Path) -> None:
    path = tmp_path / "new" / "dossier.sqlite"
    start = time.time() + 1.5  # every process is up and spinning before any opens the file
    procs = [_spawn(OPEN_AND_WRITE, str(path), str(start), str(i)) for i in range(6)]
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (out, err) in zip(procs, results, strict=True):
        assert proc.returncode == 0, err
        assert out.strip() == "ok"
        assert "already exists" not in err
    conn = sqlite3.connect(path)
    applied = conn.execute("SELECT id, name FROM migrations ORDER BY id").fetchall()
    assert applied == [(m.id, m.name) for m in known_migrations()]
    writers = conn.execute("SELECT count(*) FROM meta WHERE key LIKE 'writer-%'").fetchone()
    assert writers == (6,)


HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from dossier.store import Store
    with Store(sys.argv[1]) as store, store.writer():
        with store.transaction() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('first', 'yes')")
        print("holding", flush=True)
        time.sleep(float(sys.argv[2]))
    """
)


def test_a_second_writer_waits_and_says_so(tmp_path: Path) -> None:
    path = tmp_path / "dossier.sqlite"
    Store(path).close()
    holder = _spawn(HOLD_LOCK, str(path), "2")
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    messages: list[str] = []
    started = time.monotonic()
    with Store(path, on_wait=messages.append) as store, store.writer():
        waited = time.monotonic() - started
        with store.transaction() as conn:
            conn.execute("INSERT INTO meta (key, value) VALUES ('second', 'yes')")
    holder.communicate(timeout=60)
    assert holder.returncode == 0
    assert waited > 0.5
    assert len(messages) == 1
    assert "another Dossier process" in messages[0] and str(path) in messages[0]
    assert "waiting" in messages[0]
    with Store(path) as store, store.reading() as conn:
        keys = {r[0] for r in conn.execute("SELECT key FROM meta")}
    assert {"first", "second"} <= keys


def test_a_killed_writer_leaves_no_lock_behind(tmp_path: Path) -> None:
    path = tmp_path / "dossier.sqlite"
    Store(path).close()
    holder = _spawn(HOLD_LOCK, str(path), "60")
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    holder.kill()
    holder.communicate(timeout=30)
    messages: list[str] = []
    started = time.monotonic()
    with Store(path, on_wait=messages.append) as store, store.writer():
        assert time.monotonic() - started < 5
    assert messages == []


def test_a_schema_1_store_is_brought_along(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    first = known_migrations()[0]
    conn = sqlite3.connect(path)
    conn.executescript(first.sql)
    conn.execute(
        "CREATE TABLE migrations (id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT)"
    )
    conn.execute("INSERT INTO migrations (id, name) VALUES (1, 'initial')")
    conn.execute(
        "INSERT INTO documents (id, position, content_hash, source, status, media_type, raw_text,"
        " clean_text, published_basis) VALUES ('a', 0, 'h', 'in/a.txt', 'ok', 'text',"
        " 'Some text.\r\n\r\n\r\nMore.', 'Some text.', 'none')"
    )
    conn.commit()
    conn.close()
    with Store(path) as store:
        assert store.applied_migrations == [f"{m.id:04d}_{m.name}" for m in known_migrations()[1:]]
        doc = store.get_document("a")
    assert doc is not None
    assert doc.content_id == content_id("Some text.\n\nMore.", "in/a.txt")
    assert doc.sources == ("in/a.txt",)
