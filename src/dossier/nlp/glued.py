"""Sentences glued together without punctuation: a headline or a photo caption run into the
first sentence of the text ("Doctor gets four years in prison Michael Jackson's former
doctor has been sentenced ..."), as pages saved as text often have them. The parser takes
them for one sentence; the summary would quote the headline with the sentence and the
title would run on.

A boundary is where a capitalised word follows a lower-case content word with nothing
between, one dependency arc crosses it (the parts are separate trees joined only at one
root), and each part has a subject of its own: two clauses side by side, not one clause
that names someone in the middle ("the court told Michael Smith"), nor a reporting verb
and its complement ("the defence maintains Dr Murray was not responsible"), nor a
subordinate clause missing its comma ("When I got home I heard").

A headline in title case is run into the sentence after it by the same pasting ("A Quiet
Windfall For Small Banks The financial world was fixated on ..."); its last word is
capitalised, so the rule above does not see it, and the parser reads the title as names.
There the boundary is a capitalised article (by its morphology) after a capitalised word
and before a lower-case one: inside a title the article is followed by a capitalised word
("Return Of The King"), and inside a sentence it is not capitalised.
"""

from __future__ import annotations

import itertools

from dossier.lang import Language
from dossier.lang.language import Grammar
from dossier.model import Parse

# Universal POS tags of the word before a boundary: a headline or a caption ends on a
# content word, not on a preposition, a conjunction or a determiner.
# not language: Universal Dependencies tag names
_ENDS_PART = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "ADV", "NUM"})
# A part that opens on a subordinating conjunction ("When ...", "If ...") leans on the next;
# a part that opens on a pronoun continues the one before.
# not language: Universal Dependencies tag names
_SUBORDINATING = frozenset({"SCONJ"})
_NOT_OPENING = frozenset({"PRON"})
# not language: the Universal Dependencies feature of articles ("the", "a")
_ARTICLE = "PronType=Art"


def glued_parts(
    parse: Parse, text: str, start: int, end: int, language: Language
) -> list[tuple[int, int]]:
    """The character spans of the sentences glued into ``text[start:end]`` (the span
    itself when nothing is glued), each without trailing spaces."""
    tokens = list(parse.token_range(start, end))
    bounds = [start]
    rest = 0  # where the part still being read starts (in ``tokens``)
    for j in range(1, len(tokens)):
        glued = rest < j and _boundary(parse, text, tokens, j)
        if (glued and _two_sentences(parse, tokens[rest:], j - rest, language.grammar)) or (
            rest < j and _title_then_sentence(parse, text, tokens, j)
        ):
            bounds.append(parse.starts[tokens[j]])
            rest = j
    bounds.append(end)
    parts = []
    for a, b in itertools.pairwise(bounds):
        stop = a + len(text[a:b].rstrip())
        if stop > a:
            parts.append((a, stop))
    return parts


def _two_sentences(parse: Parse, tokens: list[int], j: int, grammar: Grammar) -> bool:
    """One arc joins the two sides, each side has its own subject, and the right side is
    not the complement of the verb just before it ("the defence maintains Dr Murray ...")."""
    first = tokens[j]
    crossing = [t for t in tokens[:j] if parse.heads[t] >= first]
    crossing += [t for t in tokens[j:] if parse.heads[t] < first]
    if len(crossing) != 1:
        return False
    joint = crossing[0]
    if parse.heads[joint] == tokens[j - 1] and parse.pos[tokens[j - 1]] in grammar.verb_pos:
        return False
    if parse.pos[tokens[0]] in _SUBORDINATING or parse.pos[tokens[j]] in _NOT_OPENING:
        return False  # "When I got home || I heard": one sentence without its comma
    left, right = set(tokens[:j]), set(tokens[j:])
    return _has_subject(parse, left, grammar) and _has_subject(parse, right, grammar)


def _has_subject(parse: Parse, part: set[int], grammar: Grammar) -> bool:
    return any(parse.deps[t] in grammar.subject_deps and parse.heads[t] in part for t in part)


def _boundary(parse: Parse, text: str, tokens: list[int], j: int) -> bool:
    here, before = tokens[j], tokens[j - 1]
    word = text[parse.starts[here] : parse.ends[here]]
    previous = text[parse.starts[before] : parse.ends[before]]
    if not (word[:1].isupper() and previous.isalpha() and previous.islower()):
        return False
    return parse.pos[before] in _ENDS_PART


def _title_then_sentence(parse: Parse, text: str, tokens: list[int], j: int) -> bool:
    """A capitalised article between a capitalised word and a lower-case one, after at
    least two words, modifying a noun after it: where a title-case headline ends and the
    sentence begins."""
    if j < 2 or j + 1 >= len(tokens):
        return False
    here, before, after = tokens[j], tokens[j - 1], tokens[j + 1]
    if _ARTICLE not in parse.morphs[here] or parse.pos[before] not in _ENDS_PART:
        return False
    if parse.heads[here] <= here:  # an article modifies a noun after it ("Plan A is ...": no)
        return False
    word, previous, following = (
        text[parse.starts[t] : parse.ends[t]] for t in (here, before, after)
    )
    return word[:1].isupper() and previous[:1].isupper() and following[:1].islower()
