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
from dataclasses import dataclass

from dossier.dedup.credits import find_credit
from dossier.dedup.documents import CopyKeys, Original, credited_by_others, find_copies
from dossier.dedup.settings import DedupSettings
from dossier.dedup.spans import find_shared_spans
from dossier.model import Credit, Document, Flag
from dossier.resources import Resources
from dossier.time.printed import stated_day

__all__ = [
    "CopyMark",
    "DedupSettings",
    "copy_marks",
    "credited",
    "mark_copies",
    "mark_shared_spans",
    "original_of",
]


def mark_copies(
    docs: Sequence[Document], settings: DedupSettings, resources: Resources | None = None
) -> tuple[Document, ...]:
    """Mark whole-document copies ``duplicate`` of their original, and record on every
    ``ok`` document the outlet or agency it credits as its origin (flag ``syndicated``).

    The original of a group of copies is the one the others credit, else the earliest
    published (by the date each states about itself), else the longest. Copies keep their
    own outlet and page date."""
    resources = resources if resources is not None else Resources()
    out = list(docs)
    live = [i for i, d in enumerate(docs) if d.ok and d.clean_text.strip()]
    live_docs = [docs[i] for i in live]
    originals = [original_of(d, resources) for d in live_docs]
    for i, found in zip(live, originals, strict=True):
        if found.credit is not None:
            out[i] = credited(docs[i], found.credit)
    for index, mark in copy_marks(live_docs, settings, originals).items():
        out[live[index]] = mark.apply(out[live[index]])
    return tuple(out)


@dataclass(frozen=True, slots=True)
class CopyMark:
    """What makes a document a copy: the document it copies and why."""

    duplicate_of: str
    reason: str

    def apply(self, doc: Document) -> Document:
        return dataclasses.replace(
            doc, status="duplicate", duplicate_of=self.duplicate_of, reason=self.reason
        )


def copy_marks(
    docs: Sequence[Document],
    settings: DedupSettings,
    originals: Sequence[Original],
    keys: Sequence[CopyKeys] | None = None,
) -> dict[int, CopyMark]:
    """index -> the mark of each copy among ``docs`` (all ``ok`` with clean text;
    ``originals[i]`` is :func:`original_of` ``docs[i]``); originals are not listed."""
    marks = {}
    for copy in find_copies(docs, settings, originals, keys):
        kept = docs[copy.kept]
        why = _why_original(docs, originals, copy.kept, [copy.kept, copy.duplicate])
        marks[copy.duplicate] = CopyMark(
            kept.id,
            f"copy of {kept.id}: Jaccard {copy.jaccard:.2f} over word "
            f"{settings.doc_shingle}-shingles, {copy.containment:.0%} of its text "
            f"found in {kept.id}{why}",
        )
    return marks


def original_of(doc: Document, resources: Resources) -> Original:
    """What of ``doc`` decides whether it is the original of its copies: the outlet or
    agency it credits and the day it states it was published."""
    language = resources.language(doc.language) if doc.readable else None
    grammar = resources.time_grammar(language.code) if language is not None else None
    credit = find_credit(doc, language) if language is not None else None
    return Original(credit, stated_day(doc, grammar))


def credited(doc: Document, credit: Credit) -> Document:
    """``doc`` with the credit its text gives (flag ``syndicated``)."""
    flag = Flag(
        "syndicated",
        f"the text credits {credit.name} as its origin ({credit.text!r}): a reprint or an "
        "agency story, not an independent report",
    )
    return dataclasses.replace(doc, credit=credit, flags=(*doc.flags, flag))


def _why_original(
    docs: Sequence[Document], originals: Sequence[Original], kept: int, members: Sequence[int]
) -> str:
    credited = credited_by_others(docs, kept, members, originals)
    if credited is not None:
        return f"; it is the original: the copy credits it ({credited!r})"
    day = originals[kept].published
    if day is not None:
        return f"; it is the original: published first ({day.isoformat()})"
    return ""


def mark_shared_spans(docs: Sequence[Document], settings: DedupSettings) -> tuple[Document, ...]:
    """Record the paragraphs and sentences each ``ok`` document shares with another."""
    out = list(docs)
    originals = [i for i, d in enumerate(docs) if d.ok and d.clean_text.strip()]
    spans = find_shared_spans([docs[i] for i in originals], settings)
    for i, doc_spans in zip(originals, spans, strict=True):
        if doc_spans:
            out[i] = dataclasses.replace(out[i], shared_spans=tuple(doc_spans))
    return tuple(out)
