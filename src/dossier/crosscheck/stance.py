"""How a clause asserts its event, read up the parse from the event's word to the sentence root.

Each governor on the way may change it: a reporting verb attributes it ("X said that ..."), a
denial negates it in its speaker's mouth, an allegation or a charge ("accused of", "on trial
for") makes it alleged, a decision ("the court ruled that ...") makes it a stated decision
even in the future tense, an expectation cue ("expected to", "scheduled to") or a future
auxiliary puts it in the future, "could"/"may" make it a possibility, an appeal ("urged",
"called on") a request, "if"/"unless" a condition, "refused to"/"failed to" negate it. Past a
relative clause only attribution still applies ("he said the men, who fled in October, ...").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from dossier.crosscheck.reading import CLAUSE_LINKS, COMPLEMENTS, DocView

# not language: the Universal Dependencies feature of a verb in progress
_PROGRESSIVE = "Aspect=Prog"
# not language: enumerated kinds
Stance = Literal["stated", "reported", "decided", "hedged", "asked", "conditional", "alleged"]
ASSERTED: frozenset[Stance] = frozenset({"stated", "reported", "decided"})


@dataclass(slots=True)
class Reading:
    """What the walk found (mutable while walking)."""

    stance: Stance = "stated"
    future: bool = False
    negated: bool = False
    denied: bool = False
    speaker: int | None = None  # token heading the speaker phrase
    main: bool = True
    governors: tuple[int, ...] = ()  # the governing verbs passed (reporting, deciding ...)
    earlier: bool = False  # told as history: "had estimated", "initially said"
    condition: int | None = None  # the verb of "if ..." the event depends on
    hypothetical: bool = False  # "would" on the event itself


def read_stance(view: DocView, trigger: int, first: int, last: int) -> Reading:
    """The stance of the event at token ``trigger`` in the sentence ``first:last``."""
    out = Reading()
    _own_marks(view, trigger, out, attribution_only=False)
    if view.lexicon.language.grammar.counterfactual(
        _auxiliaries(view, trigger), _morph(view, trigger)
    ):
        out.future = False  # "we would have arrived on Saturday": imagined
        _weaken(out, "hedged")
    node, attribution_only, came_by_clause = trigger, False, False
    for _ in range(last - first):
        head = view.head(node)
        if head == node or not first <= head < last:
            break
        dep = view.dep(node)
        if dep not in CLAUSE_LINKS:
            out.main = False
        if dep in COMPLEMENTS:
            # Only who says it when the clause comes first ("X was arrested, Y wanted him
            # back" is not a wish that X be arrested); "X, he said" is still said.
            _governor(view, head, node, out, attribution_only or node < head)
        elif dep == "advcl" and not attribution_only:
            _governor(view, head, node, out, attribution_only=True)  # only who says it
        elif dep in ("dobj", "nsubjpass") and came_by_clause:
            # "rejected reports that ...", "claims that ... were dismissed"
            _governor(view, head, node, out, attribution_only=True)
        elif dep in ("pcomp", "pobj") and not attribution_only:
            _charge(view, head, out)
        elif dep == "prep" and view.lemma(head) in view.lexicon.language.claims.appeal_verbs:
            _weaken(out, "asked")  # "asked for a two-year sentence"
        if not attribution_only and _aimed(view, head, node):
            _weaken(out, "hedged")
        came_by_clause = dep in ("ccomp", "acl") and view.pos(head) == "NOUN"
        if dep in ("relcl", "acl", "appos") or view.pos(head) in ("NOUN", "PROPN"):
            attribution_only = True
        if not attribution_only:
            _own_marks(view, head, out, attribution_only=True)
            if dep == "conj" and not view.kids(node, "aux", "auxpass"):
                _shared_auxiliary(view, head, out)  # "should drop charges and halt ..."
        node = head
    if out.hypothetical and not out.governors and out.stance == "stated":
        # "It would take more than a month", "shrimping would not recover for years": what
        # nobody is said to expect is a hypothetical, not an expectation a report overturns.
        out.stance = "conditional"
    return out


def _aimed(view: DocView, head: int, node: int) -> bool:
    """The clause at ``node`` is an aim, not a statement: an infinitive of purpose of what
    is still going on ("is drilling relief wells to stop the leak"; "fired tear gas to
    disperse the rally" tells the dispersal) or what an effort is for ("in a bid to jam a
    tube into the pipe")."""
    dep = view.dep(node)
    if dep == "acl" and view.lemma(head) not in view.lexicon.language.claims.attempt_words:
        return False
    if dep == "advcl" and _PROGRESSIVE not in view.parse.morphs[head]:
        return False
    return (
        dep in ("advcl", "acl")
        and "VerbForm=Inf" in view.parse.morphs[node]
        and any(view.pos(a) == "PART" for a in view.kids(node, "aux"))
    )


def _own_marks(view: DocView, token: int, out: Reading, *, attribution_only: bool) -> None:
    """Auxiliaries, negation, subordinators and adverbs on one token of the chain."""
    events, cues = view.lexicon.language.events, view.lexicon.language.claims
    for child in view.children[token]:
        if child in view.dated_tokens:
            continue  # "On 6 May ...": a month name is not a modal
        dep, lemma = view.dep(child), view.lemma(child)
        if dep == "mark" and lemma in cues.condition_markers:
            _weaken(out, "conditional")
        elif dep == "advcl" and any(
            view.lemma(m) in cues.condition_markers for m in view.kids(child, "mark")
        ):
            _weaken(out, "conditional")  # "if he is sent back, he will be tried"
            if out.condition is None:
                out.condition = child
        if attribution_only:
            continue
        if dep == "aux" and lemma in view.lexicon.language.grammar.future_auxiliaries:
            out.future = True
            out.hypothetical = lemma in view.lexicon.language.grammar.hypothetical_auxiliaries
        elif dep == "aux" and lemma in cues.possibility_cues:
            _weaken(out, "hedged")
        elif dep == "aux" and lemma in cues.appeal_verbs:
            _weaken(out, "asked")  # "should halt these proceedings"
        elif dep == "neg" or (dep in ("det", "advmod") and lemma in events.negation_words):
            out.negated = not out.negated
        elif (dep == "advmod" and lemma in cues.earlier_cues) or (
            dep == "amod"
            and view.word(child).lower() in cues.earlier_cues  # not "early"
            and _undated_noun(view, token)
        ):
            out.earlier = True  # "initially said", "the previous estimate of 1,000 barrels"
        elif (
            dep == "aux"
            and lemma in view.lexicon.language.grammar.perfect_auxiliaries
            and _past(view, child, token)
        ):
            out.earlier = True  # past perfect: "had estimated"
        elif dep == "advmod" and lemma in cues.hearsay_adverbs and out.stance == "stated":
            out.stance = "alleged" if cues.hearsay_adverbs[lemma] == "alleged" else "reported"
        elif dep == "advmod" and lemma in cues.possibility_cues | events.expectation_cues:
            _weaken(out, "hedged")


# not language: enumerated kinds
_WEAKER: dict[Stance, int] = {
    "stated": 0,
    "reported": 0,
    "decided": 0,
    "alleged": 1,
    "hedged": 2,
    "asked": 3,
    "conditional": 4,
}


def _shared_auxiliary(view: DocView, head: int, out: Reading) -> None:
    """A conjunct without auxiliaries of its own shares its head's: "will be tried and
    sentenced", "should drop the charges and halt the proceedings"."""
    cues = view.lexicon.language.claims
    for aux in view.kids(head, "aux"):
        lemma = view.lemma(aux)
        if lemma in view.lexicon.language.grammar.future_auxiliaries:
            out.future = True
        elif lemma in cues.possibility_cues:
            _weaken(out, "hedged")
        elif lemma in cues.appeal_verbs:
            _weaken(out, "asked")


def _past(view: DocView, aux: int, verb: int) -> bool:
    return "Tense=Past" in view.parse.morphs[aux] and "VerbForm=Part" in view.parse.morphs[verb]


def _weaken(out: Reading, stance: Stance) -> None:
    if _WEAKER[stance] >= _WEAKER[out.stance]:
        out.stance = stance


def _governor(
    view: DocView, head: int, complement: int, out: Reading, attribution_only: bool
) -> None:
    """A verb (or adjective) whose complement (the clause headed by ``complement``) is the
    event: what it does to the stance."""
    events, cues = view.lexicon.language.events, view.lexicon.language.claims
    lemma = view.lemma(head)
    out.governors = (*out.governors, head)
    if lemma in cues.decision_verbs and out.stance in (*ASSERTED, "hedged"):
        out.stance = "decided"  # "ruled that he cannot be extradited": a decision
    elif lemma in events.denial_verbs:
        out.negated, out.denied = not out.negated, True
        _attribute(view, head, out, "reported")
    elif lemma in events.allegation_verbs:
        _attribute(view, head, out, "alleged")
    elif lemma in events.reporting_verbs or lemma in cues.measure_verbs:
        _attribute(view, head, out, "reported")
    if attribution_only:
        return
    if lemma in events.expectation_cues:
        _expectation(view, head, complement, out)
    elif lemma in cues.appeal_verbs:
        _weaken(out, "asked")
    elif lemma in cues.negating_verbs:
        out.negated = not out.negated
    elif lemma in cues.possibility_cues or lemma in cues.attempt_words:
        _weaken(out, "hedged")  # "could stop the leak", "is trying to stop the leak"
    _governor_marks(view, head, out)


def _undated_noun(view: DocView, token: int) -> bool:
    """A noun of an event class without a date of its own (an estimate, an announcement)."""
    cls = view.lexicon.noun_class.get(view.lemma(token))
    return view.pos(token) == "NOUN" and cls is not None and cls not in view.lexicon.dated_classes


def _expectation(view: DocView, cue: int, complement: int, out: Reading) -> None:
    """An expectation cue puts its complement in the future, unless the complement is a
    perfect infinitive ("thousands are expected to have died": an estimate of what happened,
    reported like one) or the cue is compared ("less likely to receive free flights": the
    odds changed, nothing is expected to happen; a possibility)."""
    grammar = view.lexicon.language.grammar
    if grammar.anterior(_auxiliaries(view, complement), _morph(view, complement)):
        _attribute(view, cue, out, "reported")
    elif any(grammar.comparative_morph in view.parse.morphs[k] for k in view.kids(cue, "advmod")):
        _weaken(out, "hedged")
    else:
        out.future = True


def _auxiliaries(view: DocView, verb: int) -> list[tuple[str, str]]:
    """(lemma, morphology) of a verb's own auxiliaries."""
    return [(view.lemma(a), view.parse.morphs[a]) for a in view.kids(verb, "aux", "auxpass")]


def _morph(view: DocView, token: int) -> str:
    return view.parse.morphs[token]


def _governor_marks(view: DocView, head: int, out: Reading) -> None:
    """The governor's own auxiliaries and negation: "would be allowed to", "is not expected
    to", "had earlier said"."""
    events, cues = view.lexicon.language.events, view.lexicon.language.claims
    lemma = view.lemma(head)
    for child in view.children[head]:
        if child in view.dated_tokens:
            continue
        dep, word = view.dep(child), view.lemma(child)
        if dep == "advmod" and word in cues.earlier_cues:
            out.earlier = True
        if (
            dep == "aux"
            and word in view.lexicon.language.grammar.future_auxiliaries
            and lemma not in events.reporting_verbs
        ):
            out.future = True
        elif dep == "aux" and word in cues.possibility_cues:
            _weaken(out, "hedged")
        elif dep == "neg" and (lemma in events.expectation_cues or lemma in cues.appeal_verbs):
            out.negated = not out.negated


def _attribute(view: DocView, verb: int, out: Reading, stance: Stance) -> None:
    if out.speaker is None:
        subjects = view.kids(verb, "nsubj")
        if subjects:
            out.speaker = subjects[0]
    if out.stance == "stated":
        out.stance = stance
    elif stance == "alleged" and out.stance in ("reported", "decided"):
        out.stance = "alleged"


def _charge(view: DocView, prep: int, out: Reading) -> None:
    """ "on trial for crossing", "accused of fraud": the complement is a charge. The parse
    may hang "for" on the copula or the support verb instead ("who are on trial for
    crossing", "stand trial for"): the charge is then the verb's object or the noun of its
    other phrase."""
    cues = view.lexicon.language.claims
    if view.dep(prep) != "prep" or view.lemma(prep) not in cues.charge_words:
        return
    owner = view.head(prep)
    owners = [owner, *view.kids(owner, "dobj", "attr")]
    owners += [o for p in view.kids(owner, "prep") if p != prep for o in view.kids(p, "pobj")]
    if any(_charges(view, t) for t in owners) and out.stance in ("stated", "reported"):
        out.stance = "alleged"


def _charges(view: DocView, token: int) -> bool:
    charge_classes = view.lexicon.language.claims.charge_classes
    lemma = view.lemma(token)
    owner_class = view.lexicon.verb_class.get(lemma) or view.lexicon.noun_class.get(lemma)
    return owner_class in charge_classes or lemma in charge_classes


def according_to(view: DocView, first: int, last: int) -> int | None:
    """The speaker of "according to X" in the sentence, if any."""
    cues = view.lexicon.language.claims
    for phrase in cues.attribution_phrases:
        width = len(phrase)
        for i in range(first, last - width):
            if tuple(view.lemma(k) for k in range(i, i + width)) == phrase:
                objects = view.kids(i + width - 1, "pobj")
                if objects:
                    return objects[0]
    return None
