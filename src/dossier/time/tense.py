"""The tense of the event a date expression dates, read from the parse.

From the expression the dependency tree is climbed to the verb it modifies ("the trial will
open on 6 January" -> "open", future; "announced its decision on January 21" ->
"announced", past; "scheduled for January 6" -> future; "adjourned until January 21": the
date bounds rather than dates, no tense). Future cues are the language's
(``calendar.tense.future``, matched on the verb group); past is the parse's past morphology
on the verb or an auxiliary, or a perfect ("has been sentenced"). The labels (verb and
adposition tags, auxiliary and complement dependencies, the past morphology) are the
language's :class:`~dossier.lang.Grammar`.
Without a parse, :func:`dossier.time.normalize.tense_at` reads the words around the
expression.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from dossier.model import Parse
from dossier.time.normalize import Tense, tense_at

if TYPE_CHECKING:
    from dossier.lang import Grammar as Labels
    from dossier.time.grammar import Grammar

TenseOf = Callable[[int, int], "Tense | None"]
# Universal Dependencies morphology: a finite verb carries its own tense.
_FINITE = "VerbForm=Fin"
_MAX_CLIMB = 12  # a date deep in a noun phrase: "a rally of dockworkers in X Square on 1 June"


def tense_reader(text: str, parse: Parse | None, g: Grammar) -> TenseOf:
    """A function giving the tense at a character span of ``text``: from the parse when
    there is one, else from the words around it."""
    if parse is None or not len(parse):
        return lambda start, end: tense_at(text, start, end, g)
    labels = g.language.grammar
    children: dict[int, list[int]] = {}
    for i, head in enumerate(parse.heads):
        if head != i:
            children.setdefault(head, []).append(i)

    def read(start: int, end: int) -> Tense | None:
        tokens = parse.token_range(start, end)
        if not len(tokens):
            return tense_at(text, start, end, g)
        verb, preposition = _governing_verb(parse, tokens, labels)
        if preposition is not None and preposition in g.calendar.tense.neutral:
            return None  # "until January 21", "by March": a bound, not the event's date
        if verb is None:
            return tense_at(text, start, end, g)
        return _verb_tense(text, parse, verb, children, g)

    return read


def _governing_verb(parse: Parse, tokens: range, labels: Labels) -> tuple[int | None, str | None]:
    head = next((i for i in tokens if not tokens.start <= parse.heads[i] < tokens.stop), None)
    if head is None:  # the span holds its own root
        head = next((i for i in tokens if parse.heads[i] == i), None)
    if head is None:
        return None, None
    preposition: str | None = None
    node = head
    for _ in range(_MAX_CLIMB):
        if parse.pos[node] in labels.verb_pos:
            return node, preposition
        nxt = parse.heads[node]
        if nxt == node:
            return None, preposition
        if parse.pos[nxt] in labels.adposition_pos and preposition is None:
            preposition = parse.lemmas[nxt].lower()
        node = nxt
    return None, preposition


def _verb_tense(
    text: str, parse: Parse, verb: int, children: dict[int, list[int]], g: Grammar
) -> Tense | None:
    labels = g.language.grammar
    group = [verb]
    head = parse.heads[verb]
    own = [verb, *(c for c in children.get(verb, ()) if parse.deps[c] in labels.aux_deps)]
    if labels.anterior(
        ((parse.lemmas[t].lower(), parse.morphs[t]) for t in own[1:]), parse.morphs[verb]
    ):
        return "past"  # "are expected to have died in Tuesday's earthquake": before the estimate
    finite = any(_FINITE in parse.morphs[t] for t in own)
    if head != verb and (parse.deps[verb] in labels.complement_deps or not finite):
        # "is expected to testify", "said it would"; a verb without tense of its own takes
        # that of the verb it depends on ("fired tear gas to disperse a rally on 1 June").
        group.append(head)
    tokens: list[int] = []
    for v in group:
        tokens.append(v)
        tokens.extend(c for c in children.get(v, ()) if parse.deps[c] in labels.aux_deps)
    first = min(parse.starts[t] for t in tokens)
    last = max(parse.ends[t] for t in tokens)
    segment = text[first:last]  # "will open", "is set to open", "is expected to testify"
    future = g.calendar.tense.future
    if g.future.search(segment) or any(parse.lemmas[t].lower() in future for t in tokens):
        return "future"
    if _scheduled(parse, group, children, g):
        return "future"
    if any(labels.past_morph in parse.morphs[t] for t in tokens):
        return "past"
    return None


def _scheduled(parse: Parse, group: list[int], children: dict[int, list[int]], g: Grammar) -> bool:
    """A passive expectation verb ("has been set for 5 April", "was scheduled for May",
    "is planned for the spring"): the date is when something is to happen, whatever the
    tense of the verb."""
    cues = g.language.events.expectation_cues
    passive = g.language.grammar.passive_aux_deps
    return any(
        parse.lemmas[v].lower() in cues
        and any(parse.deps[c] in passive for c in children.get(v, ()))
        for v in group
    )
