"""Stage 10: a headline and a short extractive summary, every sentence cited.

Sentences are taken verbatim from the sources (a dateline prefix may be cut),
so each is faithful by construction. Preferred: sentences that several outlets
state, that name the story's main people, that belong to dated events, and
that are recent; left out: boilerplate, quotations in the first person,
superseded expectations and the outlier side of a reported contradiction.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from dossier.model import Conflict, Document, Entity, Event, Sentence
from dossier.summarize.candidates import candidates
from dossier.summarize.select import (
    SpanSet,
    avoided,
    confirmed_later,
    pick_headline,
    score_all,
    select,
)
from dossier.summarize.settings import SummarySettings

__all__ = ["SummarySettings", "summarize"]

log = logging.getLogger(__name__)


def summarize(
    docs: Sequence[Document],
    entities: Sequence[Entity],
    events: Sequence[Event],
    conflicts: Sequence[Conflict],
    settings: SummarySettings,
) -> tuple[Sentence | None, tuple[Sentence, ...]]:
    """Headline (latest state) and summary (at most ``settings.max_words`` words)."""
    usable = sorted((d for d in docs if d.readable and d.clean_text), key=lambda d: d.id)
    pool = candidates(usable, settings.min_sentence_words, settings.max_sentence_words)
    avoid = SpanSet(avoided(conflicts))
    kept = [c for c in pool if not avoid.overlaps(c)]
    if len(kept) < len(pool):
        log.debug(
            "summary: %d sentences avoided (superseded or contradicted)", len(pool) - len(kept)
        )
    if not kept:
        return None, ()
    scored = score_all(kept, entities, events, settings.support_jaccard, confirmed_later(conflicts))
    head = pick_headline(scored, settings.recent_days)
    headline = Sentence(head.candidate.text, head.citations) if head else None
    chosen = select(scored, settings.max_words, settings.duplicate_jaccard)
    summary = tuple(Sentence(s.candidate.text, s.citations) for s in chosen)
    return headline, summary
