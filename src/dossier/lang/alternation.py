"""Regular-expression groups built from the language's word and phrase tables, as tries.

Kept in the language layer: a stage that still reads words with a regex gets the group from
here (``tests/lang/test_regex_reasons.py`` lists those that remain).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

Trie = dict[str, "Trie"]


def trie_alternation(phrases: Iterable[str], atoms: Callable[[str], list[str]]) -> str:
    """A regex group matching any of ``phrases``, built as a trie of their ``atoms`` (the
    regex of each character, or of each word and the space between words) so that a long
    list costs a few comparisons per position instead of one per phrase. At each position
    the longer phrases are tried first, so it matches what the plain alternation of the
    phrases sorted longest first matches (those that match at one position are prefixes
    of each other)."""
    trie: Trie = {}
    for phrase in set(phrases):
        node = trie
        for atom in atoms(phrase):
            node = node.setdefault(atom, {})
        node[""] = {}
    return "(?:" + _trie_regex(trie) + ")"


def literal_atoms(phrase: str) -> list[str]:
    """Each character of ``phrase``, escaped: for :func:`trie_alternation` of exact words."""
    return [re.escape(c) for c in phrase]


def _trie_regex(node: Trie) -> str:
    branches = [atom + _trie_regex(child) for atom, child in sorted(node.items()) if atom]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" not in node:
        return body
    return ("(?:" + body + ")" if len(branches) == 1 and len(body) > 1 else body) + "?"
