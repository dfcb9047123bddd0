"""Model spans that hold two names, split before they are decided.

Two shapes, read from the parse and the rest of the document:

- a coordination inside the span ("administered Propofol and Lorazepam", one ORG span): the
  conjuncts are separate names when each is written alone elsewhere in the document, so a
  name that holds a conjunction ("Procter and Gamble") stays whole;
- two names of the document's people run together ("the care of Conrad Murray Jackson
  died", a caption run into the text): a span that is a person's full name followed by a
  name of another person named in the document, where the whole span is written only once.

Each piece becomes a candidate of its own, with the model's label, and is decided like any
other (a piece the parse calls a substance is dropped with that reason).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from dossier.entities.spans import Cand

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# not language: the parse's labels of a coordinating conjunction and of its conjunct
_CC, _CONJ = "cc", "conj"
# not language: the tag of a proper noun
_PROPN = "PROPN"


def split_names(cands: list[Cand], sdoc: Doc) -> list[Cand]:
    """``cands`` with each span that holds two names replaced by its pieces (see the module
    docstring)."""
    text = sdoc.text
    out: list[Cand] = []
    for cand in cands:
        pieces = _coordinated(cand, sdoc) or _glued(cand, cands, text)
        if not pieces:
            out.append(cand)
            continue
        for s, e in pieces:
            out.append(Cand(cand.doc, s, e, text[s:e], cand.model, weak=cand.weak))
    return out


def _coordinated(cand: Cand, sdoc: Doc) -> list[tuple[int, int]]:
    """The conjuncts of a coordination of proper nouns inside the span, when each is also
    written elsewhere in the document outside any coordination with the other."""
    span = sdoc.char_span(cand.start, cand.end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return []
    inside = {t.i for t in span}
    cuts = [t for t in span if t.dep_ == _CC and _joins_names(t, inside)]
    if not cuts:
        return []
    pieces: list[tuple[int, int]] = []
    begin = span[0].i
    for cc in cuts:
        pieces.append((begin, cc.i))
        begin = cc.i + 1
    pieces.append((begin, span[-1].i + 1))
    chars = [_chars(sdoc, a, b) for a, b in pieces if b > a]
    if len(chars) < 2 or any(not _alone_elsewhere(sdoc.text, s, e, cand) for s, e in chars):
        return []
    return chars


def _joins_names(cc: Token, inside: set[int]) -> bool:
    """A conjunction between two proper nouns of the span: its head and the head's
    conjunct both lie inside it."""
    head = cc.head
    if head.i not in inside or head.pos_ != _PROPN:
        return False
    return any(c.dep_ == _CONJ and c.i in inside and c.pos_ == _PROPN for c in head.children)


def _chars(sdoc: Doc, first: int, stop: int) -> tuple[int, int]:
    start = sdoc[first].idx
    last = sdoc[stop - 1]
    return start, last.idx + len(last.text)


def _alone_elsewhere(text: str, start: int, end: int, cand: Cand) -> bool:
    """The piece ``text[start:end]`` is written as a whole word outside every occurrence of
    the span's text (the same coordinated name written twice is not the piece alone)."""
    whole = [(m.start(), m.end()) for m in re.finditer(re.escape(cand.text), text)]
    piece = re.escape(text[start:end])
    for m in re.finditer(rf"(?<![\w-]){piece}(?![\w-])", text):
        if not any(s <= m.start() < e for s, e in whole):
            return True
    return False


def _glued(cand: Cand, cands: list[Cand], text: str) -> list[tuple[int, int]]:
    """A person's full name run into another person's name: the span is a two-word (or
    longer) person candidate of the document followed by a word that is another person
    candidate or the family name of one (not the first person's own family name), and the
    whole is written once (the model may call it an organisation)."""
    words = cand.text.split(" ")
    if len(words) < 3:
        return []
    forms = Counter(c.text for c in cands)
    people = {c.text for c in cands if c.model == "PERSON" and c is not cand}
    family = {p.split(" ")[-1] for p in people if " " in p}
    if forms[cand.text] > 1 or text.count(cand.text) > 1:
        return []
    for cut in range(len(words) - 1, 1, -1):
        head, tail = " ".join(words[:cut]), " ".join(words[cut:])
        if head not in people or tail == words[cut - 1]:
            continue
        if tail in people or tail in family:
            head_end = cand.start + len(head)
            return [(cand.start, head_end), (head_end + 1, cand.end)]
    return []
