"""Stage 8: dated events, merged across outlets, oldest first.

A dated event is a frame of the parse (:mod:`dossier.crosscheck.frames`: an event class of
the language layer, or any other verb of a clause) that a day- or month-level expression
dates ("went on trial on January 6", "arrested on October 14") and that the text asserts
(stated, reported or decided; not expected, asked for, conditional or alleged). Expressions
that bound rather than date the event ("adjourned until January 21", "since October") make
no event. Reports of one event from several documents become one event citing each of them,
and only when each supports the event (:mod:`dossier.crosscheck.support`: the same kind of
event, parties that agree, the same date, and no argument present in both that disagrees):
a sentence that contradicts the event ("the trial scheduled for that day was postponed") or
says something else on that date ("was made public on 14 October") is never one of its
citations. Two sentences of one document join only when they also name the same person or
the same kind of classed event. Sentences inside a document's ``shared_spans`` (text reused
from another document) never start an event of their own when the other document is the
primary copy; they may only be added as citations. In a story of several documents, a
sentence about something else (a round-up page's other items: :mod:`dossier.time.topic`) is
set aside with a logged reason. Order: by date value, so a month
("2019-10") sorts before the days inside it; then by first citation.
"""

from __future__ import annotations

import hashlib
import logging
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from dossier.crosscheck.frames import Frame
from dossier.crosscheck.read import SentenceReading, main_persons, read_with, view_maker
from dossier.crosscheck.reading import DocView, views
from dossier.crosscheck.support import Lexicon, Rules, lexicons_for
from dossier.memo import DocumentMemo
from dossier.model import DateValue, Document, Entity, Event, SameEvent
from dossier.resources import Resources
from dossier.text import dateline_end
from dossier.time.settings import TimeSettings
from dossier.time.timex import tag_time_expressions
from dossier.time.topic import Topic

logger = logging.getLogger(__name__)

_ASSERTED = frozenset({"stated", "reported", "decided"})


@dataclass(frozen=True, slots=True)
class _Candidate:
    doc: Document
    frame: Frame
    start: int  # the cited sentence
    end: int
    text: str  # the wording to show
    entity_ids: frozenset[str]
    primary: bool

    @property
    def date(self) -> DateValue:
        assert self.frame.date is not None
        return self.frame.date


@dataclass(slots=True)
class _Draft:
    founder: _Candidate
    members: list[_Candidate] = field(default_factory=list)


def extract_events(
    docs: Sequence[Document],
    entities: Sequence[Entity],
    settings: TimeSettings,
    resources: Resources,
) -> tuple[Event, ...]:
    """Dated events of the readable, parsed documents, merged across documents, oldest first."""
    readable = sorted((d for d in docs if d.readable and d.parse is not None), key=lambda d: d.id)
    readable = [_with_time_expressions(d, settings, resources) for d in readable]
    lexicons = lexicons_for(readable, resources)
    if not lexicons:
        return ()
    ok_ids = frozenset(d.id for d in readable)
    main = main_persons(entities, sorted(ok_ids))
    candidates: list[_Candidate] = []
    read: dict[str, tuple[DocView, list[SentenceReading]]] = {}
    for doc_id, view in sorted(views(readable, entities, lexicons, view_maker(resources)).items()):
        read[doc_id] = (view, read_with(view, main, resources))
        candidates.extend(_candidates(view, read[doc_id][1], ok_ids, settings))
    rules = {code: Rules.of(lexicon.language) for code, lexicon in lexicons.items()}
    candidates = _on_topic(candidates, readable, lexicons, settings, resources.doc_memo)
    drafts = _merge(candidates, rules)
    _add_same_events(drafts, read, rules)
    return _events(drafts, rules)


def _on_topic(
    candidates: list[_Candidate],
    docs: Sequence[Document],
    lexicons: dict[str, Lexicon],
    settings: TimeSettings,
    memo: DocumentMemo | None = None,
) -> list[_Candidate]:
    """The candidates whose sentence is about the story (:mod:`dossier.time.topic`): in a
    story of enough documents, a sentence whose content words the story's other documents
    hardly use (a round-up page's item about something else) is set aside, and logged."""
    if len(docs) < settings.topic_min_documents or not candidates:
        return candidates
    stop_words = frozenset().union(*(lex.language.stop_words for lex in lexicons.values()))
    topic = Topic.of(docs, stop_words, memo)
    scores = [topic.coverage(c.doc, c.start, c.end, settings.topic_min_words) for c in candidates]
    known = [v for v in scores if v is not None]
    if not known:
        return candidates
    floor = settings.topic_min_ratio * statistics.median(known)
    kept: list[_Candidate] = []
    for cand, value in zip(candidates, scores, strict=True):
        if value is not None and value < floor:
            logger.info(
                "events: set aside %s %d-%d (about another story: its words are used by "
                "%.0f%% of the story's documents on average, below %.0f%%): %s",
                cand.doc.id,
                cand.start,
                cand.end,
                100 * value,
                100 * floor,
                cand.text[:80],
            )
            continue
        kept.append(cand)
    return kept


