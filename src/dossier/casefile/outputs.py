"""``dossier.json`` and the report written from the store, never out of step with it.

The outputs of a folder are ``dossier.json``, ``report.html`` and, unless the report is one
self-contained file, the ``report/`` folder of pages beside it. A kill at any moment leaves
either the old set (store and outputs) or the new one:

1. inside the build's transaction, the new outputs are rendered from the new state and
   written beside the old ones (temporary files, and a temporary folder for the pages),
   flushed to disk (``fsync``), and the store records them as *pending* for this build;
2. the transaction commits (store and record together);
3. each output is renamed over the old one (the pages folder first, ``dossier.json``
   last), the folder flushed, and the record marked done.

A kill before 2 leaves the store as it was (SQLite rolls back) and the old files; the
temporary ones are removed by the next run. A kill after 2 leaves a store that names
finished temporary outputs: :func:`recover_outputs` (which every command and every update
runs first) puts them in place. The store records each output relative to its own folder,
so a case folder moved or copied as a whole still finds its outputs.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.faults import checkpoint
from dossier.model import Corpus
from dossier.store.db import load_corpus
from dossier.store.history import last_build

if TYPE_CHECKING:
    from dossier.store import Store

log = logging.getLogger(__name__)

JSON, REPORT, PAGES = "dossier.json", "report.html", "report"
# Temporary names an interrupted build may leave (ours, and those of report.write_report).
_STRAY_PREFIXES = (f".{JSON}.", f".{REPORT}.", f".{PAGES}.", ".report-")


def record_key(store_dir: Path, path: Path) -> str:
    """How the store names an output: relative to the store's folder."""
    return os.path.relpath(path.resolve(), store_dir.resolve())


