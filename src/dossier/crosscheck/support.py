"""Support, not similarity: does a cited sentence state what it is cited for?

Two frames (:class:`~dossier.crosscheck.frames.Frame`) relate in one of four ways:

* ``"supports"``: the same kind of event (same class, or the same phase of it: "began" and
  "went on trial"), about parties that agree, asserted alike (both stated or reported, both
  of the future or both not; an allegation only supports an allegation, a possibility a
  possibility), with the same polarity, and every argument present in both agrees: date,
  named place, amounts of the same unit;
* ``"contradicts"``: the same event asserted alike with opposite polarity or exclusive
  outcomes (postponed vs held on the scheduled day, convicted vs acquitted, released vs still
  held, removed vs allowed to stay);
* ``"differs"``: the same event, but an argument present in both disagrees (another date,
  another place, another count);
* ``"unrelated"``: anything else, including a prediction against a statement of fact.

A claim (a sentence or a clause) supports another when each of the other's content frames is
supported by one of its frames and none of its frames contradicts them; a claim with no event
frame falls back on its content words. :class:`CitationReader` answers these questions for
citations into a story's documents: it is how every citation the output makes is checked
(events, facts, "who reports what", the summary, conflict sides), and what the summary uses
to choose its citations::

    reader = CitationReader.of(docs, entities, resources)
    reader.supports(stated_citation, cited_citation)  # True / False
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from rapidfuzz import fuzz

from dossier.crosscheck.frames import Frame, Place
from dossier.crosscheck.read import SentenceReading, main_persons, read_with, view_maker
from dossier.crosscheck.reading import DocView, Lexicon, Mention, story_mentions
from dossier.crosscheck.triggers import OCCUR
from dossier.lang import Language
from dossier.model import Citation, DateValue, Document, Entity, Sentence
from dossier.resources import Resources

Relation = Literal["supports", "contradicts", "differs", "unrelated"]

# A claim without an event frame supports another when it holds this share of its words.
WORD_SUPPORT = 0.6
# Two place names this alike (rapidfuzz ratio) are spellings of one name.
SAME_NAME = 85


def compatible_dates(a: DateValue, b: DateValue) -> bool:
    """Two dates can describe the same day (one may be coarser than the other)."""
    n = min(len(a.value), len(b.value))
    return a.value[:n] == b.value[:n]


def strictly_before(a: DateValue, b: DateValue) -> bool:
    """``a`` certainly ends before ``b`` starts, at the coarser granularity."""
    n = min(len(a.value), len(b.value))
    return a.value[:n] < b.value[:n]


def parties_agree(a: Frame, b: Frame, people: frozenset[str] = frozenset()) -> bool:
    """Participants present in both agree: patients with patients, agents with agents, and
    when each names its people in another role, everyone with everyone."""
    if not a.patients.agrees(b.patients, people):
        return False
    # Who acts may be named as a person or as the body they act for ("Judge X sentenced",
    # "a court sentenced"): agents differ only when both are people and none is shared.
    aa, ab = a.agents.persons, b.agents.persons
    if aa and ab and not aa & ab:
        return False
    # Subjects play one role only under one verb ("the judge opened the hearing", "the
    # captain went on trial"): their common nouns are compared only then.
    return a.lemma != b.lemma or a.agents.agrees(b.agents, people) or bool(aa or ab)


@dataclass(frozen=True, slots=True)
class Rules:
    """The language's outcome tables, as the support test uses them."""

    exclusive: tuple[frozenset[str], ...]
    occurring: frozenset[str]
    people: frozenset[str] = frozenset()  # nouns that name people
    delays: frozenset[str] = frozenset()  # outcomes that move an event to a later day
    implies: Mapping[str, frozenset[str]] = field(default_factory=dict)  # entailed events
    # Classes that are one outcome of a proceeding, given on one day (a ruling that convicts
    # and sentences).
    outcomes: frozenset[str] = frozenset()
    # From ``exclusive``, for the support test's inner loop: every kind in a group, and every
    # ordered pair of two kinds of one group.
    _exclusive_kinds: frozenset[str] = field(init=False, repr=False, compare=False)
    _exclusive_pairs: frozenset[tuple[str, str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        kinds = frozenset(k for group in self.exclusive for k in group)
        pairs = frozenset(
            (a, b) for group in self.exclusive for a in group for b in group if a != b
        )
        object.__setattr__(self, "_exclusive_kinds", kinds)
        object.__setattr__(self, "_exclusive_pairs", pairs)

    @staticmethod
    def of(language: Language) -> Rules:
        people = language.quantities.person_nouns | frozenset(language.roles.nouns)
        events = language.events
        return Rules(
            events.exclusive,
            events.occurring,
            people,
            events.delays,
            events.implies,
            events.outcomes,
        )

    def outcome(self, frame: Frame) -> str:
        """What the frame says happened to its event: "occur", "postpone", "acquit"..."""
        if frame.aspect != OCCUR and frame.aspect not in self.occurring:
            return frame.aspect
        if frame.kind in self._exclusive_kinds:
            return frame.kind
        return OCCUR

    def exclusive_outcomes(self, a: str, b: str) -> bool:
        return (a, b) in self._exclusive_pairs

    def same_event(self, a: Frame, b: Frame) -> bool:
        if a.kind and a.kind == b.kind:
            return True
        if {a.kind, b.kind} <= self.outcomes and a.aspect == b.aspect == OCCUR:
            return True  # "announced its decision" / "have been sentenced": one ruling
        return bool(a.kind and b.kind) and self.exclusive_outcomes(a.kind, b.kind)

    def relation(self, a: Frame, b: Frame) -> Relation:
        if a.future != b.future or not self.same_event(a, b):
            return "unrelated"
        if not parties_agree(a, b, self.people):
            return "unrelated"
        if _stance_class(a) != _stance_class(b):
            return "unrelated"
        oa, ob = self.outcome(a), self.outcome(b)
        if oa != ob:
            if not self.exclusive_outcomes(oa, ob):
                return "unrelated"
            return "contradicts" if _same_occasion(a, b) else "differs"
        if a.negated != b.negated:
            return "contradicts"
        if not slots_agree(a, b):
            return "differs"
        return "supports"


def _stance_class(frame: Frame) -> str:
    return "asserted" if frame.asserted else frame.stance


def _occasion(frame: Frame) -> DateValue | None:
    return frame.scheduled or frame.date


def _same_occasion(a: Frame, b: Frame) -> bool:
    """Two outcomes of one occasion: the same day is named for both (the day one says the
    trial began and the other says it was scheduled for, then postponed), or neither is an
    aspect of a dated event (convicted vs acquitted)."""
    da, db = _occasion(a), _occasion(b)
    if da is not None and db is not None:
        return compatible_dates(da, db) and "day" in (da.granularity, db.granularity)
    return a.aspect == b.aspect == OCCUR


def slots_agree(a: Frame, b: Frame) -> bool:
    """Date, named place and amounts of one unit agree wherever both give them."""
    if a.date is not None and b.date is not None and not compatible_dates(a.date, b.date):
        return False
    if places_differ(a.places, b.places):
        return False
    if not destinations_agree(a, b):
        return False
    return amounts_agree(a, b)


def same_place(x: Place, y: Place) -> bool:
    """One place, as far as its names show: one entity; or names alike (spellings: "Porto
    Lindo" / "Portolindo"), or one inside the other's name ("Dolin" / "the Dolin mine")."""
    if x.key == y.key:
        return True
    tx, ty = x.text.lower(), y.text.lower()
    return tx in ty or ty in tx or fuzz.ratio(tx, ty) >= SAME_NAME


def places_differ(pa: Sequence[Place], pb: Sequence[Place]) -> bool:
    """Both name where the event happened, with names that can be told apart, and no name
    of one is a name of the other. A story entity and a bare name are never told apart (the
    entity layer may not have resolved one to the other)."""
    xs = [p for p in pa if p.role == "at" and p.kind != "noun"]
    ys = [p for p in pb if p.role == "at" and p.kind != "noun"]
    if not xs or not ys:
        return False
    return not any(x.kind != y.kind or same_place(x, y) for x in xs for y in ys)


def destinations_agree(a: Frame, b: Frame) -> bool:
    """Where the event sends someone ("deported to China", "sent back to the camps")."""
    da = {p.key: p.kind for p in a.places if p.role == "to"}
    db = {p.key: p.kind for p in b.places if p.role == "to"}
    if not (da and db) or set(da) & set(db):
        return True
    # A story entity and a bare name may be one place the entity layer did not resolve.
    kinds = set(da.values()) | set(db.values())
    return kinds == {"entity", "text"}


def amounts_agree(a: Frame, b: Frame) -> bool:
    for x in a.amounts:
        same_unit = [y for y in b.amounts if y.unit == x.unit]
        if same_unit and not any(x.compatible(y) for y in same_unit):
            return False
    return True


# --- claims -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ClaimReading:
    """What a span of text says: its frames and, for the fallback, its content words."""

    frames: tuple[Frame, ...]
    words: frozenset[str]

    def content(self) -> tuple[Frame, ...]:
        """The events the claim is about: its main-line frames other than reporting verbs
        (the attribution), classed ones first; its reporting verbs when it has nothing else."""
        main = [f for f in self.frames if f.main and not f.governs]
        classed = [f for f in main if f.classed]
        if classed:
            return tuple(classed)
        if main:
            return tuple(main)
        return tuple(f for f in self.frames if f.governs and f.main)


def claim_supports(rules: Rules, stated: ClaimReading, cited: ClaimReading) -> bool:
    """``cited`` states what ``stated`` says (see the module docstring)."""
    content = stated.content()
    if any(rules.relation(s, c) == "contradicts" for s in content for c in cited.frames):
        return False
    if content:
        return all(any(rules.relation(s, c) == "supports" for c in cited.frames) for s in content)
    return _words_support(stated, cited)


def claim_contradicts(rules: Rules, a: ClaimReading, b: ClaimReading) -> bool:
    return any(rules.relation(x, y) == "contradicts" for x in a.content() for y in b.frames)


def _words_support(stated: ClaimReading, cited: ClaimReading) -> bool:
    if not stated.words:
        return False
    shared = len(stated.words & cited.words)
    return shared >= 2 and shared / len(stated.words) >= WORD_SUPPORT


def event_frame(rules: Rules, reading: ClaimReading, date: DateValue) -> Frame | None:
    """The asserted frame of a claim that an event of ``date`` stands for."""
    dated = [f for f in reading.frames if f.date is not None and f.date == date]
    asserted = [f for f in dated if f.asserted and not f.future]
    ranked = sorted(asserted or dated, key=lambda f: (not f.classed, not f.main, f.start))
    return ranked[0] if ranked else None


def supports_event(
    rules: Rules, frame: Frame, cited: ClaimReading, dated_by: DateValue | None = None
) -> bool:
    """``cited`` states the event of ``frame``, on its date. ``dated_by``: the date the
    citing document was dated by this very event (its undated "have been sentenced"), which
    then stands for a date the sentence does not give."""
    for c in cited.frames:
        date = c.date or dated_by
        if date is None or frame.date is None or not compatible_dates(date, frame.date):
            continue
        if rules.relation(frame, replace(c, date=date)) == "supports":
            return True
    return False


# --- reading citations ------------------------------------------------------------------------


def lexicons_for(docs: Iterable[Document], resources: Resources) -> dict[str, Lexicon]:
    """A :class:`Lexicon` for each language the parsed documents are in."""
    out: dict[str, Lexicon] = {}
    for doc in docs:
        code = doc.parse.language if doc.parse is not None else None
        if code and code not in out:
            language = resources.language(code)
            if language is not None:
                out[code] = Lexicon.of(language)
    return out


@dataclass(slots=True)
class CitationReader:
    """Reads the documents of one story as frames (lazily, each document once) and answers
    whether one citation states what another says."""

    docs: dict[str, Document]
    lexicons: dict[str, Lexicon]
    mentions: dict[str, list[Mention]]
    main: frozenset[str]
    resources: Resources | None = None  # its reading_cache, if any, reads each document
    _read: dict[str, list[SentenceReading]] = field(default_factory=dict)
    _views: dict[str, DocView | None] = field(default_factory=dict)

    @staticmethod
    def of(
        docs: Sequence[Document], entities: Sequence[Entity], resources: Resources
    ) -> CitationReader:
        parsed = [d for d in docs if d.parse is not None]
        return CitationReader(
            docs={d.id: d for d in parsed},
            lexicons=lexicons_for(parsed, resources),
            mentions=story_mentions(entities),
            main=main_persons(entities, [d.id for d in parsed]),
            resources=resources,
        )

    def view(self, doc_id: str) -> DocView | None:
        if doc_id not in self._views:
            doc = self.docs.get(doc_id)
            lexicon = self.lexicons.get(doc.parse.language) if doc and doc.parse else None
            self._views[doc_id] = (
                view_maker(self.resources)(doc, lexicon, self.mentions.get(doc_id, ()))
                if doc and lexicon
                else None
            )
        return self._views[doc_id]

    def sentences(self, doc_id: str) -> list[SentenceReading]:
        if doc_id not in self._read:
            view = self.view(doc_id)
            self._read[doc_id] = (
                read_with(view, self.main, self.resources) if view is not None else []
            )
        return self._read[doc_id]

    def rules(self, doc_id: str) -> Rules | None:
        view = self.view(doc_id)
        return Rules.of(view.lexicon.language) if view is not None else None

    def reading(self, doc_id: str, start: int, end: int) -> ClaimReading:
        """The frames whose words lie in ``start:end`` and the span's content words."""
        frames = tuple(
            f
            for s in self.sentences(doc_id)
            if s.start < end and start < s.end
            for f in s.frames
            if start <= f.start < end
        )
        view = self.view(doc_id)
        return ClaimReading(frames, content_words(view, start, end) if view else frozenset())

    def of_citation(self, citation: Citation) -> ClaimReading:
        return self.reading(citation.doc, citation.start, citation.end)

    def supports(self, stated: Citation, cited: Citation) -> bool:
        """``cited`` states what ``stated`` says."""
        rules = self.rules(stated.doc) or self.rules(cited.doc)
        if rules is None:
            return False
        return claim_supports(rules, self.of_citation(stated), self.of_citation(cited))


def supported(reader: CitationReader, sentence: Sentence) -> Sentence:
    """``sentence`` with only the citations that state it: the one holding its text, and each
    other that supports it (a sentence whose text no citation holds is returned unchanged)."""
    own = next((c for c in sentence.citations if sentence.text in c.quote), None)
    if own is None:
        return sentence
    at = own.start + own.quote.index(sentence.text)
    rules = reader.rules(own.doc)
    if rules is None:
        return sentence
    stated = reader.reading(own.doc, at, at + len(sentence.text))
    kept = tuple(
        c
        for c in sentence.citations
        if c == own or claim_supports(rules, stated, reader.of_citation(c))
    )
    return replace(sentence, citations=kept)


def content_words(view: DocView, start: int, end: int) -> frozenset[str]:
    """Lemmas of the span's nouns, names, verbs, adjectives and numbers, and the story
    entities it mentions."""
    parse = view.parse
    stop_words = view.lexicon.language.stop_words
    mentions = view.mentions_in(start, end)
    named = {t for m in mentions for t in parse.token_range(m.start, m.end)}
    words = {
        parse.lemmas[t].lower()
        for t in parse.token_range(start, end)
        if parse.pos[t] in _CONTENT
        and parse.lemmas[t].lower() not in stop_words
        and t not in named
        and t not in view.dated_tokens
    }
    words.update("entity:" + m.entity_id for m in mentions)
    return frozenset(words)


# not language: universal part-of-speech tags of content words
_CONTENT = frozenset({"NOUN", "PROPN", "VERB", "ADJ", "NUM"})
