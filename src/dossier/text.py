"""Small text utilities shared by stages: paragraph spans, control characters, long lines.

Sentences come from the parse (``Document.parse.sentences``); the typographic sentence
ends here only decide where an overlong line is broken before the parse.

All functions return character offsets into the text they are given, so the
results can be turned into citations without copying text.
"""

from __future__ import annotations

import re

# typography: the first visible character after a sentence end; a sentence end (closing
# quotes and brackets included); a paragraph (lines up to a blank line)
_NEXT_CHAR = re.compile(r"\s*(\S)")
_SENTENCE_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+|$)")
_PARAGRAPH = re.compile(r"[^\n]+(?:\n(?!\s*\n)[^\n]+)*")
# A dateline: up to 60 characters before a dash surrounded by spaces (typography; whether
# the prefix is a dateline is decided by the case of its first word, in dateline_end).
_DATELINE_DASH = re.compile(r"\s(?:--|—|–|-)\s+")


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Spans of paragraphs: runs of non-blank lines separated by blank lines.

    Leading and trailing whitespace is excluded from each span.
    """
    spans = []
    for match in _PARAGRAPH.finditer(text):
        start, end = _strip_span(text, match.start(), match.end())
        if start < end:
            spans.append((start, end))
    return spans


def typographic_sentences(
    text: str, abbreviations: frozenset[str] = frozenset()
) -> list[tuple[int, int]]:
    """Spans of sentences by punctuation alone, never crossing a line break: for breaking
    overlong lines before the parse, which gives the real sentences.

    A full stop after one of the language's ``abbreviations`` (lower case, no final stop),
    a single initial ("J. Smith") or a dotted acronym ("U.S.") does not end a sentence,
    nor one followed by a lower-case letter; closing quotes stay with their sentence.
    """
    spans: list[tuple[int, int]] = []
    for line_match in re.finditer(r"[^\n]+", text):
        line_start = line_match.start()
        line = line_match.group()
        cursor = 0
        for end_match in _SENTENCE_END.finditer(line):
            end = end_match.end()
            if _is_false_stop(line, end_match.start(), abbreviations):
                continue
            # The next sentence should start with an upper-case letter, digit or quote.
            following = _NEXT_CHAR.match(line, end)
            first = following[1] if following else ""
            if first and not (first.isupper() or first.isdigit() or first in "\"'“‘(["):
                continue
            start, stop = _strip_span(line, cursor, end)
            if start < stop:
                spans.append((line_start + start, line_start + stop))
            cursor = end
        start, stop = _strip_span(line, cursor, len(line))
        if start < stop:
            spans.append((line_start + start, line_start + stop))
    return spans


def _is_false_stop(line: str, dot_index: int, abbreviations: frozenset[str]) -> bool:
    if line[dot_index] != ".":
        return False
    # The word before the dot (letters, digits, "_" and inner dots), read backwards: the
    # cost is the word's length, not the line's.
    start = dot_index
    while start > 0 and (line[start - 1].isalnum() or line[start - 1] in "._"):
        start -= 1
    if start == dot_index:
        return False
    word = line[start:dot_index].lower()
    if word in abbreviations:
        return True
    # A single capital initial ("J. Smith") or a dotted acronym ("U.S.").
    return bool(re.fullmatch(r"[a-z]", word) or re.fullmatch(r"(?:[a-z]\.)+[a-z]", word))


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def dateline_end(text: str, start: int, end: int) -> int:
    """Where the sentence starts once a dateline ("CAIRO (Reuters) - ", "LORVANE, March 11 -")
    is cut: a dash within the first 60 characters after a prefix whose first word is in
    capitals."""
    dash = _DATELINE_DASH.search(text, start, min(end, start + 60))
    if dash is None:
        return start
    prefix = text[start : dash.start()].split()
    first = "".join(c for c in prefix[0] if c.isalpha()) if prefix else ""
    if len(prefix) <= 6 and len(first) >= 2 and first.isupper():
        return dash.end()
    return start


def word_count(text: str) -> int:
    return len(re.findall(r"\w+(?:[-'’]\w+)*", text))


def content_tokens(text: str, stop_words: frozenset[str]) -> frozenset[str]:
    """Lower-cased content words cut to a 6-letter stem (cheap lexical matching)."""
    out = set()
    for raw in text.split():
        word = "".join(c for c in raw if c.isalnum()).lower()
        if len(word) > 2 and word not in stop_words and not word.isdigit():
            out.add(word[:6])
    return frozenset(out)


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


# C0 controls but tab and newline, DEL and the C1 controls: they never belong in clean text.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# ... and what a terminal must never receive raw (adds bidirectional overrides and isolates,
# which can make a printed line read differently from what it holds).
_UNSAFE_ON_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def strip_controls(text: str) -> tuple[str, int]:
    """``text`` without control characters, and how many there were.

    Tab and newline stay; a control character that separates like a space (form feed, the
    information separators, NEL) becomes a space; the others are dropped.
    """
    return _CONTROLS.subn(_control_replacement, text)


def _control_replacement(match: re.Match[str]) -> str:
    return " " if match[0].isspace() else ""


def terminal_safe(text: str) -> str:
    """``text`` with control characters shown as escapes (``\\x1b``), safe to print."""
    return _UNSAFE_ON_TERMINAL.sub(lambda m: repr(m[0])[1:-1], text)


# typography: one line
_LINE = re.compile(r"[^\n]+")


def break_long_lines(text: str, max_chars: int, abbreviations: frozenset[str] = frozenset()) -> str:
    """``text`` with every line longer than ``max_chars`` broken into lines: at sentence
    ends (``typographic_sentences``, with the language's ``abbreviations``), and where a
    sentence is still longer, at the last space before the limit.

    A breaking space becomes a newline, so the text keeps its length and every offset into
    it stays valid. Linear in the length of the text.
    """
    cuts: list[int] = []
    for line in _LINE.finditer(text):
        if line.end() - line.start() > max_chars:
            cuts.extend(_line_cuts(text, line.start(), line.end(), max_chars, abbreviations))
    if not cuts:
        return text
    pieces, previous = [], 0
    for cut in cuts:
        pieces.append(text[previous:cut])
        previous = cut + 1
    pieces.append(text[previous:])
    return "\n".join(pieces)


def _line_cuts(
    text: str, start: int, end: int, max_chars: int, abbreviations: frozenset[str]
) -> list[int]:
    """Positions of white space in ``text[start:end]`` to turn into line breaks."""
    cuts: list[int] = []
    line_start = start
    for s_start, s_end in typographic_sentences(text[start:end], abbreviations):
        s_start, s_end = start + s_start, start + s_end
        if s_start > line_start and text[s_start - 1].isspace():
            cuts.append(s_start - 1)
            line_start = s_start
        while s_end - line_start > max_chars:  # a sentence too long for one line
            space = text.rfind(" ", line_start + max_chars // 2, line_start + max_chars)
            if space < 0:  # a long word: break before it, else (longer than a line) after it
                space = text.rfind(" ", line_start + 1, line_start + max_chars // 2)
            if space < 0:
                space = text.find(" ", line_start + max_chars, end)
            if space < 0:
                break
            cuts.append(space)
            line_start = space + 1
    return cuts
