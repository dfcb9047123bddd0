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
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.vocab import Vocab

from dossier.lang import Language
from dossier.model import Document
from dossier.nlp.clauses import Clause, clauses
from dossier.nlp.spacy_doc import to_spacy


def state_flags(
    doc: Document, spans: Sequence[tuple[int, int]], language: Language, vocab: Vocab
) -> list[bool]:
    """For each character span of ``doc`` (whole sentences), whether it states a state."""
    if doc.parse is None or not spans:
        return [False] * len(spans)
    spacy_doc = to_spacy(doc.parse, doc.clean_text, vocab)
    reporting = language.events.reporting_verbs
    out = []
    for start, end in spans:
        view = spacy_doc.char_span(start, end, alignment_mode="expand")
        found = clauses(view, language) if view is not None else []
        out.append(_is_state(found, reporting))
    return out


def _is_state(found: Sequence[Clause], reporting: frozenset[str]) -> bool:
    verbs = {c.verb: c for c in found}
    reports = {c.governor for c in found if c.governor is not None}
    # A reporting verb that reports a clause ("police say [he fled]") is attribution; one
    # without ("he denies wrongdoing") is itself the assertion.
    attribution = {c.verb for c in found if c.lemma in reporting and c.verb in reports}
    asserted = [
        c
        for c in found
        if c.verb not in attribution
        and (c.governor is None or c.governor not in verbs or c.governor in attribution)
    ]
    return any(c.tense in ("present", "future") or c.expected for c in asserted)
