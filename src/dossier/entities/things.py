"""Names a story's documents call works, substances or products, carried to the others.

One document names the thing by its noun ("the song Starfall", "the sedative Oxamid", "the
brand name Zorvex") and the mention stage drops it there; another lists it bare ("sales of
Starfall and Nightline", "Oxamid and Veltarin") where the model calls it an organisation.
The mention stage decides each document alone, so the story stage carries the decision by
exact string. Read from the parse's columns (no spaCy objects): a run of proper nouns is
named by a noun that modifies it ("the sedative Oxamid") or to which it is in apposition
("the trade name Zorvex").
"""

from __future__ import annotations

from collections.abc import Sequence

from dossier.entities.vocab import Vocab
from dossier.model import Document, Parse

# not language: the parse's labels (ClearNLP dependencies, Universal POS tags)
_MODIFIES = frozenset({"compound", "amod"})
_APPOS = "appos"
_PROPN, _NOUN = "PROPN", "NOUN"
# the tags a common noun before a name is sometimes given ("the sedative Oxamid" as ADJ)
_COMMON = frozenset({"NOUN", "VERB", "ADJ"})


def story_things(docs: Sequence[Document], vocab: Vocab) -> frozenset[str]:
    """Exact strings some document of the story names by a work, substance or product
    noun."""
    words = vocab.words
    nouns = words.work_nouns | words.substance_nouns | words.product_nouns
    found: set[str] = set()
    for doc in docs:
        parse = doc.parse
        if parse is None:
            continue
        for i, dep in enumerate(parse.deps):
            if parse.pos[i] not in _COMMON or not _thing_noun(parse, i, nouns):
                continue
            head = parse.heads[i]
            if dep in _MODIFIES and head == i + 1 and parse.pos[head] == _PROPN:
                found.add(_run(doc, parse, head))  # "the sedative Oxamid"
        for i, dep in enumerate(parse.deps):
            head = parse.heads[i]
            appos = dep == _APPOS and parse.pos[i] == _PROPN and head < i
            if appos and parse.pos[head] == _NOUN and _thing_noun(parse, head, nouns):
                found.add(_run(doc, parse, i))  # "the trade name Zorvex"
    return frozenset(f for f in found if f[:1].isupper())


def _thing_noun(parse: Parse, i: int, nouns: frozenset[str]) -> bool:
    lemma = parse.lemmas[i].lower()
    if lemma in nouns:
        return True
    modifiers = (
        parse.lemmas[j].lower()
        for j in range(max(0, i - 2), i)
        if parse.heads[j] == i and parse.deps[j] in _MODIFIES
    )
    return any(f"{m} {lemma}" in nouns for m in modifiers)


def _run(doc: Document, parse: Parse, head: int) -> str:
    """The proper nouns ending at ``head`` that modify it ("Billie" + "Jean")."""
    first = head
    while (
        first > 0
        and parse.pos[first - 1] == _PROPN
        and parse.heads[first - 1] == head
        and parse.deps[first - 1] in _MODIFIES
    ):
        first -= 1
    return doc.clean_text[parse.starts[first] : parse.ends[head]]
