"""Stage 8: dated events, merged across outlets, oldest first.

A dated event is a sentence whose action a day- or month-level expression
dates ("went on trial on January 6", "arrested on October 14"). Expressions
that bound rather than date the action ("adjourned until January 21", "since
October") do not make events. The same event reported by several documents
(same date; shared content words, fuzzy-matched so "Zaisan"/"Zaysan" agree, or
a shared entity) becomes one event citing every sentence. Two sentences of one
document that date the same day join only on stricter evidence: the same action
("opened"/"began", "detained"/"arrested") and the same proceeding ("trial"/
"hearing") or the same person; a document telling one happening twice ("The trial
opened yesterday" ... "The judge opened the hearing on March 4") then gives one
event, while other things done that day stay apart. Sentences inside a
document's ``shared_spans`` (text reused from another document) never start an
event of their own when the other document is the primary copy; they may only
be added as citations. Order: by date value, so a month ("2019-10") sorts
before the days inside it ("2019-10-01"); then by first citation.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from dossier.model import Citation, DateValue, Document, Entity, Event, TimeExpression
from dossier.text import FUNCTION_WORDS, sentence_spans
from dossier.time.settings import TimeSettings
from dossier.time.timex import tag_time_expressions

_BOUNDING = re.compile(
    r"\b(?:until|till|since|by|before|after|from|through|between)\s+"
    r"(?:(?:late|early|mid)\s+)?(?:on\s+|in\s+)?(?:the\s+)?$",
    re.I,
)
# Irregular past tenses of verbs news uses to report what happened.
_IRREGULAR_PAST = (
    "began|went|fled|left|met|held|sent|won|lost|spent|paid|told|found|saw|ran|brought|became"
    "|got|took|gave|made|came|said"
)
_ACTION = re.compile(
    r"\b(?:[a-z]{2,}ed|" + _IRREGULAR_PAST + r"|begun|gone|fell|rose|led|struck|hit|shot|"
    r"says|say|sentenced|will|would|trial|statement|hearing|conference|ruling|verdict|"
    r"arrest|protest|election|meeting|visit|attack|crossed|slipped|opened|begins|starts)\b",
    re.I,
)
_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_STOP = FUNCTION_WORDS | frozenset(
    [
        "apr",
        "april",
        "aug",
        "august",
        "day",
        "dec",
        "december",
        "did",
        "do",
        "does",
        "feb",
        "february",
        "five",
        "four",
        "friday",
        "i",
        "jan",
        "january",
        "jul",
        "july",
        "jun",
        "june",
        "just",
        "last",
        "mar",
        "march",
        "monday",
        "month",
        "mr",
        "mrs",
        "ms",
        "must",
        "nov",
        "november",
        "oct",
        "october",
        "our",
        "saturday",
        "say",
        "sep",
        "sept",
        "september",
        "since",
        "so",
        "such",
        "sunday",
        "three",
        "thursday",
        "tuesday",
        "under",
        "until",
        "we",
        "wednesday",
        "week",
        "year",
        "you",
    ]
)
_SYNONYM_CLASSES = {
    "trial": "case court hearing session proceedings tried trial",
    "begin": "began begun started start starts opened opens opening begin begins commenced",
    "arrest": "detained arrested custody taken seized apprehended detention arrest detain",
    "state": "statement stated state",
    "announce": "announced announcement announce",
    "ruling": "ruled decision verdict ruling",
    "sentence": "sentenced sentence",
    "move": "crossed crossing slipped fled flee escaped escape left leave came come arrived "
    "arriving entered enter",
}
# Actions distinctive enough that two reports of one on the same date are one event.
_DISTINCT_ACTIONS = frozenset({"arrest", "move", "sentence"})
_SYNONYMS = {word: head for head, words in _SYNONYM_CLASSES.items() for word in words.split()}
# What a sentence reports being done, by verb (folded to one head per action), for
# joining two sentences of one document. Other past-tense verbs count as themselves.
_ACTION_CLASSES = {
    "begin": "began begun begins started starts opened opens commenced commences",
    "arrest": "arrested detained apprehended seized",
    "sentence": "sentenced jailed",
    "rule": "ruled",
    "move": "fled crossed escaped arrived",
    "release": "released freed",
    "deport": "deported extradited expelled",
}
_ACTION_VERBS = {w: head for head, words in _ACTION_CLASSES.items() for w in words.split()}
_GO_ON_TRIAL = re.compile(r"\b(?:went|goes|go|going|gone)\s+on\s+trial\b", re.I)
# Not actions: participles that describe rather than report ("charged with", "based in").
_NOT_ACTIONS = frozenset(
    [
        "accused",
        "alleged",
        "based",
        "charged",
        "concerned",
        "entitled",
        "expected",
        "called",
        "named",
        "related",
        "scheduled",
        "supposed",
        "used",
        "wanted",
    ]
)
# What the action is about: the proceeding or happening, by noun (folded).
_FRAME_CLASSES = {
    "trial": "trial trials hearing hearings proceedings session",
    "arrest": "arrest arrests detention custody",
    "ruling": "verdict ruling judgment judgement sentence",
    "protest": "protest protests rally demonstration strike",
    "election": "election vote ballot",
    "meeting": "meeting talks summit",
}
_FRAME_NOUNS = {w: head for head, words in _FRAME_CLASSES.items() for w in words.split()}


@dataclass(slots=True)
class _Draft:
    date: DateValue
    text: str
    tokens: frozenset[str]
    citations: list[Citation] = field(default_factory=list)
    entity_ids: set[str] = field(default_factory=set)
    texts: list[str] = field(default_factory=list)
    actions: frozenset[str] = frozenset()
    frames: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class _Candidate:
    doc: Document
    start: int
    end: int
    text: str
    date: DateValue
    tokens: frozenset[str]
    entity_ids: frozenset[str]
    primary: bool
    actions: frozenset[str] = frozenset()
    frames: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()


def _actions_and_frames(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The actions a clause reports (folded verbs) and what they are about (folded nouns)."""
    actions: set[str] = set()
    frames: set[str] = set()
    if _GO_ON_TRIAL.search(text):
        actions.add("begin")
        frames.add("trial")
    for word in _WORD.findall(text.lower()):
        if word in _ACTION_VERBS:
            actions.add(_ACTION_VERBS[word])
        elif len(word) >= 5 and word.endswith("ed") and word not in _NOT_ACTIONS:
            actions.add(word)
        if word in _FRAME_NOUNS:
            frames.add(_FRAME_NOUNS[word])
    return frozenset(actions), frozenset(frames)


