"""What identifies a case in one document, and how alike two documents are.

Two bags per document, both from what earlier stages found:

* **names**: the named people (by family name), places and organisations of its mentions,
  keyed so that spelling variants meet (the entities stage's name keys: ``Musakhanuly`` and
  ``Musakhan`` share one);
* **words**: the lemmas of its content words (nouns, proper nouns, verbs, adjectives) from
  the parse, without the language's stop words.

Each bag becomes a TF-IDF vector (sublinear counts; a key in one document only is dropped,
it cannot link two). The IDF is smoothed (``1 + log((1 + n) / df)``): in a folder
collected around one case, the case's own names are in nearly every article, and an
unsmoothed IDF would weigh them at nearly zero, splitting the case by its side topics. The
similarity of two documents is a weighted sum of the two cosines, names first: what two
cases of the same kind share is vocabulary (trial, court, sentenced), what one case's
articles share across its days is its people and places.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from dossier.entities.names import NameMatcher
from dossier.lang import Language
from dossier.model import Document

# Parts of speech whose lemmas say what a text is about (Universal POS tags).
# not language: Universal Dependencies tag names
_CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
_MIN_KEY = 3  # shorter keys (initials, "US" as a surname) link unrelated texts


@dataclass(frozen=True, slots=True)
class Bags:
    names: Counter[str]
    words: Counter[str]
    surfaces: dict[str, str]  # name key -> how the document first writes it


class BagMaker:
    """Makes the bags of documents, with name keys memoised per language (one per call)."""

    def __init__(self) -> None:
        self._matchers: dict[str, NameMatcher] = {}

    def bags(self, doc: Document, language: Language | None) -> Bags:
        """The name keys and content lemmas of one readable document."""
        surfaces: dict[str, str] = {}
        if language is None:
            return Bags(Counter(), Counter(), surfaces)
        matcher = self._matchers.get(language.code)
        if matcher is None:
            matcher = self._matchers[language.code] = NameMatcher(language.names)
        return Bags(_names(doc, matcher, surfaces), _words(doc, language), surfaces)


def _names(doc: Document, matcher: NameMatcher, surfaces: dict[str, str]) -> Counter[str]:
    out: Counter[str] = Counter()
    keys: dict[tuple[str, str], str] = {}  # the same name recurs: key it once
    for mention in doc.mentions:
        if mention.label not in ("PERSON", "PLACE", "ORG"):
            continue
        prefix = mention.label.lower()
        key = keys.get((prefix, mention.text))
        if key is None:
            key = keys[(prefix, mention.text)] = _name_key(mention.text, prefix, matcher)
        if len(key) >= _MIN_KEY:
            out[f"{prefix}:{key}"] += 1
            surfaces.setdefault(f"{prefix}:{key}", mention.text)
    return out


def _words(doc: Document, language: Language) -> Counter[str]:
    parse = doc.parse
    out: Counter[str] = Counter()
    if parse is None:
        return out
    stop = language.stop_words
    for lemma, pos in zip(parse.lemmas, parse.pos, strict=True):
        word = lemma.lower()
        if pos in _CONTENT_POS and len(word) >= _MIN_KEY and word.isalpha() and word not in stop:
            out[word] += 1
    return out


def _name_key(text: str, kind: str, matcher: NameMatcher) -> str:
    """A person by family name (its stem, so that ``Musakhanuly`` meets ``Musakhan``), a
    place or an organisation by its whole name."""
    if kind == "person":
        tokens = [t for t in text.split() if t[:1].isupper() and t.isalpha()]
        return matcher.keys(tokens[-1])[1] if tokens else ""
    return matcher.name_key(text)


@dataclass(frozen=True, slots=True)
class Vectors:
    """Unit-length TF-IDF rows (one per document) and the key of each column."""

    matrix: sparse.csr_matrix
    keys: tuple[str, ...]

    def cosines(self) -> sparse.csr_matrix:
        return sparse.csr_matrix(self.matrix @ self.matrix.T)


def tfidf(bags: Sequence[Counter[str]]) -> Vectors:
    """Sublinear TF-IDF vectors (smoothed IDF); keys found in one document only are left
    out."""
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(bag.keys())
    n = len(bags)
    columns: dict[str, int] = {}
    rows, cols, values = [], [], []
    for i, bag in enumerate(bags):
        for key, count in bag.items():
            if df[key] < 2:
                continue
            rows.append(i)
            cols.append(columns.setdefault(key, len(columns)))
            values.append((1.0 + math.log(count)) * (1.0 + math.log((1.0 + n) / df[key])))
    shape = (n, max(1, len(columns)))
    matrix = sparse.csr_matrix((values, (rows, cols)), shape=shape, dtype=np.float64)
    norms = np.sqrt(np.asarray(matrix.multiply(matrix).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    matrix = sparse.csr_matrix(sparse.diags(1.0 / norms) @ matrix)
    return Vectors(matrix, tuple(sorted(columns, key=columns.__getitem__)))


def similarity(
    names: Vectors, words: Vectors, name_weight: float, floor: float, words_alone: float = 1.0
) -> sparse.csr_matrix:
    """Pairwise similarity in [0, 1]: ``name_weight`` x name cosine + the rest x word cosine,
    below ``floor`` set to 0 (what every two news texts share is not a link); 1 on the
    diagonal. A document with no name that another document has (a short update naming only
    a new spokesman) is compared by its words alone where their cosine reaches
    ``words_alone``: names cannot count against it, but shared vocabulary alone must be
    strong evidence (a football report and an earthquake report share "people", "city")."""
    word_cosines = words.cosines()
    combined = name_weight * names.cosines() + (1.0 - name_weight) * word_cosines
    nameless = (np.asarray(names.matrix.getnnz(axis=1)).ravel() == 0).astype(np.float64)
    if nameless.any():
        mark = sparse.diags(nameless)
        either = mark @ word_cosines + word_cosines @ mark - mark @ word_cosines @ mark
        either = sparse.csr_matrix(either)
        either.data[either.data < words_alone] = 0.0
        combined = combined + name_weight * either
    combined = sparse.csr_matrix(combined)
    combined.data[combined.data < floor] = 0.0
    combined.setdiag(1.0)
    combined.eliminate_zeros()
    return combined
