"""Review marks: a reviewer's "confirmed" or "dismissed" on a conflict or a merged spelling.

A mark is keyed by what it is about, not by a row id: a conflict by its kind and the
quotes of its sides, a merge by the two spellings it joins. Rebuilding the same
material gives the same keys, so the marks stay attached; a mark whose conflict or
merge is no longer found simply shows nowhere (and is still listed by the API).
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from dossier.model import Conflict, Entity

ReviewKind = Literal["conflict", "merge"]
Decision = Literal["confirmed", "dismissed"]
KINDS: tuple[ReviewKind, ...] = ("conflict", "merge")
DECISIONS: tuple[Decision, ...] = ("confirmed", "dismissed")


@dataclass(frozen=True, slots=True)
class Review:
    kind: ReviewKind
    key: str
    decision: Decision
    note: str = ""
    label: str = ""  # what was reviewed, in words (shown even if the item is gone)
    updated_at: str = ""


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:20]


def conflict_key(conflict: Conflict) -> str:
    """Its kind and the documents and quotes of its sides (order does not matter)."""
    quotes = sorted(f"{c.doc}\x1e{c.quote}" for side in conflict.sides for c in side.citations)
    return "c-" + _digest(conflict.kind, *quotes)


def merge_key(entity: Entity, alias: str) -> str:
    """The two spellings joined (either may be the canonical name after a rebuild)."""
    pair = sorted((entity.name.casefold(), alias.casefold()))
    return "m-" + _digest(entity.type, *pair)


def set_review(conn: sqlite3.Connection, review: Review) -> None:
    conn.execute(
        "INSERT INTO reviews (kind, key, decision, note, label)"
        " VALUES (?, ?, ?, ?, ?)"
        " ON CONFLICT (kind, key) DO UPDATE SET decision = excluded.decision,"
        " note = excluded.note, label = excluded.label,"
        " updated_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now')",
        (review.kind, review.key, review.decision, review.note, review.label),
    )


def clear_review(conn: sqlite3.Connection, kind: ReviewKind, key: str) -> None:
    conn.execute("DELETE FROM reviews WHERE kind = ? AND key = ?", (kind, key))


def read_reviews(conn: sqlite3.Connection, keys: Iterable[str] | None = None) -> list[Review]:
    query = "SELECT kind, key, decision, note, label, updated_at FROM reviews"
    params: tuple[str, ...] = ()
    if keys is not None:
        wanted = tuple(keys)
        if not wanted:
            return []
        query += f" WHERE key IN ({','.join('?' * len(wanted))})"
        params = wanted
    rows = conn.execute(query + " ORDER BY updated_at DESC, key", params).fetchall()
    return [Review(r[0], r[1], r[2], r[3], r[4], r[5]) for r in rows]
