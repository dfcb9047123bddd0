"""Descriptions that stand for named people: "the judge", "the prosecutor", "Dr Murray's
lawyer", "the company's chief executive", "the two men".

A description is a definite noun phrase (a definite determiner or a possessor) headed by one
of the language's role nouns, or a plural that counts people ("the two men", "the couple"),
that is no part of a name. It is linked to the person the story makes it unambiguous for,
strongest evidence first, and cites that evidence:

1. ``apposition``: the sentence ties it to a name ("Dr Murray's lawyer, Joseph Low", "Ortega
   was the first prosecution witness"; for a plural, every name of the list);
2. ``title-in-document``: one person of the document holds that title in the document
   ("Judge Michael Pastor ... the judge");
3. ``title-in-story``: of the people who hold it anywhere in the story, one is named in the
   document;
4. ``only-holder``: one person holds it in the whole story, by the very noun ("the judge"
   for "Judge X", not "the attorney" for "counsel X");
5. ``listed-before``: a plural that counts N people, after a list of exactly N names in the
   same sentence or one of the two before, nearest first ("Galiyev and Timerbayev were
   detained. The two men deny").

A title matches a description when the role nouns are the same, or name one office (a
"defence attorney" is "the defence lawyer"), never across the language's umbrella roles
(every "official" is not "the governor"); the description's possessor, nationality and
organisation must be the holder's too ("Jackson's doctor" is the doctor whose title says
Jackson). Anything else stays unlinked: two judges, or none, leave "the judge" alone.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from dossier.entities.titles import NounRole, Title, TitleReader
from dossier.entities.vocab import Vocab
from dossier.model import DescriptionBasis, DescriptionLink, Document, Mention, RoleClaim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

Key = tuple[int, int]  # (document index, mention start)
Evidence = tuple[int, int, int]  # (document index, start, end) of what ties title and name
Linked = tuple[list[int], DescriptionBasis, Evidence]  # people, basis, evidence


@dataclass(frozen=True, slots=True)
class Description:
    doc: int  # document index
    noun: int  # token index of the head noun
    start: int  # characters of the noun phrase, up to its head noun
    end: int
    role: NounRole
    sentence: tuple[int, int]


@dataclass(frozen=True, slots=True)
class _Held:
    """A title held by a person (the person's index among the story's people)."""

    person: int
    doc: int
    title: Title


class DescriptionLinker:
    """Descriptions of one story's documents, linked to its people.

    ``titles[(doc index, mention start)]`` are the titles of each person mention, ``owner``
    the person (draft index) each person mention belongs to; ``same_org(a, b)`` tells
    whether two organisation spans ``(doc index, start, end)`` name one organisation."""

    def __init__(
        self,
        docs: Sequence[Document],
        readers: dict[int, TitleReader],
        titles: dict[Key, list[Title]],
        owner: dict[Key, int],
        same_org: Callable[[tuple[int, int, int], tuple[int, int, int]], bool],
    ) -> None:
        self.docs = docs
        self.readers = readers
        self.titles = titles
        self.owner = owner
        self.same_org = same_org
        self.held: list[_Held] = [
            _Held(owner[key], key[0], t)
            for key, ts in titles.items()
            if key in owner
            for t in ts
            if not t.role.role.startswith("former ")
        ]
        some = next(iter(readers.values()), None)
        vocab = some.vocab if some is not None else None
        self.umbrella = vocab.roles.umbrella_roles if vocab is not None else frozenset()
        self.ranks = vocab.roles.ranks if vocab is not None else frozenset()
        self.canonical = vocab.role_nouns if vocab is not None else {}
        # Indexes, so that a story of thousands of names costs linear time: titles held by
        # canonical role, the people and the titles of each document.
        self.held_by_role: dict[str, list[_Held]] = {}
        for h in self.held:
            self.held_by_role.setdefault(self._canon(h.title.role), []).append(h)
        self.people_in: dict[int, set[int]] = {}
        for (di, _), person in owner.items():
            self.people_in.setdefault(di, set()).add(person)
        self.titles_in: dict[int, list[tuple[Key, list[Title]]]] = {}
        for key, ts in titles.items():
            if key in owner:
                self.titles_in.setdefault(key[0], []).append((key, ts))

    def _canon(self, role: NounRole) -> str:
        return self.canonical.get(role.lemma, role.lemma)

    # --- finding --------------------------------------------------------------------------

    def descriptions(self, di: int) -> list[Description]:
        """The definite role descriptions of document ``di`` that are no part of a name."""
        reader = self.readers.get(di)
        doc = self.docs[di]
        if reader is None or doc.parse is None:
            return []
        named = [(m.start, m.end) for m in doc.mentions]
        out: list[Description] = []
        for token in reader.sdoc:
            role = self._described(reader, token)
            if role is None or any(s <= token.idx < e for s, e in named):
                continue
            head = token.head
            if token.dep_ in ("compound", "nmod") and any(
                s <= head.idx < e for s, e in named if head.i != token.i
            ):
                continue  # a title of a name: "Judge Michael Pastor"
            sentence = doc.parse.sentence_of(token.idx)
            if sentence is None:
                continue
            start = max(self._phrase_start(reader, token), sentence[0])
            out.append(Description(di, token.i, start, token.idx + len(token), role, sentence))
        return out

    def _phrase_start(self, reader: TitleReader, noun: Token) -> int:
        """Where the noun phrase opens: its leftmost determiner or modifier, a named
        possessor from the start of its name (not from words the parser hung on the name)."""
        start = int(noun.idx)
        for child in noun.children:
            if child.i > noun.i:
                continue
            person = reader._person_at(child) if child.dep_ == "poss" else None
            start = min(start, person.start if person is not None else int(child.left_edge.idx))
        return start

    def _described(self, reader: TitleReader, token: Token) -> NounRole | None:
        role = reader.noun_role(token) or self._people_noun(reader, token)
        if role is None or role.count == 0:
            return None
        words = reader.vocab.words
        left = [c for c in token.children if c.i < token.i]
        definite = [
            c for c in left if c.dep_ == "poss" or (c.dep_ == "det" and c.lower_ in words.definite)
        ]
        if not definite:
            return None
        ordinals = reader.vocab.language.numbers.ordinals
        for c in left:
            if c.lower_ in ordinals or c.lower_ in words.contrast:
                return None  # "the first doctor", "the other lawyer": not one named before
            if c.dep_ == "poss" and ({"1", "2"} & set(c.morph.get("Person", []))):
                return None  # "my brother", "your lawyer": whose depends on who speaks
        return role

    def _people_noun(self, reader: TitleReader, token: Token) -> NounRole | None:
        """ "the two men", "the couple": a plural of people by its count, no role noun."""
        language = reader.vocab.language
        lemma = token.lemma_.lower()
        if (
            lemma not in language.quantities.person_nouns
            and lemma not in language.claims.group_sizes
        ):
            return None
        count = reader._count(token)
        if count < 2:
            return None
        return NounRole(lemma, "", None, None, None, None, None, None, count)

    # --- linking --------------------------------------------------------------------------

    def link(self, d: Description) -> Linked | None:
        """The people ``d`` stands for, the basis, and the evidence span (doc, start, end)."""
        direct = self._direct(d)
        if direct is not None:
            return direct
        if d.role.count >= 2:
            return self._listed_before(d)
        if not d.role.role:
            return None
        holders = [h for h in self.held_by_role.get(self._canon(d.role), []) if self._fits(d, h)]
        here = self.people_in.get(d.doc, set())
        levels: list[tuple[DescriptionBasis, list[_Held]]] = [
            ("title-in-document", [h for h in holders if h.doc == d.doc]),
            ("title-in-story", [h for h in holders if h.person in here]),
            # the weakest evidence: the very noun, not an office of the same name
            ("only-holder", [h for h in holders if h.title.role.lemma == d.role.lemma]),
        ]
        for basis, found in levels:
            people = {h.person for h in found}
            if len(people) == 1:
                first = min(found, key=lambda h: (h.doc != d.doc, h.doc, h.title.start))
                return [first.person], basis, (first.doc, first.title.start, first.title.end)
            if len(people) > 1:
                return None  # ambiguous at the most specific level that has holders
        return None

    def _direct(self, d: Description) -> Linked | None:
        people: set[int] = set()
        lo, hi = d.start, d.end
        for key, ts in self.titles_in.get(d.doc, []):
            for t in ts:
                if t.noun == d.noun and t.how in ("apposition", "predicate"):
                    people.add(self.owner[key])
                    lo, hi = min(lo, t.start), max(hi, t.end)
        if not people or (d.role.count >= 2 and len(people) != d.role.count):
            return None
        if d.role.count < 2 and len(people) > 1:
            return None
        return sorted(people), "apposition", (d.doc, lo, hi)

    def _fits(self, d: Description, held: _Held) -> bool:
        """Whether ``held`` is a title the description can name: one office, and the
        description's possessor, nationality and organisation are the holder's too."""
        a, b = d.role, held.title.role
        if a.possessor is not None and self._owner_at(d.doc, a.possessor) == held.person:
            return False  # "Murray's lawyer" is not Murray
        if a.possessor is not None:
            mine = self._owner_at(d.doc, a.possessor)
            theirs = self._owner_at(held.doc, b.possessor) if b.possessor else None
            if mine is None or mine != theirs:
                return False
        if a.demonym is not None and (b.demonym or "").lower() != a.demonym.lower():
            return False
        if a.org is None:
            return self._same_office(a, b)
        one_org = b.org is not None and self.same_org((d.doc, *a.org), (held.doc, *b.org))
        return one_org and self._same_office(a, b, of_one_org=True)

    def _same_office(self, a: NounRole, b: NounRole, of_one_org: bool = False) -> bool:
        """One office: the same noun, or nouns of one canonical role that is no umbrella
        ("attorney" and "lawyer", not "mayor" and "governor") unless both name the same
        organisation ("the FBI chief" is "FBI Director X"); sides and ranks agree."""
        if a.side is not None and b.side is not None and a.side != b.side:
            return False
        rank_a, rank_b = self._rank(a.role), self._rank(b.role)
        if rank_a is not None and rank_a != rank_b:
            return False  # "the deputy prosecutor" is not the prosecutor
        if a.lemma == b.lemma:
            return True
        canon_a, canon_b = self.canonical.get(a.lemma), self.canonical.get(b.lemma)
        if canon_a is None or canon_a != canon_b:
            return False
        return of_one_org or canon_a not in self.umbrella

    def _rank(self, role: str) -> str | None:
        first = role.removeprefix("former ").split()[0] if role else ""
        return first if first in self.ranks else None

    def _owner_at(self, di: int, span: tuple[int, int]) -> int | None:
        return self.owner.get((di, span[0]))

    def _listed_before(self, d: Description) -> Linked | None:
        """A plural that counts N people after exactly N coordinated names, in the same
        sentence before it or in one of the two sentences before (nearest first)."""
        doc = self.docs[d.doc]
        parse = doc.parse
        reader = self.readers[d.doc]
        if parse is None:
            return None
        index = parse.sentences.index(d.sentence)
        spans = [(d.sentence[0], d.start)]
        spans += [parse.sentences[i] for i in range(index - 1, max(index - 3, -1), -1)]
        for lo, hi in spans:
            inside = [m for m in reader.people if lo <= m.start and m.end <= hi]
            for group in _coordinated(reader.sdoc, inside):
                keys = [(d.doc, m.start) for m in group]
                people = sorted({self.owner[k] for k in keys if k in self.owner})
                if len(people) == d.role.count:
                    lo_, hi_ = min(m.start for m in group), max(m.end for m in group)
                    return people, "listed-before", (d.doc, lo_, hi_)
        return None


def _coordinated(sdoc: Doc, mentions: list) -> list[list]:
    """Person mentions joined by a coordination ("A and B", "A, B and C"), one list per
    coordination."""
    by_head: dict[int, list] = {}
    for m in mentions:
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        token = span.root
        # "A and his wife B": B is in apposition to the conjunct "wife"
        while token.dep_ in ("conj", "appos") and token.head.i != token.i:
            token = token.head
        by_head.setdefault(token.i, []).append(m)
    return [group for group in by_head.values() if len(group) >= 2]


def link_descriptions(
    docs: Sequence[Document],
    vocab: Vocab,
    people: Sequence[Sequence[tuple[int, Mention]]],
    same_org: Callable[[tuple[int, int, int], tuple[int, int, int]], bool],
    sdoc: Callable[[int], Doc],
) -> list[tuple[list[DescriptionLink], list[RoleClaim]]]:
    """The descriptions linked to each person (``people[i]`` is one person's mentions, by
    document index) and the roles they give: one ``(links, roles)`` pair per person.

    A link to several people ("the two men") gives no role; an apposition gives none either
    (the role reader already reads it beside the name)."""
    out: list[tuple[list[DescriptionLink], list[RoleClaim]]] = [([], []) for _ in people]
    owner: dict[Key, int] = {(di, m.start): pi for pi, ms in enumerate(people) for di, m in ms}
    with_people = sorted({di for di, _ in owner})
    readers = {di: TitleReader(vocab, docs[di], sdoc(di)) for di in with_people}
    titles = {
        (di, m.start): readers[di].titles(m) for di in with_people for m in readers[di].people
    }
    linker = DescriptionLinker(docs, readers, titles, owner, same_org)
    for di in with_people:
        for d in linker.descriptions(di):
            found = linker.link(d)
            if found is None:
                continue
            linked, basis, evidence = found
            link = DescriptionLink(
                citation=docs[di].cite(d.start, d.end),
                role=d.role.role,
                basis=basis,
                evidence=docs[evidence[0]].cite(evidence[1], evidence[2]),
            )
            for pi in linked:
                out[pi][0].append(link)
            gives_role = basis != "apposition" and len(linked) == 1 and d.role.role
            if gives_role and not d.role.role.startswith("former "):
                claim = RoleClaim(d.role.role, link.citation, side=d.role.side)
                out[linked[0]][1].append(claim)
    return out
