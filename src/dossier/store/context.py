"""What later builds compare new documents with, kept per stored document.

Each row belongs to a document and goes with it (``ON DELETE CASCADE``); the engine
(:mod:`dossier.casefile`) writes them in the same transaction as the document:

- ``line_keys``: the keys of its short lines (a line several documents have is
  boilerplate);
- ``band_keys``: MinHash LSH band keys of the whole text (kind 0, copies) and of each
  paragraph (kind 1, shared passages), looked up instead of comparing texts;
- ``date_keys``: the year-less days (month, day) a dated document gives a year, and those an
  undated one needs;
- ``doc_features``: the word counts and folded entity names story grouping reads;
- ``stage_cache``: a document stage's results keyed by what it read (NER and parsing never
  run twice on one text), sentence embeddings keyed by the sentence, and documents read as
  frames keyed by what the reading depends on (:mod:`dossier.casefile.readings`).
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

KIND_DOCUMENT = 0
KIND_PARAGRAPH = 1
_CHUNK = 500
_SIGN = np.uint64(1 << 63)


def chunks(values: Sequence[object], size: int = _CHUNK) -> Iterator[Sequence[object]]:
    for i in range(0, len(values), size):
        yield values[i : i + size]


def _marks(values: Sequence[object]) -> str:
    return ",".join("?" * len(values))


def to_signed(keys: np.ndarray) -> list[int]:
    """uint64 band keys as SQLite integers (signed 64-bit)."""
    return [int(k) for k in (keys.astype(np.uint64) ^ _SIGN).view(np.int64)]


# --- line keys ------------------------------------------------------------------------------


def line_key_counts(
    conn: sqlite3.Connection, keys: Iterable[str], excluded: Iterable[str] = ()
) -> dict[str, int]:
    """How many stored documents (not ``excluded``) have each of ``keys``."""
    wanted = sorted(set(keys))
    skip = set(excluded)
    counts: dict[str, int] = dict.fromkeys(wanted, 0)
    for part in chunks(wanted):
        rows = conn.execute(
            f"SELECT key, doc_id FROM line_keys WHERE key IN ({_marks(part)})", tuple(part)
        )
        for key, doc_id in rows:
            if doc_id not in skip:
                counts[key] += 1
    return counts


def line_keys_of(conn: sqlite3.Connection, doc_ids: Iterable[str]) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    ids = sorted(set(doc_ids))
    for part in chunks(ids):
        for doc_id, key in conn.execute(
            f"SELECT doc_id, key FROM line_keys WHERE doc_id IN ({_marks(part)})", tuple(part)
        ):
            out.setdefault(doc_id, set()).add(key)
    return out


def documents_with_line_keys(conn: sqlite3.Connection, keys: Iterable[str]) -> set[str]:
    found: set[str] = set()
    wanted = sorted(set(keys))
    for part in chunks(wanted):
        found.update(
            r[0]
            for r in conn.execute(
                f"SELECT DISTINCT doc_id FROM line_keys WHERE key IN ({_marks(part)})",
                tuple(part),
            )
        )
    return found


# --- band keys ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class BandHit:
    doc_id: str
    start: int
    end: int
    band: int
    key: int


def band_hits(
    conn: sqlite3.Connection, kind: int, keys: Iterable[tuple[int, int]]
) -> list[BandHit]:
    """Stored units whose key in a band equals one of ``keys`` ((band, signed key)).

    The wanted pairs are joined as a table of values, so that each is one look-up in the
    (kind, band, key) index (a chain of ORs makes SQLite scan every key of the kind)."""
    wanted = sorted(set(keys))
    hits: list[BandHit] = []
    for start in range(0, len(wanted), 300):
        part = wanted[start : start + 300]
        params: list[int] = [n for pair in part for n in pair]
        params.append(kind)
        rows = conn.execute(
            f"WITH wanted (band, key) AS (VALUES {','.join(['(?,?)'] * len(part))})"
            ' SELECT b.doc_id, b.start, b."end", b.band, b.key FROM wanted w'
            " JOIN band_keys b ON b.kind = ? AND b.band = w.band AND b.key = w.key",
            params,
        )
        hits.extend(BandHit(*r) for r in rows)
    return hits


# --- date keys ------------------------------------------------------------------------------


def day_years(
    conn: sqlite3.Connection, days: Iterable[tuple[int, int]]
) -> list[tuple[str, int, int, int]]:
    """(doc id, month, day, year) of stored documents giving a year to one of ``days``."""
    out: list[tuple[str, int, int, int]] = []
    for month, day in sorted(set(days)):
        out.extend(
            (r[0], month, day, r[1])
            for r in conn.execute(
                "SELECT doc_id, year FROM date_keys WHERE month = ? AND day = ? AND role = 'gives'",
                (month, day),
            )
        )
    return out


def date_rows_of(
    conn: sqlite3.Connection, doc_ids: Iterable[str]
) -> list[tuple[str, str, int, int, int]]:
    """(doc id, role, month, day, year) rows of the given documents."""
    ids = sorted(set(doc_ids))
    out: list[tuple[str, str, int, int, int]] = []
    for part in chunks(ids):
        out.extend(
            conn.execute(
                f"SELECT doc_id, role, month, day, year FROM date_keys"
                f" WHERE doc_id IN ({_marks(part)})",
                tuple(part),
            )
        )
    return out


def documents_needing(conn: sqlite3.Connection, days: Iterable[tuple[int, int]]) -> set[str]:
    found: set[str] = set()
    for month, day in sorted(set(days)):
        found.update(
            r[0]
            for r in conn.execute(
                "SELECT doc_id FROM date_keys WHERE month = ? AND day = ? AND role = 'needs'",
                (month, day),
            )
        )
    return found


# --- grouping features ----------------------------------------------------------------------


def read_features(conn: sqlite3.Connection) -> dict[str, str]:
    """doc id -> the JSON of its grouping features (every stored document that has them)."""
    return dict(conn.execute("SELECT doc_id, features FROM doc_features").fetchall())


# --- writing --------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DocumentContext:
    """Every context row of one document (see the module docstring)."""

    line_keys: frozenset[str] = frozenset()
    copy_keys: tuple[int, ...] = ()  # signed band keys of the whole text, one per band
    paragraph_keys: tuple[tuple[int, int, tuple[int, ...]], ...] = ()  # (start, end, keys)
    gives: tuple[tuple[int, int, int], ...] = ()  # (month, day, year)
    needs: tuple[tuple[int, int], ...] = ()
    features: str | None = None  # JSON


def write_context(conn: sqlite3.Connection, doc_id: str, context: DocumentContext) -> None:
    for table in ("line_keys", "band_keys", "date_keys", "doc_features"):
        conn.execute(f"DELETE FROM {table} WHERE doc_id = ?", (doc_id,))
    conn.executemany(
        "INSERT INTO line_keys (doc_id, key) VALUES (?, ?)",
        [(doc_id, k) for k in sorted(context.line_keys)],
    )
    rows = [(doc_id, KIND_DOCUMENT, b, k, 0, 0) for b, k in enumerate(context.copy_keys)]
    rows += [
        (doc_id, KIND_PARAGRAPH, b, k, start, end)
        for start, end, keys in context.paragraph_keys
        for b, k in enumerate(keys)
    ]
    conn.executemany(
        'INSERT INTO band_keys (doc_id, kind, band, key, start, "end") VALUES (?,?,?,?,?,?)',
        rows,
    )
    dates = [(doc_id, "gives", m, d, y) for m, d, y in sorted(set(context.gives))]
    dates += [(doc_id, "needs", m, d, 0) for m, d in sorted(set(context.needs))]
    conn.executemany(
        "INSERT INTO date_keys (doc_id, role, month, day, year) VALUES (?,?,?,?,?)", dates
    )
    if context.features is not None:
        conn.execute(
            "INSERT INTO doc_features (doc_id, features) VALUES (?, ?)",
            (doc_id, context.features),
        )


# --- the stage cache ------------------------------------------------------------------------


def cache_get(
    conn: sqlite3.Connection, stage: str, version: str, keys: Iterable[str]
) -> dict[str, tuple[str, bytes]]:
    """key -> (doc id it was computed for, value) for the cached ones among ``keys``."""
    wanted = sorted(set(keys))
    out: dict[str, tuple[str, bytes]] = {}
    for part in chunks(wanted):
        rows = conn.execute(
            f"SELECT key, doc_id, value FROM stage_cache WHERE stage = ? AND version = ?"
            f" AND key IN ({_marks(part)})",
            (stage, version, *part),
        )
        out.update((r[0], (r[1], bytes(r[2]))) for r in rows)
    return out


def cache_put(
    conn: sqlite3.Connection,
    stage: str,
    version: str,
    items: Mapping[str, tuple[str, bytes]],
) -> None:
    conn.executemany(
        "INSERT OR REPLACE INTO stage_cache (stage, version, key, doc_id, value)"
        " VALUES (?,?,?,?,?)",
        [(stage, version, key, doc_id, value) for key, (doc_id, value) in items.items()],
    )


def cache_prune(
    conn: sqlite3.Connection,
    used: Mapping[str, Mapping[str, set[str]]],
    versions: Mapping[str, str] | None = None,
) -> int:
    """Drop cached results no stored document uses; returns how many went.

    - ``used`` (stage -> document id -> the keys it used in this update): the document's
      other results of that stage, read from a text or with mentions it no longer has
      (unless another document used them);
    - ``versions`` (stage -> its current version), on a rebuild: every result of those
      stages under another version, and every result computed for a document the store
      no longer holds. (Between rebuilds a removed document's results are kept: added
      again, it is not parsed again.)
    """
    before = conn.total_changes
    kept = {stage: set().union(*by_doc.values()) for stage, by_doc in used.items()}
    stale: set[tuple[str, str, str]] = set()  # (stage, version, key)
    for stage, by_doc in used.items():
        for doc_id in by_doc:
            rows = conn.execute(
                "SELECT version, key FROM stage_cache WHERE doc_id = ? AND stage = ?",
                (doc_id, stage),
            )
            stale.update((stage, v, key) for v, key in rows if key not in kept[stage])
    if versions is not None:
        for stage, version in versions.items():
            conn.execute(
                "DELETE FROM stage_cache WHERE stage = ? AND version != ?", (stage, version)
            )
        rows = conn.execute(
            "SELECT stage, version, key FROM stage_cache WHERE doc_id != ''"
            " AND doc_id NOT IN (SELECT id FROM documents)"
        )
        stale.update((st, v, key) for st, v, key in rows if key not in kept.get(st, ()))
    conn.executemany(
        "DELETE FROM stage_cache WHERE stage = ? AND version = ? AND key = ?", sorted(stale)
    )
    return conn.total_changes - before


def pack(value: object) -> bytes:
    return zlib.compress(json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode())


def unpack(blob: bytes) -> object:
    return json.loads(zlib.decompress(blob))