def recorded_path(store_dir: Path, key: str) -> Path:
    return (store_dir / key).resolve()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def digest(path: Path) -> str | None:
    """A file's sha256, or a folder's (of its files' relative paths and contents)."""
    if path.is_file():
        return _sha256(path.read_bytes())
    if not path.is_dir():
        return None
    parts = []
    for file in sorted(p for p in path.rglob("*") if p.is_file()):
        parts.append(f"{file.relative_to(path).as_posix()}\0{_sha256(file.read_bytes())}")
    return _sha256("\n".join(parts).encode("utf-8"))


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - a platform without directory fds
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _write_synced(path: Path, data: bytes) -> None:
    with open(path, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _render(corpus: Corpus, single_file: bool) -> dict[str, bytes | dict[str, bytes]]:
    """name -> the bytes of a file, or the files (relative path -> bytes) of a folder."""
    from dossier.report.html import folder_files, render_report
    from dossier.report.json_out import corpus_to_json

    rendered: dict[str, bytes | dict[str, bytes]] = {}
    if single_file:
        rendered[REPORT] = render_report(corpus).encode("utf-8")
    else:
        files = folder_files(corpus)
        rendered[PAGES] = {
            name.split("/", 1)[1]: text.encode("utf-8")
            for name, text in files.items()
            if name.startswith(PAGES + "/")
        }
        rendered[REPORT] = files[REPORT].encode("utf-8")
    rendered[JSON] = json.dumps(corpus_to_json(corpus), ensure_ascii=False, indent=2).encode()
    return rendered  # in the order they are put in place: the pages, the index, the JSON


@dataclass(slots=True)
class Outputs:
    """The outputs of one folder: ``single_file`` for one self-contained report.html."""

    folder: Path
    single_file: bool = False
    _pending: list[tuple[Path, Path]] = field(default_factory=list)
    _dropped: list[Path] = field(default_factory=list)

    def names(self) -> tuple[str, ...]:
        return (REPORT, JSON) if self.single_file else (PAGES, REPORT, JSON)

    def paths(self) -> list[Path]:
        return [(self.folder / name).resolve() for name in self.names()]

    def stale(self, store: Store) -> bool:
        """Whether an output is missing or shows another build than the store's last one."""
        where = store.path.parent
        with store.reading() as conn:
            latest = last_build(conn)
            records = _records(conn, [record_key(where, p) for p in self.paths()])
        for path in self.paths():
            build, sha = records.get(record_key(where, path), (None, None))
            if build != (latest.id if latest else None) or digest(path) != sha:
                return True
        return False

    def prepare(self, conn: sqlite3.Connection, build_id: int | None, store_dir: Path) -> Corpus:
        """Render the outputs from the state ``conn`` sees (inside the build's transaction),
        write them beside the old ones, flushed, and record them as pending."""
        self.folder.mkdir(parents=True, exist_ok=True)
        _remove_strays(self.folder, store_dir, conn)
        corpus = load_corpus(conn)
        if build_id is None:
            latest = last_build(conn)
            build_id = latest.id if latest else 0
        self._pending = []
        for name, content in _render(corpus, self.single_file).items():
            path = (self.folder / name).resolve()
            temporary = path.with_name(f".{name}.{build_id}.{os.getpid()}.tmp")
            _remove(temporary)
            if isinstance(content, dict):
                temporary.mkdir()
                for relative, data in content.items():
                    (temporary / relative).parent.mkdir(parents=True, exist_ok=True)
                    _write_synced(temporary / relative, data)
                _fsync_dir(temporary)
            else:
                _write_synced(temporary, content)
            conn.execute(
                "INSERT INTO outputs (path, pending, pending_build, pending_sha256)"
                " VALUES (?,?,?,?) ON CONFLICT(path) DO UPDATE SET pending = excluded.pending,"
                " pending_build = excluded.pending_build,"
                " pending_sha256 = excluded.pending_sha256",
                (
                    record_key(store_dir, path),
                    record_key(store_dir, temporary),
                    build_id,
                    digest(temporary),
                ),
            )
            self._pending.append((temporary, path))
        # The other form of the report (a folder now one file, or the reverse) goes.
        other = (self.folder / PAGES).resolve()
        if self.single_file and other.exists():
            conn.execute("DELETE FROM outputs WHERE path = ?", (record_key(store_dir, other),))
            self._dropped = [other]
        _fsync_dir(self.folder)
        checkpoint("outputs-prepared")
        return corpus

    def commit(self, store: Store) -> None:
        """After the transaction: put the new outputs in place and mark them done."""
        checkpoint("committed")
        for n, (temporary, path) in enumerate(self._pending):
            _put_in_place(temporary, path)
            if n == 0:
                checkpoint("renamed-first")
        for path in self._dropped:
            _remove(path)
        _fsync_dir(self.folder)
        checkpoint("renamed")
        with store.transaction() as conn:
            _mark_done(conn, [record_key(store.path.parent, p) for _, p in self._pending])
        self._pending = []

    @staticmethod
    def recorded(store: Store) -> Outputs | None:
        """The outputs the store was last written to (their folder and form), if any."""
        where = store.path.parent
        with store.reading() as conn:
            rows = conn.execute(
                "SELECT path FROM outputs ORDER BY written_at DESC, path"
            ).fetchall()
        paths = [recorded_path(where, r[0]) for r in rows]
        if not paths:
            return None
        folder = paths[0].parent
        pages = folder / PAGES
        return Outputs(folder, single_file=pages not in paths)


def _put_in_place(temporary: Path, path: Path) -> None:
    if temporary.is_dir():
        aside = path.with_name(f".{path.name}.old.tmp")
        _remove(aside)
        if path.exists():
            os.replace(path, aside)
        os.replace(temporary, path)
        _remove(aside)
    else:
        os.replace(temporary, path)


def _records(conn: sqlite3.Connection, keys: Sequence[str]) -> dict[str, tuple[int, str]]:
    out = {}
    for key in keys:
        row = conn.execute("SELECT build, sha256 FROM outputs WHERE path = ?", (key,)).fetchone()
        if row is not None:
            out[key] = (row[0], row[1])
    return out


def _remove_strays(folder: Path, store_dir: Path, conn: sqlite3.Connection) -> list[str]:
    """Temporary outputs an interrupted build left (not those the store still records as
    pending: :func:`finish_interrupted` puts those in place)."""
    pending = {
        recorded_path(store_dir, r[0])
        for r in conn.execute("SELECT pending FROM outputs WHERE pending IS NOT NULL")
    }
    removed = []
    for stray in folder.glob(".*"):
        if stray.name.startswith(_STRAY_PREFIXES) and stray.resolve() not in pending:
            _remove(stray)
            removed.append(f"{stray}: removed (left by an interrupted build)")
    return removed


def _mark_done(conn: sqlite3.Connection, keys: Sequence[str]) -> None:
    now = datetime.now(UTC).isoformat(timespec="seconds")
    for key in keys:
        conn.execute(
            "UPDATE outputs SET build = pending_build, sha256 = pending_sha256, pending = NULL,"
            " pending_build = NULL, pending_sha256 = NULL, written_at = ? WHERE path = ?",
            (now, key),
        )


def recover_outputs(store: Store) -> list[str]:
    """Finish outputs a killed build left half-replaced; remove stray temporary files.
    Returns what it did, one line per output."""
    with store.writer():
        return finish_interrupted(store)


def finish_interrupted(store: Store) -> list[str]:
    """:func:`recover_outputs` for a caller that holds the store's writer lock."""
    done = []
    where = store.path.parent
    with store.reading() as conn:
        rows = conn.execute(
            "SELECT path, pending, pending_sha256 FROM outputs WHERE pending IS NOT NULL"
            " ORDER BY path != 'report', path"
        ).fetchall()
        keys = [r[0] for r in conn.execute("SELECT path FROM outputs")]
    finished = []
    for key, pending_key, sha in sorted(rows, key=lambda r: Path(r[0]).name == JSON):
        path, pending = recorded_path(where, key), recorded_path(where, pending_key)
        if pending.exists() and digest(pending) == sha:
            _put_in_place(pending, path)
            _fsync_dir(path.parent)
            done.append(f"{path}: finished replacing it with the build's new version")
            finished.append(key)
        elif digest(path) == sha:
            finished.append(key)  # put in place before the kill; only the record lagged
        else:
            log.warning("%s: the pending new version is gone; it is rewritten next time", path)
    with store.transaction() as conn:
        if rows:
            _mark_done(conn, finished)
            conn.execute("UPDATE outputs SET pending = NULL WHERE pending IS NOT NULL")
        for folder in {recorded_path(where, k).parent for k in keys}:
            if folder.is_dir():
                done.extend(_remove_strays(folder, where, conn))
    return done


def recorded_folders(store: Store) -> list[Path]:
    """The folders the store's outputs were written to, most recent first."""
    found = Outputs.recorded(store)
    return [found.folder] if found is not None else []
