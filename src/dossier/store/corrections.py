"""Stored corrections of the story grouping (see :class:`dossier.model.StoryCorrection`)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from dossier.model import CorrectionKind, StoryCorrection


def add_correction(
    conn: sqlite3.Connection, kind: CorrectionKind, documents: Sequence[str], target: str | None
) -> StoryCorrection:
    cursor = conn.execute(
        "INSERT INTO story_corrections (kind, documents, target) VALUES (?, ?, ?)",
        (kind, json.dumps(list(documents)), target),
    )
    row = conn.execute(
        "SELECT * FROM story_corrections WHERE id = ?", (cursor.lastrowid,)
    ).fetchone()
    return _correction(row)


def read_corrections(conn: sqlite3.Connection) -> tuple[StoryCorrection, ...]:
    rows = conn.execute("SELECT * FROM story_corrections ORDER BY id").fetchall()
    return tuple(_correction(r) for r in rows)


def _correction(row: sqlite3.Row) -> StoryCorrection:
    return StoryCorrection(
        id=int(row["id"]),
        kind=row["kind"],
        documents=tuple(json.loads(row["documents"])),
        target=row["target"],
        created_at=row["created_at"],
    )
