"""A :class:`~dossier.model.Parse` back as a spaCy ``Doc``, for Matcher and
DependencyMatcher rules (the patterns live in the language layer)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from dossier.model import Parse

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab


def to_spacy(parse: Parse, text: str, vocab: Vocab) -> Doc:
    """The spaCy ``Doc`` of ``text`` as ``parse`` read it: same tokens, lemmas, tags,
    dependencies, sentences and entities. Token ``i`` of the Doc is token ``i`` of the Parse,
    and ``token.idx`` is its offset in ``text``."""
    from spacy.tokens import Doc

    n = len(parse)
    words = [text[parse.starts[i] : parse.ends[i]] for i in range(n)]
    spaces = [
        i + 1 < n and parse.starts[i + 1] == parse.ends[i] + 1 and text[parse.ends[i]] == " "
        for i in range(n)
    ]
    spaces = [bool(s) for s in spaces]
    if n:
        spaces[-1] = parse.ends[-1] < len(text) and text[parse.ends[-1]] == " "
    starts = set(parse.sentence_starts)
    sdoc = Doc(
        vocab,
        words=words,
        spaces=spaces,
        lemmas=list(parse.lemmas),
        pos=list(parse.pos),
        tags=list(parse.tags),
        deps=list(parse.deps),
        heads=list(parse.heads),
        morphs=list(parse.morphs),
        sent_starts=[i == 0 or i in starts for i in range(n)],
    )
    ents = []
    for start, end, label in parse.entities:
        span = sdoc.char_span(start, end, label=label)
        if span is not None:
            ents.append(span)
    sdoc.ents = ents
    return sdoc