def _tokens(text: str) -> frozenset[str]:
    out = set()
    for word in _WORD.findall(text.lower()):
        if word in _STOP or len(word) < 3:
            continue
        out.add(_SYNONYMS.get(word, word))
    return frozenset(out)


def _shared(a: frozenset[str], b: frozenset[str]) -> int:
    exact = a & b
    count = len(exact)
    rest_b = [w for w in b if w not in exact]
    for w in a - exact:
        if len(w) >= 5 and any(fuzz.ratio(w, v) >= 80 for v in rest_b if len(v) >= 5):
            count += 1
    return count


def _dates_action(text: str, sentence: tuple[int, int], te: TimeExpression) -> bool:
    before = text[sentence[0] : te.start]
    if _BOUNDING.search(before):
        return False
    body = text[sentence[0] : sentence[1]]
    words = len(_WORD.findall(body))
    # A real sentence: "He fled in October 2023." counts; a headline or a caption
    # without final punctuation needs more words.
    if words < 3 or (words < 6 and not re.search(r"[.!?][\"'”’)]*$", body)):
        return False
    outside = body[: te.start - sentence[0]] + " " + body[te.end - sentence[0] :]
    return bool(_ACTION.search(outside))


# A clause that opens on its verb has its subject in an earlier clause.
_PREDICATE_START = re.compile(
    r"(?:[a-z]+ed|" + _IRREGULAR_PAST + r"|was|were|is|are|has|had|have|will|would|could"
    r"|kept|sought|fought|faces|faced|remains|remained)\b"
)


