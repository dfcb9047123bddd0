"""Group documents into stories.

Two documents are about the same story when they share distinctive vocabulary
(TF-IDF cosine over the clean text) and, above all, the same named people,
organisations and places (weighted overlap of folded entity names, where
names that appear in many documents count less). Documents are joined with
average-linkage agglomerative clustering, so one loosely related article
cannot chain two stories together. A syndicated copy always joins the story
of the document it copies.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence

import numpy as np
from anyascii import anyascii

from dossier.ids import digest
from dossier.model import Document, Story
from dossier.resources import Resources
from dossier.stories.settings import StorySettings

_NAME_SUFFIX = re.compile(r"(?:uly|ulı|kyzy|qyzy|ovich|ovna|ova|ov|eva|ev|ina|in)$")


def _fold_name_token(token: str) -> str:
    """A crude spelling-insensitive key for one name token (Qaster/Kaster, -uly dropped)."""
    text = anyascii(token).lower()
    text = re.sub(r"[^a-z]", "", text)
    if len(text) > 6:
        text = _NAME_SUFFIX.sub("", text)
    text = text.replace("q", "k").replace("kh", "h").replace("y", "i").replace("zh", "j")
    return re.sub(r"(.)\1+", r"\1", text)


def entity_keys(document: Document) -> Counter[str]:
    """Folded name tokens of the document's entity mentions, with counts."""
    keys: Counter[str] = Counter()
    for mention in document.mentions:
        for token in re.findall(r"[^\W\d_]+", mention.text):
            if token[:1].isupper() and len(token) > 2:
                keys[f"{mention.label}:{_fold_name_token(token)}"] += 1
    return keys


def _entity_similarity(keys: list[Counter[str]]) -> np.ndarray:
    n = len(keys)
    doc_freq: Counter[str] = Counter()
    for k in keys:
        doc_freq.update(set(k))
    weights = [
        {
            key: math.log(1 + n / doc_freq[key]) * (2.0 if key.startswith("PERSON") else 1.0)
            for key in k
        }
        for k in keys
    ]
    sim = np.zeros((n, n), dtype=np.float32)
    for i in range(n):
        for j in range(i + 1, n):
            shared = weights[i].keys() & weights[j].keys()
            if not shared:
                continue
            inter = sum(min(weights[i][key], weights[j][key]) for key in shared)
            smaller = min(sum(weights[i].values()), sum(weights[j].values()))
            sim[i, j] = sim[j, i] = inter / smaller if smaller else 0.0
    return sim


def _text_similarity(texts: list[str]) -> np.ndarray:
    from sklearn.feature_extraction.text import TfidfVectorizer

    if len(texts) < 2:
        return np.ones((len(texts), len(texts)), dtype=np.float32)
    vectorizer = TfidfVectorizer(
        stop_words="english", sublinear_tf=True, min_df=1, token_pattern=r"(?u)\b[^\W\d_]{3,}\b"
    )
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # every document is only stop words
        return np.zeros((len(texts), len(texts)), dtype=np.float32)
    return np.asarray((matrix @ matrix.T).todense(), dtype=np.float32)


def similarity_matrix(documents: Sequence[Document], settings: StorySettings) -> np.ndarray:
    """Pairwise story similarity in [0, 1] between documents."""
    text_sim = _text_similarity([d.clean_text for d in documents])
    entity_sim = _entity_similarity([entity_keys(d) for d in documents])
    combined = settings.text_weight * text_sim + (1 - settings.text_weight) * entity_sim
    np.fill_diagonal(combined, 1.0)
    return np.asarray(combined, dtype=np.float32)


def _cluster(sim: np.ndarray, threshold: float) -> list[list[int]]:
    n = sim.shape[0]
    if n <= 1:
        return [[i] for i in range(n)]
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    distance = np.clip(1.0 - sim, 0.0, 1.0)
    np.fill_diagonal(distance, 0.0)
    tree = linkage(squareform(distance, checks=False), method="average")
    labels = fcluster(tree, t=1.0 - threshold, criterion="distance")
    groups: dict[int, list[int]] = {}
    for index, label in enumerate(labels):
        groups.setdefault(int(label), []).append(index)
    return list(groups.values())


def _story_title(documents: Sequence[Document], sim: np.ndarray, members: list[int]) -> str:
    centrality = sim[np.ix_(members, members)].mean(axis=1)
    ranked = [members[i] for i in np.argsort(-centrality, kind="stable")]
    for index in ranked:
        if documents[index].title:
            return str(documents[index].title)
    first = documents[ranked[0]].clean_text.strip().split("\n", 1)[0]
    return first if len(first) <= 120 else first[:117].rsplit(" ", 1)[0] + "…"


def founding_document(documents: Sequence[Document]) -> Document:
    """The document a story is named after: the earliest published (undated last), then
    the smallest content id. A later report joining the story leaves it the same."""
    return min(
        documents,
        key=lambda d: (
            d.published.date is None,
            d.published.date.sort_key if d.published.date else "",
            d.content_id or d.id,
            d.id,
        ),
    )


def story_id(documents: Sequence[Document]) -> str:
    """A story's id: a digest of its founding document's content, not of its member list."""
    founder = founding_document(documents)
    return "story-" + digest("story", founder.content_id or founder.id)


def group_stories(
    documents: Sequence[Document], settings: StorySettings, resources: Resources | None = None
) -> tuple[Story, ...]:
    """Group ok documents into stories; duplicates join the story of what they copy.

    Rejected documents belong to no story. Stories are ordered by size (largest
    first), then by id, so the output is deterministic; the result does not depend on the
    order of ``documents`` (documents are compared in id order, and each story lists its
    documents in id order, duplicates last).
    """
    ok = sorted((d for d in documents if d.readable), key=lambda d: d.id)
    if not ok:
        return ()
    sim = similarity_matrix(ok, settings)
    clusters = _cluster(sim, settings.link_threshold)
    story_of: dict[str, int] = {}
    for number, members in enumerate(clusters):
        for index in members:
            story_of[ok[index].id] = number
    extra: dict[int, list[str]] = {}
    for doc in documents:
        if doc.status == "duplicate" and doc.duplicate_of in story_of:
            extra.setdefault(story_of[doc.duplicate_of], []).append(doc.id)
    stories = []
    for number, members in enumerate(clusters):
        ids = sorted(ok[i].id for i in members) + sorted(extra.get(number, []))
        stories.append(
            Story(
                id=story_id([ok[i] for i in members]),
                title=_story_title(ok, sim, members),
                document_ids=tuple(ids),
            )
        )
    stories.sort(key=lambda s: (-len(s.document_ids), s.id))
    return tuple(stories)
