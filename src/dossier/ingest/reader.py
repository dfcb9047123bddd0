"""Stage 1: read input files and folders into :class:`~dossier.model.Document` records.

Every input becomes a document: unreadable, missing, empty, binary or
oversized inputs become ``status="rejected"`` with a reason that names the
problem; nothing raises and nothing is skipped silently (folder walks pass
over only files whose extension is not in ``settings.extensions`` and, by
default, hidden files, and say so: :func:`skipped_inputs`). FIFOs, devices,
sockets and link loops are rejections (see :mod:`dossier.ingest.files`).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from dossier.ingest.encoding import BinaryContentError, decode
from dossier.ingest.files import Candidate, Skipped, UnreadableFile, expand, read_capped, within
from dossier.ingest.identity import with_identity
from dossier.ingest.provenance import with_provenance
from dossier.ingest.settings import IngestSettings
from dossier.ingest.sources import SourcesIndex
from dossier.model import Document, Flag, FlagKind

logger = logging.getLogger(__name__)

# not words: a YYYY-MM-DD folder name
_DATE_FOLDER = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# not language: HTML markup
_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|meta|title|div|article|p)\b", re.I)
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")
# Flag kind of a document whose bytes had to be repaired to become text.
ENCODING_REPAIRED: FlagKind = "encoding-repaired"


def read_inputs(
    paths: Sequence[str | Path],
    settings: IngestSettings,
    skipped: list[Skipped] | None = None,
) -> tuple[Document, ...]:
    """Read files and folders (recursively, sorted) into documents.

    Folders contribute files whose name ends with one of ``settings.extensions``
    (the other files they hold are appended to ``skipped``, with the reason);
    a file named explicitly is always read (an unsupported extension is a
    rejection with a reason). Document ids are file names without extension,
    made unique with the parent folder's name and then a numeric suffix.

    Each document gets what a ``sources.csv``/``sources.json`` beside it (or
    one of ``settings.sources_files``) declares, and the URL and site name its HTML head
    gives (:mod:`dossier.ingest.sources`, :mod:`dossier.ingest.provenance`); the sources
    files in ``settings.sources_files`` are consulted first.
    """
    extensions = tuple(e.lower() for e in settings.extensions)
    inputs = list(expand(paths, extensions, settings.skip_hidden, skipped))
    ids = _unique_ids([(c.path, _base_name(c.path.name, extensions)) for c in inputs])
    index = SourcesIndex(Path(p) for p in settings.sources_files)
    docs = tuple(
        with_identity(
            with_provenance(_read_one(item, doc_id, settings), index.lookup(item.path, item.root))
        )
        for item, doc_id in zip(inputs, ids, strict=True)
    )
    index.warn_unused()
    return docs


def skipped_inputs(paths: Sequence[str | Path], settings: IngestSettings) -> tuple[Skipped, ...]:
    """The files and folders a build over ``paths`` passes over, each with the reason."""
    skipped: list[Skipped] = []
    extensions = tuple(e.lower() for e in settings.extensions)
    for _ in expand(paths, extensions, settings.skip_hidden, skipped):
        pass
    return tuple(skipped)


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


def _unique_ids(inputs: Sequence[tuple[Path, str]]) -> list[str]:
    counts = Counter(base for _, base in inputs)
    wanted = []
    for path, base in inputs:
        if counts[base] > 1 and path.parent.name:
            wanted.append(f"{path.parent.name}_{base}")
        else:
            wanted.append(base)
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


def _read_one(item: Candidate, doc_id: str, settings: IngestSettings) -> Document:
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
    if settings.within and not within(item.path, settings.within):
        return rejected("outside the folders this build may read")
    try:
        data = read_capped(item.path, settings.max_bytes)
    except UnreadableFile as exc:
        return rejected(str(exc))
    if not data:
        return rejected("empty file")
    try:
        decoded = decode(data)
    except BinaryContentError as exc:
        return rejected(f"binary file: {exc}")
    text, encoding = decoded.text, decoded.encoding
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
        flags=tuple(Flag(ENCODING_REPAIRED, repair) for repair in decoded.repairs),
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
