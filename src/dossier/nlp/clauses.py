"""Clauses read from the dependency parse: who did what to whom, with tense, negation,
modality and the verb that reports or governs the clause.

This is the one place where clause structure is read; stages (events, claims, dating,
roles) build on :func:`clauses` instead of matching words with regular expressions. What
the labels mean comes from the language object (:class:`dossier.lang.Grammar`, plus its
reporting verbs and expectation cues), so another language brings its own labels.

A :class:`Clause` is plain data (token indexes into the document's :class:`~dossier.model.Parse`
and character spans into its clean text), so it can be kept, compared and cited without the
spaCy objects it was read from.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from dossier.lang import Language

if TYPE_CHECKING:
    from spacy.tokens import Span, Token

Tense = Literal["past", "present", "future"]
Span2 = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Clause:
    """One verb and its arguments.

    ``subject`` and ``objects`` are head tokens (a subject inherited from the governing verb
    for "X is expected to be sentenced" or "X fled and crossed" is marked ``inherited``).
    ``preps`` are (preposition lemma, head token of its object). ``governor`` is the verb
    this clause depends on, if any: the reporting verb of reported speech, the "expected"
    of an expectation.
    """

    verb: int  # token index of the clause's verb
    lemma: str
    span: Span2  # characters of the verb's subtree
    subject: int | None
    subject_inherited: bool
    objects: tuple[int, ...]
    agent: int | None  # "by police": the doer of a passive verb
    preps: tuple[tuple[str, int], ...]
    negated: bool
    modal: str | None  # lemma of a modal auxiliary ("may", "will")
    tense: Tense
    passive: bool
    governor: int | None  # token index of the verb this clause depends on
    reported: bool  # governed by a reporting verb ("said that ...")
    expected: bool  # stated as expected, planned or future, not as having happened

    @property
    def doer(self) -> int | None:
        """Who did it: the agent of a passive verb, else the subject."""
        return self.agent if self.passive else self.subject

    @property
    def undergoer(self) -> int | None:
        """Who or what it was done to: the subject of a passive verb, else the first object."""
        if self.passive:
            return self.subject
        return self.objects[0] if self.objects else None


def clauses(sentence: Span, language: Language) -> list[Clause]:
    """The clauses of one sentence, in order of their verbs."""
    heads = [t for t in sentence if _heads_clause(t, language)]
    return [_clause(t, language) for t in heads]


def subtree_span(token: Token) -> Span2:
    """Characters covered by ``token`` and everything that depends on it."""
    left, right = token.left_edge, token.right_edge
    return left.idx, right.idx + len(right.text)


def _heads_clause(token: Token, language: Language) -> bool:
    grammar = language.grammar
    if token.pos_ not in grammar.verb_pos or token.dep_ in grammar.aux_deps:
        return False
    if token.dep_ in grammar.clause_deps:
        # A conjunct heads a clause only when it is a verb joined to a verb.
        return token.dep_ not in grammar.conjunct_deps or token.head.pos_ in grammar.verb_pos
    return False


def _children(token: Token, deps: frozenset[str]) -> Iterator[Token]:
    return (c for c in token.children if c.dep_ in deps)


def _clause(token: Token, language: Language) -> Clause:
    grammar = language.grammar
    subject = next(_children(token, grammar.subject_deps), None)
    inherited = False
    if subject is None:
        subject, inherited = _inherited_subject(token, language), True
    agent_prep = next(_children(token, grammar.agent_deps), None)
    agent = next(_children(agent_prep, grammar.prep_object_deps), None) if agent_prep else None
    preps = tuple(
        (p.lemma_.lower(), o.i)
        for p in _children(token, grammar.prep_deps)
        for o in _children(p, grammar.prep_object_deps)
    )
    auxiliaries = list(_children(token, grammar.aux_deps))
    modal = next((a.lemma_.lower() for a in auxiliaries if a.tag_ in grammar.modal_tags), None)
    governor = token.head if token.head.i != token.i else None
    governed_by = governor.lemma_.lower() if governor is not None else ""
    complement = token.dep_ in grammar.complement_deps
    # "are expected to have died": an estimate of the past, not an expectation.
    anterior = grammar.anterior(
        ((a.lemma_.lower(), str(a.morph)) for a in auxiliaries), str(token.morph)
    )
    expected = (modal in grammar.future_auxiliaries) or (
        complement and governed_by in language.events.expectation_cues and not anterior
    )
    return Clause(
        verb=token.i,
        lemma=token.lemma_.lower(),
        span=subtree_span(token),
        subject=subject.i if subject is not None else None,
        subject_inherited=inherited and subject is not None,
        objects=tuple(o.i for o in _children(token, grammar.object_deps)),
        agent=agent.i if agent is not None else None,
        preps=preps,
        negated=_negated(token, language),
        modal=modal,
        tense=_tense(token, auxiliaries, expected, language),
        passive=any(True for _ in _children(token, grammar.passive_subject_deps))
        or any(a.dep_ in grammar.passive_aux_deps for a in auxiliaries),
        governor=governor.i if governor is not None else None,
        reported=complement and governed_by in language.events.reporting_verbs,
        expected=expected,
    )


def _inherited_subject(token: Token, language: Language) -> Token | None:
    """The subject a verb shares with the verb it completes or is joined to."""
    grammar = language.grammar
    current = token
    while current.dep_ in grammar.subject_sharing_deps and current.head.i != current.i:
        current = current.head
        found = next(_children(current, grammar.subject_deps), None)
        if found is not None:
            return found
    return None


def _negated(token: Token, language: Language) -> bool:
    negation = language.events.negation_words
    for child in token.children:
        if child.dep_ in language.grammar.negation_deps or child.lower_ in negation:
            return True
    return False


def _tense(token: Token, auxiliaries: list[Token], expected: bool, language: Language) -> Tense:
    grammar = language.grammar
    if expected:
        return "future"
    lemmas = {a.lemma_.lower() for a in auxiliaries}
    if lemmas & grammar.future_auxiliaries:
        return "future"
    finite = [a for a in auxiliaries if "VerbForm=Fin" in str(a.morph)] or [token]
    if any(grammar.past_morph in str(t.morph) for t in finite):
        return "past"
    if lemmas & grammar.perfect_auxiliaries:
        return "past"  # "has been postponed": a present perfect reports what happened
    return "present"