def _with_time_expressions(doc: Document, settings: TimeSettings, resources: Resources) -> Document:
    """Documents the date stage did not tag (a caller of this stage alone) are tagged here
    against their publication date."""
    if doc.time_expressions or not doc.clean_text:
        return doc
    grammar = resources.time_grammar(doc.language)
    tagged = tag_time_expressions(doc.clean_text, doc.id, doc.published.date, settings, grammar)
    return replace(doc, time_expressions=tagged)


def _dates_event(frame: Frame) -> bool:
    date = frame.date
    if date is None or date.granularity == "year":
        return False
    return frame.stance in _ASSERTED and not frame.future


def _candidates(
    view: DocView,
    sentences: Sequence[SentenceReading],
    ok_ids: frozenset[str],
    settings: TimeSettings,
) -> list[_Candidate]:
    doc = view.doc
    out: list[_Candidate] = []
    for sentence in sentences:
        dated = [f for f in sentence.frames if _dates_event(f)]
        if not dated or _too_short(view, sentence.index):
            continue
        several = len({(f.date.value if f.date else "") for f in dated}) > 1
        other = _in_shared(doc, sentence.start, sentence.end)
        # Reused text is primary in one copy only: the smaller id among the documents sharing it.
        primary = other is None or other not in ok_ids or doc.id < other
        ids = frozenset(m.entity_id for m in view.mentions_in(sentence.start, sentence.end))
        seen: set[str] = set()
        ranked = sorted(dated, key=lambda f: (f.date_shared, not f.classed, not f.main, f.start))
        for frame in ranked:
            assert frame.date is not None
            key = f"{frame.date.value}|{frame.kind}|{frame.aspect}"
            if key in seen or (frame.date_shared and frame.date.value in seen):
                continue  # the same event dated twice; or a clause sharing the event's date
            seen.update((key, frame.date.value))
            shown = _shown(view, sentence.index, frame, several, settings.max_event_chars)
            people = frame.participants.entities
            out.append(
                _Candidate(doc, frame, sentence.start, sentence.end, shown, ids | people, primary)
            )
    return out


def _too_short(view: DocView, index: int) -> bool:
    """A headline or caption without final punctuation needs six words; a sentence three."""
    tokens = [t for t in view.sentence_tokens(index) if view.pos(t) != "SPACE"]
    words = [t for t in tokens if view.pos(t) not in ("PUNCT", "SYM")]
    closed = bool(tokens) and view.pos(tokens[-1]) == "PUNCT"
    return len(words) < 3 or (len(words) < 6 and not closed)


def _in_shared(doc: Document, start: int, end: int) -> str | None:
    for s, e, other in doc.shared_spans:
        if s < end and start < e:
            return other
    return None


# --- the wording shown ---------------------------------------------------------------------------


def _shown(view: DocView, index: int, frame: Frame, several: bool, limit: int) -> str:
    """The sentence; or, when it dates several events (or is too long), the clause of this
    one, read from the sentence start when the clause has no subject of its own or is what
    someone said ("X said the police detained him in March 2019")."""
    start, end = view.parse.sentences[index]
    body = view.text[start:end]
    if len(body) <= limit and not several:
        return body
    tokens = view.sentence_tokens(index)
    head = view.parse.token_range(frame.start, frame.end).start
    if frame.nominal or not tokens.start <= head < tokens.stop:
        return body
    first, last = _clause_tokens(view, head, tokens)
    own_subject = bool(view.kids(head, "nsubj", "nsubjpass")) and view.dep(head) in (
        "advcl",
        "conj",
        "ROOT",
    )
    a = view.parse.starts[first] if own_subject else start
    b = view.parse.ends[last]
    if last + 1 < tokens.stop and all(
        view.pos(t) in ("PUNCT", "SPACE") for t in range(last + 1, tokens.stop)
    ):
        b = end  # the clause ends the sentence: keep its full stop
    return view.text[a:b].strip(" ,;:")


def _clause_tokens(view: DocView, head: int, tokens: range) -> tuple[int, int]:
    """First and last token of the clause headed by ``head``, without the clauses
    coordinated with or subordinated to it, and without a leading subordinator."""
    cut: set[int] = set()
    for child in view.children[head]:
        if view.dep(child) in ("conj", "advcl", "parataxis") and view.pos(child) in ("VERB", "AUX"):
            cut.update(_subtree(view, child))
        if view.dep(child) in ("cc", "mark") and child < head:
            cut.add(child)
    keep = [t for t in _subtree(view, head) if t not in cut and t in tokens]
    while len(keep) > 1 and view.pos(keep[-1]) in ("PUNCT", "CCONJ", "SPACE"):
        keep.pop()
    while len(keep) > 1 and view.pos(keep[0]) in ("PUNCT", "CCONJ", "SCONJ", "SPACE"):
        keep.pop(0)
    return keep[0], keep[-1]


def _subtree(view: DocView, token: int) -> list[int]:
    out, todo = [], [token]
    while todo:
        t = todo.pop()
        out.append(t)
        todo.extend(view.children[t])
    return sorted(out)


# --- merging ----------------------------------------------------------------------------


