"""Stage 3, dedup: whole-document copies and shared (reused) paragraphs.

- Copies (reprints, syndicated and lightly edited versions): MinHash LSH over
  word 5-shingles, verified exactly (Jaccard >= ``duplicate_jaccard`` or
  containment >= ``duplicate_containment``). The copy gets ``status="duplicate"``,
  ``duplicate_of`` = the kept document and a reason with the similarity.
- Shared spans: paragraphs (Jaccard of word 3-shingles >= ``shared_jaccard``) and,
  between documents that already share a paragraph, reworded long sentences
  (>= ``shared_sentence_jaccard``) get ``shared_spans`` entries on both documents, so
  reused background is not counted as independent corroboration. Candidates come
  from MinHash LSH banding (vectorised in numpy for the many paragraph units) and
  are verified on exact shingle sets; nothing compares all pairs.

Only ``ok`` documents take part; others pass through unchanged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from dossier.dedup.documents import find_copies
from dossier.dedup.settings import DedupSettings
from dossier.dedup.spans import find_shared_spans
from dossier.model import Document

__all__ = ["DedupSettings", "mark_copies", "mark_shared_spans"]


def mark_copies(docs: Sequence[Document], settings: DedupSettings) -> tuple[Document, ...]:
    """Mark whole-document copies ``duplicate`` of the document they copy."""
    out = list(docs)
    live = [i for i, d in enumerate(docs) if d.ok and d.clean_text.strip()]
    copies = find_copies([docs[i] for i in live], settings)
    copied = set()
    for copy in copies:
        index, kept = live[copy.duplicate], docs[live[copy.kept]]
        copied.add(index)
        out[index] = dataclasses.replace(
            docs[index],
            status="duplicate",
            duplicate_of=kept.id,
            reason=(
                f"copy of {kept.id}: Jaccard {copy.jaccard:.2f} over word "
                f"{settings.doc_shingle}-shingles, {copy.containment:.0%} of its text "
                f"found in {kept.id}"
            ),
        )
    return tuple(out)


def mark_shared_spans(docs: Sequence[Document], settings: DedupSettings) -> tuple[Document, ...]:
    """Record the paragraphs and sentences each ``ok`` document shares with another."""
    out = list(docs)
    originals = [i for i, d in enumerate(docs) if d.ok and d.clean_text.strip()]
    spans = find_shared_spans([docs[i] for i in originals], settings)
    for i, doc_spans in zip(originals, spans, strict=True):
        if doc_spans:
            out[i] = dataclasses.replace(out[i], shared_spans=tuple(doc_spans))
    return tuple(out)
