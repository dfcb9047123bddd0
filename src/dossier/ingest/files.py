"""Which files the inputs name, and reading one of them safely.

Only regular files are read. A link is resolved once and the file it leads to
is opened without following any further link; a named pipe, device or socket
is refused before anything blocks on it (the file is opened non-blocking and
checked again once open, so swapping a file for a FIFO in between does not
help). Reading stops one byte past the size limit, whatever the file claims
its size is (``/dev/zero`` claims 0).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from dossier.ingest.sources import SOURCES_FILES

_CHUNK = 1 << 20
_OPEN_FLAGS = (
    os.O_RDONLY
    | getattr(os, "O_NONBLOCK", 0)
    | getattr(os, "O_NOCTTY", 0)
    | getattr(os, "O_CLOEXEC", 0)
    | getattr(os, "O_NOFOLLOW", 0)
)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A file an input names: read it, or (``error`` set) reject it with that reason."""

    path: Path
    error: str | None = None
    root: Path | None = None  # the folder given as input that this file was found in


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file or folder a folder walk passed over, and why (never a silent skip)."""

    path: str
    reason: str


class UnreadableFile(Exception):
    """A file that cannot be read as an article; the message is the reason."""


def expand(
    paths: Sequence[str | Path],
    extensions: tuple[str, ...],
    skip_hidden: bool,
    skipped: list[Skipped] | None = None,
) -> Iterator[Candidate]:
    """Every file the inputs name, each once, folders walked recursively and sorted.

    Files a folder walk does not read are appended to ``skipped`` with the reason.
    """
    seen: set[str] = set()
    for raw in paths:
        path = Path(raw)
        if _is_folder(path):
            for file, error in _walk(path, extensions, skip_hidden, skipped):
                if _once(file, seen):
                    yield Candidate(file, error, root=path)
        elif _once(path, seen):
            yield Candidate(path, _explicit_error(path, extensions))


def _once(path: Path, seen: set[str]) -> bool:
    key = os.path.realpath(path)  # never raises, not even on a link loop
    if key in seen:
        return False
    seen.add(key)
    return True


def _is_folder(path: Path) -> bool:
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):
        return False


def _explicit_error(path: Path, extensions: tuple[str, ...]) -> str | None:
    """Why a file named on the command line (or in a request) cannot be read, if it cannot."""
    problem = file_problem(path)
    if problem is not None:
        return problem
    if not path.name.lower().endswith(extensions):
        return (
            f"unsupported file type {path.suffix or '(no extension)'!r}; "
            f"expected one of {', '.join(extensions)}"
        )
    return None


def _walk(
    root: Path, extensions: tuple[str, ...], skip_hidden: bool, skipped: list[Skipped] | None
) -> Iterator[tuple[Path, str | None]]:
    """The files to read under ``root`` (sorted), and the folders that could not be listed,
    with why: those may hold articles, so they are rejections, not skips."""
    found: list[tuple[Path, str | None]] = []
    passed: list[Skipped] = []

    def onerror(error: OSError) -> None:
        found.append((Path(error.filename), f"cannot read folder: {error.strerror or error}"))

    for dirpath, dirnames, filenames in os.walk(root, onerror=onerror, followlinks=False):
        folder = Path(dirpath)
        for name in sorted(dirnames):
            if skip_hidden and name.startswith("."):
                passed.append(Skipped(str(folder / name), "hidden folder"))
            elif (folder / name).is_symlink():
                passed.append(
                    Skipped(
                        str(folder / name), "link to a folder: not followed (name it to read it)"
                    )
                )
        if skip_hidden:
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if skip_hidden and name.startswith("."):
                passed.append(Skipped(str(folder / name), "hidden file"))
            elif name.lower().endswith(extensions):
                found.append((folder / name, None))
            elif name.lower() in SOURCES_FILES:
                passed.append(Skipped(str(folder / name), "sources file: read for metadata"))
            else:
                passed.append(Skipped(str(folder / name), _unsupported(name, extensions)))
    if skipped is not None:
        skipped.extend(sorted(passed, key=lambda s: s.path))
    yield from sorted(found, key=lambda item: item[0].as_posix())


def _unsupported(name: str, extensions: tuple[str, ...]) -> str:
    suffix = Path(name).suffix
    return f"unsupported file type {suffix or '(no extension)'!r} (reads {', '.join(extensions)})"


def file_problem(path: Path) -> str | None:
    """Why ``path`` is not a readable regular file (after following its links), or None."""
    try:
        info = os.stat(path)
    except OSError as exc:
        return _stat_error(path, exc)
    except ValueError:  # an embedded NUL in the name
        return "invalid file name"
    return _kind_problem(info.st_mode)


def _stat_error(path: Path, exc: OSError) -> str:
    if exc.errno == errno.ELOOP:
        return "symbolic link loop"
    if exc.errno == errno.ENOENT:
        return "broken symbolic link" if os.path.islink(path) else "file not found"
    return f"cannot read file: {exc.strerror or exc}"


def _kind_problem(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe (FIFO)"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    kind = next((label for test, label in kinds if test(mode)), "not a file")
    return f"not a regular file: {kind}"


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file at ``path`` (links resolved once), at most ``max_bytes``.

    Raises :class:`UnreadableFile` with the reason otherwise.
    """
    real = os.path.realpath(path)
    try:
        fd = os.open(real, _OPEN_FLAGS)
    except OSError as exc:
        raise UnreadableFile(_stat_error(path, exc)) from None
    try:
        info = os.fstat(fd)
        problem = _kind_problem(info.st_mode)
        if problem is not None:
            raise UnreadableFile(problem)
        if info.st_size > max_bytes:
            raise UnreadableFile(f"file too large: {info.st_size} bytes (limit {max_bytes})")
        return _read_fd(fd, max_bytes)
    except OSError as exc:
        raise UnreadableFile(f"cannot read file: {exc.strerror or exc}") from None
    finally:
        os.close(fd)


def _read_fd(fd: int, max_bytes: int) -> bytes:
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = os.read(fd, min(_CHUNK, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise UnreadableFile(
                f"file too large: more than {max_bytes} bytes read (limit {max_bytes})"
            )


def within(path: Path, roots: Sequence[str]) -> bool:
    """Whether ``path``, all links resolved, lies inside one of ``roots`` (resolved too)."""
    real = Path(os.path.realpath(path))
    return any(real.is_relative_to(os.path.realpath(root)) for root in roots)
