"""Time zones as pages print them after a clock time ("08:15 GMT", "9.10am ET", "+01:00").

Only the zone's text is kept (verbatim, on :class:`~dossier.model.PrintedDate`); the date
stays the page's local date, as printed.
"""

from __future__ import annotations

import re

# Abbreviations news sites print after a time (upper case, as printed).
# not language: time-zone abbreviations (international)
ZONES = frozenset(
    " ".join(
        (
            "UTC GMT BST IST CET CEST EET EEST WET WEST MSK TRT GST PKT SGT HKT JST KST AEST",
            "AEDT ACST AWST NZST NZDT EST EDT CST CDT MST MDT PST PDT AKST HST ET CT MT PT",
            "ALMT AST ADT SAST EAT WAT CAT WIB ICT PHT",
        )
    ).split()
)
# not language: zone abbreviations are upper-case Latin letters wherever they are printed
_ZONE = re.compile(
    r"(?::\d{2}(?:\.\d+)?)?\s*\(?(?P<zone>[A-Z]{2,5}(?:[+-]\d{1,2}(?::?\d{2})?)?|[+-]\d{2}:?\d{2}|Z)\)?(?![^\W\d_])"
)


def zone_after(text: str, end: int) -> tuple[str, int] | None:
    """The time zone printed right after ``text[:end]`` (a clock time), and where it ends."""
    m = _ZONE.match(text, end)
    if m is None:
        return None
    zone = m.group("zone")
    head = re.split(r"[+-]", zone)[0]
    if head and head != "Z" and head not in ZONES:
        return None
    return zone, m.end()
