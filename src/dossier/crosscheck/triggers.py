"""Where a sentence speaks of an event: the trigger words of frames (see
:mod:`dossier.crosscheck.frames`) and the event class and aspect each one gives.

A trigger is a verb of one of the language's event classes, a multi-word verb, an event noun
carried by a support verb or standing on its own, or any other verb (a generic event named by
its lemma). A verb of a class done to people used of things ("released the video") is a
generic verb; a partial stop ("partially stop the leak") states no outcome.
"""

from __future__ import annotations

from dataclasses import dataclass

from dossier.crosscheck.parties import inherited_subject
from dossier.crosscheck.reading import DocView

OCCUR = "occur"  # the aspect of an event that simply happens


@dataclass(slots=True)
class Trigger:
    token: int  # the verb (or noun) whose dependents are the event's arguments
    words: tuple[int, ...]  # every token of the trigger
    cls: str | None  # event class, None for a generic verb
    noun: int | None = None  # the event noun it carries (support verb, aspect argument)
    nominal: bool = False
    blocked: bool = False  # "refused the extradition": the event did not happen


def find_triggers(view: DocView, tokens: range) -> list[Trigger]:
    lexicon = view.lexicon
    used: set[int] = set()
    out: list[Trigger] = []
    for i in tokens:
        if i in used or view.pos(i) != "VERB":
            continue
        phrase = _phrase(view, i, tokens.stop)
        if phrase is not None:
            words, cls = phrase
            used.update(words)
            out.append(Trigger(i, words, cls))
            continue
        if modality_only(view, i):
            continue
        lemma = view.lemma(i)
        noun, blocked = _carried_noun(view, i)
        if noun is not None:
            used.add(noun)
            if blocked and _partial(view, i):
                continue  # "will partially stop the leak": neither stopped nor going on
            carried = lexicon.noun_class[view.lemma(noun)]
            out.append(Trigger(i, (i,), carried, noun=noun, blocked=blocked))
            continue
        own: str | None = lexicon.verb_class.get(lemma)
        if own in lexicon.about_people and _done_to_things(view, i):
            # Another sense of the verb: "continues to capture oil" collects it; "BP
            # released the video" and "a burn was tried" are no event of a class.
            own = lexicon.thing_class.get(lemma)
        out.append(Trigger(i, (i,), own or _theme_class(view, i)))
    taken = used | {t.token for t in out}
    for trigger in out:
        if trigger.cls in lexicon.aspects and trigger.noun is None:
            trigger.noun = _aspect_argument(view, trigger.token)
            if trigger.noun is not None:
                taken.add(trigger.noun)
    for i in tokens:
        if i in taken or i in view.dated_tokens:  # "on March 19" names no march
            continue
        if view.pos(i) == "NOUN" and view.lemma(i) in lexicon.noun_class:
            out.append(Trigger(i, (i,), _noun_class(view, i), nominal=True))
        elif view.pos(i) == "NOUN" and court_sitting(view, i):
            out.append(Trigger(i, (i,), lexicon.language.events.proceeding_class, nominal=True))
    return out


def court_sitting(view: DocView, noun: int) -> bool:
    """ "The court session", "the final session of the trial": a sitting a modifier or an
    "of" phrase makes a court's (a bare "session" may be a parliament's or a company's)."""
    events = view.lexicon.language.events
    if view.lemma(noun) not in events.sitting_nouns:
        return False
    words = view.kids(noun, "compound", "amod", "poss")
    for prep in view.kids(noun, "prep"):
        words.extend(view.kids(prep, "pobj"))
    court = events.court_words | events.proceeding_nouns
    return any(view.lemma(w).lower() in court for w in words)


def _noun_class(view: DocView, noun: int) -> str:
    """The class of an event noun; for a noun of an undated class (an estimate, an
    announcement), the event it is of when it names one: "the oil spill estimate", "the
    estimate of the flow", "the announcement of the verdict"."""
    lexicon = view.lexicon
    own = lexicon.noun_class[view.lemma(noun)]
    if own in lexicon.dated_classes:
        return own
    words = view.kids(noun, "compound")
    for prep in view.kids(noun, "prep"):
        words.extend(view.kids(prep, "pobj"))
    for word in words:
        theirs = lexicon.noun_class.get(view.lemma(word))
        if theirs is not None and theirs in lexicon.dated_classes:
            return theirs
    return own


