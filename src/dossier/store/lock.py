"""One writer per store across processes: an exclusive lock on ``<store>.lock``.

SQLite already serialises write transactions, but an update reads the store, computes for
a while (NER on new articles), then writes: two processes doing that at once would each
compute from a state the other is about to change. The lock is held for the whole update;
a second writer waits for it and says so. The lock goes with the process (a killed writer
never leaves a stale lock behind). Readers (``dossier serve``) never take it.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path

from dossier.errors import StoreError

log = logging.getLogger(__name__)

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: SQLite's own lock is all there is
    fcntl = None  # type: ignore[assignment]


def lock_path(store_path: Path) -> Path:
    return store_path.with_name(store_path.name + ".lock")


@contextlib.contextmanager
def writer_lock(store_path: Path, on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold the store's writer lock for the duration of the ``with`` block."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    path = lock_path(store_path)
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise StoreError(f"{store_path}: cannot create the writer lock {path}: {exc}") from exc
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = _holder(fd)
            message = (
                f"{store_path}: another Dossier process{holder} is updating this store; "
                "waiting for it to finish"
            )
            (on_wait or log.warning)(message)
            fcntl.flock(fd, fcntl.LOCK_EX)
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _holder(fd: int) -> str:
    try:
        pid = os.pread(fd, 32, 0).decode().strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""
