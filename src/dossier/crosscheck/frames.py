"""Claims as frames from the parse: who did what to whom, when, where, how many.

A :class:`Frame` is one event a sentence speaks of, found from its word in the parse: a verb
of one of the language's event classes ("detained", "postponed"), a multi-word verb ("took
into custody", "called off"), an event noun carried by a support verb ("handed sentences",
"held a protest") or dated on its own ("the 14 May blast"), or any other verb of the clause
(a generic event named by its lemma). Its kind is the event class; for a class that is a
phase of another event (begin, postpone, cancel) the kind is the event its argument names
("the trial was postponed": a trial, postponed). Arguments come from the dependencies:
agents and patients (story entities, or head nouns), the date and place attached to the
event's word, the amounts it counts; its stance, tense and speaker from the governors above
it (:mod:`dossier.crosscheck.stance`). Nothing here knows a word of any language: the
classes and cues are the language object's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from dossier.crosscheck.amounts import Amount, amounts, as_rate
from dossier.crosscheck.parties import (
    NOBODY,
    Context,
    Party,
    arguments,
    event_noun_parties,
    party,
)
from dossier.crosscheck.reading import DocView
from dossier.crosscheck.stance import ASSERTED, Reading, Stance, according_to, read_stance
from dossier.crosscheck.triggers import (
    Trigger,
    done_to_a_part,
    find_triggers,
    kind_of,
    modality_only,
)
from dossier.model import DateValue

# not language: the Universal Dependencies feature of a verb in progress
_PROGRESSIVE = "Aspect=Prog"


@dataclass(frozen=True, slots=True)
class Place:
    key: str  # the story entity id, or "noun:<lemma>" for a place named by a common noun
    text: str
    role: str = "at"  # "at": where it happened; "to": where it sends someone

    @property
    def named(self) -> bool:
        """A story entity: its spellings are merged, so two of them can be told apart."""
        return not self.key.startswith(("noun:", "text:"))

    @property
    def kind(self) -> str:
        return self.key.split(":", 1)[0] if self.key.startswith(("noun:", "text:")) else "entity"


@dataclass(frozen=True, slots=True)
class Frame:
    """One event a sentence speaks of, with its arguments and how it is asserted."""

    doc: str
    start: int  # offsets of the event's word(s) in the clean text
    end: int
    sentence: tuple[int, int]  # the sentence it is read from
    kind: str  # event class name, "noun:<lemma>" / "lemma:<lemma>" for unclassed events
    aspect: str  # OCCUR, or the phase class applied to the event ("begin", "postpone")
    lemma: str  # the word's lemma
    negated: bool
    future: bool
    stance: Stance
    denied: bool
    speaker: Party | None
    agents: Party
    patients: Party
    date: DateValue | None
    until: DateValue | None  # the new date of a postponement ("adjourned until May 20")
    scheduled: DateValue | None  # the date it was scheduled for ("scheduled for January 6")
    places: tuple[Place, ...]
    amounts: tuple[Amount, ...]
    main: bool  # on the sentence's main line (not in a relative clause or a modifier)
    earlier: bool  # told as history ("had estimated", "initially said")
    date_shared: bool  # the date is the one of the verb it is coordinated with
    governs: bool  # a reporting / deciding verb whose complement holds other frames
    nominal: bool  # read from an event noun
    # What a conditional event depends on ("if they are found guilty, deportation will
    # follow"): the frame of the condition, when the sentence has one.
    condition: Frame | None = None
    # In progress ("oil is spewing", "was leaking"): a state at its date, not the date the
    # event happened on.
    ongoing: bool = False

    @property
    def asserted(self) -> bool:
        return self.stance in ASSERTED

    @property
    def classed(self) -> bool:
        return ":" not in self.kind and bool(self.kind)

    @property
    def participants(self) -> Party:
        return Party(
            self.agents.entities | self.patients.entities,
            self.agents.nouns | self.patients.nouns,
            " ".join(x for x in (self.agents.text, self.patients.text) if x),
        )


def sentence_frames(
    view: DocView, index: int, ctx: Context, speaker: Party | None = None
) -> tuple[Frame, ...]:
    """The frames of sentence ``index``; ``speaker`` attributes a sentence inside a quotation
    whose speaker is named elsewhere."""
    tokens = view.sentence_tokens(index)
    triggers = find_triggers(view, tokens)
    if not triggers:
        return ()
    owner = {w: k for k, t in enumerate(triggers) for w in (*t.words, t.noun) if w is not None}
    for k, t in enumerate(triggers):
        # "In August 2018 a court refused to extradite X": what dates or places the verb
        # that only modifies the event dates or places the event.
        head = view.head(t.token)
        if (
            view.dep(t.token) in ("xcomp", "ccomp")
            and head not in owner
            and modality_only(view, head)
        ):
            owner[head] = k
    dates = _attached_dates(view, tokens, owner, triggers)
    _share_dates(view, triggers, owner, dates)
    places = _attached_places(view, tokens, owner, triggers)
    found = amounts(view, tokens)
    content = _content_of(view, triggers, owner)
    counted = _attached_amounts(view, tokens, owner, found, content, triggers)
    anchors = frozenset(a.anchor for a in found)
    according = according_to(view, tokens.start, tokens.stop)
    built: dict[int, tuple[Frame, int | None]] = {}
    for k, trigger in enumerate(triggers):
        where = (*places.get(k, ()), *_destinations(view, trigger, anchors))
        made = _frame(view, index, trigger, ctx, dates.get(k, {}), where, anchors)
        if made is None:
            continue
        frame, condition = made
        built[k] = (_with(frame, counted.get(k, ()), according, speaker, view, ctx), condition)
    asks = _question(view, tokens)
    out = []
    for frame, condition in built.values():
        if condition is not None and condition in owner and owner[condition] in built:
            frame = replace(frame, condition=built[owner[condition]][0])
        if asks:
            frame = replace(frame, stance="asked")
        if _worth_keeping(frame):
            out.append(frame)
    return tuple(out)


def _question(view: DocView, tokens: range) -> bool:
    """The sentence ends in a question mark (before any closing quote or bracket)."""
    marks = view.lexicon.language.claims.question_marks
    for i in reversed(tokens):
        word = view.word(i)
        if word in marks:
            return True
        if word.strip() and view.pos(i) != "PUNCT":
            return False
    return False


def _worth_keeping(frame: Frame) -> bool:
    if frame.nominal:
        return bool(frame.date or frame.amounts or frame.negated or frame.main)
    if frame.classed or frame.governs:
        return True
    return frame.main or frame.date is not None


def _with(
    frame: Frame,
    counted: Sequence[Amount],
    according: int | None,
    quote_speaker: Party | None,
    view: DocView,
    ctx: Context,
) -> Frame:
    stance, speaker = frame.stance, frame.speaker
    if stance == "stated" and speaker is None:
        if according is not None:
            stance, speaker = "reported", party(view, [according], ctx)
        elif quote_speaker is not None:
            stance, speaker = "reported", quote_speaker
    # "a toll of 30": the count of what the event did. "Two leaks", "20 lawsuits" count the
    # events themselves and keep their noun (a count of people is another quantity).
    counted = [replace(a, unit="") if a.unit in _count_nouns(view) else a for a in counted]
    return replace(frame, amounts=tuple(counted), stance=stance, speaker=speaker)


def _count_nouns(view: DocView) -> frozenset[str]:
    return view.lexicon.language.quantities.count_nouns


def _frame(
    view: DocView,
    index: int,
    trigger: Trigger,
    ctx: Context,
    dates: dict[str, DateValue],
    places: Sequence[Place],
    anchors: frozenset[int],
) -> tuple[Frame, int | None] | None:
    kind, aspect = kind_of(view, trigger)
    sentence = view.sentence_tokens(index)
    reading = read_stance(view, trigger.token, sentence.start, sentence.stop)
    if reading.negated and done_to_a_part(view, trigger.token):
        return None  # "10 percent of the flow was not collected": nor denied, nor stated
    agents, patients = _parties(view, trigger, ctx, anchors)
    governs = view.lemma(trigger.token) in view.lexicon.governors and bool(
        view.kids(trigger.token, "ccomp", "xcomp", "parataxis")
    )
    start, end = view.span_of(trigger.words)
    frame = Frame(
        doc=view.doc.id,
        start=start,
        end=end,
        sentence=view.parse.sentences[index],
        kind=kind,
        aspect=aspect,
        lemma=view.lemma(trigger.token),
        negated=(reading.negated or _negated_noun(view, trigger)) != trigger.blocked,
        future=reading.future,
        stance=reading.stance,
        denied=reading.denied,
        speaker=_speaker(view, reading, ctx),
        agents=agents,
        patients=patients,
        date=dates.get("on"),
        until=dates.get("until"),
        scheduled=dates.get("scheduled"),
        places=tuple(places),
        amounts=(),
        main=reading.main and not trigger.nominal,
        earlier=reading.earlier,
        date_shared="shared" in dates,
        governs=governs,
        nominal=trigger.nominal,
        ongoing=not trigger.nominal and _PROGRESSIVE in view.parse.morphs[trigger.token],
    )
    return frame, reading.condition


def _speaker(view: DocView, reading: Reading, ctx: Context) -> Party | None:
    if reading.speaker is None:
        return None
    return party(view, [reading.speaker], ctx)


def _negated_noun(view: DocView, trigger: Trigger) -> bool:
    """ "No deportation!": a negating determiner on the event noun."""
    negation = view.lexicon.language.events.negation_words
    noun = (
        trigger.noun if trigger.noun is not None else (trigger.token if trigger.nominal else None)
    )
    return noun is not None and any(view.lemma(c) in negation for c in view.kids(noun, "det"))


def _parties(
    view: DocView, trigger: Trigger, ctx: Context, skip: frozenset[int]
) -> tuple[Party, Party]:
    if trigger.nominal:
        return NOBODY, event_noun_parties(view, trigger.token, ctx)
    agents, patients, _ = arguments(view, trigger.token)
    if trigger.noun is not None:
        about = event_noun_parties(view, trigger.noun, ctx)
        recipients = _recipients(view, trigger.token)
        noun_is_subject = view.dep(trigger.noun) in ("nsubj", "nsubjpass")
        patients = [p for p in patients if p != trigger.noun] + recipients
        agents = [a for a in agents if a != trigger.noun]
        theirs = party(view, patients, ctx, skip) if patients else NOBODY
        who = party(view, agents, ctx, skip) if agents else NOBODY
        return (who, about or theirs) if noun_is_subject else (who, theirs or about)
    return (
        party(view, agents, ctx, skip) if agents else NOBODY,
        party(view, patients, ctx, skip) if patients else NOBODY,
    )


def _destinations(view: DocView, trigger: Trigger, skip: frozenset[int]) -> list[Place]:
    """Where the event sends someone: "deported to China", "sent back to one of the camps"."""
    words = view.lexicon.language.claims.direction_words
    out = []
    holders = [trigger.token, *trigger.words]
    holders += [c for t in trigger.words for c in view.kids(t, "advmod", "prt")]
    preps = dict.fromkeys(p for t in holders for p in view.kids(t, "prep"))
    for prep in preps:
        if view.lemma(prep) not in words:
            continue
        for target in view.kids(prep, "pobj"):
            if view.pos(target) == "NUM":  # "one of the camps"
                inner = [o for p in view.kids(target, "prep") for o in view.kids(p, "pobj")]
                target = inner[0] if inner else target
            if target in skip:
                continue
            start, end = view.parse.starts[target], view.parse.ends[target]
            named = view.places_in(start, end)
            if named:
                a, b, key = named[0]
                out.append(Place(key, view.text[a:b], "to"))
            elif view.pos(target) == "PROPN" and not view.mentions_in(start, end):
                out.append(Place("text:" + view.word(target).lower(), view.word(target), "to"))
            elif view.pos(target) == "NOUN":
                out.append(Place("noun:" + view.lemma(target), view.word(target), "to"))
    return out


def _recipients(view: DocView, verb: int) -> list[int]:
    """ "handed sentences to X": the dative of a support verb is whom the event concerns."""
    out = []
    for dative in view.kids(verb, "dative"):
        out.extend(view.kids(dative, "pobj") or [dative])
    return [t for t in out if view.pos(t) in ("PROPN", "NOUN", "PRON")]


# --- what attaches to which trigger ---------------------------------------------------------


def _climb(
    view: DocView, start: int, tokens: range, owner: dict[int, int]
) -> tuple[int, list[int]]:
    """From ``start`` up the heads to the first trigger word: (trigger index, path)."""
    node, path = start, list[int]()
    for _ in range(len(tokens)):
        if node in owner and node != start:
            return owner[node], path
        head = view.head(node)
        if head == node or head not in tokens:
            break
        path.append(node)
        node = head
    if node in owner:
        return owner[node], path
    # "The estimate is 12,000-19,000 barrels per day", "the toll stands at 30": what a copula
    # or an unclassed verb states of its subject, it states of the event its subject names.
    for subject in view.kids(node, "nsubj"):
        if subject in owner:
            return owner[subject], path
    return -1, path


def _attached_dates(
    view: DocView, tokens: range, owner: dict[int, int], triggers: Sequence[Trigger]
) -> dict[int, dict[str, DateValue]]:
    cues = view.lexicon.language.claims
    events = view.lexicon.language.events
    out: dict[int, dict[str, DateValue]] = {}
    for first, last, value in view.dates_in(tokens.start, tokens.stop):
        root = _span_root(view, first, last)
        k, path = _climb(view, root, tokens, owner)
        if k < 0:
            continue
        preps = [view.lemma(t) for t in path if view.dep(t) == "prep"]
        # "Opening statements, due to commence on 24 March, will now begin on 9 May": a
        # date in a modifier of the event's argument that plans it (whatever the tagger
        # makes of "due") is the day it was planned for, not the day the verb gives.
        via_noun = bool(path) and view.head(path[-1]) == triggers[k].noun != triggers[k].token
        through_plan = any(
            (via_noun or view.pos(t) == "VERB") and view.lemma(t) in events.expectation_cues
            for t in path
        )
        slot = "on"
        if preps and preps[0] in cues.bounding_words:
            is_postpone = triggers[k].cls == "postpone"
            if not (is_postpone and preps[0] in cues.target_words):
                continue
            slot = "until"
        elif preps and preps[0] in cues.target_words and triggers[k].cls == "postpone":
            slot = "until"
        elif through_plan:
            slot = "scheduled"
        slots = out.setdefault(k, {})
        held = slots.get(slot)
        # "last week, on March 19": the finer of two dates that agree.
        if held is None or (
            len(value.value) > len(held.value) and value.value.startswith(held.value)
        ):
            slots[slot] = value
    return out


def _share_dates(
    view: DocView,
    triggers: Sequence[Trigger],
    owner: dict[int, int],
    dates: dict[int, dict[str, DateValue]],
) -> None:
    """ "On Tuesday the judge sentenced him ... but refused to hand him over": a verb
    coordinated with a dated one, without a date of its own, happened then too."""
    for k, trigger in enumerate(triggers):
        if k in dates:
            continue
        node = trigger.token
        while view.dep(node) in ("xcomp", "ccomp") and modality_only(view, view.head(node)):
            node = view.head(node)  # "... but refused to hand him over"
        if view.dep(node) != "conj":
            continue
        head = owner.get(view.head(node))
        if head is not None and head != k and "on" in dates.get(head, {}):
            dates[k] = {"on": dates[head]["on"], "shared": dates[head]["on"]}


def _span_root(view: DocView, first: int, last: int) -> int:
    for t in range(first, last):
        if not first <= view.head(t) < last or view.head(t) == t:
            return t
    return last - 1


def _attached_places(
    view: DocView, tokens: range, owner: dict[int, int], triggers: Sequence[Trigger]
) -> dict[int, list[Place]]:
    cues = view.lexicon.language.claims
    start, end = view.parse.starts[tokens.start], view.parse.ends[tokens.stop - 1]
    out: dict[int, list[Place]] = {}
    for a, b, key in view.places_in(start, end):
        span = view.parse.token_range(a, b)
        if not len(span):
            continue
        root = _span_root(view, span.start, span.stop)
        k, path = _climb(view, root, tokens, owner)
        preps = [t for t in path if view.dep(t) == "prep"]
        if k < 0 or not preps or view.lemma(preps[0]) not in cues.place_words:
            continue
        place = Place(key, view.text[a:b])
        out.setdefault(k, []).append(place)
        # "dispersed the rally outside the City Hall": where the rally was, it was dispersed.
        if triggers[k].nominal and view.head(triggers[k].token) in owner:
            out.setdefault(owner[view.head(triggers[k].token)], []).append(place)
    return out


def _content_of(
    view: DocView, triggers: Sequence[Trigger], owner: dict[int, int]
) -> dict[int, int]:
    """Reporting verbs and the event their complement states: an amount the parser hangs on
    "said" is counted by what was said ("said 5,000 barrels a day were leaking")."""
    out: dict[int, int] = {}
    for k, trigger in enumerate(triggers):
        if view.lemma(trigger.token) not in view.lexicon.reporting:
            continue
        for child in view.kids(trigger.token, "ccomp", "parataxis"):
            if child in owner:
                out[k] = owner[child]
                break
    return out


def _measures_a_modifier(view: DocView, amount: Amount) -> bool:
    """ "three miles from the shore", "a slick 130 miles long", "40 miles offshore": an
    amount that measures how far or how large a modifier is (the noun phrase modifying an
    adjective, adverb or preposition) counts nothing the event did."""
    anchor = amount.anchor
    return view.dep(anchor) == "npadvmod" and view.pos(view.head(anchor)) in ("ADJ", "ADV", "ADP")


def _attached_amounts(
    view: DocView,
    tokens: range,
    owner: dict[int, int],
    found: Sequence[Amount],
    content: dict[int, int],
    triggers: Sequence[Trigger],
) -> dict[int, list[Amount]]:
    out: dict[int, list[Amount]] = {}
    for amount in found:
        if _measures_a_modifier(view, amount):
            continue
        if amount.anchor in owner:
            k = owner[amount.anchor]
        else:
            k = _climb(view, amount.anchor, tokens, owner)[0]
        k = content.get(k, k)
        if k >= 0:
            period = _rate_of_verb(view, triggers[k].token)
            out.setdefault(k, []).append(as_rate(amount, period) if period else amount)
    return out


def _rate_of_verb(view: DocView, verb: int) -> str | None:
    """ "oil is leaking each day": a period the verb happens per makes its figures rates."""
    quantities = view.lexicon.language.quantities
    for noun in view.kids(verb, "npadvmod"):
        if view.lemma(noun) in quantities.rate_periods and any(
            view.word(d).lower() in quantities.rate_words for d in view.kids(noun, "det")
        ):
            return view.lemma(noun)
    return None
