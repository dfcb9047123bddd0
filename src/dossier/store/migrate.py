"""Numbered, named schema migrations (``migrations/NNNN_name.sql``), applied in order.

Each applied migration is recorded in the ``migrations`` table; a store whose
table names a migration this version of Dossier does not know was written by
a newer Dossier and is refused rather than misread.
"""

from __future__ import annotations

import logging
import re
import sqlite3
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from dossier.errors import StoreError

log = logging.getLogger(__name__)

# not language: migration file names
_FILENAME = re.compile(r"^(\d{4})_([a-z0-9_]+)\.sql$")


@dataclass(frozen=True, slots=True)
class Migration:
    id: int
    name: str
    sql: str


def known_migrations() -> tuple[Migration, ...]:
    """The migrations shipped with this package, in order."""
    found = []
    for entry in resources.files("dossier.store").joinpath("migrations").iterdir():
        match = _FILENAME.match(entry.name)
        if match:
            found.append(Migration(int(match[1]), match[2], entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.id)
    ids = [m.id for m in found]
    if ids != list(range(1, len(ids) + 1)):
        raise RuntimeError(f"store migrations must be numbered 1, 2, 3... without gaps: {ids}")
    return tuple(found)


def migrate(conn: sqlite3.Connection, path: Path) -> list[str]:
    """Bring the schema at ``path`` up to date; returns the names of migrations applied.

    ``conn`` must be in autocommit mode (``isolation_level=None``): each
    migration runs in its own transaction together with its record.
    """
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if tables and "migrations" not in tables:
        raise StoreError(f"{path}: not a Dossier store (an SQLite database with other tables)")
    conn.execute(
        "CREATE TABLE IF NOT EXISTS migrations ("
        " id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
        " applied_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')))"
    )
    applied = dict(conn.execute("SELECT id, name FROM migrations").fetchall())
    known = known_migrations()
    newest = known[-1].id if known else 0
    if applied and max(applied) > newest:
        raise StoreError(
            f"{path}: the store has schema version {max(applied)}, newer than the {newest} "
            "this version of Dossier understands; upgrade Dossier or use another store file"
        )
    done = []
    for migration in known:
        if migration.id in applied:
            if applied[migration.id] != migration.name:
                raise StoreError(
                    f"{path}: migration {migration.id} is recorded as {applied[migration.id]!r}, "
                    f"expected {migration.name!r}; the store was written by another program"
                )
            continue
        try:
            conn.executescript(
                "BEGIN IMMEDIATE;\n"
                + migration.sql
                + "\n;INSERT INTO migrations (id, name)"
                + f" VALUES ({migration.id}, '{migration.name}');"
                + "\nCOMMIT;"
            )
        except sqlite3.Error as exc:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise StoreError(
                f"{path}: migration {migration.id:04d}_{migration.name} failed: {exc}"
            ) from exc
        log.info("%s: applied migration %04d_%s", path, migration.id, migration.name)
        done.append(f"{migration.id:04d}_{migration.name}")
    return done


def schema_version(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT max(id) FROM migrations").fetchone()
    return int(row[0] or 0)
