"""Role nouns the parse attaches to names, and what their own words say.

A person is given a role by a noun the sentence ties to the name (the labels are the
parser's; the words come from the language's :class:`~dossier.lang.Roles`):

* a title before the name, a ``compound`` of it: "Judge Michael Pastor", "lead prosecutor
  David Walgren", "BP chief executive Tony Hayward", "his wife Svetlana Ivanova" (the name in
  apposition to the noun);
* an apposition: "Joseph Low, Dr Murray's lawyer", "Anna Berg, the lawyer who represents the
  state", "Paul Gongaware, co-chief executive of concert promoter AEG";
* the predicate of a copula: "Kenny Ortega was the first prosecution witness".

:meth:`TitleReader.noun_role` reads a role noun's own words the same way wherever the noun
stands (beside a name, or alone as a description, see :mod:`dossier.entities.descriptions`):
the canonical role, a rank ("deputy prosecutor"), a past office ("former minister"), the side
of a case ("defence lawyer" from "defence", "for the defence", "who represents the state", "the
pair's lawyer"), the nationality ("the Brazilian president"), the organisation ("BP chief
executive", "chief of forensic medicine at the coroner's office") and whose role it is ("Dr
Murray's lawyer").
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from dossier.entities.vocab import Vocab
from dossier.lang import Side
from dossier.model import Document, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

How = Literal["title", "apposition", "predicate"]
Span2 = tuple[int, int]
# not language: dependency labels of the parser (ClearNLP)
_MODIFIERS = frozenset({"compound", "amod", "nmod", "poss"})
# not language: dependency labels of the parser (ClearNLP)
_SUBJECTS = frozenset({"nsubj", "nsubjpass"})
_NOUNS = frozenset({"NOUN", "PROPN"})


@dataclass(frozen=True, slots=True)
class NounRole:
    """What a role noun and its own words say."""

    lemma: str  # the noun's lemma ("prosecutor", "wife")
    role: str  # canonical role, qualified ("defence lawyer", "deputy prosecutor", "former ...")
    side: Side | None
    title: str | None  # the capitalised title as written ("Foreign Minister"), if any
    demonym: str | None  # "Brazilian" in "the Brazilian president"
    org: Span2 | None  # characters of an organisation named in the phrase ("BP", "AEG")
    possessor: Span2 | None  # characters of whose role it is: "Dr Murray" in "Dr Murray's lawyer"
    possessor_word: str | None  # the possessor's lemma when it is no name ("his", "pair")
    count: int  # 1; or how many people a plural names ("the two men", "the couple")


@dataclass(frozen=True, slots=True)
class Title:
    """A role noun tied to one person mention by the parse."""

    noun: int  # token index of the role noun
    how: How
    start: int  # characters of the role phrase and the name together (what is cited)
    end: int
    role: NounRole


class TitleReader:
    """Titles, appositions and predicates of the person mentions of one document."""

    def __init__(self, vocab: Vocab, doc: Document, sdoc: Doc) -> None:
        self.vocab = vocab
        self.doc = doc
        self.sdoc = sdoc
        self.orgs = [m for m in doc.mentions if m.label == "ORG"]
        self.people = [m for m in doc.mentions if m.label == "PERSON"]

    # --- a role noun on its own --------------------------------------------------------

    def role_lemma(self, token: Token) -> str | None:
        """The role-noun lemma of ``token`` (plurals and capitalised titles included)."""
        if token.pos_ not in _NOUNS and token.tag_ not in ("NN", "NNS", "NNP"):
            return None
        for form in (token.lemma_.lower(), token.lower_):
            if form in self.vocab.role_nouns:
                return form
        return None

    def noun_role(self, noun: Token) -> NounRole | None:
        """The role ``noun`` names with its own words, or None when it is no role noun."""
        lemma = self.role_lemma(noun)
        if lemma is None:
            return None
        roles = self.vocab.roles
        role = self.vocab.role_nouns[lemma]
        mods = [c for c in noun.children if c.dep_ in _MODIFIERS and c.i < noun.i]
        words = [c.lemma_.lower() for c in mods]
        office = next((w for w in words if w in roles.general_offices), None)
        if office is not None and role == "military officer":
            # "Attorney General X", "Secretary General X": an office, not a general.
            role = "prosecutor" if self.vocab.role_nouns.get(office) == "prosecutor" else "official"
        rank = next((w for w in words if w in roles.ranks), None)
        if rank is not None and role in roles.ranked_roles:
            role = f"{rank} {role}"
        side = self._side(noun, role)
        if side in ("prosecution", "defence") and role == "lawyer":
            role = f"{side} lawyer"
        if any(w in roles.former or w.rstrip("-") in roles.former for w in words):
            role = f"former {role}"
        possessor, possessor_word = self._possessor(noun)
        return NounRole(
            lemma=lemma,
            role=role,
            side=side if not role.startswith("former ") else None,
            title=self._title(noun, mods),
            demonym=next((c.text for c in mods if self.vocab.is_demonym(c.text)), None),
            org=self._org(noun),
            possessor=possessor,
            possessor_word=possessor_word,
            count=self._count(noun),
        )

    def _side(self, noun: Token, role: str) -> Side | None:
        """The side the noun names on its own ("prosecutor"), else its words' side."""
        own = self.vocab.roles.nouns.get(self.role_lemma(noun) or "")
        if own is not None and own.side is not None:
            return own.side
        return noun_side(self.vocab, noun, role, self._person_at)

    def _title(self, noun: Token, mods: list[Token]) -> str | None:
        """The capitalised words of the title ("Foreign Minister", "Chief prosecutor")."""
        words = [c for c in mods if c.dep_ != "poss" and c.text[:1].isupper()]
        skip = self.vocab.words.determiners | self.vocab.stop_words
        words = [c for c in words if c.lower_ not in skip and self._org_at(c) is None]
        if not words:
            return None
        return " ".join([*(c.text for c in sorted(words, key=lambda t: t.i)), noun.text])

    def _org(self, noun: Token) -> Span2 | None:
        """An organisation the role phrase names: a modifier ("BP chief executive") or the
        object of "of/at/for" ("chief of forensic medicine at the coroner's office")."""
        affiliation = self.vocab.words.affiliation_preps
        for child in noun.children:
            if child.dep_ in ("compound", "nmod", "poss") and child.i < noun.i:
                found = self._org_at(child)
                if found is not None:
                    return found
            if child.dep_ == "prep" and child.lower_ in affiliation:
                for obj in child.children:
                    for token in obj.subtree:
                        found = self._org_at(token)
                        if found is not None:
                            return found
        return None

    def _possessor(self, noun: Token) -> tuple[Span2 | None, str | None]:
        for child in noun.children:
            if child.dep_ == "poss":
                person = self._person_at(child)
                if person is not None:
                    return (person.start, person.end), None
                return None, child.lemma_.lower()
        return None, None

    def _count(self, noun: Token) -> int:
        """How many people the noun phrase names: "the two men" 2, "the couple" 2, else 1."""
        groups = self.vocab.language.claims.group_sizes
        lemma = noun.lemma_.lower()
        if lemma in groups:
            return groups[lemma]
        if noun.tag_ not in ("NNS", "NNPS"):
            return 1
        cardinals = self.vocab.language.numbers.cardinals
        for child in noun.children:
            if child.dep_ == "nummod":
                word = child.lower_
                if word.isdigit():
                    return int(word)
                if word in cardinals:
                    return int(cardinals[word])
        return 0  # a plural without a number: no count of people

    def _org_at(self, token: Token) -> Span2 | None:
        return _span_at(self.orgs, token)

    def _person_at(self, token: Token) -> Mention | None:
        for m in self.people:
            if m.start <= token.idx < m.end:
                return m
        return None

    # --- role nouns tied to a name -------------------------------------------------------

    def titles(self, mention: Mention) -> list[Title]:
        """Role nouns the parse ties to ``mention``: before it, in apposition, or as the
        predicate of a copula it is the subject of."""
        span = self.sdoc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            return []
        inside = range(span.start, span.end)
        head = through_conj(span.root)
        out: list[Title] = []
        for token in span.sent:
            how = self._tie(token, head, inside)
            if how is None:
                continue
            role = self.noun_role(token)
            if role is None:
                continue
            lo = min(mention.start, _left(token))
            hi = max(mention.end, right_end(token) if how != "title" else token.idx + len(token))
            out.append(Title(token.i, how, lo, hi, role))
        return out

    def _tie(self, token: Token, head: Token, inside: range) -> How | None:
        if token.i in inside:
            return None
        if token.dep_ in ("compound", "nmod") and token.head.i in inside and token.i < inside[0]:
            return "title"  # "Judge Michael Pastor", "lead prosecutor David Walgren"
        if token.dep_ == "appos" and token.head.i == head.i:
            return "apposition"  # "X, the lawyer who represents the state"
        if head.dep_ == "appos" and head.head.i == token.i:
            return "apposition"  # "Dr Murray's lawyer, Joseph Low", "his wife Svetlana"
        verb = head.head
        if head.dep_ in _SUBJECTS and verb.lemma_ == "be" and token.head.i == verb.i:
            return "predicate" if token.dep_ == "attr" else None  # "X was the witness"
        if head.dep_ == "attr" and token.dep_ in _SUBJECTS and token.head.i == verb.i:
            return "predicate" if verb.lemma_ == "be" else None  # "the witness was X"
        return None


