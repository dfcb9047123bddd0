"""Documents as claims: clauses of the parse's sentences, each with its frames.

A claim is a sentence of ``Document.parse`` or, where the sentence joins two statements ("...
sentenced them to a year, but allowed them to stay"), one of its clauses. Each carries its
frames (:mod:`dossier.crosscheck.frames`), who asserts it (the outlet, or the speaker its
frames are attributed to), how (fact, allegation, expectation, denial), the entities, dates
and amounts in it, and whether it sits in text shared with another document (not independent
corroboration).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier.crosscheck.frames import Frame
from dossier.crosscheck.parties import Party
from dossier.crosscheck.read import SentenceReading, main_persons, read_with, view_maker
from dossier.crosscheck.reading import DocView, Lexicon, views
from dossier.crosscheck.support import ClaimReading, content_words
from dossier.model import Claim, DateValue, Document, Entity, Modality

if TYPE_CHECKING:
    from dossier.resources import Resources

MIN_CLAUSE_WORDS = 4
# Quotations, by their typographic marks: a sentence is never cut inside one.
_QUOTE = re.compile(r"“[^”]*”?|\"[^\"\n]*\"?")


@dataclass(frozen=True, slots=True)
class ClaimInfo:
    """A claim plus what the cross-checking rules need to know about it."""

    claim: Claim
    doc: Document
    text: str
    reading: ClaimReading
    ref_date: DateValue | None  # when the document reports it (publication date)
    source: str  # independence key: outlet (or document) of the original text
    outlet: str
    speaker: Party | None = None

    @property
    def start(self) -> int:
        return self.claim.citation.start

    @property
    def end(self) -> int:
        return self.claim.citation.end

    @property
    def modality(self) -> Modality:
        return self.claim.modality

    @property
    def frames(self) -> tuple[Frame, ...]:
        return self.reading.frames

    @property
    def subjects(self) -> frozenset[str]:
        """The story entities the claim's events are about."""
        return frozenset(e for f in self.reading.content() for e in f.participants.entities)

    @property
    def party(self) -> str:
        """Who asserts it: its speaker, or the outlet that prints it."""
        if self.speaker is not None and self.speaker.key():
            return self.speaker.key()
        return "outlet:" + self.outlet

    @property
    def speaker_text(self) -> str | None:
        return self.speaker.text if self.speaker is not None and self.speaker.text else None


def outlet_key(doc: Document) -> str:
    return doc.outlet.strip() if doc.outlet and doc.outlet.strip() else doc.id


def story_claims(
    docs: Sequence[Document],
    entities: Sequence[Entity],
    lexicons: dict[str, Lexicon],
    resources: Resources | None = None,
) -> list[ClaimInfo]:
    """Every claim of the parsed documents of one story, by document id and offset."""
    by_id = {d.id: d for d in docs}
    main = main_persons(entities, list(by_id))
    out: list[ClaimInfo] = []
    for view in views(docs, entities, lexicons, view_maker(resources)).values():
        out.extend(document_claims(view, read_with(view, main, resources), by_id))
    out.sort(key=lambda c: (c.doc.id, c.start))
    return out


def document_claims(
    view: DocView, sentences: Sequence[SentenceReading], by_id: dict[str, Document]
) -> list[ClaimInfo]:
    """Every clause-level claim of one document, in text order."""
    doc = view.doc
    out: list[ClaimInfo] = []
    quotes = [(m.start(), m.end()) for m in _QUOTE.finditer(doc.clean_text)]
    for sentence in sentences:
        tokens = view.sentence_tokens(sentence.index)
        if _words(view, tokens) < MIN_CLAUSE_WORDS:
            continue
        for start, end in _clauses(view, tokens, quotes):
            frames = tuple(f for f in sentence.frames if start <= f.start < end)
            reading = ClaimReading(frames, content_words(view, start, end))
            out.append(_claim(view, start, end, reading, by_id))
    return out


def _words(view: DocView, tokens: range) -> int:
    return sum(1 for t in tokens if view.pos(t) not in ("PUNCT", "SPACE", "SYM"))


