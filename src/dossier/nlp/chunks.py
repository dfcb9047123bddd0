"""Cutting long texts into pieces the analyser can hold in memory."""

from __future__ import annotations

# Where a piece may end, best first: a paragraph break, a line break, a sentence end, a space.
_BOUNDARIES = ("\n\n", "\n", ". ", " ")


def text_chunks(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut ``text`` into spans of at most ``limit`` characters (when it can), ending at
    paragraph breaks, else line breaks, else sentence ends, else spaces; the spans cover
    the whole text."""
    spans: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        window = text[start : start + limit]
        cut = -1
        for boundary in _BOUNDARIES:
            found = window.rfind(boundary)
            if found > limit // 4:
                cut = found + len(boundary)
                break
        end = start + (cut if cut > 0 else limit)
        spans.append((start, end))
        start = end
    if start < len(text):
        spans.append((start, len(text)))
    return spans