def noun_side(
    vocab: Vocab,
    noun: Token,
    role: str,
    person_at: Callable[[Token], Mention | None] | None = None,
) -> Side | None:
    """The side a role noun's own words give: "defence lawyer", "a lawyer for the
    prosecution", "the lawyer who represents the state", "the defendants' lawyer", and, when
    ``person_at`` finds a person mention at a possessor, "Dr Murray's lawyer" (a named
    person's lawyer is their defence)."""
    roles = vocab.roles
    words = roles.side_words
    for child in noun.children:
        lemma = child.lemma_.lower()
        if child.dep_ in ("amod", "compound") and lemma in words:
            return words[lemma]
        if child.dep_ == "prep":
            for obj in child.children:
                if obj.dep_ == "pobj" and obj.lemma_.lower() in words:
                    return words[obj.lemma_.lower()]
        if child.dep_ in ("relcl", "acl") and child.lemma_ in roles.representation_verbs:
            for obj in child.children:
                if obj.dep_ in ("dobj", "pobj") and obj.lemma_.lower() in words:
                    return words[obj.lemma_.lower()]
        if child.dep_ == "poss" and role == "lawyer":
            if lemma in words:
                return words[lemma]
            named = person_at is not None and person_at(child) is not None
            if lemma in roles.defence_possessors or named:
                return "defence"
    return None


def _span_at(mentions: list[Mention], token: Token) -> Span2 | None:
    for m in mentions:
        if m.start <= token.idx < m.end:
            return (m.start, m.end)
    return None


def _left(token: Token) -> int:
    return int(token.left_edge.idx)


def right_end(token: Token) -> int:
    last = token.right_edge
    return int(last.idx + len(last.text))


def through_conj(token: Token) -> Token:
    """The conjunct of a list that holds the list's place in the clause ("A and B were
    charged": B's role is A's). A list of names is sometimes parsed with the first name as a
    modifier of the last ("[A and B] were sentenced" as "A" nmod "B"): that is climbed too."""
    while token.head.i != token.i:
        if token.dep_ == "conj" or (
            token.dep_ in ("nmod", "compound")
            and token.head.pos_ == "PROPN"
            and any(c.dep_ == "cc" for c in token.children)
        ):
            token = token.head
        else:
            break
    return token