def _clauses(
    view: DocView, tokens: range, quotes: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """The sentence, cut before a contrastive joint between two clauses ("..., but allowed
    them to stay") or at a semicolon between clauses; never inside a quotation."""
    joints = view.lexicon.language.claims.clause_joints
    cuts = [tokens.start]
    for t in tokens:
        if not (_joint(view, t, joints) or _semicolon(view, t)):
            continue
        offset = view.parse.starts[t]  # only joints are looked up among the quotations
        if any(a < offset < b for a, b in quotes):
            continue
        left, right = range(cuts[-1], t), range(t, tokens.stop)
        if _words(view, left) >= MIN_CLAUSE_WORDS and _words(view, right) >= MIN_CLAUSE_WORDS:
            cuts.append(t + 1 if _semicolon(view, t) else t)
    spans = []
    for k, first in enumerate(cuts):
        last = cuts[k + 1] if k + 1 < len(cuts) else tokens.stop
        span = _trimmed(view, first, last)
        if span is not None:
            spans.append(span)
    return spans


def _joint(view: DocView, t: int, joints: frozenset[str]) -> bool:
    if view.lemma(t) not in joints:
        return False
    head = view.head(t)
    if view.dep(t) == "cc":
        return view.pos(head) in ("VERB", "AUX") and any(
            c > t and view.pos(c) in ("VERB", "AUX") for c in view.kids(head, "conj")
        )
    if view.dep(t) == "mark":
        return view.dep(head) == "advcl" and t > 0 and view.word(t - 1) == ","
    return False


def _semicolon(view: DocView, t: int) -> bool:
    return view.word(t) == ";" and view.dep(view.head(t)) == "ROOT"


def _trimmed(view: DocView, first: int, last: int) -> tuple[int, int] | None:
    while last > first and (view.pos(last - 1) == "SPACE" or view.word(last - 1) in (",", ";")):
        last -= 1
    while first < last and view.pos(first) == "SPACE":
        first += 1
    if first >= last:
        return None
    return view.parse.starts[first], view.parse.ends[last - 1]


def _claim(
    view: DocView, start: int, end: int, reading: ClaimReading, by_id: dict[str, Document]
) -> ClaimInfo:
    doc = view.doc
    content = reading.content()
    speaker = next((f.speaker for f in content if f.speaker is not None), None)
    claim = Claim(
        id=f"{doc.id}#{start}-{end}",
        citation=doc.cite(start, end),
        speaker=_speaker_name(speaker),
        modality=modality(content),
        entity_ids=tuple(dict.fromkeys(m.entity_id for m in view.mentions_in(start, end))),
        dates=tuple(
            value
            for first, last, value in view.dates
            if start <= view.parse.starts[first] and view.parse.ends[last - 1] <= end
        ),
        numbers=tuple(dict.fromkeys(a.label for f in reading.frames for a in f.amounts)),
        shared=doc.status == "duplicate" or _in_shared(doc, start, end),
    )
    return ClaimInfo(
        claim=claim,
        doc=doc,
        text=doc.clean_text[start:end],
        reading=reading,
        ref_date=doc.published.date,
        source=_source_key(doc, start, end, by_id),
        outlet=outlet_key(doc),
        speaker=speaker,
    )


def _speaker_name(speaker: Party | None) -> str | None:
    if speaker is None:
        return None
    if speaker.entities:
        return sorted(speaker.entities)[0]
    return speaker.text or None


def modality(frames: Sequence[Frame]) -> Modality:
    """How a claim asserts its events, from its content frames."""
    if any(f.denied for f in frames):
        return Modality.DENIAL
    if any(f.future and f.stance != "decided" for f in frames):
        return Modality.EXPECTATION
    if any(f.stance in ("hedged", "asked", "conditional") for f in frames):
        return Modality.EXPECTATION
    if any(f.stance in ("reported", "alleged") for f in frames):
        return Modality.ALLEGATION
    return Modality.FACT


def _in_shared(doc: Document, start: int, end: int) -> bool:
    length = end - start
    for a, b, _ in doc.shared_spans:
        overlap = min(b, end) - max(a, start)
        if overlap > 0 and overlap >= 0.5 * length:
            return True
    return False


def _source_key(doc: Document, start: int, end: int, by_id: dict[str, Document]) -> str:
    """Copies of one text (reprints, shared background) map to one source."""
    keys = {outlet_key(doc)}
    if doc.status == "duplicate" and doc.duplicate_of and doc.duplicate_of in by_id:
        keys.add(outlet_key(by_id[doc.duplicate_of]))
    length = end - start
    for a, b, other in doc.shared_spans:
        overlap = min(b, end) - max(a, start)
        if overlap > 0 and overlap >= 0.5 * length:
            keys.add(outlet_key(by_id[other]) if other in by_id else other)
    return min(keys)
