"""Content-derived ids: the same content gives the same id in every build.

Ids of stories, conflicts and facts are hashes of what they are about (a document's
content id, the spans a conflict cites), never of their position in a list or of the
membership of a group, so that adding an article to a case leaves the ids of everything
it does not change as they were (see ``docs/output.md``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from dossier.model import Citation


def digest(*parts: str, length: int = 10) -> str:
    """A short hex digest of ``parts`` (joined with a separator no text contains)."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:length]


def citation_key(citation: Citation) -> str:
    return f"{citation.doc}#{citation.start}-{citation.end}"


def first_citation(citations: Iterable[Citation]) -> Citation:
    """The citation earliest in (document id, offset) order: the same one whatever order
    the citations were found in."""
    return min(citations, key=lambda c: (c.doc, c.start, c.end))


def unique(candidate: str, used: set[str], *more: str) -> str:
    """``candidate``, or when it is taken, ``candidate`` extended by a digest of ``more``
    (then numbered: only identical content can reach that)."""
    chosen = candidate
    if chosen in used:
        chosen = f"{candidate}-{digest(*more, length=6)}"
    n = 2
    base = chosen
    while chosen in used:
        chosen = f"{base}-{n}"
        n += 1
    used.add(chosen)
    return chosen
