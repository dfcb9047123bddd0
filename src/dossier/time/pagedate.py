"""What a document says about its own date: printed date lines, its file name, metadata.

:func:`printed_dates` reads every date line the cleaner removed from the page (``page-date``
removals, dated bylines, a date beside the weather or the city in the header) and the
page date the cleaner kept, with its label: "Published"/"Posted" dates and "Updated"/
"Last updated" dates are kept apart, and a date without a label is the publication date
only when it heads the page. Times and time zones are kept as printed. Year-less dates
("Fri 8 Nov, 09:10") and numeric dates that read two ways ("04/03/2021") are resolved
later, with the page's other dates, the outlet's other pages and the folder
(:mod:`dossier.time.pubdate`).

:func:`filename_dates` reads ``rferl-2020-01-21.txt``, ``20200121_report.txt`` and
``.../2020/01/21/page.txt``; :func:`metadata_check` refuses htmldate's ``YYYY-01-01`` for
a year it only found in a copyright notice (or as a bare year).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import PurePath

from dossier.model import DateRole, DateSource, Document, Flag
from dossier.time.detect import detect
from dossier.time.grammar import Grammar
from dossier.time.handlers import clock_value
from dossier.time.spec import Spec
from dossier.time.zones import zone_after

# Removal reasons whose lines may carry the page's own date (in the header of the page).
# not language: removal reasons of the cleaner
_HEADER_REASONS = frozenset(
    {"page-date", "byline", "navigation", "masthead", "cross-document-repeat", "notice"}
)
_MAX_HEADER_WORDS = 25
# typography: a run of letters or digits
_WORDS = re.compile(r"[^\W_]+")
# Numeric dates (for the page's day/month order): digits and separators only.
_NUMERIC = re.compile(r"(?<![\d/.\-])(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})(?![\d/]|[.\-]\d)")
# File and folder names: 2020-01-21, 2020_01_21, 20200121, 2020/01/21; 21-01-2020; 2020-01.
_FILE_YMD = re.compile(
    r"(?<![^\W_])((?:19|20)\d\d)([-_./]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?![^\W_])"
)
_FOLDERS_YMD = re.compile(r"(?<![^\W_])((?:19|20)\d\d)/(0?[1-9]|1[0-2])/(0?[1-9]|[12]\d|3[01])/$")
_FILE_DMY = re.compile(r"(?<![^\W_])(\d{1,2})([-_.])(\d{1,2})\2((?:19|20)\d\d)(?![^\W_])")
_FILE_YM = re.compile(r"(?<![^\W_])((?:19|20)\d\d)[-_.](0[1-9]|1[0-2])(?![^\W_]|[-_.]\d)")


@dataclass(frozen=True, slots=True)
class Found:
    """A date a document states about itself, before its year and day/month order are
    decided."""

    source: DateSource
    text: str  # the line (or file name) verbatim
    role: DateRole
    spec: Spec  # year, month, day (or the two numbers of a numeric date), weekday
    time: str | None = None
    zone: str | None = None
    header: bool = True  # at the head of the page (or in the file name), not in a list


def printed_dates(doc: Document, g: Grammar) -> list[Found]:
    """The dates the page prints about itself, in page order."""
    out: list[Found] = []
    seen: set[str] = set()
    for text, header in _date_lines(doc, g):
        if text in seen:
            continue
        seen.add(text)
        out.extend(_read_line(text, header, g))
    return out


def _date_lines(doc: Document, g: Grammar) -> list[tuple[str, bool]]:
    lines: list[tuple[str, bool]] = []
    if doc.page_date_text:
        lines.append((doc.page_date_text.strip(), True))
    body = _body_offset(doc)
    for removal in doc.removals:
        header = removal.start < 0 or body is None or removal.start < body
        if removal.reason != "page-date" and not (header and removal.reason in _HEADER_REASONS):
            continue
        for line in removal.text.splitlines():
            line = " ".join(line.split())
            if line and len(_WORDS.findall(line)) <= _MAX_HEADER_WORDS:
                lines.append((line, header))
    lines.extend((line, True) for line in _kept_header_lines(doc, g))
    return lines


# A line of prose ends on sentence punctuation (possibly inside a closing quote or bracket).
_PROSE_END = re.compile(r"[.!?:][\"'”’)\]]*$")
_MAX_KEPT_HEADER_LINES = 3


def _kept_header_lines(doc: Document, g: Grammar) -> list[str]:
    """Short lines without a verb that the cleaner kept above the first line of prose
    ("Staff writer | 3rd May 2022", "Thursday, March 7, 2024 | Lyon 9°C"): the page's
    header, where a dated byline states the page's own date. A headline (it has a verb)
    ends the header."""
    out: list[str] = []
    offset = 0
    verbs = g.language.grammar.verb_pos
    for raw in doc.clean_text[:2000].splitlines(keepends=True):
        start, offset = offset, offset + len(raw)
        line = " ".join(raw.split())
        if not line:
            continue
        if _PROSE_END.search(line) or len(_WORDS.findall(line)) > _MAX_HEADER_WORDS:
            break
        parse = doc.parse
        if parse is not None and any(
            parse.pos[t] in verbs for t in parse.token_range(start, start + len(raw))
        ):
            break
        out.append(line)
        if len(out) == _MAX_KEPT_HEADER_LINES:
            break
    return out


def _body_offset(doc: Document) -> int | None:
    """Where the article body starts in the raw text (None when it cannot be told)."""
    if doc.media_type == "html" or not doc.clean_text.strip():
        return None
    words = _WORDS.findall(doc.clean_text[:200])[:6]
    if not words:
        return None
    pattern = r"[\W_]+".join(re.escape(w) for w in words)
    m = re.search(pattern, doc.raw_text)
    return m.start() if m else None


def _read_line(text: str, header: bool, g: Grammar) -> list[Found]:
    """The calendar dates of one line, each with the label before it (since the previous
    date: "Published 4 June 2021, 08:15 GMT | Updated 5 June 2021") and its clock time,
    printed after it or just before it ("12:40 PM EDT, Tue June 13, 2023")."""
    out: list[Found] = []
    previous_end = 0
    clock_before: tuple[str, str | None] | None = None  # (time, zone) of a bare clock time
    for raw in detect(text, g):
        spec = raw.spec
        if not _is_calendar_date(spec):
            if spec.kind == "time" and spec.clock:
                zone = zone_after(text, raw.end)
                clock_before = (spec.clock, zone[0] if zone else None)
            continue
        labels = list(g.page_label.finditer(text, previous_end, raw.start))
        role: DateRole = "unlabelled"
        if labels:
            role = "updated" if g.label_role(labels[-1]["label"]) == "updated" else "published"
        clock, end = spec.clock, raw.end
        if clock is None:
            m = g.clock_after.match(text, raw.end)
            if m is not None:
                clock, end = clock_value(m["clock"], g), m.end()
        zone = zone_after(text, end) if clock else None
        zone_text = zone[0] if zone else None
        if clock is None and clock_before is not None:
            clock, zone_text = clock_before
        out.append(
            Found("page", text, role, spec, clock, zone_text, header or role != "unlabelled")
        )
        previous_end, clock_before = zone[1] if zone else end, None
    return out


def _is_calendar_date(spec: Spec) -> bool:
    """A date of the calendar (not "yesterday", not a bare year): day and month, with or
    without the year, or a numeric date."""
    if spec.kind not in ("date", "time") or spec.rel_unit is not None:
        return False
    return spec.numeric is not None or (spec.month is not None and spec.day is not None)


def filename_dates(source: str) -> list[Found]:
    """Dates in the file name, or in ``YYYY/MM/DD`` folders just above it (a ``YYYY-MM-DD``
    folder is the folder's date, read by ingest)."""
    path = PurePath(source)
    out: list[Found] = []
    for m in _FILE_YMD.finditer(path.name):
        spec = Spec(year=int(m[1]), month=int(m[3]), day=int(m[4]))
        out.append(Found("filename", path.name, "unlabelled", spec))
    folders = _FOLDERS_YMD.search("/".join([*path.parent.parts[-3:], ""]))
    if not out and folders is not None:
        spec = Spec(year=int(folders[1]), month=int(folders[2]), day=int(folders[3]))
        out.append(Found("filename", f"{folders.group(0)}{path.name}", "unlabelled", spec))
    if out:
        return out[-1:]  # the one nearest the end of the name
    for m in _FILE_DMY.finditer(path.name):
        a, b = int(m[1]), int(m[3])
        if 1 <= a <= 31 and 1 <= b <= 31 and not (a > 12 and b > 12):
            out.append(
                Found("filename", path.name, "unlabelled", Spec(year=int(m[4]), numeric=(a, b)))
            )
    for m in _FILE_YM.finditer(path.name):
        out.append(
            Found("filename", path.name, "unlabelled", Spec(year=int(m[1]), month=int(m[2])))
        )
    return out[:1]


def numeric_votes(text: str) -> tuple[int, int]:
    """(day-first, month-first) votes of the numeric dates in ``text`` that read one way
    only ("25/12/2020" is day-first, "12/25/2020" month-first)."""
    day_first = month_first = 0
    for m in _NUMERIC.finditer(text):
        a, b = int(m[1]), int(m[3])
        if 1 <= a <= 31 and 1 <= b <= 31:
            day_first += a > 12 >= b
            month_first += b > 12 >= a
    return day_first, month_first


def metadata_check(doc: Document, g: Grammar) -> Flag | None:
    """A flag when the HTML metadata date is htmldate's ``YYYY-01-01`` for a year the page
    gives only in a copyright notice or bare (no 1 January anywhere on the page)."""
    value = doc.metadata_date or ""
    if doc.media_type != "html" or not re.fullmatch(r"\d{4}-01-01(?:T.*)?", value):
        return None
    year = value[:4]
    html = doc.raw_text
    numeric = (f"{year}-01-01", f"{year}/01/01", f"01/01/{year}", f"01.01.{year}", f"{year}0101")
    if any(n in html for n in numeric):
        return None
    text = re.sub(r"<[^>]*>", " ", html[:300_000])
    for raw in detect(text, g):
        s = raw.spec
        if s.year == int(year) and s.month == 1 and s.day == 1:
            return None
    where = "a copyright notice" if _in_copyright(text, year, g) else "a bare year"
    return Flag(
        "metadata-date-rejected",
        f"the page metadata gives {value[:10]}, which is htmldate's reading of {year} from "
        f"{where} (no 1 January {year} anywhere on the page): a year, not a publication day; "
        "not used",
    )


def _in_copyright(text: str, year: str, g: Grammar) -> bool:
    for m in re.finditer(re.escape(year), text):
        if g.copyright.search(text, max(0, m.start() - 60), m.start()):
            return True
    return False
