"""How much of one document the analysis stages read: a cap per stage, so that the cost of
a build grows with the size of its inputs and never explodes on one huge file.

Reading, cleaning and finding copies take every character (their cost is linear). The
stages that analyse the text (parse, shared passages, dates, mentions, stories, entities,
events, cross-checking, the summary) read at most ``max_chars`` characters of a document's
clean text: a prefix, cut at a paragraph break (else a line break, a sentence end, a
space). Annotations on that prefix are offsets into the whole clean text, which is kept
whole (in the JSON, the report, the store and search), so every citation stays valid.

A document that is cut gets one :data:`ANALYSIS_CAPPED` flag naming the stages and how much
they read. The caps are far above a news article (the longest long-form pieces run to
some 60,000 characters), so on articles nothing changes, and the result never depends on
how fast the machine is.

:func:`windowed` wraps a stage's function; :mod:`dossier.pipeline` wraps the stages
named in :class:`LimitSettings`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, TypeVar

from dossier.limits.settings import ANALYSED_STAGES, ANALYSIS_CHARS, LimitSettings
from dossier.model import Corpus, Document, Flag, FlagKind, Story
from dossier.stages import Field, Stage

if TYPE_CHECKING:
    from dossier.resources import Resources
    from dossier.settings import Settings

__all__ = [
    "ANALYSED_STAGES",
    "ANALYSIS_CAPPED",
    "ANALYSIS_CHARS",
    "LimitSettings",
    "Windowed",
    "cut_point",
    "windowed",
    "with_limits",
]

ANALYSIS_CAPPED: FlagKind = "analysis-capped"
_BOUNDARIES = ("\n\n", "\n", ". ", " ")


def cut_point(text: str, limit: int) -> int:
    """Where a prefix of at most ``limit`` characters of ``text`` ends: after the last
    paragraph break in it (else line break, sentence end, space) in its second half."""
    if len(text) <= limit:
        return len(text)
    window = text[:limit]
    for boundary in _BOUNDARIES:
        found = window.rfind(boundary)
        if found >= limit // 2:
            return found + len(boundary)
    return limit


@dataclass(frozen=True, slots=True)
class Windowed:
    """A stage function (documents, a corpus, or ``(story, documents)`` pairs first, then
    settings and resources) run on documents cut to the stage's cap and given back whole,
    with the flag. A plain object, so worker processes can be sent it."""

    stage: str
    fn: Callable[[Any, Settings, Resources], Any]

    def __call__(self, data: Any, settings: Settings, resources: Resources) -> Any:
        limit = settings.limits.cap(self.stage)
        if limit is None:
            return self.fn(data, settings, resources)
        if isinstance(data, Corpus):
            documents, restore = _cut_all(data.documents, limit, settings.limits)
            out = self.fn(replace(data, documents=documents), settings, resources)
            return replace(out, documents=restore(out.documents))
        items = list(data)
        if items and isinstance(items[0], tuple):  # (story, documents) pairs
            return self.fn([_cut_pair(pair, limit) for pair in items], settings, resources)
        documents, restore = _cut_all(items, limit, settings.limits)
        return restore(self.fn(documents, settings, resources))


Fn = TypeVar("Fn", bound=Callable[..., Any])


def windowed(stage: str, fn: Fn) -> Fn:
    """``fn`` reading at most the stage's cap of each document (see :class:`Windowed`)."""
    return Windowed(stage, fn)  # type: ignore[return-value]


def _cut_pair(
    pair: tuple[Story, Sequence[Document]], limit: int
) -> tuple[Story, tuple[Document, ...]]:
    story, docs = pair
    return story, tuple(_cut(d, limit) for d in docs)


def _cut(doc: Document, limit: int) -> Document:
    text = doc.clean_text
    if len(text) <= limit:
        return doc
    return replace(doc, clean_text=text[: cut_point(text, limit)])


def _cut_all(
    docs: Sequence[Document], limit: int, limits: LimitSettings
) -> tuple[tuple[Document, ...], Callable[[Sequence[Document]], tuple[Document, ...]]]:
    """The documents cut to ``limit``, and the function that gives the stage's output
    documents their whole clean text back (flagged)."""
    whole = {d.id: d.clean_text for d in docs if len(d.clean_text) > limit}

    def restore(out: Sequence[Document]) -> tuple[Document, ...]:
        if not whole:
            return tuple(out)
        return tuple(_restored(d, whole[d.id], limits) if d.id in whole else d for d in out)

    return tuple(_cut(d, limit) for d in docs), restore


def _restored(doc: Document, text: str, limits: LimitSettings) -> Document:
    if not text.startswith(doc.clean_text):  # the stage rewrote the text: keep what it made
        return doc
    flags = doc.flags
    if not any(f.kind == ANALYSIS_CAPPED for f in flags):
        flags = (*flags, Flag(ANALYSIS_CAPPED, _message(text, limits)))
    return dataclasses.replace(doc, clean_text=text, flags=flags)


def _message(text: str, limits: LimitSettings) -> str:
    caps = sorted((limit, stage) for stage, limit in limits.max_chars.items() if limit < len(text))
    by_limit: dict[int, list[str]] = {}
    for limit, stage in caps:
        by_limit.setdefault(cut_point(text, limit), []).append(stage)
    parts = [
        f"{', '.join(stages)} read the first {n:,} characters" for n, stages in by_limit.items()
    ]
    return (
        f"a long text ({len(text):,} characters of clean text): "
        + "; ".join(parts)
        + "; the rest is kept in the clean text but not analysed"
    )


def with_limits(stages: Sequence[Stage]) -> tuple[Stage, ...]:
    """The stages, each that reads clean text running under its cap of
    :class:`LimitSettings` (those without a cap run as they are)."""
    return tuple(
        replace(stage, fn=Windowed(stage.name, stage.fn))  # type: ignore[arg-type]
        if Field.DOC_CLEAN in stage.requires and not isinstance(stage.fn, Windowed)
        else stage
        for stage in stages
    )
