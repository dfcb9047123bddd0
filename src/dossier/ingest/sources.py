"""``sources.csv`` / ``sources.json`` beside the articles: outlet, URL, date, language, title.

A folder of pasted text has no metadata: a sources file gives it. It sits in the
folder of the articles or in any folder above them (up to the input folder
given on the command line); the nearest one wins. Each entry names a ``file``,
relative to the sources file's folder (``2020-01-17/rferl.txt``) or by its bare
name when that is unique, and any of ``outlet``, ``url``, ``date`` (ISO
``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``), ``language`` and ``title``.

CSV: a header row with those column names (``file`` required; order free;
extra columns are ignored with a warning). JSON: a list of objects with the same
keys, or an object mapping each file to an object of the other keys.

A problem in a sources file (an unreadable file, a bad date, an entry naming no
article) never stops a build: it is logged as a warning naming the file and line,
and the entry's faulty value is left out.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from dossier.model import SourceInfo

log = logging.getLogger(__name__)

SOURCES_FILES = ("sources.csv", "sources.json")
# not language: column names of the sources file
COLUMNS = ("file", "outlet", "url", "date", "language", "title")
# not words: an ISO 8601 date, a year or a year-month
_ISO = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")
# not language: ISO 639 code shape
_LANGUAGE = re.compile(r"^[a-z]{2,3}(?:[-_][A-Za-z0-9]{2,8})*$")
_URL = re.compile(r"^https?://\S+$", re.I)
MAX_SOURCES_BYTES = 20_000_000


@dataclass(frozen=True, slots=True)
class SourcesFile:
    """The entries of one sources file, by path relative to its folder and by bare name."""

    path: Path
    by_relative: Mapping[str, SourceInfo] = field(default_factory=dict)
    by_name: Mapping[str, SourceInfo] = field(default_factory=dict)

    def lookup(self, article: Path) -> SourceInfo | None:
        try:
            relative = article.resolve().relative_to(self.path.parent.resolve()).as_posix()
        except ValueError:
            relative = None
        if relative is not None and relative in self.by_relative:
            return self.by_relative[relative]
        return self.by_name.get(article.name)


def read_sources_file(path: Path) -> SourcesFile:
    """Parse one sources file; problems are logged (naming the file and line), never raised."""
    try:
        if path.stat().st_size > MAX_SOURCES_BYTES:
            log.warning("%s: larger than %d bytes: ignored", path, MAX_SOURCES_BYTES)
            return SourcesFile(path)
        text = path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        log.warning("%s: cannot be read (%s): ignored", path, exc)
        return SourcesFile(path)
    rows = _json_rows(path, text) if path.suffix.lower() == ".json" else _csv_rows(path, text)
    by_relative: dict[str, SourceInfo] = {}
    names: dict[str, list[SourceInfo]] = {}
    for where, row in rows:
        info = _entry(path, where, row)
        if info is None:
            continue
        file = Path(str(row["file"]).strip().replace("\\", "/"))
        by_relative[file.as_posix().removeprefix("./")] = info
        names.setdefault(file.name, []).append(info)
    # A bare name finds its entry only when no other entry has the same name.
    by_name = {name: infos[0] for name, infos in names.items() if len(infos) == 1}
    return SourcesFile(path, by_relative, by_name)


def _csv_rows(path: Path, text: str) -> Iterator[tuple[str, dict[str, str]]]:
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in reader.fieldnames or []]
    if "file" not in header:
        log.warning("%s: no 'file' column in the header row (columns: %s)", path, COLUMNS)
        return
    unknown = [h for h in header if h not in COLUMNS]
    if unknown:
        log.warning("%s: unknown column(s) ignored: %s", path, ", ".join(unknown))
    reader.fieldnames = header
    for row in reader:
        clean = {k: (v or "").strip() for k, v in row.items() if k in COLUMNS and k}
        yield f"{path.name}:{reader.line_num}", clean


def _json_rows(path: Path, text: str) -> Iterator[tuple[str, dict[str, str]]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        log.warning("%s: not valid JSON (%s): ignored", path, exc)
        return
    items: Iterable[tuple[str, object]]
    if isinstance(data, dict):
        items = ((str(k), {**v, "file": k} if isinstance(v, dict) else v) for k, v in data.items())
    elif isinstance(data, list):
        items = ((str(i), v) for i, v in enumerate(data))
    else:
        log.warning("%s: expected a list of entries or an object by file name: ignored", path)
        return
    for key, value in items:
        where = f"{path.name}[{key}]"
        if not isinstance(value, dict):
            log.warning("%s: entry is not an object: ignored", where)
            continue
        yield where, {str(k): "" if v is None else str(v).strip() for k, v in value.items()}


def _entry(path: Path, where: str, row: Mapping[str, str]) -> SourceInfo | None:
    if not row.get("file"):
        log.warning("%s: %s: no file named: ignored", path, where)
        return None
    checks = {"date": _ISO, "language": _LANGUAGE, "url": _URL}
    values: dict[str, str | None] = {}
    for column in COLUMNS[1:]:
        value = row.get(column) or None
        check = checks.get(column)
        if value is not None and column == "language":
            value = value.lower()
        if value is not None and check is not None and not check.match(value):
            log.warning(
                "%s: %s: %s %r is not %s: left out",
                path,
                where,
                column,
                value,
                _EXPECTED[column],
            )
            value = None
        values[column] = value
    return SourceInfo(listed_in=where, **values)


_EXPECTED = {
    "date": "an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)",
    "language": "a language code such as 'en'",
    "url": "an http(s) URL",
}


class SourcesIndex:
    """Finds the sources entry of an article: the nearest sources file in its folder or above,
    up to the input folder it was found in."""

    def __init__(self, extra: Iterable[Path] = ()) -> None:
        self._files: dict[Path, SourcesFile | None] = {}
        self._extra = [read_sources_file(p) for p in extra]
        self.used: set[str] = set()

    def lookup(self, article: Path, root: Path | None) -> SourceInfo | None:
        for sources in self._extra:
            found = sources.lookup(article)
            if found is not None:
                self.used.add(found.listed_in)
                return found
        for folder in _folders(article.parent, root):
            near = self._in(folder)
            found = near.lookup(article) if near is not None else None
            if found is not None:
                self.used.add(found.listed_in)
                return found
        return None

    def warn_unused(self) -> None:
        """Log the entries that named no article that was read (a typo in a file name?)."""
        for sources in [*self._extra, *(f for f in self._files.values() if f is not None)]:
            for relative, info in sources.by_relative.items():
                if info.listed_in not in self.used:
                    log.warning(
                        "%s: %s: names %r, which is not among the articles read",
                        sources.path,
                        info.listed_in,
                        relative,
                    )

    def _in(self, folder: Path) -> SourcesFile | None:
        if folder not in self._files:
            found = next(
                (folder / name for name in SOURCES_FILES if (folder / name).is_file()), None
            )
            self._files[folder] = None if found is None else read_sources_file(found)
        return self._files[folder]


def _folders(start: Path, root: Path | None) -> Iterator[Path]:
    """``start`` and its parents up to ``root`` (just ``start`` without a root)."""
    folder = start
    yield folder
    if root is None:
        return
    try:
        start.resolve().relative_to(root.resolve())
    except ValueError:
        return
    while folder.resolve() != root.resolve() and folder.parent != folder:
        folder = folder.parent
        yield folder
