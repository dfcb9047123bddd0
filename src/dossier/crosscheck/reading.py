"""A document's parse made walkable: tokens, children, sentences, and what sits on them.

:class:`Lexicon` gathers, once per language and run, the lookups that frame reading needs
from the language object (verb, noun and phrase classes, governors, cues). :class:`DocView`
wraps one parsed document with the story's entity mentions and the document's dated time
expressions, indexed by token, so that reading a sentence never scans the whole document.
Nothing here is a module-level cache: a caller builds a Lexicon from ``resources`` and views
for the documents it reads.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType

from dossier.lang import Language
from dossier.lang.language import Events
from dossier.model import DateValue, Document, Entity, Parse
from dossier.text import dateline_end

# Dependency labels (ClearNLP, as spaCy's English models give them); grammar, not words.
# not language: dependency labels of the parser's scheme
SUBJECTS = frozenset({"nsubj", "csubj", "expl"})
# not language: dependency labels of the parser's scheme
PASSIVE_SUBJECTS = frozenset({"nsubjpass", "csubjpass"})
# not language: dependency labels of the parser's scheme
OBJECTS = frozenset({"dobj", "dative", "attr", "oprd"})
# not language: dependency labels of the parser's scheme
COMPLEMENTS = frozenset({"ccomp", "xcomp", "parataxis", "acomp"})
# not language: dependency labels of the parser's scheme
PHRASE_PARTS = frozenset(
    {"compound", "flat", "appos", "conj", "cc", "det", "amod", "nummod", "poss", "case", "nmod"}
)
# not language: dependency labels of the parser's scheme
CLAUSE_LINKS = frozenset({"ccomp", "xcomp", "parataxis", "conj", "ROOT"})
# not language: universal part-of-speech tags
NOMINAL = frozenset({"NOUN", "PROPN"})
# not language: the analyser's entity labels of places (OntoNotes)
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


@dataclass(frozen=True, slots=True)
class Lexicon:
    """The language object's tables as the lookups frame reading uses."""

    language: Language
    verb_class: Mapping[str, str]
    noun_class: Mapping[str, str]
    phrases: Mapping[str, tuple[tuple[tuple[str, ...], str], ...]]  # first lemma -> phrases
    aspects: frozenset[str]
    dated_classes: frozenset[str]
    reporting: frozenset[str]
    governors: frozenset[str]  # verbs whose clausal complement is the content
    person_nouns: frozenset[str]
    about_people: frozenset[str]  # classes done to people ("arrest", "release")
    # A verb of such a class done to things, and the first other class that lists it:
    # "capture" of oil is a collection, not an arrest.
    thing_class: Mapping[str, str]

    @staticmethod
    def of(language: Language) -> Lexicon:
        events, cues = language.events, language.claims
        phrases: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        for words, name in events.class_of_phrase().items():
            phrases.setdefault(words[0], []).append((words, name))
        governors = (
            events.reporting_verbs
            | events.denial_verbs
            | events.allegation_verbs
            | events.expectation_cues
            | cues.decision_verbs
            | cues.appeal_verbs
            | cues.negating_verbs
            | cues.measure_verbs
            | cues.continuation_cues
        )
        return Lexicon(
            language=language,
            verb_class=events.class_of_verb(),
            noun_class=events.class_of_noun(),
            phrases={k: tuple(sorted(v, key=lambda p: -len(p[0]))) for k, v in phrases.items()},
            aspects=events.aspects(),
            dated_classes=frozenset(c.name for c in events.classes if c.dated),
            reporting=events.reporting_verbs | events.denial_verbs | events.allegation_verbs,
            governors=governors,
            person_nouns=language.quantities.person_nouns | frozenset(language.roles.nouns),
            about_people=frozenset(c.name for c in events.classes if c.about_people),
            thing_class=_thing_classes(events),
        )

    def label(self, kind: str) -> str:
        """How a report names an event of this kind ("postponement", "deaths")."""
        for event_class in self.language.events.classes:
            if event_class.name == kind:
                return event_class.label or kind
        return kind.split(":", 1)[-1]


