"""A :class:`~dossier.model.Parse` back as a spaCy ``Doc``, for Matcher and
DependencyMatcher rules (the patterns live in the language layer)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

from dossier.model import Parse

if TYPE_CHECKING:
    from spacy.tokens import Doc
    from spacy.vocab import Vocab


def to_spacy(parse: Parse, text: str, vocab: Vocab) -> Doc:
    """The spaCy ``Doc`` of ``text`` as ``parse`` read it: same tokens, lemmas, tags,
    dependencies, sentences and entities. Token ``i`` of the Doc is token ``i`` of the Parse,
    and ``token.idx`` is its offset in ``text``.

    The annotations are loaded as one array of string ids (each distinct label looked up
    once), as ``Doc(words=..., lemmas=..., ...)`` loads them, without its per-token lookups
    (the Doc is rebuilt by every stage that runs rules over a parse)."""
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
    sdoc = Doc(vocab, words=words, spaces=spaces)
    if n:
        _annotate(sdoc, parse, vocab)
    ents = []
    for start, end, label in parse.entities:
        span = sdoc.char_span(start, end, label=label)
        if span is not None:
            ents.append(span)
    sdoc.ents = ents
    return sdoc


def _annotate(sdoc: Doc, parse: Parse, vocab: Vocab) -> None:
    """Load the parse's columns into ``sdoc`` (what ``Doc.__init__`` does with ``pos``,
    ``heads``, ``deps``, ``lemmas``, ``tags``, ``morphs`` and ``sent_starts``)."""
    import numpy
    from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, SENT_START, TAG

    n = len(parse)
    strings = vocab.strings

    def ids(values: Iterable[str], add: Callable[[str], int]) -> list[int]:
        known: dict[str, int] = {}
        out = []
        for value in values:
            key = known.get(value)
            if key is None:
                key = known[value] = add(value)
            out.append(key)
        return out

    starts = set(parse.sentence_starts)
    index = numpy.arange(n, dtype=numpy.int32)
    columns = numpy.empty((n, 7), dtype=numpy.uint64)
    columns[:, 0] = ids(parse.pos, strings.add)
    # heads relative to the token, as signed 32-bit values in the unsigned array
    columns[:, 1] = (numpy.asarray(parse.heads, dtype=numpy.int32) - index).astype(numpy.uint64)
    columns[:, 2] = ids(parse.deps, strings.add)
    columns[:, 3] = ids(parse.lemmas, strings.add)
    columns[:, 4] = ids(parse.tags, strings.add)
    columns[:, 5] = ids(parse.morphs, vocab.morphology.add)
    first = numpy.array([i == 0 or i in starts for i in range(n)])
    columns[:, 6] = numpy.where(first, 1, -1).astype(numpy.int32).astype(numpy.uint64)
    loaded: Any = columns  # a uint64 array, as spaCy's own Doc.__init__ passes (typed Ints2d)
    sdoc.from_array([POS, HEAD, DEP, LEMMA, TAG, MORPH, SENT_START], loaded)
