"""Find the publishing outlet's name in a plain-text page dump.

Signals, strongest first: the outlet describing itself in a blurb
("X's Kazakh Service offers ...", "X journalists report ..."), a copyright
line ("© 2020 X"), a masthead (a short brand line at the very top that is
repeated or looks like a brand), the agency in a dateline ("City (X / Agencies) -"),
a "Follow us" handle matched against a name printed on the page, and a
"Subscribe to X updates" prompt. Attributions inside the body ("told X") are
deliberately ignored: they name a source, not the publisher. The phrases are the
language's (:class:`~dossier.lang.Boilerplate`); without them only the masthead and the
handle are read.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from dossier.clean.cues import Cues
from dossier.clean.lines import Line, line_key

# not language: social-media handles are ASCII letters, digits and underscores by rule
_HANDLE = re.compile(r"@([A-Za-z0-9_]{3,30})")
_LETTERS = re.compile(r"[^\W\d_]{4,}")
_SEPARATORS = re.compile(r"\s*(?:/|,|;|&)\s*")


def outlet_from_copyright(text: str, cues: Cues) -> str | None:
    bp = cues.boilerplate
    match = bp.copyright_name.search(text) if bp is not None else None
    if bp is None or not match:
        return None
    name = re.split(r"\.\s", match.group("name"))[0].strip(" .,")
    words = name.split()
    while words and words[-1].lower() in bp.name_joiners | {"all"}:
        words.pop()
    name = " ".join(words)
    if len(name) < 2 or bp.copyright.search(name):
        return None
    return name


def outlet_from_masthead(
    first: Line, lines: Sequence[Line], title_index: int | None, cues: Cues
) -> str | None:
    """The first line of the page as a brand: short, capitalised, not the title, and either
    repeated on the page, shaped like a brand ("KazPost", "THE DAILY X", "... News") or sitting
    above a title found further down."""
    text = first.text
    if not 1 <= first.words <= 4 or any(ch.isdigit() for ch in text) or text.endswith("."):
        return None
    if title_index == first.index:
        return None
    joiners = cues.boilerplate.name_joiners if cues.boilerplate is not None else frozenset()
    words = re.findall(r"[\w’'&-]+", text)
    if not all(w[:1].isupper() or w.lower() in joiners for w in words):
        return None
    key = line_key(text)
    repeated = sum(1 for line in lines if line.key == key) >= 2
    camel = any(a.islower() and b.isupper() for a, b in itertools.pairwise(text))
    brand = camel or (
        cues.boilerplate is not None and bool(cues.boilerplate.brand_words.search(text))
    )
    if text.isupper() and len(text) >= 3:
        brand = True
    if repeated or brand or (title_index is not None and title_index > first.index):
        return text.title() if text.isupper() and len(text) > 4 else text
    return None


def outlet_from_agency(agency: str, cues: Cues) -> str | None:
    bp = cues.boilerplate
    generic = bp.generic_agencies if bp is not None else frozenset()
    joiners = bp.name_joiners if bp is not None else frozenset()
    for part in _SEPARATORS.split(agency):
        for piece in part.split(" and ") if " and " in part else [part]:
            piece = piece.strip()
            lower = piece.lower()
            if piece[:1].isupper() and lower not in generic and lower not in joiners:
                return piece
    return None


def outlet_from_handle(text: str, full_text: str) -> str | None:
    match = _HANDLE.search(text)
    if not match:
        return None
    handle = match.group(1).lower()
    best = ""
    for word in set(_LETTERS.findall(full_text)):
        if word[:1].isupper() and handle.startswith(word.lower()) and len(word) > len(best):
            best = word
    return best or match.group(1)


def outlet_from_subscribe(text: str, cues: Cues) -> str | None:
    bp = cues.boilerplate
    match = bp.subscribe_name.match(text) if bp is not None else None
    if bp is None or not match:
        return None
    name = bp.subscribe_tail.sub("", match.group("name")).strip()
    return name or None
