"""Align claims across documents: which clauses state the same fact.

Candidates are pairs of claims from different documents that share much of their wording or
report the same kind of event about the same people. Two claims may stand for one fact only
when each supports the other (:func:`claim_supports`: the same events, asserted alike, with
agreeing arguments) or, for claims without an event frame, when their wording is very close;
the sentence embedding (cosine, raised by a shared entity, amount or date) decides among the
admissible pairs. Whether a pair can be admissible at all does not depend on its cosine
(neither contradicts the other; framed claims support each other), so that is decided first
and only the texts of such *comparable* pairs are embedded: on news streams most candidate
pairs fail it (measured on 200 Timeline17 articles: 283 of 1,993 pairs, 264 of 1,254 texts
are left). Groups are built by complete linkage, so every member of a fact supports every
other: a fact's citations all state its text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

import numpy as np

from dossier.crosscheck.claims import ClaimInfo
from dossier.crosscheck.settings import CrosscheckSettings
from dossier.crosscheck.support import Rules, claim_contradicts, claim_supports
from dossier.overlap import intersection_sizes, shared_key_arrays
from dossier.resources import EMBEDDING_DIM

log = logging.getLogger(__name__)

# How close a comparable pair must be: see :func:`_comparable`.
Comparable = Literal["classed", "framed", "words"]


@dataclass(frozen=True, slots=True)
class Alignment:
    """Similarity of the compared claim pairs and the groups the claims form.

    Only candidate pairs are compared, so only they have a similarity (kept sparse: a
    story's embedded claims can run to thousands, their square to gigabytes)."""

    indices: tuple[int, ...]  # claim indices in a candidate pair, in position order
    # (position, position), lower first: the comparable pairs only (no other can be grouped)
    similarity: Mapping[tuple[int, int], float]
    groups: tuple[tuple[int, ...], ...]  # claim indices per fact, every candidate once
    position: dict[int, int]  # claim index -> its position

    def sim(self, i: int, j: int) -> float:
        a, b = self.position.get(i), self.position.get(j)
        if a is None or b is None:
            return 0.0
        if a == b:
            return 1.0
        return self.similarity.get((min(a, b), max(a, b)), 0.0)


def worth_aligning(info: ClaimInfo, min_words: int) -> bool:
    if len(info.text.split()) < min_words:
        return False
    return bool(info.claim.entity_ids or info.claim.numbers or info.claim.dates or info.frames)


@dataclass(frozen=True, slots=True)
class Candidates:
    """The claims worth aligning, the pairs of them that share enough to be compared, and
    which of those may be admissible, by the threshold their similarity must reach."""

    worth: tuple[int, ...]
    pairs: frozenset[tuple[int, int]]
    comparable: Mapping[tuple[int, int], Comparable]

    def texts_to_embed(self, claims: Sequence[ClaimInfo], every: bool = False) -> list[str]:
        """Texts in a comparable pair (any candidate pair with ``every``) with a different
        text. Copies of one sentence (reprints, shared background) are identical: cosine 1
        without a vector."""
        pairs = self.pairs if every else self.comparable
        return list(
            dict.fromkeys(
                claims[k].text
                for i, j in sorted(pairs)
                if claims[i].text != claims[j].text
                for k in (i, j)
            )
        )


def find_candidates(
    claims: Sequence[ClaimInfo], rules: Rules, settings: CrosscheckSettings
) -> Candidates:
    worth = tuple(
        i for i, info in enumerate(claims) if worth_aligning(info, settings.min_claim_words)
    )
    pairs, supporting = _candidate_pairs(claims, worth, rules, settings)
    comparable: dict[tuple[int, int], Comparable] = {}
    for i, j in sorted(pairs):
        kind = _comparable(rules, claims[i], claims[j], (i, j) in supporting)
        if kind is not None:
            comparable[(i, j)] = kind
    return Candidates(worth, frozenset(pairs), comparable)


def _comparable(rules: Rules, x: ClaimInfo, y: ClaimInfo, supporting: bool) -> Comparable | None:
    """None when the pair can never share a fact group whatever its cosine (one contradicts
    the other, or they are framed and do not support each other), else which threshold its
    similarity must reach: "classed" (both state a classed event), "framed", or "words"
    (neither has an event frame: near-identical wording only)."""
    if claim_contradicts(rules, x.reading, y.reading) or claim_contradicts(
        rules, y.reading, x.reading
    ):
        return None
    if not (x.reading.content() or y.reading.content()):
        return "words"
    if not (supporting or mutual_support(rules, x, y)):
        return None
    return "classed" if _classed(x) and _classed(y) else "framed"


def _keys(info: ClaimInfo) -> frozenset[str]:
    """Content words plus what upstream resolved: dates and amounts."""
    return (
        info.reading.words
        | {f"date:{d.value}" for d in info.claim.dates}
        | {f"qty:{n}" for n in info.claim.numbers}
    )


def candidate_pairs(
    claims: Sequence[ClaimInfo],
    worth: Sequence[int],
    rules: Rules,
    settings: CrosscheckSettings,
) -> set[tuple[int, int]]:
    """Pairs of claims from different documents that may state the same fact.

    A pair shares at least ``min_shared_words`` keys and either words much of the shorter
    claim the same way (``min_pair_overlap`` of its content words) or supports each other.
    Claims that only share a topic ("the virus", "Mexico", a date) are never embedded.
    """
    return _candidate_pairs(claims, worth, rules, settings)[0]


def _candidate_pairs(
    claims: Sequence[ClaimInfo],
    worth: Sequence[int],
    rules: Rules,
    settings: CrosscheckSettings,
) -> tuple[set[tuple[int, int]], set[tuple[int, int]]]:
    """:func:`candidate_pairs`, and those of them known to support each other."""
    words = [claims[i].reading.words for i in worth]
    keys = [_keys(claims[i]) for i in worth]
    xs, ys, _ = shared_key_arrays(keys, settings.min_shared_words)
    doc_index = {d: k for k, d in enumerate(dict.fromkeys(claims[i].doc.id for i in worth))}
    docs = np.array([doc_index[claims[i].doc.id] for i in worth], dtype=np.int64)
    other_doc = docs[xs] != docs[ys]
    xs, ys = xs[other_doc], ys[other_doc]
    sizes = np.array([len(w) for w in words], dtype=np.int64)
    shorter = np.maximum(1, np.minimum(sizes[xs], sizes[ys]))
    lexical = intersection_sizes(words, xs, ys) / shorter >= settings.min_pair_overlap
    close = zip(xs[lexical].tolist(), ys[lexical].tolist(), strict=True)
    pairs = {(worth[x], worth[y]) for x, y in close}
    same_event = _same_event_pairs(claims, worth, rules, pairs)
    return pairs | same_event, same_event


def _event_keys(info: ClaimInfo) -> frozenset[str]:
    content = [f for f in info.reading.content() if f.classed]
    return frozenset(
        {f"kind:{f.kind}" for f in content}
        | {f"entity:{e}" for f in content for e in f.participants.entities}
        | {f"date:{f.date.value}" for f in content if f.date is not None}
        | {f"qty:{a.label}" for f in content for a in f.amounts}
        | {f"{p.role}:{p.key}" for f in content for p in f.places}
    )


def _same_event_pairs(
    claims: Sequence[ClaimInfo],
    worth: Sequence[int],
    rules: Rules,
    known: set[tuple[int, int]],
) -> set[tuple[int, int]]:
    """Claims that state the same event (same kind and a shared participant, date or amount)
    and support each other, however differently worded."""
    keys = [_event_keys(claims[i]) for i in worth]
    xs, ys, _ = shared_key_arrays(keys, 2)
    out = set()
    for x, y in zip(xs.tolist(), ys.tolist(), strict=True):
        i, j = worth[x], worth[y]
        if (i, j) in known or claims[i].doc.id == claims[j].doc.id:
            continue
        if not any(k.startswith("kind:") for k in keys[x] & keys[y]):
            continue
        if mutual_support(rules, claims[i], claims[j]):
            out.add((i, j))
    return out


def mutual_support(rules: Rules, a: ClaimInfo, b: ClaimInfo) -> bool:
    return claim_supports(rules, a.reading, b.reading) and claim_supports(
        rules, b.reading, a.reading
    )


def align_with(
    claims: Sequence[ClaimInfo],
    found: Candidates,
    vectors: Mapping[str, np.ndarray],
    rules: Rules,
    settings: CrosscheckSettings,
) -> Alignment:
    """Align the candidate pairs; ``vectors`` holds (at least) ``found.texts_to_embed``."""
    indices = tuple(sorted({i for pair in found.pairs for i in pair}))
    embedded = set(indices)
    singletons = [(i,) for i in found.worth if i not in embedded]
    if not indices:
        return Alignment((), {}, tuple(singletons), {})
    position = {c: k for k, c in enumerate(indices)}
    similarity = {
        (min(position[i], position[j]), max(position[i], position[j])): value
        for (i, j), value in pair_similarity(claims, found.comparable, vectors, settings).items()
    }
    kinds = {
        (min(position[i], position[j]), max(position[i], position[j])): kind
        for (i, j), kind in found.comparable.items()
    }
    admissible = _admissible(similarity, kinds, settings)
    groups = _complete_linkage(claims, indices, similarity, admissible)
    every = tuple(sorted((*groups, *singletons), key=lambda g: g[0]))
    return Alignment(indices, similarity, every, position)


def pair_similarity(
    claims: Sequence[ClaimInfo],
    pairs: Iterable[tuple[int, int]],
    vectors: Mapping[str, np.ndarray],
    settings: CrosscheckSettings,
) -> dict[tuple[int, int], float]:
    """Per pair of claim indices: the cosine of their embeddings (1 for the same text) plus
    the overlap bonus, in float32; ``vectors`` holds the texts of the pairs (a pair whose
    text has none counts as cosine 0)."""
    ordered = sorted(pairs)
    if not ordered:
        return {}
    indices = sorted({i for pair in ordered for i in pair})
    position = {c: k for k, c in enumerate(indices)}
    left = np.array([position[i] for i, _ in ordered], dtype=np.int64)
    right = np.array([position[j] for _, j in ordered], dtype=np.int64)
    sim = _pair_cosines(claims, indices, vectors, left, right)
    sim = sim + _overlap_bonus(claims, indices, left, right, settings)
    return dict(zip(ordered, sim.astype(np.float32).tolist(), strict=True))


def _pair_cosines(
    claims: Sequence[ClaimInfo],
    indices: Sequence[int],
    vectors: Mapping[str, np.ndarray],
    left: np.ndarray,
    right: np.ndarray,
) -> np.ndarray:
    """The cosine of each pair's embeddings (1 for the same text), in float32."""
    texts = [claims[i].text for i in indices]
    text_ids = {t: k for k, t in enumerate(dict.fromkeys(texts))}
    matrix = np.zeros((len(text_ids), EMBEDDING_DIM), dtype=np.float32)
    for text, row in text_ids.items():
        if text in vectors:
            matrix[row] = vectors[text]
    ids = np.array([text_ids[t] for t in texts], dtype=np.int64)
    a, b = ids[left], ids[right]
    cosine = np.einsum("ij,ij->i", matrix[a], matrix[b]).astype(np.float32)
    return np.where(a == b, np.float32(1.0), cosine)


def _admissible(
    sim: Mapping[tuple[int, int], float],
    kinds: Mapping[tuple[int, int], Comparable],
    settings: CrosscheckSettings,
) -> set[tuple[int, int]]:
    """Which comparable pairs (positions, lower first; see :func:`_comparable`) may share a
    fact group: framed pairs, which support each other, when their similarity is close
    enough (less close when both state a classed event); claims without events only when
    their wording is near-identical. A contradiction is never comparable."""
    needed = {
        "classed": settings.framed_threshold,
        "framed": settings.align_threshold,
        "words": settings.same_text_threshold,
    }
    return {
        pair
        for pair, value in sim.items()
        if value >= settings.framed_threshold and value >= needed[kinds[pair]]
    }


def _classed(info: ClaimInfo) -> bool:
    return any(f.classed for f in info.reading.content())


def _overlap_bonus(
    claims: Sequence[ClaimInfo],
    indices: Sequence[int],
    left: np.ndarray,
    right: np.ndarray,
    settings: CrosscheckSettings,
) -> np.ndarray:
    """Bonus for sharing an entity, a number with its unit, a date (one each), per pair."""
    bonus = np.zeros(len(left), dtype=np.float32)
    keys = (
        (settings.entity_bonus, [set(claims[i].claim.entity_ids) for i in indices]),
        (settings.number_bonus, [set(claims[i].claim.numbers) for i in indices]),
        (settings.date_bonus, [{d.value for d in claims[i].claim.dates} for i in indices]),
    )
    for weight, sets in keys:
        shared = np.array(
            [bool(sets[a] & sets[b]) for a, b in zip(left.tolist(), right.tolist(), strict=True)],
            dtype=bool,
        )
        bonus += weight * shared
    return bonus


def _complete_linkage(
    claims: Sequence[ClaimInfo],
    indices: Sequence[int],
    sim: Mapping[tuple[int, int], float],
    ok: set[tuple[int, int]],
) -> tuple[tuple[int, ...], ...]:
    n = len(indices)
    members: dict[int, list[int]] = {k: [k] for k in range(n)}
    owner = list(range(n))
    pairs = [
        (sim[(a, b)], a, b) for a, b in ok if claims[indices[a]].doc.id != claims[indices[b]].doc.id
    ]
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    for _, a, b in pairs:
        ga, gb = owner[a], owner[b]
        if ga == gb:
            continue
        left, right = members[ga], members[gb]
        if not all(x == y or (min(x, y), max(x, y)) in ok for x in left for y in right):
            continue
        left.extend(right)
        for y in right:
            owner[y] = ga
        del members[gb]
    groups = [tuple(sorted(indices[k] for k in ks)) for ks in members.values()]
    groups.sort(key=lambda g: g[0])
    return tuple(groups)
