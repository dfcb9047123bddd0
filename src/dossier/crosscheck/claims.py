"""Split documents into clause-level claims with attribution and modality.

A claim is a clause of a sentence of ``Document.clean_text``. Each carries who
asserts it (the outlet, or a quoted / reported speaker), how (fact, allegation,
expectation, denial), the entities, dates and numbers inside it, and whether it
sits in text shared with another document (not independent corroboration).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.crosscheck import lexicon as lx
from dossier.model import Claim, DateValue, Document, Entity, Modality, TimeExpression
from dossier.spanindex import SpanIndex
from dossier.text import paragraph_spans, sentence_spans, word_count

MIN_CLAUSE_WORDS = 4
# Split a sentence into clauses at these joints (never inside a quotation).
_CLAUSE_JOINT = re.compile(
    r";\s+|,\s+(?=(?:but|while|whereas|although|though|yet)\b)|\s+(?=but\s+(?:also\s+)?\w+ed\b)"
)
_QUOTE = re.compile(r"“[^”]*”?|\"[^\"\n]*\"?")
_GROUP_REFERENCE = re.compile(
    r"\b(?:they|them|their|the\s+(?:pair|two|three|men|women|couple|defendants|accused|suspects)|"
    r"both|(?:two|three|four)(?:\s+[\w\-]+){0,3}?\s+(?:men|women|people|brothers|sisters|"
    r"refugees|activists|defendants|suspects))\b",
    re.IGNORECASE,
)
_SINGLE_REFERENCE = re.compile(r"\b(?:he|him|his|she|her)\b", re.IGNORECASE)
_PASSIVE_END = re.compile(r"\b(?:is|are|was|were|be|been|being)$", re.IGNORECASE)
_LEADING_ADJUNCT = re.compile(
    r"^(?:in|on|at|after|before|during|since|from|with|for|by|under|as|when|while|later)\b[^,]*,\s*",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number with the noun it counts, e.g. 1 year, 30 (age)."""

    value: float
    unit: str  # "year", "person", ..., "age"
    start: int  # offsets into the document's clean text
    end: int
    bound: bool = False  # "less than six months": an upper/lower bound, not a value

    @property
    def label(self) -> str:
        number = int(self.value) if self.value == int(self.value) else self.value
        return f"{number} {self.unit}" if self.unit != "age" else f"age {number}"


@dataclass(frozen=True, slots=True)
class ClaimInfo:
    """A claim plus what the cross-checking rules need to know about it."""

    claim: Claim
    doc: Document
    text: str
    speaker_span: tuple[int, int] | None  # document offsets of the speaker inside this clause
    persons: frozenset[str]  # PERSON entities named in the clause (not the speaker)
    subjects: frozenset[str]  # persons named or inherited from the context
    places: tuple[tuple[int, int, str], ...]  # PLACE mentions: (start, end, entity id)
    dates: tuple[tuple[int, int, DateValue], ...]  # (start, end, value), document offsets
    quantities: tuple[Quantity, ...]
    ref_date: DateValue | None  # when the document reports it (publication date)
    source: str  # independence key: outlet (or document) of the original text
    outlet: str
    speaker_text: str | None = None  # how the text names the speaker ("Border Service head X")

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
    def content(self) -> str:
        """The clause without its speaker phrase (pronouns there are not subjects)."""
        if self.speaker_span is None:
            return self.text
        a, b = self.speaker_span[0] - self.start, self.speaker_span[1] - self.start
        return self.text[:a] + " " + self.text[b:]


@dataclass(frozen=True, slots=True)
class _Mention:
    start: int
    end: int
    entity_id: str
    type: str


def outlet_key(doc: Document) -> str:
    return doc.outlet.strip() if doc.outlet and doc.outlet.strip() else doc.id


def extract_claims(
    docs: Sequence[Document],
    entities: Sequence[Entity],
    officials: frozenset[str] = frozenset(),
) -> list[ClaimInfo]:
    """Every clause-level claim of every document, in document order.

    ``officials`` (judges, prosecutors: who acts on a case) are never taken as the
    people a claim is about, so "Judge X refused to hand him over" is about "him".
    """
    by_id = {d.id: d for d in docs}
    mentions: dict[str, list[_Mention]] = {}
    for entity in entities:
        for cit in entity.mentions:
            mentions.setdefault(cit.doc, []).append(
                _Mention(cit.start, cit.end, entity.id, entity.type)
            )
    story_main = main_persons(entities, [d.id for d in docs])
    out: list[ClaimInfo] = []
    for doc in docs:
        doc_mentions = SpanIndex((m.start, m.end, m) for m in mentions.get(doc.id, []))
        out.extend(_document_claims(doc, doc_mentions, by_id, story_main - officials, officials))
    return out


