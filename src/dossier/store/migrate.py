"""Numbered, named schema migrations (``migrations/NNNN_name.sql``), applied in order.

Each applied migration is recorded in the ``migrations`` table; a store whose
table names a migration this version of Dossier does not know was written by
a newer Dossier and is refused rather than misread.

Several processes may open the same new store at once: each migration runs
inside one ``BEGIN IMMEDIATE`` transaction that first re-reads what is already
applied, so the second process waits for the first and then finds nothing
left to do (instead of failing on ``table meta already exists``).
"""

from __future__ import annotations

import logging
import re
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from dossier.errors import StoreError

log = logging.getLogger(__name__)

# not language: migration file names
_FILENAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")

WaitFn = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class Migration:
    id: int
    name: str
    sql: str

    def statements(self) -> Iterator[str]:
        """The script's statements, one at a time (``sqlite3.complete_statement`` decides
        where one ends, so a ``;`` inside a string or a trigger body does not split it)."""
        buffer = ""
        for line in self.sql.splitlines(keepends=True):
            buffer += line
            if sqlite3.complete_statement(buffer):
                statement = buffer.strip()
                buffer = ""
                if _has_code(statement):
                    yield statement
        if _has_code(buffer):
            raise RuntimeError(f"migration {self.id:04d}_{self.name} ends inside a statement")


def _has_code(sql: str) -> bool:
    return any(ln.strip() and not ln.strip().startswith("--") for ln in sql.splitlines())


def known_migrations(folder: Traversable | None = None) -> tuple[Migration, ...]:
    """The migrations shipped with this package (or in ``folder``), in order.

    Raises ``RuntimeError`` when two files share a number (two branches each adding
    ``0005_...``: one must be renumbered) or a number is missing."""
    where = folder if folder is not None else resources.files("dossier.store") / "migrations"
    found = []
    for entry in where.iterdir():
        match = _FILENAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: (m.id, m.name))
    ids = [m.id for m in found]
    twice = sorted({f"{m.id:04d}_{m.name}" for m in found if ids.count(m.id) > 1})
    if twice:
        raise RuntimeError(f"store migrations share a number: {', '.join(twice)}")
    if ids != list(range(1, len(ids) + 1)):
        raise RuntimeError(f"store migrations must be numbered 1, 2, 3... without gaps: {ids}")
    return tuple(found)


def begin_immediate(
    conn: sqlite3.Connection, path: Path, on_wait: WaitFn | None, timeout: float
) -> None:
    """Start a write transaction; if another process holds the write lock, say so
    (``on_wait``) and wait up to ``timeout`` seconds for it."""
    conn.execute("PRAGMA busy_timeout = 200")
    try:
        try:
            conn.execute("BEGIN IMMEDIATE")
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc):
                raise
        message = f"{path}: another process is writing this store; waiting for it"
        (on_wait or log.warning)(message)
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
        conn.execute("BEGIN IMMEDIATE")
    finally:
        conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")


def _is_busy(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "locked" in text or "busy" in text


def migrate(
    conn: sqlite3.Connection,
    path: Path,
    *,
    on_wait: WaitFn | None = None,
    timeout: float = 60.0,
    functions: dict[str, Callable[..., str | int | float | None]] | None = None,
) -> list[str]:
    """Bring the schema at ``path`` up to date; returns the names of migrations applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``): each
    migration runs in its own transaction together with its record.
    ``functions`` are SQL functions a migration may call (e.g. to hash stored text).
    """
    for name, fn in (functions or {}).items():
        conn.create_function(name, -1, fn, deterministic=True)
    known = known_migrations()
    newest = known[-1].id if known else 0
    if _up_to_date(conn, known):
        return []  # the common case: no write lock needed (a reader never waits for a writer)
    done = []
    for migration in known:
        begin_immediate(conn, path, on_wait, timeout)
        try:
            applied = _applied(conn, path)
            if applied and max(applied) > newest:
                raise StoreError(
                    f"{path}: the store has schema version {max(applied)}, newer than the "
                    f"{newest} this version of Dossier understands; upgrade Dossier or use "
                    "another store file"
                )
            if migration.id in applied:
                if applied[migration.id] != migration.name:
                    raise StoreError(
                        f"{path}: migration {migration.id} is recorded as "
                        f"{applied[migration.id]!r}, expected {migration.name!r}; the store was "
                        "written by another program"
                    )
                conn.execute("COMMIT")
                continue
            for statement in migration.statements():
                conn.execute(statement)
            conn.execute(
                "INSERT INTO migrations (id, name) VALUES (?, ?)", (migration.id, migration.name)
            )
            conn.execute("COMMIT")
        except sqlite3.Error as exc:
            _rollback(conn)
            raise StoreError(
                f"{path}: migration {migration.id:04d}_{migration.name} failed: {exc}"
            ) from exc
        except BaseException:
            _rollback(conn)
            raise
        log.info("%s: applied migration %04d_%s", path, migration.id, migration.name)
        done.append(f"{migration.id:04d}_{migration.name}")
    return done


def _up_to_date(conn: sqlite3.Connection, known: tuple[Migration, ...]) -> bool:
    row = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'migrations'"
    ).fetchone()
    if row is None:
        return False
    applied = dict(conn.execute("SELECT id, name FROM migrations").fetchall())
    return applied == {m.id: m.name for m in known}


def _applied(conn: sqlite3.Connection, path: Path) -> dict[int, str]:
    """What is applied (inside the caller's write transaction); creates the record table."""
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if tables and "migrations" not in tables:
        raise StoreError(f"{path}: not a Dossier store (an SQLite database with other tables)")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations ("
        " id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
    )
    return dict(conn.execute("SELECT id, name FROM migrations").fetchall())


def _rollback(conn: sqlite3.Connection) -> None:
    if conn.in_transaction:
        conn.execute("ROLLBACK")


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT max(id) FROM migrations").fetchone()
    return int(row[0] or 0)