def done_to_a_part(view: DocView, verb: int) -> bool:
    parts = view.lexicon.language.quantities.part_nouns
    return any(view.lemma(k) in parts for k in view.kids(verb, "dobj", "nsubjpass"))


def _partial(view: DocView, verb: int) -> bool:
    partial = view.lexicon.language.claims.partial_adverbs
    return any(view.lemma(k) in partial for k in view.kids(verb, "advmod"))


def modality_only(view: DocView, verb: int) -> bool:
    """Verbs that only say how another event is asserted: "expected to", "refused to",
    "remained" (with a complement), and "scheduled for January 6" (without one: it dates the
    noun it modifies). An appeal ("urged", "called on") is an event of its own as well."""
    events, cues = view.lexicon.language.events, view.lexicon.language.claims
    lemma = view.lemma(verb)
    complement = bool(view.kids(verb, "xcomp", "ccomp"))
    if lemma in events.expectation_cues or (
        lemma in cues.attempt_words and bool(view.kids(verb, "xcomp"))
    ):
        return True
    modal = cues.negating_verbs | cues.continuation_cues
    return complement and lemma in modal and lemma not in events.reporting_verbs


def _done_to_things(view: DocView, verb: int) -> bool:
    """A verb of a class done to people whose every undergoer is a thing: a common noun
    that names no person, no group and no story entity ("released the first video",
    "the video released by BP", "seized weapons")."""
    patients = view.kids(verb, "dobj", "nsubjpass")
    if not patients and view.dep(verb) == "acl":
        patients = [view.head(verb)]  # "the video released by BP"
    # "capture oil leaking from the well", parsed with the gerund as the object: what
    # it says of (its subject, or the noun compounded to it) is the undergoer.
    patients = [p for t in patients for p in _undergoers(view, t)]
    if not patients:
        return False
    cues = view.lexicon.language.claims
    proceedings = view.lexicon.language.events.proceeding_nouns
    for token in patients:
        lemma = view.lemma(token)
        if view.pos(token) != "NOUN" or view.mentions_in(*_span(view, token)):
            return False
        if lemma in view.lexicon.person_nouns or lemma in cues.group_nouns:
            return False
        if lemma in proceedings:  # "the case was tried": a proceeding, not a thing
            return False
    return True


def _undergoers(view: DocView, token: int) -> list[int]:
    if view.pos(token) != "VERB":
        return [token]
    return view.kids(token, "nsubj", "compound") or [token]


def _span(view: DocView, token: int) -> tuple[int, int]:
    return view.parse.starts[token], view.parse.ends[token]


def _theme_class(view: DocView, verb: int) -> str | None:
    """ "estimated the flow at", "the death toll rose to 30": a verb that measures or counts
    is about the event its theme names (its noun, a compound of it, or "of" + noun)."""
    lexicon = view.lexicon
    quantities = lexicon.language.quantities
    measures = view.lemma(verb) in lexicon.language.claims.measure_verbs
    # "An explosion tore through the colliery", "a blast ripped through": an event noun as
    # the subject of a verb with no class of its own is that event happening.
    for subject in view.kids(verb, "nsubj"):
        lemma = view.lemma(subject)
        if (
            view.pos(subject) == "NOUN"
            and lemma in lexicon.noun_class
            and not view.kids(verb, "dobj")
        ):
            return lexicon.noun_class[lemma]
    for theme in view.kids(verb, "nsubj", "nsubjpass", "dobj"):
        lemma = view.lemma(theme)
        if lemma not in quantities.count_nouns and not measures:
            continue
        words = [theme, *view.kids(theme, "compound", "amod")]
        for prep in view.kids(theme, "prep"):
            words.extend(view.kids(prep, "pobj"))
        for word in words:
            if view.lemma(word) in lexicon.noun_class:
                return lexicon.noun_class[view.lemma(word)]
    return None


def _phrase(view: DocView, i: int, stop: int) -> tuple[tuple[int, ...], str] | None:
    """A multi-word verb starting at ``i``; later words may be a few tokens apart, but
    each hangs on another word of the phrase in the parse ("took them into custody"; not
    "they do not come close to the reality", whose "to" is the adverb's)."""
    for words, cls in view.lexicon.phrases.get(view.lemma(i), ()):
        found = [i]
        k = i + 1
        for word in words[1:]:
            limit = min(stop, k + 3)
            while k < limit and view.lemma(k) != word:
                k += 1
            if k >= limit:
                break
            found.append(k)
            k += 1
        else:
            if _connected(view, found):
                return tuple(found), cls
    return None