def main_persons(entities: Sequence[Entity], doc_ids: Sequence[str]) -> frozenset[str]:
    """The story's protagonists: the persons named in the most documents.

    Plural references without a name ("the two men", "they") fall back to them.
    With a single document, the persons mentioned most often in it.
    """
    wanted = set(doc_ids)
    doc_counts: dict[str, int] = {}
    mention_counts: dict[str, int] = {}
    for e in entities:
        if e.type != "PERSON":
            continue
        in_docs = {m.doc for m in e.mentions if m.doc in wanted}
        doc_counts[e.id] = len(in_docs)
        mention_counts[e.id] = sum(1 for m in e.mentions if m.doc in wanted)
    if not doc_counts:
        return frozenset()
    if len(wanted) == 1:
        top = max(mention_counts.values())
        if top < 2:
            return frozenset()
        return frozenset(e for e, n in mention_counts.items() if n >= max(2, top // 2))
    top = max(doc_counts.values())
    if top < 2:
        return frozenset()
    return frozenset(e for e, n in doc_counts.items() if n == top)


def _document_claims(
    doc: Document,
    mentions: SpanIndex[_Mention],
    by_id: dict[str, Document],
    story_main: frozenset[str],
    officials: frozenset[str],
) -> list[ClaimInfo]:
    text = doc.clean_text
    if not text:
        return []
    in_doc = {m.entity_id for m in mentions}
    main = frozenset(e for e in story_main if e in in_doc) or story_main
    quote_speakers = _quote_speakers(text, mentions)
    timexes = SpanIndex(
        (t.start, t.end, t)
        for t in doc.time_expressions
        if t.value is not None and t.kind == "date"
    )
    out: list[ClaimInfo] = []
    # "he"/"she" may point back across a paragraph break; a plural only within a paragraph.
    previous_order: tuple[str, ...] = ()  # persons of the last clause naming any, in order
    for para_start, para_end in paragraph_spans(text):
        previous_subjects: frozenset[str] = frozenset()
        for s_start, s_end in sentence_spans(text[para_start:para_end]):
            s_start, s_end = s_start + para_start, s_end + para_start
            if word_count(text[s_start:s_end]) < MIN_CLAUSE_WORDS:
                continue
            speaker, speaker_span, verb = _attribution(text, s_start, s_end, mentions)
            if speaker is None:
                inherited = quote_speakers.get(s_start)
                if inherited is not None:
                    speaker, speaker_span, verb = inherited[0], inherited[1], "said"
            for c_start, c_end in _clauses(text, s_start, s_end):
                info = _claim(
                    doc, c_start, c_end, speaker, speaker_span, verb, mentions, timexes, by_id
                )
                subjects = info.persons - officials
                content = info.content
                if not subjects and _GROUP_REFERENCE.search(content):
                    subjects = previous_subjects if len(previous_subjects) >= 2 else main
                elif not subjects and _SINGLE_REFERENCE.search(content):
                    subjects = _singular_antecedent(content, previous_order)
                    if len(subjects) == 1:
                        previous_order = tuple(subjects)
                if info.persons - officials:
                    previous_order = _person_order(info, mentions, officials)
                if subjects:
                    previous_subjects = subjects
                out.append(_with_subjects(info, subjects))
    return out


def _person_order(
    info: ClaimInfo, mentions: SpanIndex[_Mention], officials: frozenset[str]
) -> tuple[str, ...]:
    return tuple(
        dict.fromkeys(
            m.entity_id
            for m in mentions.within(info.start, info.end)
            if m.type == "PERSON" and m.entity_id in info.persons and m.entity_id not in officials
        )
    )


def _singular_antecedent(content: str, previous: tuple[str, ...]) -> frozenset[str]:
    """ "he"/"she" usually continues the previous subject (named first); "him"/"her" the
    object (named last): "Judge X jailed Y but refused to hand him over" -> Y."""
    if not previous:
        return frozenset()
    if len(previous) == 1:
        return frozenset(previous)
    if re.search(r"\b(?:him|her)\b", content, re.IGNORECASE) and not re.search(
        r"\b(?:he|she)\b", content, re.IGNORECASE
    ):
        return frozenset({previous[-1]})
    return frozenset({previous[0]})


def _with_subjects(info: ClaimInfo, subjects: frozenset[str]) -> ClaimInfo:
    return ClaimInfo(
        claim=info.claim,
        doc=info.doc,
        text=info.text,
        speaker_span=info.speaker_span,
        speaker_text=info.speaker_text,
        persons=info.persons,
        subjects=subjects,
        places=info.places,
        dates=info.dates,
        quantities=info.quantities,
        ref_date=info.ref_date,
        source=info.source,
        outlet=info.outlet,
    )


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    sentence = text[start:end]
    quoted = [(m.start(), m.end()) for m in _QUOTE.finditer(sentence)]
    cuts = [0]
    for m in _CLAUSE_JOINT.finditer(sentence):
        if any(a < m.start() < b for a, b in quoted):
            continue
        if word_count(sentence[cuts[-1] : m.start()]) < MIN_CLAUSE_WORDS:
            continue
        if word_count(sentence[m.end() :]) < MIN_CLAUSE_WORDS:
            continue
        cuts.append(m.end())
    spans = []
    for i, cut in enumerate(cuts):
        stop = cuts[i + 1] if i + 1 < len(cuts) else len(sentence)
        a, b = cut, stop
        while b > a and (sentence[b - 1].isspace() or sentence[b - 1] in ",;"):
            b -= 1
        while a < b and sentence[a].isspace():
            a += 1
        if a < b:
            spans.append((start + a, start + b))
    return spans


def _quote_speakers(
    text: str, mentions: SpanIndex[_Mention]
) -> dict[int, tuple[str, tuple[int, int]]]:
    """Sentences inside a multi-sentence quotation inherit its speaker.

    Maps a sentence start offset to (speaker, speaker span) when the quotation
    that contains the sentence is attributed right after it closes
    ("… ,” Akhatova said.") or right before it opens ("she said: “…").
    """
    out: dict[int, tuple[str, tuple[int, int]]] = {}
    for m in re.finditer(r"“([^”]{40,})”", text):
        after = text[m.end() : m.end() + 120].split("\n", 1)[0]
        tail = re.match(
            r"\s*,?\s*(?P<speaker>(?:[\w’'.\-]+\s+){0,6}?[\w’'.\-]+)\s+(?:" + lx.SAY_VERBS + r")\b",
            after,
        )
        span: tuple[int, int] | None = None
        if tail:
            span = (m.end() + tail.start("speaker"), m.end() + tail.end("speaker"))
        else:
            before = text[max(0, m.start() - 120) : m.start()].rsplit("\n", 1)[-1]
            lead = re.search(
                r"(?P<speaker>(?:[\w’'.\-]+\s+){0,6}?[\w’'.\-]+)\s+(?:"
                + lx.SAY_VERBS
                + r")\s*[:,]\s*$",
                before,
            )
            if lead:
                offset = m.start() - len(before)
                span = (offset + lead.start("speaker"), offset + lead.end("speaker"))
        if span is None:
            continue
        speaker = _speaker_name(text, span, mentions)
        if speaker is None:
            continue
        for s_start, _ in sentence_spans(text[m.start() : m.end()]):
            out[m.start() + s_start] = (speaker, span)
    return out


def _attribution(
    text: str, start: int, end: int, mentions: SpanIndex[_Mention]
) -> tuple[str | None, tuple[int, int] | None, str | None]:
    sentence = text[start:end]
    for pattern in (lx.TAIL_ATTRIBUTION, lx.LEAD_ATTRIBUTION, lx.ACCORDING_TO):
        m = pattern.search(sentence)
        if not m:
            continue
        span = (start + m.start("speaker"), start + m.end("speaker"))
        speaker = _speaker_name(text, span, mentions)
        if speaker is not None:
            verb = m.groupdict().get("verb") or "according to"
            return speaker, span, verb.lower()
    return None, None, None


def _speaker_name(text: str, span: tuple[int, int], mentions: SpanIndex[_Mention]) -> str | None:
    inside = mentions.within(span[0], span[1])
    people = [m for m in inside if m.type in ("PERSON", "ORG")]
    if people:
        return people[-1].entity_id
    surface = text[span[0] : span[1]].strip(" ,.“”\"'")
    surface = _LEADING_ADJUNCT.sub("", surface)
    if _PASSIVE_END.search(surface):
        return None
    words = surface.split()
    if not words or words[-1].lower() in lx.PRONOUN_SPEAKERS:
        return None
    # A speaker phrase is a name or a role ("the judge", "HRW", "officials"), not a clause.
    if len(words) > 8 or re.search(r"\b(?:that|which|who|because|when)\b", surface, re.I):
        return None
    if surface.lower() in lx.PRONOUN_SPEAKERS:
        return None
    if not any(w[:1].isupper() for w in words) and not re.search(
        r"\b(?:official|officials|lawyer|judge|prosecutor|police|spokes\w+|minister|"
        r"court|ministry|activist|witness\w*|researcher)\b",
        surface,
        re.I,
    ):
        return None
    return re.sub(r"^(?:the|a|an)\s+", "", surface, flags=re.I)


def _claim(
    doc: Document,
    start: int,
    end: int,
    speaker: str | None,
    speaker_span: tuple[int, int] | None,
    verb: str | None,
    mentions: SpanIndex[_Mention],
    timexes: SpanIndex[TimeExpression],
    by_id: dict[str, Document],
) -> ClaimInfo:
    text = doc.clean_text[start:end]
    inside = mentions.within(start, end)
    in_speaker = (
        {m.entity_id for m in inside if m.start >= speaker_span[0] and m.end <= speaker_span[1]}
        if speaker_span
        else set()
    )
    persons = frozenset(
        m.entity_id for m in inside if m.type == "PERSON" and m.entity_id not in in_speaker
    )
    places = tuple((m.start, m.end, m.entity_id) for m in inside if m.type == "PLACE")
    dates = tuple((t.start, t.end, t.value) for t in timexes.within(start, end) if t.value)
    quantities = tuple(_quantities(doc.clean_text, start, end))
    own_span = (
        speaker_span
        if speaker_span and speaker_span[0] >= start and speaker_span[1] <= end
        else None
    )
    modality = _modality(text, speaker is not None, verb)
    shared = doc.status == "duplicate" or _in_shared(doc, start, end)
    claim = Claim(
        id=f"{doc.id}#{start}-{end}",
        citation=doc.cite(start, end),
        speaker=speaker,
        modality=modality,
        entity_ids=tuple(dict.fromkeys(m.entity_id for m in inside)),
        dates=tuple(d for _, _, d in dates),
        numbers=tuple(q.label for q in quantities),
        shared=shared,
    )
    return ClaimInfo(
        claim=claim,
        doc=doc,
        text=text,
        speaker_span=own_span,
        speaker_text=(
            _LEADING_ADJUNCT.sub("", doc.clean_text[speaker_span[0] : speaker_span[1]]).strip(
                " ,“”\"'"
            )
            if speaker_span
            else None
        ),
        persons=persons,
        subjects=persons,
        places=places,
        dates=dates,
        quantities=quantities,
        ref_date=doc.published.date,
        source=_source_key(doc, start, end, by_id),
        outlet=outlet_key(doc),
    )


def _modality(text: str, attributed: bool, verb: str | None) -> Modality:
    if lx.DENIAL.search(text) or (verb is not None and verb.startswith(("den", "reject"))):
        return Modality.DENIAL
    expectation = lx.EXPECTATION.search(text)
    if expectation and not lx.RULING_THAT.search(text[: expectation.start()]):
        return Modality.EXPECTATION
    if attributed or (verb is not None) or lx.ALLEGATION.search(text):
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


def _quantities(text: str, start: int, end: int) -> list[Quantity]:
    clause = text[start:end]
    out: list[Quantity] = []
    for m in lx.NUMBER.finditer(clause):
        unit = lx.UNITS.get(m.group("unit").lower())
        if unit is None:
            continue
        value = _number_value(m.group("num"))
        if value is None:
            continue
        if m.group("mult"):
            value *= lx.MULTIPLIERS[m.group("mult").lower()]
        if (
            m.group("unit").lower() == "year"
            and "-" in m.group("sep")
            and clause[m.end() : m.end() + 4] == "-old"
        ):
            continue  # an age, handled below
        bound = bool(lx.BOUND_BEFORE.search(clause[: m.start()]))
        out.append(Quantity(value, unit, start + m.start(), start + m.end(), bound))
    for m in lx.AGE_COMPOUND.finditer(clause):
        out.append(Quantity(float(m.group("age")), "age", start + m.start(), start + m.end()))
    # "Name, 30," — an age after a capitalised name.
    for m in re.finditer(r"[A-Z][\w’'\-]+(?=,\s*\d{1,3}\s*,)", clause):
        age = lx.AGE_AFTER_NAME.match(clause[m.end() :])
        if age:
            a = m.end() + age.start("age")
            out.append(
                Quantity(
                    float(age.group("age")), "age", start + a, start + a + len(age.group("age"))
                )
            )
    return out


def _number_value(token: str) -> float | None:
    word = token.lower()
    if word in lx.NUMBER_WORDS:
        return float(lx.NUMBER_WORDS[word])
    try:
        return float(word.replace(",", ""))
    except ValueError:
        return None
