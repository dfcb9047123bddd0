"""The user's corrections of the grouping (merge two stories, split one, move a document),
applied after grouping in the order they were made.

Corrections name documents by content id (stable across builds), so a correction made on
one build holds on the next one and after documents are added. A correction whose
documents are no longer there is skipped (and logged); one that names some of them applies
to those.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from dossier.model import Document, StoryCorrection

log = logging.getLogger(__name__)


def document_key(doc: Document) -> str:
    """How a correction names a document: its content id (its id when it has none)."""
    return doc.content_id or doc.id


def apply_corrections(
    clusters: Sequence[Sequence[int]],
    docs: Sequence[Document],
    corrections: Sequence[StoryCorrection],
) -> tuple[list[list[int]], dict[str, int]]:
    """The clusters after ``corrections``, and which correction last placed each document
    it moved (document id -> correction id)."""
    index: dict[str, int] = {}
    for i, doc in enumerate(docs):
        index.setdefault(document_key(doc), i)
        index.setdefault(doc.id, i)
    group_of = {i: n for n, members in enumerate(clusters) for i in members}
    placed: dict[str, int] = {}
    next_group = len(clusters)
    for correction in corrections:
        found = [index[k] for k in correction.documents if k in index]
        if not found:
            log.info("stories: correction %d names no document of this build", correction.id)
            continue
        if correction.kind == "merge":
            target = group_of[found[0]]
            moved = [i for i in group_of if group_of[i] in {group_of[j] for j in found}]
        elif correction.kind == "split":
            target, next_group = next_group, next_group + 1
            moved = found
        else:
            if correction.target not in index:
                log.info("stories: correction %d: its target is not in this build", correction.id)
                continue
            target = group_of[index[correction.target]]
            moved = found
        for i in moved:
            group_of[i] = target
        for i in found:
            placed[docs[i].id] = correction.id
    grouped: dict[int, list[int]] = {}
    for i in sorted(group_of):
        grouped.setdefault(group_of[i], []).append(i)
    return sorted(grouped.values(), key=lambda g: g[0]), placed