def _rules_of(rules: dict[str, Rules], candidate: _Candidate) -> Rules:
    parse = candidate.doc.parse
    code = parse.language if parse is not None else ""
    return rules.get(code) or next(iter(rules.values()))


def _joins(draft: _Draft, cand: _Candidate, rules: Rules) -> bool:
    """``cand`` reports the draft's event: it supports every member, on the same date."""
    if draft.founder.date != cand.date:
        return False
    for member in draft.members:
        if rules.relation(member.frame, cand.frame) != "supports":
            return False
        if member.doc.id == cand.doc.id and not _same_in_one_document(member.frame, cand.frame):
            return False
    return True


def _same_in_one_document(a: Frame, b: Frame) -> bool:
    """One document telling one happening twice: the same classed event, or the same person."""
    if a.participants.entities & b.participants.entities:
        return True
    return a.classed and b.classed and a.kind == b.kind


def _merge(candidates: list[_Candidate], rules: dict[str, Rules]) -> list[_Draft]:
    # Primary sentences first, so reused text only ever joins an event.
    ordered = sorted(candidates, key=lambda c: (not c.primary, c.doc.id, c.start, c.frame.start))
    drafts: list[_Draft] = []
    by_date: dict[str, list[_Draft]] = {}
    for cand in ordered:
        rule = _rules_of(rules, cand)
        pool = by_date.get(cand.date.value, [])
        target = next((d for d in pool if _joins(d, cand, rule)), None)
        if target is not None:
            if all((m.doc.id, m.start) != (cand.doc.id, cand.start) for m in target.members):
                target.members.append(cand)
            continue
        if not cand.primary:
            continue  # reused text from another document: never an event of its own
        draft = _Draft(cand, [cand])
        drafts.append(draft)
        by_date.setdefault(cand.date.value, []).append(draft)
    return drafts


def _add_same_events(
    drafts: list[_Draft],
    read: dict[str, tuple[DocView, list[SentenceReading]]],
    rules: dict[str, Rules],
) -> None:
    """A document the date stage dated by an event another document dates (its undated "have
    been sentenced" and the other's "announced its decision on January 21", see
    :class:`dossier.model.SameEvent`) reports that event: its sentence is a citation of the
    event that other sentence makes, when it states the same event (the support test, with
    the other document's date)."""
    for doc_id, (view, sentences) in sorted(read.items()):
        same = view.doc.dating.same_event
        if same is None:
            continue
        other = same.citation
        for draft in drafts:
            if draft.founder.date != same.date or any(m.doc.id == doc_id for m in draft.members):
                continue
            if not any(
                m.doc.id == other.doc and m.start < other.end and other.start < m.end
                for m in draft.members
            ):
                continue
            member = _same_event_member(view, sentences, same, draft, rules)
            if member is not None:
                draft.members.append(member)
                break


def _same_event_member(
    view: DocView,
    sentences: Sequence[SentenceReading],
    same: SameEvent,
    draft: _Draft,
    rules: dict[str, Rules],
) -> _Candidate | None:
    rule = _rules_of(rules, draft.founder)
    for sentence in sentences:
        if not (sentence.start < same.end and same.start < sentence.end):
            continue
        for frame in sentence.frames:
            if not frame.asserted or frame.future:
                continue
            dated = replace(frame, date=same.date)
            if rule.relation(draft.founder.frame, dated) == "supports":
                ids = frozenset(m.entity_id for m in view.mentions_in(same.start, same.end))
                text = view.text[same.start : same.end]
                return _Candidate(view.doc, dated, same.start, same.end, text, ids, True)
    return None


def _text_rank(text: str) -> tuple[bool, int, str]:
    """Prefer, as an event's wording, a focused sentence of at least six words, then the
    shortest."""
    return (len(text.split()) < 6, len(text), text)


def _wording(text: str) -> str:
    """An event's wording: its sentence without a dateline ("CAIRO (Reuters) - "), which
    says where the report was filed, not what happened (the citation keeps the sentence)."""
    return text[dateline_end(text, 0, len(text)) :]


def _events(drafts: list[_Draft], rules: dict[str, Rules]) -> tuple[Event, ...]:
    events = []
    for draft in drafts:
        members = draft.members
        citations = tuple(dict.fromkeys(m.doc.cite(m.start, m.end) for m in members))
        first = citations[0]
        key = f"{draft.founder.date.value}|{first.doc}|{first.start}"
        primary = [m for m in members if m.primary] or members
        events.append(
            Event(
                id="ev-" + hashlib.sha1(key.encode()).hexdigest()[:12],
                date=draft.founder.date,
                text=_wording(min((m.text for m in primary), key=_text_rank)),
                citations=citations,
                entity_ids=tuple(sorted({e for m in members for e in m.entity_ids})),
            )
        )
    events.sort(key=lambda e: (e.date.sort_key, e.citations[0].doc, e.citations[0].start))
    return tuple(_unique_ids(events))


def _unique_ids(events: list[Event]) -> list[Event]:
    seen: dict[str, int] = {}
    out = []
    for e in events:
        n = seen.get(e.id, 0)
        seen[e.id] = n + 1
        out.append(e if n == 0 else replace(e, id=f"{e.id}-{n}"))
    return out
