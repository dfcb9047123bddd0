"""Align claims across documents: which clauses state the same fact.

Sentence embeddings (cosine) carry most of the signal; shared entities,
numbers and dates raise the score, and a claim is only embedded when it is
worth aligning (enough words and at least one entity, number, date or key
predicate). Groups are built by complete linkage, so a chain of loosely
similar claims never merges two different facts.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from dossier.crosscheck.claims import ClaimInfo
from dossier.crosscheck.frames import Frame, compatible_dates
from dossier.crosscheck.settings import CrosscheckSettings
from dossier.resources import Resources
from dossier.text import word_count

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Alignment:
    """Pairwise similarity of the aligned claims and the groups they form."""

    indices: tuple[int, ...]  # claim indices that were embedded, in matrix order
    similarity: np.ndarray  # adjusted similarity, len(indices) square
    groups: tuple[tuple[int, ...], ...]  # claim indices per fact, every candidate once
    position: dict[int, int]  # claim index -> row of ``similarity``

    def sim(self, i: int, j: int) -> float:
        a, b = self.position.get(i), self.position.get(j)
        if a is None or b is None:
            return 0.0
        return float(self.similarity[a, b])


def worth_aligning(info: ClaimInfo, claim_frames: Sequence[Frame], min_words: int) -> bool:
    if word_count(info.text) < min_words:
        return False
    return bool(info.claim.entity_ids or info.quantities or info.dates or claim_frames)


def align(
    claims: Sequence[ClaimInfo],
    claim_frames: Sequence[Sequence[Frame]],
    settings: CrosscheckSettings,
    resources: Resources,
) -> Alignment:
    worth = [
        i
        for i, info in enumerate(claims)
        if worth_aligning(info, claim_frames[i], settings.min_claim_words)
    ]
    # Embedding is the slow part: only claims with a lexical neighbour in another document.
    indices = tuple(lexical_candidates(claims, worth, settings.min_shared_words))
    singletons = [(i,) for i in worth if i not in set(indices)]
    if not indices:
        return Alignment((), np.zeros((0, 0), dtype=np.float32), tuple(singletons), {})
    texts = [claims[i].text for i in indices]
    unique = list(dict.fromkeys(texts))
    log.debug(
        "embedding %d unique claims (%d alignable, %d claims)", len(unique), len(worth), len(claims)
    )
    vectors = np.asarray(resources.embed(unique), dtype=np.float32)
    row = {t: k for k, t in enumerate(unique)}
    matrix = vectors[[row[t] for t in texts]]
    sim = matrix @ matrix.T
    sim = sim + _overlap_bonus(claims, indices, settings)
    np.fill_diagonal(sim, 1.0)
    admissible = _admissible(claims, claim_frames, indices, sim, settings)
    groups = _complete_linkage(claims, indices, sim, admissible)
    every = tuple(sorted((*groups, *singletons), key=lambda g: g[0]))
    return Alignment(indices, sim, every, {c: k for k, c in enumerate(indices)})


_TOKEN = re.compile(r"[A-Za-z][\w\-’']+|\d+")
_STOP_WORDS = """the and but for with from that this these those their they them his her its
    was were are has have had been will would could should may might said says told also
    after before about into over than then there here which who whom what when where while
    not two one"""
_STOP = frozenset(_STOP_WORDS.split())


def content_words(text: str) -> frozenset[str]:
    """Lower-cased content words cut to a 6-letter stem, and every number."""
    return frozenset(
        w.lower()[:6]
        for w in _TOKEN.findall(text)
        if w.isdigit() or (len(w) > 2 and w.lower() not in _STOP)
    )


def _lexical_keys(info: ClaimInfo) -> frozenset[str]:
    """Words plus what upstream resolved: entities (across spellings), dates, quantities."""
    return (
        content_words(info.text)
        | {f"entity:{e}" for e in info.claim.entity_ids}
        | {f"date:{d.value}" for _, _, d in info.dates}
        | {f"qty:{q.label}" for q in info.quantities}
    )


def lexical_candidates(
    claims: Sequence[ClaimInfo], worth: Sequence[int], min_shared: int
) -> list[int]:
    """Claims sharing at least ``min_shared`` content words with a claim of another document."""
    words = {i: _lexical_keys(claims[i]) for i in worth}
    index: dict[str, list[int]] = {}
    for i in worth:
        for w in words[i]:
            index.setdefault(w, []).append(i)
    keep: set[int] = set()
    for i in worth:
        shared: dict[int, int] = {}
        for w in words[i]:
            for j in index[w]:
                if j != i and claims[j].doc.id != claims[i].doc.id:
                    shared[j] = shared.get(j, 0) + 1
        if any(n >= min_shared for n in shared.values()):
            keep.add(i)
    return sorted(keep)


def _admissible(
    claims: Sequence[ClaimInfo],
    claim_frames: Sequence[Sequence[Frame]],
    indices: Sequence[int],
    sim: np.ndarray,
    settings: CrosscheckSettings,
) -> np.ndarray:
    """Which pairs may share a fact group.

    Very close wording suffices; looser wording needs the same predicate with the
    same polarity about the same people. Opposite polarity, or a prediction against
    a statement of fact, never corroborate each other.
    """
    n = len(indices)
    ok = np.zeros((n, n), dtype=bool)
    for a, b in np.argwhere(np.triu(sim >= settings.align_threshold, 1)):
        relation = frame_relation(
            claims[indices[a]],
            claims[indices[b]],
            claim_frames[indices[a]],
            claim_frames[indices[b]],
        )
        if relation == "clash":
            continue
        if relation == "differ" and sim[a, b] < settings.same_text_threshold:
            continue
        if sim[a, b] >= settings.strict_threshold or relation == "match":
            ok[a, b] = ok[b, a] = True
    np.fill_diagonal(ok, True)
    return ok


def frame_relation(a: ClaimInfo, b: ClaimInfo, fa: Sequence[Frame], fb: Sequence[Frame]) -> str:
    """How the predicates of two claims relate.

    "match": the same predicate with the same polarity about the same people;
    "clash": the same predicate with opposite polarity, modality or date;
    "differ": they report different events; "none": nothing to compare.
    """
    keys_a, keys_b = _key_families(fa), _key_families(fb)
    if keys_a != keys_b:
        return "differ"
    match = False
    for x in fa:
        for y in fb:
            if _canonical(x.family) != _canonical(y.family):
                continue
            if x.conditional or y.conditional or x.appeal or y.appeal:
                continue
            if x.modal != y.modal or x.negated != y.negated or x.denied != y.denied:
                return "clash"
            if x.obj_class != y.obj_class:
                continue
            if x.destination and y.destination and x.destination != y.destination:
                continue
            if x.on_date and y.on_date and not compatible_dates(x.on_date, y.on_date):
                return "clash"
            if a.subjects and b.subjects and a.subjects & b.subjects:
                match = True
    return "match" if match else "none"


def _key_families(fs: Sequence[Frame]) -> frozenset[str]:
    """The events a claim reports (a sentence, an arrest, a removal ...)."""
    return frozenset(
        _canonical(f.family)
        for f in fs
        if f.family != "cross" and not f.conditional and not f.appeal
    )


def _canonical(family: str) -> str:
    return "removal" if family == "stay" else family


def _overlap_bonus(
    claims: Sequence[ClaimInfo], indices: Sequence[int], settings: CrosscheckSettings
) -> np.ndarray:
    """Bonus for sharing an entity, a number with its unit, a date (one each)."""
    n = len(indices)
    bonus = np.zeros((n, n), dtype=np.float32)
    keys = (
        (settings.entity_bonus, [set(claims[i].claim.entity_ids) for i in indices]),
        (settings.number_bonus, [{q.label for q in claims[i].quantities} for i in indices]),
        (settings.date_bonus, [{d.value for _, _, d in claims[i].dates} for i in indices]),
    )
    for weight, sets in keys:
        vocab = {k: col for col, k in enumerate(sorted(set().union(*sets)))}
        if not vocab:
            continue
        incidence = np.zeros((n, len(vocab)), dtype=np.float32)
        for row, items in enumerate(sets):
            for item in items:
                incidence[row, vocab[item]] = 1.0
        bonus += weight * ((incidence @ incidence.T) > 0)
    np.fill_diagonal(bonus, 0.0)
    return bonus


def _complete_linkage(
    claims: Sequence[ClaimInfo], indices: Sequence[int], sim: np.ndarray, ok: np.ndarray
) -> tuple[tuple[int, ...], ...]:
    n = len(indices)
    members: dict[int, list[int]] = {k: [k] for k in range(n)}
    owner = list(range(n))
    pairs = [
        (float(sim[a, b]), int(a), int(b))
        for a, b in np.argwhere(np.triu(ok, 1))
        if claims[indices[a]].doc.id != claims[indices[b]].doc.id
    ]
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    for _, a, b in pairs:
        ga, gb = owner[a], owner[b]
        if ga == gb:
            continue
        left, right = members[ga], members[gb]
        if not all(ok[x, y] for x in left for y in right):
            continue
        left.extend(right)
        for y in right:
            owner[y] = ga
        del members[gb]
    groups = [tuple(sorted(indices[k] for k in ks)) for ks in members.values()]
    groups.sort(key=lambda g: g[0])
    return tuple(groups)