def _thing_classes(events: Events) -> Mapping[str, str]:
    """Verb lemma -> the first class not done to people that lists it."""
    out: dict[str, str] = {}
    for event_class in events.classes:
        if not event_class.about_people:
            for verb in sorted(event_class.verbs):
                out.setdefault(verb, event_class.name)
    return MappingProxyType(out)


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    entity_id: str
    type: str  # the entity's type: PERSON, ORG, PLACE, OTHER


@dataclass(slots=True)
class DocView:
    """One parsed document, with children lists, mentions and dates by token."""

    doc: Document
    parse: Parse
    lexicon: Lexicon
    mentions: tuple[Mention, ...]  # sorted by start
    dates: tuple[tuple[int, int, DateValue], ...]  # token ranges [first, last) and value
    children: list[list[int]] = field(default_factory=list)
    _mention_starts: list[int] = field(default_factory=list)
    _date_starts: list[int] = field(default_factory=list)  # first tokens of ``dates``
    dated_tokens: frozenset[int] = frozenset()  # tokens inside a dated time expression
    # The analyser's place spans, by start, their starts and the longest one's length, so
    # that places_in bisects instead of scanning every entity span of the document.
    _places: tuple[tuple[int, int, str], ...] = ()
    _place_starts: list[int] = field(default_factory=list)
    _longest_place: int = 0

    @staticmethod
    def of(doc: Document, lexicon: Lexicon, mentions: Sequence[Mention] = ()) -> DocView | None:
        parse = doc.parse
        if parse is None or not len(parse):
            return None
        children: list[list[int]] = [[] for _ in range(len(parse))]
        for i, head in enumerate(parse.heads):
            if head != i:
                children[head].append(i)
        dates = []
        for te in doc.time_expressions:
            if te.value is None or te.kind not in ("date", "time"):
                continue
            if _in_dateline(doc.clean_text, te.start, te.end):
                continue
            tokens = parse.token_range(te.start, te.end)
            if len(tokens):
                dates.append((tokens.start, tokens.stop, te.value))
        ordered = tuple(sorted(mentions, key=lambda m: (m.start, m.end)))
        ordered_dates = tuple(sorted(dates, key=lambda d: d[0]))
        places = tuple(sorted(e for e in parse.entities if e[2] in _PLACE_LABELS))
        return DocView(
            doc=doc,
            parse=parse,
            lexicon=lexicon,
            mentions=ordered,
            dates=ordered_dates,
            children=children,
            _mention_starts=[m.start for m in ordered],
            _date_starts=[d[0] for d in ordered_dates],
            dated_tokens=frozenset(t for a, b, _ in dates for t in range(a, b)),
            _places=places,
            _place_starts=[a for a, _, _ in places],
            _longest_place=max((b - a for a, b, _ in places), default=0),
        )

    @property
    def text(self) -> str:
        return self.doc.clean_text

    def word(self, i: int) -> str:
        return self.text[self.parse.starts[i] : self.parse.ends[i]]

    def lemma(self, i: int) -> str:
        return self.parse.lemmas[i].lower()

    def sentence_tokens(self, index: int) -> range:
        starts = self.parse.sentence_starts
        first = starts[index]
        last = starts[index + 1] if index + 1 < len(starts) else len(self.parse)
        return range(first, last)

    def sentence_index(self, offset: int) -> int | None:
        """The sentence containing character ``offset`` (None between sentences)."""
        spans = self.parse.sentences
        k = bisect_right(spans, (offset, 1 << 62)) - 1
        if k >= 0 and spans[k][0] <= offset < spans[k][1]:
            return k
        return None

    def sentences_in(self, start: int, end: int) -> list[int]:
        """Indexes of the sentences overlapping ``start:end``."""
        spans = self.parse.sentences
        first = max(0, bisect_right(spans, (start, 1 << 62)) - 1)
        out = []
        for k in range(first, len(spans)):
            a, b = spans[k]
            if a >= end:
                break
            if b > start:
                out.append(k)
        return out

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        """Mentions overlapping ``start:end``."""
        lo = bisect_left(self._mention_starts, start - 200)
        hi = bisect_left(self._mention_starts, end)
        return [m for m in self.mentions[lo:hi] if m.end > start and m.start < end]

    def places_in(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Places in ``start:end``: story PLACE entities (by id), else the analyser's own
        place spans ("text:<lower-cased name>"), as (start, end, key)."""
        out = [
            (m.start, m.end, m.entity_id) for m in self.mentions_in(start, end) if m.type == "PLACE"
        ]
        taken = [(a, b) for a, b, _ in out]
        lo = bisect_left(self._place_starts, start - self._longest_place)
        hi = bisect_left(self._place_starts, end)
        for a, b, _ in self._places[lo:hi]:
            if start < b and not any(x < b and a < y for x, y in taken):
                out.append((a, b, "text:" + self.text[a:b].lower()))
        return sorted(out)

    def dates_in(self, first: int, last: int) -> list[tuple[int, int, DateValue]]:
        """Dates whose tokens lie in ``[first, last)``, in order (bisected: reading asks once
        a sentence)."""
        lo = bisect_left(self._date_starts, first)
        hi = bisect_left(self._date_starts, last)
        return [d for d in self.dates[lo:hi] if d[1] <= last]

    def head(self, i: int) -> int:
        return self.parse.heads[i]

    def dep(self, i: int) -> str:
        return self.parse.deps[i]

    def pos(self, i: int) -> str:
        return self.parse.pos[i]

    def kids(self, i: int, *deps: str) -> list[int]:
        if not deps:
            return self.children[i]
        return [c for c in self.children[i] if self.parse.deps[c] in deps]

    def phrase_tokens(self, i: int) -> list[int]:
        """A noun and the words of its phrase (compounds, names, conjuncts), not its clauses."""
        out, todo = [], [i]
        while todo:
            t = todo.pop()
            out.append(t)
            todo.extend(c for c in self.children[t] if self.parse.deps[c] in PHRASE_PARTS)
        return sorted(out)

    def conjuncts(self, i: int) -> list[int]:
        """``i`` and the tokens coordinated with it ("Varga and Sorensen")."""
        out, todo = [], [i]
        while todo:
            t = todo.pop()
            out.append(t)
            todo.extend(self.kids(t, "conj"))
        return sorted(out)

    def span_of(self, tokens: Sequence[int]) -> tuple[int, int]:
        return self.parse.starts[min(tokens)], self.parse.ends[max(tokens)]


def story_mentions(entities: Sequence[Entity]) -> dict[str, list[Mention]]:
    """The story's entity mentions by document."""
    out: dict[str, list[Mention]] = {}
    for entity in entities:
        for cit in entity.mentions:
            out.setdefault(cit.doc, []).append(Mention(cit.start, cit.end, entity.id, entity.type))
    return out


def views(
    docs: Sequence[Document],
    entities: Sequence[Entity],
    lexicons: Mapping[str, Lexicon],
    make: Callable[[Document, Lexicon, Sequence[Mention]], DocView | None] = DocView.of,
) -> dict[str, DocView]:
    """A view of every parsed document whose language has a lexicon (built by ``make``)."""
    mentions = story_mentions(entities)
    out: dict[str, DocView] = {}
    for doc in docs:
        lexicon = lexicons.get(doc.parse.language) if doc.parse is not None else None
        if lexicon is None:
            continue
        view = make(doc, lexicon, mentions.get(doc.id, ()))
        if view is not None:
            out[doc.id] = view
    return out


def _in_dateline(text: str, start: int, end: int) -> bool:
    """Whether ``start:end`` lies in a dateline ("HARBOURVILLE, June 3 (Wire) - "): the day
    a report was filed, which dates the report, not what its sentence says happened."""
    line = text.rfind("\n", 0, start) + 1
    if start - line > 60:
        return False
    stop = text.find("\n", end)
    cut = dateline_end(text, line, len(text) if stop < 0 else stop)
    return cut > line and end <= cut
