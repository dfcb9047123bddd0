"""What the parse says about a name: which noun it heads or modifies, what it is in apposition
to, which verb it is the subject or object of.

A :class:`Structure` wraps one document's spaCy ``Doc`` (rebuilt from ``Document.parse``) and
answers for a character span the kind of thing the sentence treats it as: a person (subject of
a verb only people do, a role or kinship noun in apposition, "X, who ..."), a work (headed by
"song", "album"), a substance ("the sedative propofol", "a dose of propofol", "propofol is an
anaesthetic"), an event ("the Live Aid concert"), an organisation ("Severstroi, the
contractor") or a place ("Trafalgar Square", "the town of X"). The words come from the
language layer (:class:`~dossier.lang.EntityWords`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Literal

from dossier.entities.patterns import PatternHit
from dossier.entities.vocab import Vocab
from dossier.model import Document

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Kind = Literal["WORK", "SUBSTANCE", "EVENT", "PRODUCT", "PERSON", "PLACE", "ORG"]
# Dependencies that join a name to the noun it names or stands beside (not language: the
# ClearNLP labels of the parser).
# not language: dependency labels
_BESIDE = frozenset({"appos", "compound", "conj", "nmod", "dep", "attr", "amod"})
_NOUNS = frozenset({"NOUN", "PROPN"})
# not language: part-of-speech tags a common noun is sometimes given by the tagger
_COMMON = frozenset({"NOUN", "VERB", "ADJ"})


class Structure:
    """The parse of one document, for questions about name spans."""

    def __init__(self, sdoc: Doc, vocab: Vocab, hits: tuple[PatternHit, ...] = ()) -> None:
        self.sdoc = sdoc
        self.vocab = vocab
        self.hits = hits  # the language's entity patterns over this document
        self._groups = frozenset(h.start for h in hits if h.kind == "GROUP")

    def group_at(self, start: int) -> bool:
        """A group word starts at ``start`` ("ethnic Kazakhs"): what starts there is no
        entity."""
        return start in self._groups

    def pattern_kind(self, start: int, end: int) -> PatternHit | None:
        """The first pattern hit (not a joined possessive name) the span lies inside."""
        for hit in self.hits:
            if hit.start > start:
                break
            if end <= hit.end and hit.kind not in ("NAMED_BY_NOUN", "GROUP"):
                return hit
        return None

    def noun_class(self, noun: Token) -> str | None:
        """What a common noun says the name it names is: a work, a substance or an event
        (:meth:`_class_of`), an organisation ("the nursery X", "the company X") or a place
        ("the village X")."""
        found = self._class_of(noun)
        if found is not None:
            return found
        words = self.vocab.words
        lemma = noun.lemma_.lower()
        if lemma in words.org_context_nouns or lemma in words.org_words:
            return "ORG"
        if lemma in words.place_words or lemma in words.place_context_nouns:
            return "PLACE"
        return None

    def head(self, start: int, end: int) -> Token | None:
        """The token of the span whose head lies outside it (the span's syntactic head)."""
        span = self.sdoc.char_span(start, end, alignment_mode="expand")
        if span is None or not len(span):
            return None
        return span.root

    def kind(self, start: int, end: int) -> Kind | None:
        """The kind of thing the sentence treats the span as, when its structure says so."""
        root = self.head(start, end)
        if root is None:
            return None
        found = self._noun_kind(root, start, end)
        if found is not None:
            return found
        if _who_clause(root):
            return "PERSON"  # "Tyrone Benton, who is now suing BP"
        if root.dep_ in ("nsubj", "nsubjpass"):
            return self._subject_kind(root)
        return None

    def _noun_kind(self, root: Token, start: int, end: int) -> Kind | None:
        """The class of the noun the span is named by: a noun in apposition to it or heading
        it ("the song Billie Jean", "the sedative propofol"), through a list ("sedatives
        Midazolam and Diazepam"), or "a dose of X". A name that only modifies a noun ("the
        Michael Jackson concert") is not that noun."""
        own = self.sdoc.char_span(start, end, alignment_mode="expand")
        if own is not None and len(own) > 1:
            last = own[-1]
            if last.lower_ in self.vocab.words.place_words and last.pos_ in _NOUNS:
                return "PLACE"  # "Trafalgar Square", "Downing Street"
        token = root
        for _ in range(4):
            beside = [c for c in token.children if c.dep_ in _BESIDE and not start <= c.idx < end]
            if token.dep_ == "appos":
                beside.append(token.head)
            for noun in beside:
                kind = self._class_of(noun)
                if kind is not None:
                    return kind
            if token is root:
                kind = self._apposition_kind(root, beside)
                if kind is not None:
                    return kind  # "Severstroi, the contractor", "his daughter, Paris"
            holder = token.head.head
            substances = self.vocab.words.substance_nouns
            if (
                token.dep_ == "pobj"
                and holder.pos_ == "NOUN"
                and holder.lemma_.lower() in substances
            ):
                return "SUBSTANCE"  # "a lethal dose of Propofol"
            if token.dep_ not in ("conj", "appos") or token.head.i == token.i:
                break
            token = token.head
            kind = self._class_of(token)
            if kind is not None:
                return kind
        return None

    def _apposition_kind(self, root: Token, beside: list[Token]) -> Kind | None:
        """What a common noun in apposition to the name says it is: an organisation ("the
        contractor") or a person (a role or kinship noun: "the singer's daughter, Paris")."""
        orgs = self.vocab.words.org_context_nouns
        for noun in beside:
            if noun.pos_ != "NOUN" or not (noun.dep_ == "appos" or root.dep_ == "appos"):
                continue
            lemma = noun.lemma_.lower()
            if lemma in orgs:
                return "ORG"
            if lemma in self.vocab.role_nouns or lemma in self.vocab.roles.kinship:
                return "PERSON"
        return None

    def _class_of(self, noun: Token) -> Kind | None:
        """The class a common noun names. The tagger sometimes reads such a noun before a
        name as a verb or an adjective ("sedatives Midazolam", "the painkiller Lidocaine"):
        those count too, by their own form."""
        if noun.pos_ not in _COMMON:
            return None
        forms = (noun.lemma_.lower(), noun.lower_)
        words = self.vocab.words
        if any(f in words.work_nouns for f in forms):
            return "WORK"
        if any(f in words.substance_nouns for f in forms):
            return "SUBSTANCE"
        if any(f in words.event_nouns for f in forms):
            return "EVENT"
        modifiers = [c.lemma_.lower() for c in noun.children if c.dep_ in ("compound", "amod")]
        if forms[0] in words.product_nouns or any(
            f"{m} {forms[0]}" in words.product_nouns for m in modifiers
        ):
            return "PRODUCT"  # "the trade name X", "the brand X"
        return None

    def _subject_kind(self, root: Token) -> Kind | None:
        verb = root.head
        words = self.vocab.words
        if verb.lemma_.lower() in words.person_verbs and verb.pos_ == "VERB":
            return "PERSON"
        if verb.lemma_ == "be" or verb.pos_ == "AUX":
            for child in verb.children:
                if child.dep_ == "attr" and child.pos_ == "NOUN":
                    lemma = child.lemma_.lower()
                    if lemma in self.vocab.role_nouns:
                        return "PERSON"  # "X is a lawyer"
                    kind = self._class_of(child)
                    if kind is not None:
                        return kind  # "Propofol is a sedative"
        return None

    def object_of_thing_verb(self, start: int, end: int) -> bool:
        """The span is the direct object of a verb whose objects are things ("administered
        Propofol", "performed Billie Jean")."""
        root = self.head(start, end)
        if root is None or root.dep_ != "dobj":
            return False
        return root.head.lemma_.lower() in self.vocab.words.thing_verbs


def _who_clause(root: Token) -> bool:
    """A relative clause right after the name (a comma between at most) whose subject is a
    personal relative pronoun (tag WP: "who"; "which" is WDT). "An adult from Fulham, west
    London, who had returned" is no clause on Fulham."""
    return any(
        c.dep_ == "relcl"
        and any(
            g.dep_ in ("nsubj", "nsubjpass") and g.tag_ == "WP" and g.i <= root.i + 2
            for g in c.children
        )
        for c in root.children
    )


def common_nouns(doc: Document) -> frozenset[str]:
    """Lower-case words the document uses as common nouns (not capitalised, tagged NOUN): a
    capitalised "Propofol" whose lower-case form is one is not a name. Read from the parse's
    columns (no spaCy objects)."""
    parse = doc.parse
    if parse is None:
        return frozenset()
    text = doc.clean_text
    found = (
        text[parse.starts[i] : parse.ends[i]] for i, pos in enumerate(parse.pos) if pos == "NOUN"
    )
    return frozenset(w for w in found if w.islower())


def lower_words(doc: Document) -> frozenset[str]:
    """Every word the document writes in lower case (any part of speech): a capitalised word
    opening a sentence whose lower-case form the document also uses is that word."""
    parse = doc.parse
    if parse is None:
        return frozenset()
    text = doc.clean_text
    found = (text[s:e] for s, e in zip(parse.starts, parse.ends, strict=True))
    return frozenset(w for w in found if w.islower())
