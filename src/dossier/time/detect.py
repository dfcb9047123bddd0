"""Detect temporal expressions with a precise regular grammar.

:func:`detect` returns :class:`~dossier.time.spec.RawTimex` records (span and
parsed meaning) without anchoring them to any date. Month and weekday names
must be capitalised, and the month names that are also English words ("May",
"March") need a day, a year or a cue word, so verbs and modals are not dates.
Ages ("25-year-old"), bare numbers and quantities are not dates. Overlapping
matches are resolved leftmost-longest; "the start of", "early", "mid-" before a
date widen it and make it approximate.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from dossier.time import grammar as g
from dossier.time import handlers as h
from dossier.time.spec import RawTimex, Spec

# --- the grammar ----------------------------------------------------------------------

_WD_PREFIX = r"(?:(?P<wd>" + g.WEEKDAY + r"),?\s+(?:the\s+)?)?"
_PATTERNS: tuple[tuple[str, re.Pattern[str], h.Handler, int], ...] = (
    (
        "iso",
        g.compile_ci(
            r"(?<![\d-])(?P<y>(?:1[6-9]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)"
            r"(?:[T ](?P<clock>[0-2]\d:[0-5]\d))?(?![\d-])"
        ),
        h.iso,
        0,
    ),
    (
        "numeric",
        g.compile_ci(
            r"(?<![\d/.\-])(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2})"
            r"(?![\d/]|[.\-]\d)(?:,?\s+(?:at\s+)?(?P<clock>" + g.CLOCK + r"))?"
        ),
        h.numeric,
        0,
    ),
    (
        "mdy",
        g.compile_ci(
            r"(?<![\w.])" + _WD_PREFIX + r"(?P<mon>" + g.MONTH + r")\s+(?P<day>" + g.DAY + r")"
            r"(?:(?:\s*,\s*|\s+)(?P<year>"
            + g.YEAR
            + r"))?(?:,?\s+(?:at\s+)?(?P<clock>"
            + g.CLOCK
            + r"))?"
        ),
        h.mdy,
        1,
    ),
    (
        "dmy",
        g.compile_ci(
            r"(?<![\w.,$£€])"
            + _WD_PREFIX
            + r"(?P<day>"
            + g.DAY
            + r")(?P<of>\s+of)?\s+(?P<mon>"
            + g.MONTH
            + r")(?:,?\s+(?P<year>"
            + g.YEAR
            + r"))?"
        ),
        h.dmy,
        1,
    ),
    (
        "my",
        g.compile_ci(
            r"(?<![\w.])(?P<mon>" + g.MONTH + r")(?:\s+of)?,?\s+(?P<year>" + g.YEAR + r")"
        ),
        h.my,
        1,
    ),
    (
        "quarter",
        g.compile_ci(
            r"(?<!\w)(?:the\s+)?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|final|last)[\s-]+"
            r"(?:fiscal\s+)?quarter(?:\s+of\s+(?:fiscal\s+)?(?P<year>" + g.YEAR + r"))?(?![a-z])"
        ),
        h.quarter,
        1,
    ),
    (
        "fiscal-quarter",
        g.compile_ci(
            r"(?<!\w)the\s+(?:(?P<which>latest|current|same|year-ago|year-earlier|comparable|previous|past|"
            r"recent)\s+)?quarter(?![a-z-])(?!\s+of\b)"
        ),
        h.fiscal_quarter,
        1,
    ),
    (
        "season",
        g.compile_ci(
            r"(?<!\w)(?:(?P<dir>last|next|this|early|late|the)\s+)?(?P<season>spring|summer|fall|autumn|winter)"
            r"(?:\s+(?:of\s+)?(?P<year>" + g.YEAR + r"))?(?![a-z])"
        ),
        h.season,
        2,
    ),
    (
        "decade",
        g.compile_ci(
            r"(?<!\w)(?:the\s+)?(?:(?P<dec>(?:1[6-9]|20)\d)0'?s|'(?P<dec2>\d)0s)(?![a-z])"
        ),
        h.decade,
        2,
    ),
    (
        "pod",
        g.compile_ci(
            r"(?<!\w)(?P<dir>early\s+this|late\s+last|this|last|yesterday|tomorrow)\s+"
            r"(?P<pod>morning|afternoon|evening|night)(?![a-z])"
        ),
        h.pod,
        1,
    ),
    (
        "deictic",
        g.compile_ci(
            r"(?<![\w-])(?P<w>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today"
            r"|tonight|tomorrow|right\s+now|nowadays|now|currently|recently|these\s+days|at\s+present"
            r"|the\s+past|the\s+future)(?![\w-])"
        ),
        h.deictic,
        3,
    ),
    (
        "relative",
        g.compile_ci(
            r"(?<!\w)(?:(?P<early>earlier|later|early|late)\s+)?(?P<the>the\s+)?(?P<dir>last|next|this|coming|"
            r"previous|preceding|past|current|same|following)\s+(?P<unit>week(?:end)?|month|year|"
            r"quarter|decade|century|day|spring|summer|fall|autumn|winter)(?![a-z])"
        ),
        h.relative,
        2,
    ),
    (
        "weekday",
        g.compile_ci(
            r"(?<!\w)(?:(?P<dir>last|next|coming|this|early|late)\s+)?(?P<wd>" + g.WEEKDAY + r")"
            r"(?:\s+(?P<pod>morning|afternoon|evening|night))?"
        ),
        h.rel_weekday,
        3,
    ),
    (
        "ago",
        g.compile_ci(
            r"(?<![\w-])(?P<q>" + g.QUANTITY + r")\s+(?P<unit>" + g.UNIT + r")\s+"
            r"(?P<dir>ago|earlier|later|before|after|from\s+now|hence|back)(?![a-z])"
        ),
        h.ago,
        1,
    ),
    (
        "duration",
        g.compile_ci(
            r"(?<![\w-])(?:(?P<dir>the\s+(?:past|last|next|coming|first|final|previous|following)\s+)"
            r"|(?:the\s+))?(?P<q>" + g.QUANTITY + r")\s+(?:more\s+|full\s+|long\s+|straight\s+)?"
            r"(?P<unit>"
            + g.UNIT
            + r")(?:\s*(?:,|and|,\s*and)\s*"
            + g.QUANTITY
            + r"\s+"
            + g.UNIT
            + r")*"
        ),
        h.duration,
        4,
    ),
    (
        "hyphen-duration",
        g.compile_ci(
            r"(?<![\w-])(?P<q>\d+|"
            + g.NUM_WORD
            + r")-(?P<unit>second|minute|hour|day|week|month|year"
            r"|decade)(?![a-z-])(?!\s+old\b)"
        ),
        h.hyphen_duration,
        4,
    ),
    (
        "vague-plural",
        g.compile_ci(r"(?<=\b(?:recent)\s)(?P<unit>years|months|weeks|decades)(?![a-z])"),
        h.vague_plural,
        5,
    ),
    (
        "set",
        g.compile_ci(
            r"(?<!\w)(?:(?:every|each)\s+(?:other\s+)?(?P<unit>day|week|month|year|morning|night|evening|"
            r"weekend)(?![a-z])|(?<![\w-])(?P<adv>annually|yearly|hourly|nightly|daily|weekly|monthly)(?![\w-])"
            r"|(?P<per>(?:a|per)\s+(?:year|month|week|day))(?![a-z]))"
        ),
        h.set_handler,
        0,
    ),
    (
        "year",
        g.compile_ci(r"(?<![\w$€£.,/#:-])(?P<year>" + g.YEAR + r")(?![\w/-]|[.,]\d)"),
        h.year_alone,
        5,
    ),
    (
        "bare-month",
        g.compile_ci(
            r"(?<![\w.])(?:(?P<dir>last|next|this|coming|past|previous)\s+)?(?P<mon>"
            + g.MONTH
            + r")"
        ),
        h.bare_month,
        5,
    ),
    (
        "clock",
        g.compile_ci(
            r"(?<![\w.:])(?:(?P<pre>at|by|around|until|about|before|after|from)\s+)?(?P<clock>"
            + g.CLOCK
            + r")"
        ),
        h.clock_alone,
        6,
    ),
)

_PREPOSITION_PREFIX = re.compile(r"^(?:at|by|around|until|about|before|after|from)\s+", re.I)
_MOD_WORDS = (
    ("start", "START"),
    ("beginning", "START"),
    ("early", "START"),
    ("first", "START"),
    ("end", "END"),
    ("close", "END"),
    ("turn", "END"),
    ("late", "END"),
    ("latter", "END"),
    ("second", "END"),
    ("middle", "MID"),
    ("mid", "MID"),
)


# Each pattern scans ASCII-lowercased text case-sensitively (twice as fast as IGNORECASE);
# at every hit the original pattern re-matches the original text, so handlers see its case.
_SCANNERS = tuple(g.lowercase_scanner(pattern) for _, pattern, _, _ in _PATTERNS)


def _candidates(text: str) -> Iterator[tuple[int, int, int, Spec]]:
    lowered = text.translate(g.ASCII_LOWER)
    for (_name, pattern, handler, priority), scanner in zip(_PATTERNS, _SCANNERS, strict=True):
        for hit in scanner.finditer(lowered):
            if hit.end() == hit.start():
                continue
            m = pattern.match(text, hit.start())
            if m is None or m.end() == m.start():  # only with letters outside ASCII
                continue
            spec = handler(m, text)
            if spec is None:
                continue
            start, end = m.start(), m.end()
            if _name == "weekday" and m["dir"] and m["dir"].lower() in {"on", "by"}:
                start = m.start("wd")
            if _name == "clock":
                pre = _PREPOSITION_PREFIX.match(m.group(0))
                if pre:
                    start += pre.end()
            yield start, end, priority, spec


def _with_modifier(text: str, start: int, spec: Spec) -> tuple[int, Spec]:
    if spec.kind != "date" or spec.ref is not None or spec.decade is not None:
        return start, spec
    window_start = max(0, start - 40)
    m = g.MODIFIER_BEFORE.search(text[window_start:start])
    if not m:
        return start, spec
    words = m.group(0).lower()
    mod = next((code for word, code in _MOD_WORDS if word in words), None)
    if words.strip().startswith(("earlier", "later")):
        mod = None
    return window_start + m.start(), replace(spec, approx=True, mod=mod)


def detect(text: str) -> tuple[RawTimex, ...]:
    """All temporal expressions in ``text``, leftmost-longest, in text order."""
    found = sorted(_candidates(text), key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    chosen: list[tuple[int, int, Spec]] = []
    taken_until = -1
    for start, end, _priority, spec in found:
        if start < taken_until:
            continue
        # Trim trailing punctuation captured by abbreviations ("Jan." at a sentence end).
        while end > start and text[end - 1] in ".,":
            if text[end - 1] == "." and re.search(
                r"(?:[ap]\.m|\b[A-Z][a-z]{2,3})\.$", text[start:end]
            ):
                break
            end -= 1
        chosen.append((start, end, spec))
        taken_until = end
    out: list[RawTimex] = []
    for start, end, spec in chosen:
        new_start, new_spec = _with_modifier(text, start, spec)
        if out and new_start < out[-1].end:
            new_start, new_spec = start, spec
        out.append(RawTimex(new_start, end, text[new_start:end], new_spec))
    return tuple(out)
