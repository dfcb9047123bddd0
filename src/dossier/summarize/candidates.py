"""Candidate sentences for the summary: the parse's sentences, trimmed and filtered.

Every candidate is a span of one document's clean text, so its citation is exact and the
sentence is faithful by construction. A headline or caption glued to the sentence after it
without punctuation is a sentence of its own (:mod:`dossier.nlp.glued`). Left out: page
furniture, bylines, questions, first-person quotations, fragments, over-long sentences,
and sentences that open on a connective ("But ..."), since they lean on the sentence
before. A dateline ("CAIRO (Reuters) - ") is cut. A sentence that opens on a pronoun or a
back-reference ("He was", "The pair") is kept only together with the sentence before it,
when that one names its referent; otherwise another sentence is chosen. Each candidate
carries the date of what it reports and whether its time anchors are all relative and
unresolved (:mod:`dossier.summarize.anchors`)."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import partial

from spacy.vocab import Vocab

from dossier.lang import Language
from dossier.memo import DocumentMemo, remembered
from dossier.model import DateValue, Document, Parse
from dossier.nlp.glued import glued_parts
from dossier.stories.titles import is_byline
from dossier.summarize.anchors import sentence_time
from dossier.summarize.state import read_sentences
from dossier.text import content_tokens, dateline_end, word_count
from dossier.time.grammar import Grammar

_QUOTE_CHARS = "“”\"‘’'`"
# Quoted passages (typography).
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"")
# not language: Universal Dependencies tags and features
_PERSONAL, _DEMONSTRATIVE, _FIRST_PERSON = "PronType=Prs", "PronType=Dem", "Person=1"
_NAMES = frozenset({"PROPN"})  # not language: a Universal POS tag
_PLAIN = frozenset({"NOUN", "VERB", "ADJ"})  # not language: Universal POS tags


@dataclass(frozen=True, slots=True)
class Candidate:
    doc: Document
    index: int  # sentence position in its document
    start: int
    end: int
    text: str
    tokens: frozenset[str]  # content-word stems
    families: frozenset[str] = frozenset()  # event classes its verbs and nouns name
    state: bool = False  # states how things stand as of its report (dossier.summarize.state)
    when: DateValue | None = None  # the date its own assertions give (dossier.summarize.anchors)
    unplaced: bool = False  # its time anchors are all relative and unresolved ("last week")
    plain: frozenset[str] = frozenset()  # lemmas of its nouns, verbs, adjectives outside dates

    @property
    def words(self) -> int:
        """Its length against the summary's budget, counted by whitespace as a reader (and
        a word counter) would: punctuation set apart by spaces counts too."""
        return len(self.text.split())


# The version of what a document's candidates are: raise it when a change of this module
# (or of what it calls) gives a document other candidates, so that kept ones are not used.
CANDIDATES_VERSION = 2


@dataclass(frozen=True, slots=True)
class _Kept:
    """A :class:`Candidate` without its document, as a memo keeps it."""

    index: int
    start: int
    end: int
    text: str
    tokens: frozenset[str]
    families: frozenset[str]
    state: bool
    when: DateValue | None
    unplaced: bool
    plain: frozenset[str]


def candidates(
    docs: Sequence[Document],
    languages: Mapping[str, Language],
    min_words: int,
    max_words: int,
    vocabs: Mapping[str, Vocab] | None = None,
    grammars: Mapping[str, Grammar] | None = None,
    memo: DocumentMemo | None = None,
) -> list[Candidate]:
    """Each document's candidate sentences; with the language's spaCy vocabulary, each
    says whether it states a state and when what it reports happened (read from its
    clauses), and with its time grammar, whether a reader can place that. A document's
    candidates depend on it alone: with a ``memo``, they are computed once."""
    out: list[Candidate] = []
    for doc in docs:
        language = languages.get(doc.language or "")
        if doc.parse is None or language is None:
            continue
        vocab = (vocabs or {}).get(language.code)
        grammar = (grammars or {}).get(language.code) if vocab is not None else None
        depends = (
            CANDIDATES_VERSION,
            language.code,
            min_words,
            max_words,
            vocab is not None,
            grammar is not None,
        )
        kept = remembered(
            memo,
            "summary-candidates",
            doc,
            depends,
            tuple[_Kept, ...],
            partial(_kept, doc, language, min_words, max_words, vocab, grammar),
        )
        out.extend(Candidate(doc, *(getattr(k, f) for f in _Kept.__slots__)) for k in kept)
    return out


def _kept(
    doc: Document,
    language: Language,
    min_words: int,
    max_words: int,
    vocab: Vocab | None,
    grammar: Grammar | None,
) -> tuple[_Kept, ...]:
    assert doc.parse is not None
    found = _document_candidates(doc, doc.parse, language, min_words, max_words)
    if vocab is not None and found:
        readings = read_sentences(doc, [(c.start, c.end) for c in found], language, vocab)
        found = [
            replace(
                c,
                state=r.state,
                when=when,
                unplaced=unplaced,
                plain=_plain_words(doc, c, r.times, language.stop_words),
            )
            for c, r in zip(found, readings, strict=True)
            for when, unplaced in (sentence_time(doc, r, grammar),)
        ]
    return tuple(
        _Kept(
            c.index,
            c.start,
            c.end,
            c.text,
            c.tokens,
            c.families,
            c.state,
            c.when,
            c.unplaced,
            c.plain,
        )
        for c in found
    )


def _plain_words(
    doc: Document, c: Candidate, times: Sequence[int], stop_words: frozenset[str]
) -> frozenset[str]:
    """What the sentence says beyond names and dates: its nouns', verbs' and adjectives'
    lemmas outside its time expressions."""
    parse = doc.parse
    if parse is None:
        return frozenset()
    dated = [(doc.time_expressions[k].start, doc.time_expressions[k].end) for k in times]
    return frozenset(
        lemma
        for i in parse.token_range(c.start, c.end)
        if parse.pos[i] in _PLAIN
        and (lemma := parse.lemmas[i].lower()) not in stop_words
        and not any(a <= parse.starts[i] < b for a, b in dated)
    )


def _document_candidates(
    doc: Document, parse: Parse, language: Language, min_words: int, max_words: int
) -> list[Candidate]:
    text = doc.clean_text
    verbs, nouns = language.events.class_of_verb(), language.events.class_of_noun()
    out: list[Candidate] = []
    previous: tuple[int, int] | None = None  # the last usable sentence, if it was the last one
    spans = [part for a, b in parse.sentences for part in glued_parts(parse, text, a, b, language)]
    for index, (start, end) in enumerate(spans):
        start = dateline_end(text, start, end)
        sentence = text[start:end]
        n = word_count(sentence)
        usable = min_words <= n <= max_words and _sentence_like(
            sentence, parse, start, end, language
        )
        if not usable:
            previous = None
            continue
        if _leans_back(parse, start, end, language):
            # Only with the sentence before it (same paragraph), which names the referent.
            if previous is None or "\n" in text[previous[1] : start]:
                continue
            start = previous[0]
            sentence = text[start:end]
            if word_count(sentence) > max_words:
                continue
            previous = None
        else:
            previous = (start, end) if _names_someone(parse, start, end) else None
        tokens = content_tokens(sentence, language.stop_words)
        families = _families(parse, start, end, verbs, nouns)
        out.append(Candidate(doc, index, start, end, sentence, tokens, families))
    return out


def _sentence_like(sentence: str, parse: Parse, start: int, end: int, language: Language) -> bool:
    news = language.news
    if news.is_boilerplate(sentence) or is_byline(sentence, news):
        return False
    stripped = sentence.rstrip()
    if stripped.endswith("?") or sentence[:1] in _QUOTE_CHARS or stripped[-1:] in _QUOTE_CHARS:
        return False
    if not sentence[:1].isupper():
        return False
    # A caption or a title in sentence form ("Chief Executive Anna Berg at the hearing.")
    # says nothing happened: a summary sentence has a verb.
    if not any(parse.pos[i] in language.grammar.verb_pos for i in parse.token_range(start, end)):
        return False
    letters = [c for c in sentence if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.5 * len(letters):
        return False
    # A sentence with an unbalanced quotation mark is a fragment of a longer quote.
    if sentence.count("“") != sentence.count("”") or sentence.count('"') % 2:
        return False
    if _first_person_outside_quotes(sentence, parse, start, end):
        return False
    if _opens_on_connective(parse, start, end, language):
        return False
    return stripped[-1:] in ".!…" or stripped.endswith(".)")


def _first_person_outside_quotes(sentence: str, parse: Parse, start: int, end: int) -> bool:
    """A first-person pronoun (by its morphology) that is not inside quotation marks."""
    quoted = [(m.start() + start, m.end() + start) for m in _QUOTED.finditer(sentence)]
    for i in parse.token_range(start, end):
        first_person = parse.pos[i] == "PRON" and _FIRST_PERSON in parse.morphs[i]
        if first_person and not any(a <= parse.starts[i] < b for a, b in quoted):
            return True
    return False


def _first_word(parse: Parse, start: int, end: int) -> int | None:
    for i in parse.token_range(start, end):
        if parse.pos[i] != "PUNCT":
            return i
    return None


def _opens_on_connective(parse: Parse, start: int, end: int, language: Language) -> bool:
    first = _first_word(parse, start, end)
    return first is not None and parse.lemmas[first].lower() in language.news.connectives


def _leans_back(parse: Parse, start: int, end: int, language: Language) -> bool:
    """The sentence opens on a personal or demonstrative pronoun, or on "the" + a noun that
    refers back ("the pair"), before naming anyone; or a demonstrative pronoun is the
    subject of one of its clauses ("X said that this was untrue")."""
    first = _first_word(parse, start, end)
    if first is None:
        return False
    subjects = language.grammar.subject_deps
    if any(
        parse.pos[i] == "PRON" and _DEMONSTRATIVE in parse.morphs[i] and parse.deps[i] in subjects
        for i in parse.token_range(start, end)
    ):
        return True
    morph = parse.morphs[first]
    if parse.pos[first] == "PRON" and (_PERSONAL in morph or _DEMONSTRATIVE in morph):
        return True
    if parse.pos[first] == "DET" and _DEMONSTRATIVE in morph and first + 1 < len(parse):
        return parse.pos[first + 1] not in _NAMES
    nxt = first + 1
    return (
        parse.pos[first] == "DET"
        and nxt < len(parse)
        and parse.starts[nxt] < end
        and parse.lemmas[nxt].lower() in language.news.back_reference_nouns
    )


def _names_someone(parse: Parse, start: int, end: int) -> bool:
    return any(parse.pos[i] in _NAMES for i in parse.token_range(start, end))


def _families(
    parse: Parse, start: int, end: int, verbs: Mapping[str, str], nouns: Mapping[str, str]
) -> frozenset[str]:
    """The event classes the sentence's verbs and nouns name (arrest, sentence, ...)."""
    found = set()
    for i in parse.token_range(start, end):
        lemma = parse.lemmas[i].lower()
        name = verbs.get(lemma) if parse.pos[i] == "VERB" else nouns.get(lemma)
        if name is not None:
            found.add(name)
    return frozenset(found)