def _clause(
    text: str, sentence: tuple[int, int], te: TimeExpression, limit: int, several: bool
) -> tuple[str, str]:
    """What the expression dates: the sentence, or when it dates several actions (or is
    too long) the clause holding the expression; and the wording to show, which
    reaches back to the clause that names the subject when the clause has none
    ("... arrested him in March 2013 and released him in November 2017": the second
    event reads from the start, not "released him in November 2017")."""
    body = text[sentence[0] : sentence[1]].strip()
    if len(body) <= limit and not several:
        return body, body
    rel = te.start - sentence[0]
    splitter = r"[;:]\s+|,\s+(?:and|but|while|which)\s+" + (r"|\s+and\s+" if several else "")
    cuts = [(m.start(), m.end()) for m in re.finditer(splitter, body)]
    left = max((e for s, e in cuts if e <= rel), default=0)
    right = min((s for s, e in cuts if s >= rel + len(te.text)), default=len(body))
    clause = body[left:right].strip(" ,;:")
    shown_left = left
    while shown_left > 0 and _PREDICATE_START.match(body, shown_left):
        shown_left = max((e for s, e in cuts if e < shown_left), default=0)
    return clause, body[shown_left:right].strip(" ,;:")


def _in_shared(doc: Document, start: int, end: int) -> str | None:
    for s, e, other in doc.shared_spans:
        if s < end and start < e:
            return other
    return None


_PRONOUN_SUBJECT = re.compile(r"^(?:he|she|they|his|her|their)\b", re.I)


def _antecedents(
    text: str,
    spans: list[tuple[int, int]],
    sentence: tuple[int, int],
    mentions: Sequence[tuple[int, int, str, str]],
) -> frozenset[str]:
    """People a pronoun-led sentence ("He left ...") is about: those named in the
    sentence before it, in the same paragraph."""
    if not _PRONOUN_SUBJECT.match(text[sentence[0] : sentence[1]]):
        return frozenset()
    index = spans.index(sentence)
    if index == 0:
        return frozenset()
    prev = spans[index - 1]
    if "\n\n" in text[prev[1] : sentence[0]]:
        return frozenset()
    return frozenset(
        eid for s, e, eid, kind in mentions if kind == "PERSON" and prev[0] <= s and e <= prev[1]
    )


def _candidates(
    doc: Document,
    by_doc: dict[str, list[tuple[int, int, str, str]]],
    ok_ids: frozenset[str],
    settings: TimeSettings,
) -> list[_Candidate]:
    text = doc.clean_text
    spans = sentence_spans(text)
    out: list[_Candidate] = []
    qualifying: list[tuple[TimeExpression, tuple[int, int], DateValue]] = []
    expressions = doc.time_expressions
    if not expressions and text:  # stage 4 skipped: tag against the known date
        expressions = tag_time_expressions(text, doc.id, doc.published.date, settings)
    for te in expressions:
        value = te.value
        if te.kind not in ("date", "time") or value is None or value.granularity == "year":
            continue
        sentence = next(((s, e) for s, e in spans if s <= te.start and te.end <= e), None)
        if sentence is None or not _dates_action(text, sentence, te):
            continue
        qualifying.append((te, sentence, value))
    # A coarse value ("last week" → a month) adds nothing to a sentence that also
    # names a day inside it.
    qualifying = [
        (te, sentence, value)
        for te, sentence, value in qualifying
        if not any(
            s == sentence and v.value != value.value and v.value.startswith(value.value)
            for _, s, v in qualifying
        )
    ]
    for te, sentence, value in qualifying:
        several = sum(1 for _, s, _ in qualifying if s == sentence) > 1
        clause, shown = _clause(text, sentence, te, settings.max_event_chars, several)
        other = _in_shared(doc, *sentence)
        entities = frozenset(
            eid for s, e, eid, _ in by_doc.get(doc.id, ()) if sentence[0] <= s and e <= sentence[1]
        )
        people = frozenset(
            eid
            for s, e, eid, kind in by_doc.get(doc.id, ())
            if kind == "PERSON" and sentence[0] <= s and e <= sentence[1]
        ) | _antecedents(text, spans, sentence, by_doc.get(doc.id, ()))
        entities |= people
        actions, frames = _actions_and_frames(clause)
        out.append(
            _Candidate(
                doc,
                sentence[0],
                sentence[1],
                shown,
                value,
                _tokens(clause),
                entities,
                # Reused text is primary in one copy only: the smaller id among
                # the processed documents sharing it.
                primary=other is None or other not in ok_ids or doc.id < other,
                actions=actions,
                frames=frames,
                people=people,
            )
        )
    return out


