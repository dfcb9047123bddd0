"""Align claims across documents: which clauses state the same fact.

Sentence embeddings (cosine) carry most of the signal; shared entities,
numbers and dates raise the score. Embedding is the slow part, so only
candidate pairs are compared: claims worth aligning (enough words and at least
one entity, number, date or key predicate) from different documents that share
much of their wording or report the same kind of event about the same people.
Groups are built by complete linkage, so a chain of loosely similar claims
never merges two different facts.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from dossier.crosscheck.claims import ClaimInfo
from dossier.crosscheck.frames import Frame, compatible_dates
from dossier.crosscheck.settings import CrosscheckSettings
from dossier.crosscheck.support import canonical_family
from dossier.overlap import intersection_sizes, shared_key_arrays
from dossier.resources import EMBEDDING_DIM, Resources
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


@dataclass(frozen=True, slots=True)
class Candidates:
    """The claims worth aligning and the pairs of them that will be compared."""

    worth: tuple[int, ...]
    pairs: frozenset[tuple[int, int]]

    def texts_to_embed(self, claims: Sequence[ClaimInfo]) -> list[str]:
        """Texts in a pair with a different text. Copies of one sentence (reprints,
        shared background) are identical: cosine 1 without a vector."""
        return list(
            dict.fromkeys(
                claims[k].text
                for i, j in sorted(self.pairs)
                if claims[i].text != claims[j].text
                for k in (i, j)
            )
        )


def find_candidates(
    claims: Sequence[ClaimInfo],
    claim_frames: Sequence[Sequence[Frame]],
    settings: CrosscheckSettings,
) -> Candidates:
    worth = tuple(
        i
        for i, info in enumerate(claims)
        if worth_aligning(info, claim_frames[i], settings.min_claim_words)
    )
    return Candidates(worth, frozenset(candidate_pairs(claims, claim_frames, worth, settings)))


def align(
    claims: Sequence[ClaimInfo],
    claim_frames: Sequence[Sequence[Frame]],
    settings: CrosscheckSettings,
    resources: Resources,
) -> Alignment:
    """Find candidates, embed what they need and align (one story on its own)."""
    found = find_candidates(claims, claim_frames, settings)
    texts = found.texts_to_embed(claims)
    vectors = dict(zip(texts, resources.embed(texts), strict=True)) if texts else {}
    return align_with(claims, claim_frames, found, vectors, settings)


def align_with(
    claims: Sequence[ClaimInfo],
    claim_frames: Sequence[Sequence[Frame]],
    found: Candidates,
    vectors: Mapping[str, np.ndarray],
    settings: CrosscheckSettings,
) -> Alignment:
    """Align the candidate pairs; ``vectors`` holds (at least) ``found.texts_to_embed``."""
    pairs = found.pairs
    indices = tuple(sorted({i for pair in pairs for i in pair}))
    embedded = set(indices)
    singletons = [(i,) for i in found.worth if i not in embedded]
    if not indices:
        return Alignment((), np.zeros((0, 0), dtype=np.float32), tuple(singletons), {})
    texts = [claims[i].text for i in indices]
    text_ids = {t: k for k, t in enumerate(dict.fromkeys(texts))}
    matrix = np.zeros((len(text_ids), EMBEDDING_DIM), dtype=np.float32)
    for text, row in text_ids.items():
        if text in vectors:
            matrix[row] = vectors[text]
    ids = np.array([text_ids[t] for t in texts])
    matrix = matrix[ids]
    cosine = np.where(ids[:, None] == ids[None, :], 1.0, matrix @ matrix.T)
    position = {c: k for k, c in enumerate(indices)}
    # Only candidate pairs are compared: the others did not pass the lexical test.
    compared = np.zeros((len(indices), len(indices)), dtype=bool)
    for i, j in pairs:
        compared[position[i], position[j]] = compared[position[j], position[i]] = True
    sim = np.where(compared, cosine + _overlap_bonus(claims, indices, settings), 0.0)
    sim = sim.astype(np.float32)
    np.fill_diagonal(sim, 1.0)
    admissible = _admissible(claims, claim_frames, indices, sim, settings)
    groups = _complete_linkage(claims, indices, sim, admissible)
    every = tuple(sorted((*groups, *singletons), key=lambda g: g[0]))
    return Alignment(indices, sim, every, position)


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


def _lexical_keys(info: ClaimInfo, words: frozenset[str]) -> frozenset[str]:
    """Words plus what upstream resolved: entities (across spellings), dates, quantities."""
    return (
        words
        | {f"entity:{e}" for e in info.claim.entity_ids}
        | {f"date:{d.value}" for _, _, d in info.dates}
        | {f"qty:{q.label}" for q in info.quantities}
    )


def candidate_pairs(
    claims: Sequence[ClaimInfo],
    claim_frames: Sequence[Sequence[Frame]],
    worth: Sequence[int],
    settings: CrosscheckSettings,
) -> set[tuple[int, int]]:
    """Pairs of claims from different documents that may state the same fact.

    A pair shares at least ``min_shared_words`` lexical keys (content words,
    resolved entities, dates, quantities) and either reports the same kind of
    event about the same people, or words much of the shorter claim the same way
    (``min_pair_overlap`` of its content words). Claims that only share a topic ("the
    virus", "Mexico", a date) are never embedded: on news streams they make up
    most pairs and, compared by cosine alone, mostly align different facts.
    """
    words = [content_words(claims[i].text) for i in worth]
    keys = [_lexical_keys(claims[i], words[x]) for x, i in enumerate(worth)]
    kinds = [_kinds(claim_frames[i]) for i in worth]
    xs, ys, _ = shared_key_arrays(keys, settings.min_shared_words)
    doc_index = {
        doc_id: k for k, doc_id in enumerate(dict.fromkeys(claims[i].doc.id for i in worth))
    }
    docs = np.array([doc_index[claims[i].doc.id] for i in worth], dtype=np.int64)
    other_doc = docs[xs] != docs[ys]
    xs, ys = xs[other_doc], ys[other_doc]
    sizes = np.array([len(w) for w in words], dtype=np.int64)
    shorter = np.maximum(1, np.minimum(sizes[xs], sizes[ys]))
    lexical = intersection_sizes(words, xs, ys) / shorter >= settings.min_pair_overlap
    close = zip(xs[lexical].tolist(), ys[lexical].tolist(), strict=True)
    pairs = {(worth[x], worth[y]) for x, y in close}
    framed = np.array([bool(k.usable) for k in kinds], dtype=bool)
    rest = ~lexical & framed[xs] & framed[ys]
    for x, y in zip(xs[rest].tolist(), ys[rest].tolist(), strict=True):
        i, j = worth[x], worth[y]
        if _same_kind_of_event(
            claims[i], claims[j], claim_frames[i], claim_frames[j], kinds[x], kinds[y]
        ):
            pairs.add((i, j))
    return pairs


@dataclass(frozen=True, slots=True)
class _Kinds:
    """The event families a claim's predicates report, computed once per claim."""

    key: frozenset[str]  # what frame_relation compares (see _key_families)
    usable: frozenset[str]  # neither conditional nor asked for: may match another claim
    asserted: frozenset[str]  # stated as a fact or a ruling


def _kinds(fs: Sequence[Frame]) -> _Kinds:
    return _Kinds(
        key=_key_families(fs),
        usable=frozenset(
            canonical_family(f.family) for f in fs if not f.conditional and not f.appeal
        ),
        asserted=frozenset(canonical_family(f.family) for f in fs if f.asserted),
    )


def _same_kind_of_event(
    a: ClaimInfo, b: ClaimInfo, fa: Sequence[Frame], fb: Sequence[Frame], ka: _Kinds, kb: _Kinds
) -> bool:
    """Both report the same event family about the same people (or about nobody named)."""
    # A "match" needs the same key families and a shared predicate that may match.
    if ka.key == kb.key and ka.usable & kb.usable and frame_relation(a, b, fa, fb) == "match":
        return True
    if not ka.asserted & kb.asserted:
        return False
    if a.subjects and b.subjects:
        return bool(a.subjects & b.subjects)
    return not a.subjects and not b.subjects


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
            if canonical_family(x.family) != canonical_family(y.family):
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
        canonical_family(f.family)
        for f in fs
        if f.family != "cross" and not f.conditional and not f.appeal
    )


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
