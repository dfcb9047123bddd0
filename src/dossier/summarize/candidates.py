"""Candidate sentences for the summary: source sentences, trimmed and filtered.

Every candidate is a span of one document's clean text, so its citation is
exact and the sentence is faithful by construction. Boilerplate, questions,
first-person quotations, fragments and over-long sentences are left out; a
dateline prefix ("CITY, Country -- ") and a trailing attribution are trimmed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from dossier.crosscheck.lexicon import PREDICATES
from dossier.model import Document
from dossier.text import FUNCTION_WORDS, sentence_spans, word_count

_BOILERPLATE = re.compile(
    r"https?://|www\.|@\w|\b(?:click here|subscribe|newsletter|follow us|sign up|cookies?|"
    r"all rights reserved|copyright|read more|share this|send to a friend|printable version|"
    r"advertisement|related articles?|see also|find out more|terms of use|privacy policy)\b",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^(?:[A-Z][\w’'\-]*(?:[ ,/]+[A-Z][\w’'\-]*){0,4}\s*(?:\([^)]{0,60}\))?\s*"
    r"(?:--|—|–|-)\s+)",
)
_FIRST_PERSON = re.compile(r"\b(?:I|we|We|my|My|our|Our|me|us)\b")
_QUOTE_CHARS = "“”\"‘’'"
_WORD = re.compile(r"[A-Za-z][\w\-’']+")

STOPWORDS = FUNCTION_WORDS | frozenset(["according", "if", "whom"])


@dataclass(frozen=True, slots=True)
class Candidate:
    doc: Document
    index: int  # sentence position in its document
    start: int
    end: int
    text: str
    tokens: frozenset[str]  # content-word stems

    @property
    def words(self) -> int:
        return word_count(self.text)


def content_tokens(text: str) -> frozenset[str]:
    """Lower-cased content words cut to a 6-letter stem (cheap lexical matching)."""
    return frozenset(
        w.lower()[:6] for w in _WORD.findall(text) if w.lower() not in STOPWORDS and len(w) > 2
    )


def event_families(text: str) -> frozenset[str]:
    """Legal / news events a sentence reports (the cross-checker's predicate lexicon)."""
    return frozenset(
        name for name, pattern in PREDICATES.items() if name != "cross" and pattern.search(text)
    )


def jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def candidates(docs: Sequence[Document], min_words: int, max_words: int) -> list[Candidate]:
    out: list[Candidate] = []
    for doc in docs:
        text = doc.clean_text
        for index, (start, end) in enumerate(sentence_spans(text)):
            span = _trim(text, start, end)
            if span is None:
                continue
            a, b = span
            sentence = text[a:b]
            n = word_count(sentence)
            if n < min_words or n > max_words or not _sentence_like(sentence):
                continue
            out.append(Candidate(doc, index, a, b, sentence, content_tokens(sentence)))
    return out


def _trim(text: str, start: int, end: int) -> tuple[int, int] | None:
    sentence = text[start:end]
    dateline = _DATELINE.match(sentence)
    if dateline and word_count(sentence[: dateline.end()]) <= 6:
        start += dateline.end()
        sentence = text[start:end]
    return (start, end) if start < end else None


def _sentence_like(sentence: str) -> bool:
    if _BOILERPLATE.search(sentence):
        return False
    if (
        sentence.endswith("?")
        or sentence[:1] in _QUOTE_CHARS
        or sentence.rstrip()[-1:] in _QUOTE_CHARS
    ):
        return False
    if not sentence[:1].isupper():
        return False
    letters = [c for c in sentence if c.isalpha()]
    if letters and sum(c.isupper() for c in letters) > 0.5 * len(letters):
        return False
    unquoted = re.sub(r"“[^”]*”|\"[^\"]*\"", " ", sentence)
    if _FIRST_PERSON.search(unquoted):
        return False
    # A sentence with an unbalanced quotation mark is a fragment of a longer quote.
    if sentence.count("“") != sentence.count("”") or sentence.count('"') % 2:
        return False
    return sentence.rstrip()[-1:] in ".!…" or sentence.rstrip().endswith(".)")
