"""Find the publishing outlet's name in a plain-text page dump.

Signals, strongest first: the outlet describing itself in a blurb
("X's Kazakh Service offers ...", "X journalists report ..."), a copyright
line ("© 2020 X"), a masthead (a short brand line at the very top that is
repeated or looks like a brand), the agency in a dateline ("City (X / Agencies) -"),
a "Follow us" handle matched against a name printed on the page, and a
"Subscribe to X updates" prompt. Attributions inside the body ("told X") are
deliberately ignored: they name a source, not the publisher.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from dossier.clean.lines import Line, line_key

_SELF_DESCRIPTION = re.compile(
    r"^(?P<name>[A-Z0-9][\w/&.+-]*(?:\s+(?:[A-Z0-9][\w/&.+-]*|of|the|for|and)){0,5}?)"
    r"(?:['’]s\s+(?:[A-Z][\w-]*\s+){0,3})?\s*"
    r"(?:(?:journalists?|reporters?|correspondents?|staff|team)\s+"
    r"(?:report|cover|provide|bring|work|deliver)s?"
    r"|offers|provides|is an?|is the|is part of|delivers|covers|brings|publishes|was founded"
    r"|produces|aims)\b"
)
_NOT_NAMES = frozenset(
    {"the", "a", "an", "this", "that", "it", "he", "she", "they", "we", "there", "which", "who"}
)
_COPYRIGHT_NAME = re.compile(
    r"(?:©|\(c\)|copyright\s*©?)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
    r"(?P<name>[A-Z][\w&'’./+-]*(?:\s+[A-Z][\w&'’./+-]*|\s+(?:of|the|and|for)){0,5})",
    re.I,
)
_HANDLE = re.compile(r"@([A-Za-z0-9_]{3,30})")
_SUBSCRIBE_NAME = re.compile(
    r"^subscribe to (?:the )?(?P<name>[A-Z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,3})"
)
_CAPITALISED = re.compile(r"\b[A-Z][A-Za-z]{3,}\b")
_BRAND_WORDS = re.compile(
    r"\b(?:news|post|times|herald|daily|tribune|journal|gazette|press|radio|tv|online|today"
    r"|telegraph|guardian|observer|monitor|review|chronicle|express|mail|agency|wire|media"
    r"|report|star|sun|world|insider|week|weekly|standard|courier|globe|dispatch|ledger|times"
    r"|bulletin|herald|examiner|inquirer|mirror|record|reporter|sentinel|voice|wire)\b",
    re.I,
)
_SMALL_WORDS = frozenset({"the", "of", "and", "for", "de", "la", "le", "el", "al"})
_GENERIC_AGENCIES = frozenset(
    {"agencies", "agency", "wires", "staff", "wire services", "news agencies"}
)
_TRAILING_WORDS = re.compile(r"\s+(?:updates|newsletter|news alerts|alerts|all|and)$", re.I)


def outlet_from_blurb(text: str) -> str | None:
    match = _SELF_DESCRIPTION.match(text)
    if not match:
        return None
    name = match.group("name").strip()
    name = re.split(r"['’]s\b", name)[0].strip()
    if name.lower() in _NOT_NAMES:
        return None
    return name if 2 <= len(name) <= 60 else None


def outlet_from_copyright(text: str) -> str | None:
    match = _COPYRIGHT_NAME.search(text)
    if not match:
        return None
    name = re.split(r"\.\s", match.group("name"))[0]
    name = re.sub(r"\s+(?:all|the|of|and|for)$", "", name.strip(" .,"), flags=re.I)
    if name.lower() in {"all rights reserved", "all", "the"} or len(name) < 2:
        return None
    return name


def outlet_from_masthead(first: Line, lines: Sequence[Line], title_index: int | None) -> str | None:
    """The first line of the page as a brand: short, capitalised, not the title, and either
    repeated on the page, shaped like a brand ("KazPost", "THE DAILY X", "... News") or sitting
    above a title found further down."""
    text = first.text
    if not 1 <= first.words <= 4 or any(ch.isdigit() for ch in text) or text.endswith("."):
        return None
    if title_index == first.index:
        return None
    words = re.findall(r"[\w’'&-]+", text)
    if not all(w[:1].isupper() or w.lower() in _SMALL_WORDS for w in words):
        return None
    key = line_key(text)
    repeated = sum(1 for line in lines if line.key == key) >= 2
    brand = bool(re.search(r"[a-z][A-Z]", text)) or bool(_BRAND_WORDS.search(text))
    if text.isupper() and len(text) >= 3:
        brand = True
    if repeated or brand or (title_index is not None and title_index > first.index):
        return text.title() if text.isupper() and len(text) > 4 else text
    return None


def outlet_from_agency(agency: str) -> str | None:
    for part in re.split(r"\s*(?:/|,|;|\band\b|&)\s*", agency):
        part = part.strip()
        if part and part.lower() not in _GENERIC_AGENCIES and part[:1].isupper():
            return part
    return None


def outlet_from_handle(text: str, full_text: str) -> str | None:
    match = _HANDLE.search(text)
    if not match:
        return None
    handle = match.group(1).lower()
    best = ""
    for word in set(_CAPITALISED.findall(full_text)):
        if handle.startswith(word.lower()) and len(word) > len(best):
            best = word
    return best or match.group(1)


def outlet_from_subscribe(text: str) -> str | None:
    match = _SUBSCRIBE_NAME.match(text)
    if not match:
        return None
    name = _TRAILING_WORDS.sub("", match.group("name")).strip()
    return name or None
