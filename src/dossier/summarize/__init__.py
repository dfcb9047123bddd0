"""Stage 10: a headline and a short extractive summary of the whole story, every sentence
cited and dated, as of the story's latest report.

Sentences are taken verbatim from the sources (a dateline prefix may be cut), so each is
faithful by construction. Chosen across all the story's documents: sentences that several
outlets state, that use the words most of the story's documents use, that name the story's
main people, that belong to dated events, and that state the latest state; redundant ones
are left out. They are ordered by the date of what they report (the date their own
assertions give, not that of a clause embedded in them; else the date of the report), ties
by the first report that states them, and each carries the date of the report it is quoted
from (``as_of``) and of what it reports. A sentence whose every time anchor is relative and
unresolved ("last week") is left out when another report states what it says. A sentence
that states how things stand ("is on trial", "faces up to four years") comes only from the
latest reports: a later report may have overtaken an earlier one's state. Left out:
boilerplate, bylines, quotations in the first person, sentences that lean on the one before
(a leading connective; a leading pronoun unless the sentence naming the referent comes with
it), superseded expectations and the outlier side of a reported contradiction.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence

from spacy.vocab import Vocab

from dossier.crosscheck.support import CitationReader, supported
from dossier.lang import Language
from dossier.model import Conflict, Document, Entity, Event, Sentence
from dossier.resources import Resources
from dossier.summarize.candidates import candidates
from dossier.summarize.select import (
    Scored,
    SpanSet,
    avoided,
    confirmed_later,
    newest_report,
    outdated,
    pick_headline,
    placed_or_alone,
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
    resources: Resources | None = None,
) -> tuple[Sentence | None, tuple[Sentence, ...]]:
    """Headline (latest state) and summary (at most ``settings.max_words`` words). A
    sentence keeps only the citations that state it (the support test,
    :func:`dossier.crosscheck.support.supported`)."""
    resources = resources or Resources()
    usable = sorted((d for d in docs if d.readable and d.clean_text), key=lambda d: d.id)
    languages = {
        code: lang
        for code in {d.language for d in usable if d.language}
        if (lang := resources.language(code)) is not None
    }
    pool = candidates(
        usable,
        languages,
        settings.min_sentence_words,
        settings.max_sentence_words,
        _vocabs(languages, resources),
        {code: g for code in languages if (g := resources.time_grammar(code)) is not None},
        resources.doc_memo,
    )
    avoid = SpanSet(avoided(conflicts))
    kept = [c for c in pool if not avoid.overlaps(c)]
    if len(kept) < len(pool):
        log.debug(
            "summary: %d sentences avoided (superseded or contradicted)", len(pool) - len(kept)
        )
    newest = newest_report(usable)
    current = [c for c in kept if not outdated(c, newest, settings.recent_days)]
    if len(current) < len(kept):
        log.debug("summary: %d states of earlier reports left out", len(kept) - len(current))
    kept = current
    if not kept:
        return None, ()
    stop_words = frozenset().union(*(lang.stop_words for lang in languages.values()))
    scored = score_all(
        kept, entities, events, settings.support_jaccard, confirmed_later(conflicts), stop_words
    )
    placed = placed_or_alone(scored)
    if len(placed) < len(scored):
        log.debug(
            "summary: %d sentences dated only relative to their report left out (others "
            "state what they say)",
            len(scored) - len(placed),
        )
    scored = placed
    head = pick_headline(scored, settings.recent_days)
    headline = _sentence(head) if head else None
    chosen = select(scored, settings.max_words, settings.duplicate_jaccard)
    reader = CitationReader.of(usable, entities, resources)
    if headline is not None:
        headline = supported(reader, headline)
    return headline, tuple(supported(reader, _sentence(s)) for s in chosen)


def _vocabs(languages: Mapping[str, Language], resources: Resources) -> dict[str, Vocab]:
    out: dict[str, Vocab] = {}
    for code in languages:
        try:
            out[code] = resources.pipeline_for(code).vocab
        except LookupError:
            continue  # an analyser without a spaCy vocabulary: no clauses to read
    return out


def _sentence(scored: Scored) -> Sentence:
    doc = scored.candidate.doc
    return Sentence(
        scored.candidate.text,
        scored.citations,
        as_of=doc.published.date,
        event_date=scored.event_date,
    )