def _same_report(
    actions: tuple[frozenset[str], frozenset[str]],
    frames: tuple[frozenset[str], frozenset[str]],
    people: tuple[frozenset[str], frozenset[str]],
) -> float:
    """How surely two sentences of one document, dating one day, tell one happening:
    they must report the same action about the same proceeding or the same person."""
    if not actions[0] & actions[1]:
        return 0.0
    common = len(frames[0] & frames[1]) + len(people[0] & people[1])
    return 0.05 * common


def _matches(draft: _Draft, cand: _Candidate, settings: TimeSettings) -> float:
    if draft.date != cand.date:
        return 0.0
    if any(c.doc == cand.doc.id for c in draft.citations):
        return _same_report(
            (draft.actions, cand.actions), (draft.frames, cand.frames), (draft.people, cand.people)
        )
    shared = _shared(cand.tokens, draft.tokens)
    smaller = max(1, min(len(cand.tokens), len(draft.tokens)))
    overlap = shared / smaller
    common_entities = len(draft.entity_ids & cand.entity_ids)
    if shared >= settings.merge_min_shared and overlap >= settings.merge_overlap:
        return overlap + 0.1 * common_entities
    if common_entities and shared >= 1:
        return overlap + 0.1 * common_entities
    if cand.tokens & draft.tokens & _DISTINCT_ACTIONS:
        return 0.05
    return 0.0


_PRONOUN_START = re.compile(r"^(?:they|he|she|it|this|that|these|those|the\s+pair)\b", re.I)


def _text_rank(text: str) -> tuple[bool, bool, int, str]:
    """Prefer, as an event's wording, a focused sentence that names its subject:
    at least six words, not opening with a pronoun, then the shortest."""
    return (len(_WORD.findall(text)) < 6, bool(_PRONOUN_START.match(text)), len(text), text)


def _drafts_match(a: _Draft, b: _Draft, settings: TimeSettings) -> bool:
    if a.date != b.date:
        return False
    if {c.doc for c in a.citations} & {c.doc for c in b.citations}:
        return _same_report((a.actions, b.actions), (a.frames, b.frames), (a.people, b.people)) > 0
    shared = _shared(a.tokens, b.tokens)
    overlap = shared / max(1, min(len(a.tokens), len(b.tokens)))
    if shared >= settings.merge_min_shared and overlap >= settings.merge_overlap:
        return True
    if a.tokens & b.tokens & _DISTINCT_ACTIONS:
        return True
    return bool(a.entity_ids & b.entity_ids) and shared >= 1


def _pool(
    draft: _Draft, actions: frozenset[str], frames: frozenset[str], people: frozenset[str]
) -> None:
    draft.actions = draft.actions | actions
    draft.frames = draft.frames | frames
    draft.people = draft.people | people