def _connected(view: DocView, words: list[int]) -> bool:
    """Every word after the first is the head or a dependent of another word of them."""
    within = set(words)
    return all(
        view.head(w) in within - {w} or any(view.head(x) == w for x in within - {w})
        for w in words[1:]
    )


def _carried_noun(view: DocView, verb: int) -> tuple[int | None, bool]:
    """The event noun a support verb carries ("handed one-year sentences", "held a
    protest", "gave him one year in prison") or a blocking verb stops ("refused the
    extradition request"), and whether it was stopped."""
    cues = view.lexicon.language.claims
    lemma = view.lemma(verb)
    blocked = lemma in cues.blocking_verbs
    if lemma not in cues.support_verbs and not blocked:
        return None, False
    deps = ["dobj"]
    if not view.kids(verb, "oprd", "acomp", "ccomp", "xcomp"):
        deps.append("nsubjpass")  # "sentences were handed to ..."; not "was made public"
    nouns: list[int] = []
    for child in view.kids(verb, *deps):
        nouns.append(child)
        if blocked:  # the event a request is for: "the extradition request"
            nouns.extend(view.kids(child, "compound"))
    if not blocked:  # what the object is spent in: "gave Qojabekuly one year in prison"
        nouns.extend(o for prep in view.kids(verb, "prep") for o in view.kids(prep, "pobj"))
    for noun in nouns:
        if view.lemma(noun) in view.lexicon.noun_class and noun not in view.dated_tokens:
            return noun, blocked
    return None, False


def _aspect_argument(view: DocView, verb: int) -> int | None:
    """The event a phase verb applies to: "postponed the hearing", "the trial began"."""
    for deps in (("dobj",), ("nsubjpass",), ("nsubj",)):
        for child in view.kids(verb, *deps):
            if view.pos(child) == "NOUN":
                return child
    if view.dep(verb) in ("relcl", "acl") and view.pos(view.head(verb)) == "NOUN":
        return view.head(verb)  # "their trial, which began on May 6"
    inherited = inherited_subject(view, verb)  # "the trial is set to begin"
    if inherited is not None and view.pos(inherited) == "NOUN":
        return inherited
    if view.dep(verb) in ("ccomp", "parataxis"):
        # "the union said a second march ... will go ahead", parsed with the march as the
        # object of "said": an event noun there is what the clause is about.
        for noun in view.kids(view.head(verb), "dobj", "npadvmod"):
            if view.lemma(noun) in view.lexicon.noun_class:
                return noun
    return None


def kind_of(view: DocView, trigger: Trigger) -> tuple[str, str]:
    """(kind, aspect) of a trigger."""
    lexicon = view.lexicon
    events = lexicon.language.events
    if trigger.cls in lexicon.aspects:
        if trigger.noun is None:
            return "", trigger.cls or OCCUR
        lemma = view.lemma(trigger.noun)
        if (
            lemma in events.proceeding_nouns
            or _opens_proceeding(view, trigger.noun)
            or court_sitting(view, trigger.noun)
        ):
            return events.proceeding_class, trigger.cls or OCCUR
        return lexicon.noun_class.get(lemma, "noun:" + lemma), trigger.cls or OCCUR
    if trigger.cls is None:
        return "lemma:" + view.lemma(trigger.token), OCCUR
    continued = events.continuations.get(trigger.cls)
    if continued and _continues(view, trigger.token):
        return continued, OCCUR
    return trigger.cls, OCCUR


def _opens_proceeding(view: DocView, noun: int) -> bool:
    """ "Opening statements will begin on 9 May": what opens a proceeding stands for it."""
    openings = view.lexicon.language.events.proceeding_openings
    lemma = view.lemma(noun)
    return any((view.lemma(m), lemma) in openings for m in view.kids(noun, "compound", "amod"))


def _continues(view: DocView, token: int) -> bool:
    cues = view.lexicon.language.claims.continuation_cues
    if any(view.lemma(c) in cues for c in view.kids(token, "advmod")):
        return True
    return view.dep(token) in ("xcomp", "acomp") and view.lemma(view.head(token)) in cues
