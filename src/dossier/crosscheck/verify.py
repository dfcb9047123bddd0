"""The citation check: every citation the case file makes must state what it is cited for.

Run on every build (the ``verify`` stage, after the summary), it holds each citation to the
support test (:mod:`dossier.crosscheck.support`) against what it is attached to:

* an event: each citation states the event (same kind, agreeing parties, asserted, on the
  event's date) that the event's own wording states;
* a fact ("who reports what"): each citation supports the fact's text, and a fact an outlet is
  said to confirm or report alone is not an expectation later reports overturned;
* a summary sentence and the headline: each citation supports the sentence, which is not a
  superseded expectation;
* a conflict side: each citation supports the side's text.

What fails is listed per story (:class:`~dossier.model.CitationCheck`: where, which item, the
citation, why) with the number of citations checked, in the JSON and the report.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from dossier.crosscheck.support import (
    CitationReader,
    ClaimReading,
    claim_supports,
    event_frame,
    supports_event,
)
from dossier.model import (
    CheckedIn,
    Citation,
    CitationCheck,
    Corroboration,
    DateValue,
    Document,
    Event,
    Sentence,
    Story,
)
from dossier.resources import Resources

Span = tuple[str, int, int]


def check_story(
    story: Story, docs: Sequence[Document], resources: Resources
) -> tuple[tuple[CitationCheck, ...], int]:
    """The citations of ``story`` that fail the support test, and how many were checked."""
    reader = CitationReader.of(docs, story.entities, resources)
    stale = _superseded_spans(story)
    failures: list[CitationCheck] = []
    checked = 0
    for where, subject, citation, reason in _verdicts(story, reader, stale):
        checked += 1
        if reason:
            failures.append(CitationCheck(where, subject, citation, reason))
    return tuple(failures), checked


def _superseded_spans(story: Story) -> set[Span]:
    return {
        (c.doc, c.start, c.end)
        for k in story.conflicts
        for side in k.expected_sides
        for c in side.citations
    }


Verdict = tuple[CheckedIn, str, Citation, str]


def _verdicts(story: Story, reader: CitationReader, stale: set[Span]) -> Iterator[Verdict]:
    for event in story.events:
        yield from _event(event, reader)
    for fact in story.corroborations:
        yield from _cited_for(reader, "fact", fact.id, fact.text, fact.citations)
    profiled = {f for p in story.outlet_profiles for f in (*p.confirmed, *p.only_here)}
    for fact in story.corroborations:
        if fact.id in profiled:
            yield _not_superseded("profile", fact.id, fact, stale)
    sentences: list[tuple[CheckedIn, str, Sentence]] = [
        ("summary", str(k), s) for k, s in enumerate(story.summary)
    ]
    if story.headline is not None:
        sentences.append(("headline", "headline", story.headline))
    for where, subject, sentence in sentences:
        for verdict in _cited_for(reader, where, subject, sentence.text, sentence.citations):
            span = (verdict[2].doc, verdict[2].start, verdict[2].end)
            if not verdict[3] and span in stale:
                verdict = (where, subject, verdict[2], "a superseded expectation stated as current")
            yield verdict
    for conflict in story.conflicts:
        for k, side in enumerate(conflict.sides):
            subject = f"{conflict.id}#{k}"
            yield from _cited_for(reader, "conflict", subject, side.text, side.citations)


def _not_superseded(
    where: CheckedIn, subject: str, fact: Corroboration, stale: set[Span]
) -> Verdict:
    first = fact.citations[0]
    if all((c.doc, c.start, c.end) in stale for c in fact.citations):
        return where, subject, first, "a superseded expectation listed as a fact"
    return where, subject, first, ""


def _located(text: str, citations: Sequence[Citation]) -> tuple[Citation, int, int] | None:
    """The citation that holds ``text`` (verbatim, possibly shortened), and where."""
    for c in citations:
        at = c.quote.find(text)
        if at >= 0:
            return c, c.start + at, c.start + at + len(text)
    for c in citations:
        if text.find(c.quote) >= 0:
            return c, c.start, c.end
    return None


def _cited_for(
    reader: CitationReader,
    where: CheckedIn,
    subject: str,
    text: str,
    citations: Sequence[Citation],
) -> Iterator[Verdict]:
    """Each citation supports ``text`` (the citation that holds it passes by itself)."""
    found = _located(text, citations)
    if found is None:
        for c in citations:
            yield where, subject, c, "no citation holds the text it is cited for"
        return
    own, start, end = found
    rules = reader.rules(own.doc)
    stated = reader.reading(own.doc, start, end)
    for c in citations:
        if c == own:
            yield where, subject, c, ""
            continue
        cited = reader.of_citation(c)
        ok = rules is not None and claim_supports(rules, stated, cited)
        yield where, subject, c, "" if ok else _why(stated, cited)


def _why(stated: ClaimReading, cited: ClaimReading) -> str:
    kinds = sorted({f.kind for f in stated.content() if f.classed})
    if not kinds:
        return "does not state what it is cited for"
    return "does not state the " + ", ".join(k.split(":")[-1] for k in kinds) + " it is cited for"


def _dated_by(reader: CitationReader, citation: Citation) -> DateValue | None:
    """The date of the event that dated the citing document, when this citation is the
    sentence that reports it (see :class:`dossier.model.SameEvent`)."""
    doc = reader.docs.get(citation.doc)
    same = doc.dating.same_event if doc is not None else None
    if same is None or (same.start, same.end) != (citation.start, citation.end):
        return None
    return same.date


def _event(event: Event, reader: CitationReader) -> Iterator[Verdict]:
    found = _located(event.text, event.citations)
    if found is None:
        for c in event.citations:
            yield "event", event.id, c, "no citation holds the event's wording"
        return
    own, start, end = found
    rules = reader.rules(own.doc)
    frame = event_frame(rules, reader.reading(own.doc, start, end), event.date) if rules else None
    for c in event.citations:
        if frame is None:
            yield "event", event.id, c, f"states no event on {event.date.value}"
        elif c == own or supports_event(rules, frame, reader.of_citation(c), _dated_by(reader, c)):  # type: ignore[arg-type]
            yield "event", event.id, c, ""
        else:
            yield (
                "event",
                event.id,
                c,
                (f"does not state the {frame.kind.split(':')[-1]} on {event.date.value}"),
            )
