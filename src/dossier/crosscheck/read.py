"""A whole document read as frames, sentence by sentence, in order.

Reading in order lets pronouns and group nouns ("they", "the pair") point back to the people
named before them in the paragraph, and lets the sentences of a quotation that runs over
several sentences take the speaker its attribution names ("... We will act firmly," he
said).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Protocol

from dossier.crosscheck.frames import Frame, sentence_frames
from dossier.crosscheck.parties import Context, Party, party
from dossier.crosscheck.reading import DocView, Lexicon, Mention
from dossier.model import DateValue, Document, Entity

if TYPE_CHECKING:
    from dossier.resources import Resources

# The version of what reading computes (frames, their senses, dates and amounts) and of the
# story stages' rules over them: raise it when they give other results, so that a case
# file's stored readings and stories are not used again (dossier.casefile.engine).
READING_VERSION = 2
# Quotations, by their typographic marks (curly or straight double quotes).
_QUOTE = re.compile(r"“[^”\n]*”|\"[^\"\n]*\"")


@dataclass(frozen=True, slots=True)
class SentenceReading:
    index: int  # sentence index in the parse
    start: int
    end: int
    frames: tuple[Frame, ...]


def main_persons(entities: Sequence[Entity], doc_ids: Sequence[str]) -> frozenset[str]:
    """The story's protagonists: the persons named in the most documents (with a single
    document, those it names most often). Plural references without a name fall back to
    them."""
    wanted = set(doc_ids)
    doc_counts: dict[str, int] = {}
    mention_counts: dict[str, int] = {}
    for e in entities:
        if e.type != "PERSON":
            continue
        doc_counts[e.id] = len({m.doc for m in e.mentions if m.doc in wanted})
        mention_counts[e.id] = sum(1 for m in e.mentions if m.doc in wanted)
    if not doc_counts:
        return frozenset()
    counts = mention_counts if len(wanted) == 1 else doc_counts
    top = max(counts.values())
    if top < 2:
        return frozenset()
    floor = max(2, top // 2) if len(wanted) == 1 else top
    return frozenset(e for e, n in counts.items() if n >= floor)


class Readings(Protocol):
    """Where documents already read are kept (``Resources.reading_cache``): a document is
    read once per run however many story stages read it, and, in a case file, once for as
    long as its text, parse, dates and story mentions stay as they are."""

    def read(
        self,
        view: DocView,
        main: frozenset[str],
        compute: Callable[[DocView, frozenset[str]], list[SentenceReading]],
    ) -> list[SentenceReading]: ...

    def view(
        self, doc: Document, lexicon: Lexicon, mentions: Sequence[Mention]
    ) -> DocView | None: ...


ViewMaker = Callable[[Document, Lexicon, Sequence[Mention]], "DocView | None"]


class RunReadings:
    """:class:`Readings` of one run without a store (``Resources.run_scope``), in memory: a
    document's view and reading are given again for the very same document object, language,
    story mentions and protagonists, so the four story stages build and read it once."""

    def __init__(self) -> None:
        self._read: dict[str, tuple[DocView, frozenset[str], list[SentenceReading]]] = {}
        self._views: dict[str, DocView] = {}

    def read(
        self,
        view: DocView,
        main: frozenset[str],
        compute: Callable[[DocView, frozenset[str]], list[SentenceReading]],
    ) -> list[SentenceReading]:
        kept = self._read.get(view.doc.id)
        if kept is not None and _same_view(kept[0], view) and kept[1] == main:
            return kept[2]
        found = compute(view, main)
        self._read[view.doc.id] = (view, main, found)
        return found

    def view(self, doc: Document, lexicon: Lexicon, mentions: Sequence[Mention]) -> DocView | None:
        ordered = tuple(sorted(mentions, key=lambda m: (m.start, m.end)))
        kept = self._views.get(doc.id)
        if (
            kept is not None
            and kept.doc is doc
            and kept.lexicon.language is lexicon.language
            and kept.mentions == ordered
        ):
            return kept
        view = DocView.of(doc, lexicon, ordered)
        if view is not None:
            self._views[doc.id] = view
        return view


def _same_view(a: DocView, b: DocView) -> bool:
    return a is b or (
        a.doc is b.doc and a.lexicon.language is b.lexicon.language and a.mentions == b.mentions
    )


def view_maker(resources: Resources | None) -> ViewMaker:
    """How to build a document's view: through ``resources.reading_cache`` when there is
    one, else :meth:`DocView.of`."""
    readings = resources.reading_cache if resources is not None else None
    return readings.view if readings is not None else DocView.of


def read_with(
    view: DocView, main: frozenset[str], resources: Resources | None
) -> list[SentenceReading]:
    """:func:`read_document`, through ``resources.reading_cache`` when there is one (the list
    returned may be shared: never change it)."""
    readings = resources.reading_cache if resources is not None else None
    if readings is None:
        return read_document(view, main)
    return readings.read(view, main, read_document)


def read_document(view: DocView, main: frozenset[str]) -> list[SentenceReading]:
    """Every sentence of the document with its frames, in text order."""
    parse = view.parse
    ctx = Context(main=main)
    quoted = _quote_speakers(view, ctx)
    out: list[SentenceReading] = []
    previous_end = 0
    antecedent: DateValue | None = None  # the last date an earlier sentence gave
    for index, (start, end) in enumerate(parse.sentences):
        if "\n" in view.text[previous_end:start]:
            ctx.new_paragraph()
        previous_end = end
        ctx.sentence_start = start
        frames = sentence_frames(view, index, ctx, quoted.get(index))
        tokens = view.sentence_tokens(index)
        if frames and anaphoric_time(view, tokens):
            frames = _dated_by(frames, antecedent)
        own = view.dates_in(tokens.start, tokens.stop)
        if own:
            antecedent = own[-1][2]
        out.append(SentenceReading(index, start, end, frames))
        ctx.saw([m.entity_id for m in view.mentions_in(start, end) if m.type == "PERSON"])
    return out


def anaphoric_time(view: DocView, tokens: range) -> bool:
    """The sentence is dated by pointing back ("On that occasion, 11 men died", "at the
    time", "it was then the worst spill"): a time noun whose only dependent is one of the
    language's determiners, as the object of a preposition, or a time adverb."""
    cues = view.lexicon.language.claims
    for t in tokens:
        lemma = view.lemma(t).lower()
        if view.dep(t) == "advmod" and lemma in cues.anaphoric_time_adverbs:
            return True
        if lemma not in cues.anaphoric_time_nouns or view.dep(t) != "pobj":
            continue
        kids = view.kids(t)
        if len(kids) == 1 and view.lemma(kids[0]).lower() in cues.anaphoric_determiners:
            return True
    return False


def _dated_by(frames: tuple[Frame, ...], antecedent: DateValue | None) -> tuple[Frame, ...]:
    """The undated frames of an anaphorically dated sentence take its antecedent's date;
    without one they are history, not what the report holds now."""
    if antecedent is None:
        return tuple(f if f.date is not None else replace(f, earlier=True) for f in frames)
    return tuple(f if f.date is not None else replace(f, date=antecedent) for f in frames)


def _quote_speakers(view: DocView, ctx: Context) -> dict[int, Party]:
    """Sentences inside a quotation of several sentences, and who the quotation is by."""
    out: dict[int, Party] = {}
    for m in _QUOTE.finditer(view.text):
        inside = view.sentences_in(m.start() + 1, m.end() - 1)
        if len(inside) < 2:
            continue
        for candidate in (inside[-1], inside[-1] + 1, inside[0], inside[0] - 1):
            speaker = _attributing(view, candidate, m.start(), m.end(), ctx)
            if speaker is not None:
                for index in inside:
                    out.setdefault(index, speaker)
                break
    return out


def _attributing(view: DocView, index: int, q_start: int, q_end: int, ctx: Context) -> Party | None:
    """The subject of a reporting verb of sentence ``index`` written outside the quotation."""
    if not 0 <= index < len(view.parse.sentences):
        return None
    reporting = view.lexicon.reporting
    for t in view.sentence_tokens(index):
        if q_start <= view.parse.starts[t] < q_end or view.lemma(t) not in reporting:
            continue
        subjects = view.kids(t, "nsubj")
        if subjects:
            found = party(view, subjects, ctx)
            if found:
                return found
    return None
