"""Which sentences state a state of affairs as of their report ("Murray is on trial",
"he faces up to four years", "the verdict is expected next week") rather than something
that happened ("Murray was sentenced"). A state is true as of its report's date; a later
report may have overtaken it, so the summary, which states the story's latest state, takes
states only from the latest reports and dates every sentence.

Read from the clauses of the parse (:func:`dossier.nlp.clauses.clauses`): the sentence's
own assertions (clauses not governed by another verb, or governed only by a reporting
verb, "police say ..."), a reporting verb that reports a clause left aside (one that does
not, "he denies wrongdoing", is the assertion). A present or future
tense, or an expectation, is a state.

The same reading says which of the sentence's time expressions date what it reports: those
its own assertions (or their attribution) govern, not those of a clause embedded in them
("X, who crossed in October, has been sentenced": the sentencing is not dated October).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from spacy.tokens import Span, Token
from spacy.vocab import Vocab

from dossier.lang import Language
from dossier.model import Document
from dossier.nlp.clauses import Clause, clauses
from dossier.nlp.spacy_doc import to_spacy


@dataclass(frozen=True, slots=True)
class Reading:
    """What the parse says of one sentence: whether it states a state, and which of the
    document's time expressions (indexes into ``doc.time_expressions``) lie in it and which
    of those date its own assertions."""

    state: bool = False
    times: tuple[int, ...] = ()
    own_times: tuple[int, ...] = ()


def state_flags(
    doc: Document, spans: Sequence[tuple[int, int]], language: Language, vocab: Vocab
) -> list[bool]:
    """For each character span of ``doc`` (whole sentences), whether it states a state."""
    return [r.state for r in read_sentences(doc, spans, language, vocab)]


def read_sentences(
    doc: Document, spans: Sequence[tuple[int, int]], language: Language, vocab: Vocab
) -> list[Reading]:
    """The :class:`Reading` of each character span of ``doc`` (whole sentences)."""
    if doc.parse is None or not spans:
        return [Reading() for _ in spans]
    spacy_doc = to_spacy(doc.parse, doc.clean_text, vocab)
    reporting = language.events.reporting_verbs
    grammar = language.grammar
    # Clauses that modify rather than state: relative, adverbial, prepositional, subject.
    background = grammar.clause_deps - grammar.complement_deps - grammar.conjunct_deps
    verb_pos = grammar.verb_pos
    timex = doc.time_expressions
    out = []
    for start, end in spans:
        view = spacy_doc.char_span(start, end, alignment_mode="expand")
        if view is None:
            out.append(Reading())
            continue
        found = clauses(view, language)
        asserted, _ = _assertions(found, reporting)
        times = tuple(k for k, t in enumerate(timex) if start <= t.start and t.end <= end)
        owned = tuple(k for k in times if not _embedded(view, timex[k].start, background, verb_pos))
        state = any(
            c.tense in ("present", "future") or c.expected for c in found if c.verb in asserted
        )
        out.append(Reading(state, times, owned))
    return out


def _assertions(found: Sequence[Clause], reporting: frozenset[str]) -> tuple[set[int], set[int]]:
    """The verbs of the sentence's own assertions, and of their attribution."""
    verbs = {c.verb for c in found}
    reports = {c.governor for c in found if c.governor is not None}
    # A reporting verb that reports a clause ("police say [he fled]") is attribution; one
    # without ("he denies wrongdoing") is itself the assertion.
    attribution = {c.verb for c in found if c.lemma in reporting and c.verb in reports}
    asserted = {
        c.verb
        for c in found
        if c.verb not in attribution
        and (c.governor is None or c.governor not in verbs or c.governor in attribution)
    }
    return asserted, attribution


def _embedded(
    view: Span, offset: int, background: frozenset[str], verb_pos: frozenset[str]
) -> bool:
    """The token at character ``offset`` lies in a clause that modifies the sentence's
    statement ("who crossed in October", "after he fled on Monday"), not in the statement
    or what it reports ("said that he fled on Monday")."""
    token: Token | None = next((t for t in view if t.idx <= offset < t.idx + len(t) + 1), None)
    for _ in range(len(view)):  # a head chain is at most the sentence long
        if token is None:
            return False
        head = token.head
        if head.i == token.i or not view.start <= head.i < view.end:
            return False  # the sentence's root: its statement
        if token.dep_ in background and token.pos_ in verb_pos:
            return True
        token = head
    return False
