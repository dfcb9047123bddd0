"""The store's memory of how a case grew: builds, per-story change logs, story ids that
were merged into others, and clean texts that a later build replaced.

None of these rows is deleted when a story or document is replaced or removed: a change
log outlives the story it describes (``dossier changes`` still lists a story that merged
into another), and an old clean text stays readable for citations made against it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import datetime

from dossier import __version__
from dossier.model import BuildRecord, Change

_BUILD_COLUMNS = "id, kind, started_at, finished_at, inputs, added, removed, stories"


def next_build_id(conn: sqlite3.Connection) -> int:
    row = conn.execute("SELECT max(id) FROM builds").fetchone()
    return 1 if row[0] is None else int(row[0]) + 1


def record_build(conn: sqlite3.Connection, build: BuildRecord) -> None:
    conn.execute(
        "INSERT INTO builds (id, kind, started_at, finished_at, dossier_version, inputs, added,"
        " removed, stories) VALUES (?,?,?,?,?,?,?,?,?)",
        (
            build.id,
            build.kind,
            build.started_at,
            build.finished_at,
            __version__,
            _json(build.inputs),
            _json(build.added),
            _json(build.removed),
            _json(build.stories),
        ),
    )


def _json(values: Sequence[str]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def read_builds(conn: sqlite3.Connection) -> tuple[BuildRecord, ...]:
    rows = conn.execute(f"SELECT {_BUILD_COLUMNS} FROM builds ORDER BY id").fetchall()
    return tuple(_build(r) for r in rows)


def _build(r: sqlite3.Row) -> BuildRecord:
    return BuildRecord(
        id=r[0],
        kind=r[1],
        started_at=r[2],
        finished_at=r[3],
        inputs=tuple(json.loads(r[4])),
        added=tuple(json.loads(r[5])),
        removed=tuple(json.loads(r[6])),
        stories=tuple(json.loads(r[7])),
    )


def last_build(conn: sqlite3.Connection) -> BuildRecord | None:
    row = conn.execute(f"SELECT {_BUILD_COLUMNS} FROM builds ORDER BY id DESC LIMIT 1").fetchone()
    return None if row is None else _build(row)


def record_changes(conn: sqlite3.Connection, story_id: str, changes: Sequence[Change]) -> None:
    row = conn.execute(
        "SELECT max(position) FROM changes WHERE story_id = ?", (story_id,)
    ).fetchone()
    base = 0 if row[0] is None else int(row[0]) + 1
    conn.executemany(
        "INSERT INTO changes (build, story_id, position, kind, subject, text) VALUES (?,?,?,?,?,?)",
        [(c.build, story_id, base + i, c.kind, c.subject, c.text) for i, c in enumerate(changes)],
    )


def read_changes(conn: sqlite3.Connection, story_id: str) -> tuple[Change, ...]:
    """The story's change log, with the logs of the stories merged into it, oldest first."""
    ids = [story_id] + [
        r[0] for r in conn.execute("SELECT old_id FROM story_aliases WHERE new_id = ?", (story_id,))
    ]
    marks = ",".join("?" * len(ids))
    rows = conn.execute(
        "SELECT c.build, b.finished_at, c.kind, c.subject, c.text FROM changes c"
        f" JOIN builds b ON b.id = c.build WHERE c.story_id IN ({marks})"
        " ORDER BY c.build, c.story_id != ?, c.story_id, c.position",
        (*ids, story_id),
    ).fetchall()
    return tuple(Change(r[0], r[1], r[2], r[3], r[4]) for r in rows)


def changes_since(
    conn: sqlite3.Connection,
    *,
    build: int | None = None,
    date: datetime | None = None,
    story_id: str | None = None,
) -> list[tuple[str, Change]]:
    """(story id, change) after build number ``build`` and/or on or after ``date``, oldest
    first, each under the id of the story it was recorded for."""
    where = ["1 = 1"]
    params: list[object] = []
    if story_id is not None:
        ids = [story_id] + [
            r[0]
            for r in conn.execute("SELECT old_id FROM story_aliases WHERE new_id = ?", (story_id,))
        ]
        where.append(f"c.story_id IN ({','.join('?' * len(ids))})")
        params.extend(ids)
    if build is not None:
        where.append("c.build > ?")
        params.append(build)
    if date is not None:
        where.append("b.finished_at >= ?")
        params.append(date.isoformat(timespec="seconds"))
    rows = conn.execute(
        "SELECT c.story_id, c.build, b.finished_at, c.kind, c.subject, c.text FROM changes c"
        f" JOIN builds b ON b.id = c.build WHERE {' AND '.join(where)}"
        " ORDER BY c.build, c.story_id, c.position",
        params,
    ).fetchall()
    return [(r[0], Change(r[1], r[2], r[3], r[4], r[5])) for r in rows]


def record_alias(conn: sqlite3.Connection, old_id: str, new_id: str, build: int) -> None:
    """``old_id`` is gone; its documents (and change log) are now in story ``new_id``."""
    conn.execute(
        "INSERT OR REPLACE INTO story_aliases (old_id, new_id, build) VALUES (?,?,?)",
        (old_id, new_id, build),
    )
    # Earlier aliases that pointed at old_id now point at the new story too.
    conn.execute(
        "UPDATE story_aliases SET new_id = ? WHERE new_id = ? AND old_id != ?",
        (new_id, old_id, new_id),
    )
    conn.execute("DELETE FROM story_aliases WHERE old_id = new_id")


def forget_alias(conn: sqlite3.Connection, story_id: str) -> None:
    """``story_id`` exists again (its founding document founds a story of its own)."""
    conn.execute("DELETE FROM story_aliases WHERE old_id = ?", (story_id,))


def resolve_alias(conn: sqlite3.Connection, story_id: str) -> str | None:
    row = conn.execute("SELECT new_id FROM story_aliases WHERE old_id = ?", (story_id,)).fetchone()
    return None if row is None else str(row[0])


def record_clean_history(
    conn: sqlite3.Connection, doc_id: str, version: int, clean_text: str, build: int
) -> None:
    conn.execute(
        "INSERT OR REPLACE INTO clean_history (doc_id, version, clean_text, replaced_build)"
        " VALUES (?,?,?,?)",
        (doc_id, version, clean_text, build),
    )


def clean_text_version(conn: sqlite3.Connection, doc_id: str, version: int) -> str | None:
    """The clean text ``doc_id`` had in ``version`` (the current one or an earlier one)."""
    row = conn.execute(
        "SELECT clean_text FROM documents WHERE id = ? AND clean_version = ?", (doc_id, version)
    ).fetchone()
    if row is None:
        row = conn.execute(
            "SELECT clean_text FROM clean_history WHERE doc_id = ? AND version = ?",
            (doc_id, version),
        ).fetchone()
    return None if row is None else str(row[0])
