"""Why a document is in its story: how close it is to the story's other documents, and the
names and words it shares with them. Each story's sums are computed once, so explaining a
story of n documents is linear in its similarities, not quadratic in n."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse

from dossier.model import Document, Membership
from dossier.stories.features import Bags, Vectors

_SHOWN = 4  # names and words listed per document


@dataclass(frozen=True, slots=True)
class _Story:
    row_sums: np.ndarray  # each member's summed similarity to the members (itself included)
    within: float  # the members' summed pairwise similarity
    name_counts: np.ndarray  # how many members have each name column
    word_counts: np.ndarray


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
        self._stories: dict[tuple[int, ...], _Story] = {}

    def _story(self, members: Sequence[int]) -> _Story:
        key = tuple(members)
        found = self._stories.get(key)
        if found is None:
            sub = self.sim[members][:, members]
            row_sums = np.asarray(sub.sum(axis=1)).ravel()
            found = _Story(
                row_sums=row_sums,
                within=float(row_sums.sum()),
                name_counts=_presence(self.names.matrix[members]),
                word_counts=_presence(self.words.matrix[members]),
            )
            self._stories[key] = found
        return found

    def membership(
        self, i: int, members: Sequence[int], founder: str, corrected: Mapping[str, int]
    ) -> Membership:
        doc = self.docs[i]
        if len(members) == 1:
            return Membership(doc.id, "alone")
        story = self._story(members)
        position = list(members).index(i)
        own = float(self.sim[i, i])
        to_others = story.row_sums[position] - own
        others_within = story.within - 2.0 * story.row_sums[position] + own
        score = to_others / math.sqrt(max(others_within, 1e-12))
        surfaces = self.bags[i].surfaces
        names = _shared(i, self.names, story.name_counts, lambda k: surfaces.get(k, k))
        words = _shared(i, self.words, story.word_counts, lambda k: k)
        if doc.id in corrected:
            basis, note = "correction", f"placed here by correction {corrected[doc.id]}"
        else:
            basis, note = ("founder" if doc.id == founder else "similar"), ""
        return Membership(doc.id, basis, round(min(1.0, float(score)), 3), names, words, note)  # type: ignore[arg-type]


def _presence(rows: sparse.csr_matrix) -> np.ndarray:
    return np.asarray((rows > 0).sum(axis=0)).ravel()


def _shared(i: int, vectors: Vectors, counts: np.ndarray, label: object) -> tuple[str, ...]:
    """The keys of document ``i`` that most other members have (weighted by their TF-IDF
    weight in ``i``)."""
    row = vectors.matrix.getrow(i)
    if row.nnz == 0:
        return ()
    others = counts[row.indices] - 1  # the members other than i that have the key
    weight = row.data * others
    order = [k for k in np.argsort(-weight, kind="stable") if others[k] > 0][:_SHOWN]
    labelled = [label(vectors.keys[row.indices[k]]) for k in order]  # type: ignore[operator]
    return tuple(dict.fromkeys(labelled))


def describe(member: Membership) -> str:
    """Why a document is in its story, in words (for the report and the UI)."""
    shared = []
    if member.names:
        shared.append("names " + ", ".join(member.names))
    if member.words:
        shared.append("words " + ", ".join(member.words))
    sharing = f"; shares {'; '.join(shared)}" if shared else ""
    if member.basis == "founder":
        return f"the story's first report (similarity {member.score:.2f} to the others){sharing}"
    if member.basis == "similar":
        return f"similarity {member.score:.2f} to the story's other reports{sharing}"
    if member.basis == "alone":
        return "no other report is close enough to it"
    return member.note or member.basis