def _merge_drafts(drafts: list[_Draft], settings: TimeSettings) -> list[_Draft]:
    """Join drafts that match once their reports are pooled (order-independent)."""
    merged = True
    while merged:
        merged = False
        for i, a in enumerate(drafts):
            for j in range(i + 1, len(drafts)):
                b = drafts[j]
                if _drafts_match(a, b, settings):
                    a.citations.extend(b.citations)
                    a.entity_ids |= b.entity_ids
                    a.tokens = a.tokens | b.tokens
                    a.texts.extend(b.texts)
                    _pool(a, b.actions, b.frames, b.people)
                    del drafts[j]
                    merged = True
                    break
            if merged:
                break
    return drafts


def _add_same_events(drafts: list[_Draft], docs: Sequence[Document]) -> None:
    """A document dated by an event another document dates ("have been sentenced" / "announced
    its decision on January 21", see :class:`dossier.model.SameEvent`) reports that event:
    its sentence is cited on the event that other document's sentence makes."""
    for doc in docs:
        same = doc.dating.same_event if doc.readable else None
        if same is None:
            continue
        other = same.citation
        for draft in drafts:
            if draft.date.value != same.date.value or any(c.doc == doc.id for c in draft.citations):
                continue
            if any(
                c.doc == other.doc and c.start < other.end and other.start < c.end
                for c in draft.citations
            ):
                draft.citations.append(doc.cite(same.start, same.end))
                break


def extract_events(
    docs: Sequence[Document], entities: Sequence[Entity], settings: TimeSettings
) -> tuple[Event, ...]:
    """Dated events of ok documents, merged across documents, oldest first."""
    by_doc: dict[str, list[tuple[int, int, str, str]]] = {}
    for entity in entities:
        for m in entity.mentions:
            by_doc.setdefault(m.doc, []).append((m.start, m.end, entity.id, entity.type))
    candidates: list[_Candidate] = []
    ok_ids = frozenset(d.id for d in docs if d.readable)
    for doc in sorted((d for d in docs if d.readable), key=lambda d: d.id):
        candidates.extend(_candidates(doc, by_doc, ok_ids, settings))
    # Primary sentences first, so reused text only ever joins an event.
    candidates.sort(key=lambda c: (not c.primary, c.doc.id, c.start))
    drafts: list[_Draft] = []
    seen: set[tuple[str, int, str]] = set()
    for cand in candidates:
        spot = (cand.doc.id, cand.start, cand.date.value)
        if spot in seen:
            continue  # the same sentence dates the same day twice
        seen.add(spot)
        scored = [(_matches(d, cand, settings), i) for i, d in enumerate(drafts)]
        best = max(scored, default=(0.0, -1))
        citation = cand.doc.cite(cand.start, cand.end)
        if best[0] > 0:
            draft = drafts[best[1]]
            if citation not in draft.citations:
                draft.citations.append(citation)
            draft.entity_ids |= cand.entity_ids
            draft.tokens = draft.tokens | cand.tokens
            _pool(draft, cand.actions, cand.frames, cand.people)
            if cand.primary:
                draft.texts.append(cand.text)
            continue
        if not cand.primary:
            continue  # reused text from another document: never an event of its own
        drafts.append(
            _Draft(
                cand.date,
                cand.text,
                cand.tokens,
                [citation],
                set(cand.entity_ids),
                [cand.text],
                cand.actions,
                cand.frames,
                cand.people,
            )
        )
    drafts = _merge_drafts(drafts, settings)
    _add_same_events(drafts, docs)
    events = []
    for draft in drafts:
        first = draft.citations[0]
        key = f"{draft.date.value}|{first.doc}|{first.start}"
        events.append(
            Event(
                id="ev-" + hashlib.sha1(key.encode()).hexdigest()[:12],
                date=draft.date,
                text=min(draft.texts, key=_text_rank),
                citations=tuple(draft.citations),
                entity_ids=tuple(sorted(draft.entity_ids)),
            )
        )
    events.sort(key=lambda e: (e.date.sort_key, e.citations[0].doc, e.citations[0].start))
    return tuple(events)
