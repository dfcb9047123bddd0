"""Why a document is in its story: how close it is to the story's other documents, and the
names and words it shares with them."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse

from dossier.model import Document, Membership
from dossier.stories.features import Bags, Vectors

_SHOWN = 4  # names and words listed per document


class Explainer:
    def __init__(
        self,
        docs: Sequence[Document],
        bags: Sequence[Bags],
        names: Vectors,
        words: Vectors,
        sim: sparse.csr_matrix,
    ) -> None:
        self.docs, self.bags, self.names, self.words, self.sim = docs, bags, names, words, sim
        self._within: dict[tuple[int, ...], float] = {}

    def membership(
        self, i: int, members: Sequence[int], founder: str, corrected: Mapping[str, int]
    ) -> Membership:
        doc = self.docs[i]
        others = [j for j in members if j != i]
        if not others:
            return Membership(doc.id, "alone")
        score = self._score(i, members, others)
        names = self._shared(i, others, self.names, lambda k: self.bags[i].surfaces.get(k, k))
        words = self._shared(i, others, self.words, lambda k: k)
        if doc.id in corrected:
            basis, note = "correction", f"placed here by correction {corrected[doc.id]}"
        else:
            basis, note = ("founder" if doc.id == founder else "similar"), ""
        return Membership(doc.id, basis, round(score, 3), names, words, note)  # type: ignore[arg-type]

    def _score(self, i: int, members: Sequence[int], others: Sequence[int]) -> float:
        """Cosine between the document and the centroid of the story's other documents."""
        key = tuple(members)
        if key not in self._within:
            self._within[key] = float(self.sim[members][:, members].sum())
        row = self.sim.getrow(i)
        to_others = float(row[:, others].sum())
        others_within = self._within[key] - 2.0 * float(row[:, members].sum()) + 1.0
        return to_others / math.sqrt(max(others_within, 1e-12))

    def _shared(
        self, i: int, others: Sequence[int], vectors: Vectors, label: object
    ) -> tuple[str, ...]:
        """The keys of document ``i`` found in the most other documents (weighted by their
        TF-IDF weight in ``i``)."""
        row = vectors.matrix.getrow(i)
        if row.nnz == 0:
            return ()
        columns = row.indices
        present = np.asarray((vectors.matrix[others][:, columns] > 0).sum(axis=0)).ravel()
        weight = row.data * present
        order = [k for k in np.argsort(-weight, kind="stable") if present[k] > 0][:_SHOWN]
        labelled = [label(vectors.keys[columns[k]]) for k in order]  # type: ignore[operator]
        return tuple(dict.fromkeys(labelled))
