"""Stage 1: read input files and folders into :class:`~dossier.model.Document` records.

Every input becomes a document: unreadable, missing, empty, binary or
oversized inputs become ``status="rejected"`` with a reason that names the
problem; nothing raises and nothing is skipped silently (folder walks skip
only files whose extension is not in ``settings.extensions`` and, by default,
hidden files).
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import unicodedata
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from dossier.ingest.encoding import BinaryContentError, decode_bytes
from dossier.ingest.identity import with_identity
from dossier.ingest.provenance import with_provenance
from dossier.ingest.settings import IngestSettings
from dossier.ingest.sources import SourcesIndex
from dossier.model import Document

logger = logging.getLogger(__name__)

_DATE_FOLDER = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# not language: HTML markup
_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|div|article|p)\b", re.I)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


@dataclass(frozen=True, slots=True)
class _Input:
    path: Path
    base: str  # file name without its known extensions
    error: str | None = None  # set when the path cannot be used at all
    root: Path | None = None  # the folder given as input that this file was found in


def read_inputs(paths: Sequence[str | Path], settings: IngestSettings) -> tuple[Document, ...]:
    """Read files and folders (recursively, sorted) into documents.

    Folders contribute files whose name ends with one of ``settings.extensions``;
    a file named explicitly is always read (an unsupported extension is a
    rejection with a reason). Document ids are file names without extension,
    made unique with the parent folder's name and then a numeric suffix.

    Each document gets what a ``sources.csv``/``sources.json`` beside it (or
    one of ``settings.sources_files``) declares, and the URL and site name its HTML head
    gives (:mod:`dossier.ingest.sources`, :mod:`dossier.ingest.provenance`); the sources
    files in ``settings.sources_files`` are consulted first.
    """
    inputs = list(_expand(paths, settings))
    ids = _unique_ids(inputs)
    index = SourcesIndex(Path(p) for p in settings.sources_files)
    docs = tuple(
        with_identity(
            with_provenance(_read_one(item, doc_id, settings), index.lookup(item.path, item.root))
        )
        for item, doc_id in zip(inputs, ids, strict=True)
    )
    index.warn_unused()
    return docs


def _expand(paths: Sequence[str | Path], settings: IngestSettings) -> Iterator[_Input]:
    seen: set[str] = set()
    extensions = tuple(e.lower() for e in settings.extensions)
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for file in _walk(path, extensions, settings.skip_hidden):
                key = _key(file)
                if key not in seen:
                    seen.add(key)
                    yield _Input(file, _base_name(file.name, extensions), root=path)
            continue
        key = _key(path)
        if key in seen:
            continue
        seen.add(key)
        error = None
        if not path.exists():
            error = "file not found" if not path.is_symlink() else "broken symbolic link"
        elif not path.is_file():
            error = "not a regular file"
        elif not path.name.lower().endswith(extensions):
            error = (
                f"unsupported file type {path.suffix or '(no extension)'!r}; "
                f"expected one of {', '.join(extensions)}"
            )
        yield _Input(path, _base_name(path.name, extensions), error)


def _walk(root: Path, extensions: tuple[str, ...], skip_hidden: bool) -> Iterator[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        if skip_hidden:
            dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        for name in filenames:
            if skip_hidden and name.startswith("."):
                continue
            if name.lower().endswith(extensions):
                found.append(Path(dirpath) / name)
    yield from sorted(found, key=lambda p: p.as_posix())


def _key(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path.absolute())


def _base_name(name: str, extensions: tuple[str, ...]) -> str:
    """``"1538.htm.txt"`` -> ``"1538"``: strip known extensions, repeatedly."""
    base = name
    changed = True
    while changed:
        changed = False
        for ext in extensions:
            if base.lower().endswith(ext) and len(base) > len(ext):
                base = base[: -len(ext)]
                changed = True
    if base == name and "." in name.strip("."):
        base = name.rsplit(".", 1)[0]
    return base or name


def _unique_ids(inputs: Sequence[_Input]) -> list[str]:
    counts = Counter(item.base for item in inputs)
    wanted = []
    for item in inputs:
        if counts[item.base] > 1 and item.path.parent.name:
            wanted.append(f"{item.path.parent.name}_{item.base}")
        else:
            wanted.append(item.base)
    taken: set[str] = set()
    result = []
    for candidate in wanted:
        doc_id = candidate
        n = 2
        while doc_id in taken:
            doc_id = f"{candidate}-{n}"
            n += 1
        taken.add(doc_id)
        result.append(doc_id)
    return result


def _folder_date(path: Path) -> str | None:
    match = _DATE_FOLDER.fullmatch(path.parent.name)
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3])).isoformat()
    except ValueError:
        return None


def _read_one(item: _Input, doc_id: str, settings: IngestSettings) -> Document:
    source = str(item.path)
    folder_date = _folder_date(item.path)

    def rejected(reason: str, encoding: str | None = None) -> Document:
        logger.info("rejected %s: %s", source, reason)
        return Document(
            id=doc_id,
            source=source,
            status="rejected",
            reason=reason,
            folder_date=folder_date,
            encoding=encoding,
        )

    if item.error is not None:
        return rejected(item.error)
    try:
        size = item.path.stat().st_size
        if size > settings.max_bytes:
            return rejected(f"file too large: {size} bytes (limit {settings.max_bytes})")
        data = item.path.read_bytes()
    except OSError as exc:
        return rejected(f"cannot read file: {exc.strerror or exc}")
    if len(data) > settings.max_bytes:
        return rejected(f"file too large: {len(data)} bytes (limit {settings.max_bytes})")
    if not data:
        return rejected("empty file")
    try:
        text, encoding = decode_bytes(data)
    except BinaryContentError as exc:
        return rejected(f"binary file: {exc}")
    if not text.strip():
        return rejected("empty file (whitespace only)", encoding)
    ratio = _control_ratio(text)
    if ratio > settings.max_control_ratio:
        return rejected(
            f"binary file: {ratio:.0%} of characters are control or undecodable bytes", encoding
        )
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return Document(
        id=doc_id,
        source=source,
        media_type=_media_type(item.path, text),
        raw_text=text,
        folder_date=folder_date,
        encoding=encoding,
    )


def _control_ratio(text: str) -> float:
    sample = text[:20_000]
    bad = 0
    for ch in sample:
        if ch == "\ufffd":
            bad += 1
        elif ch < " " or "\x7f" <= ch <= "\x9f":
            if ch not in _ALLOWED_CONTROLS:
                bad += 1
        elif ch >= "\ue000" and unicodedata.category(ch) in ("Co", "Cs", "Cn"):
            bad += 1
    return bad / max(1, len(sample))


def _media_type(path: Path, text: str) -> Literal["text", "html"]:
    head = text[:2048].lstrip("\ufeff \t\n")
    looks_html = bool(_HTML_SNIFF.match(head)) or (
        head.lower().startswith("<?xml") and bool(_HTML_SNIFF.search(head))
    )
    suffix = path.name.lower()
    if suffix.endswith((".html", ".htm", ".xhtml")):
        # An .html file that carries no markup at all is plain text in disguise.
        return "html" if looks_html or _HTML_SNIFF.search(text[:20_000]) else "text"
    return "html" if looks_html else "text"
