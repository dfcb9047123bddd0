"""What identifies a document across builds: a hash of its normalised text.

Two files holding the same article (the same page saved twice, a copy under another name)
are one document; an edited article is another. The hash reads the text as decoded by
ingest, normalised so that line endings, trailing spaces, runs of blank lines and Unicode
composition do not make two copies of one text different. An input that could not be read
has no text: it is identified by where it was read from.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata

from dossier.model import Document

# typography: trailing blanks and runs of blank lines, normalised before hashing
_TRAILING_SPACE = re.compile(r"[ \t\f\v]+$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n{3,}")
CONTENT_ID_CHARS = 20  # hex digits kept (80 bits)


def normalised_text(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _TRAILING_SPACE.sub("", text.lstrip("\ufeff"))
    return _BLANK_RUNS.sub("\n\n", text).strip()


def content_id(text: str, source: str) -> str:
    """The content id of a document with raw ``text`` read from ``source``."""
    normal = normalised_text(text)
    payload = ("text\n" + normal) if normal else ("source\n" + source)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:CONTENT_ID_CHARS]


def with_identity(doc: Document) -> Document:
    """``doc`` with its ``content_id`` and ``sources`` set (from its raw text and source)."""
    return dataclasses.replace(
        doc,
        content_id=content_id(doc.raw_text, doc.source),
        sources=doc.sources or (doc.source,),
    )
