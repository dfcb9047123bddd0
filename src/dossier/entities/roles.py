"""Roles and attributes of people, read from the words and the parse around their mentions.

Each claim carries the citation it came from and the side of a case it puts the person on
(:func:`RoleReader.side_of`). Disagreeing sources are all kept (a lawyer "for the defence" in
one outlet and "for the prosecution" in another), each claim on its own citation; claims on
incompatible sides from different documents are marked ``disputed`` and
:func:`role_conflicts` lists the pairs (the cross-check stage reads them).

Three readers:

* titles and appositions typed next to a name (:class:`~dossier.entities.context.ContextReader`:
  "Judge X", "the pair's lawyer X", "X, a lawyer for the prosecution", "X, 30,");
* the parse: a role noun in apposition or as the predicate of a copula ("X is a lawyer", "X,
  the lawyer who represents the state,": the side from "for the prosecution", "representing
  the defendants", "prosecuting"), nationalities from a demonym on the role noun ("the
  Brazilian president X");
* defendants from the parse: the patient of a verb of the language's defendant event classes
  ("X was charged", "prosecutors charged X", "X was sentenced"), the subject of "go on trial",
  "stand trial", the object of "trial of X", "case against X". A possessor is not the
  patient: in "the trial of Michael Jackson's doctor" Michael Jackson is no defendant.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from dossier.entities.context import ContextReader, RoleCue
from dossier.entities.settings import EntitySettings
from dossier.entities.titles import noun_side, right_end, through_conj
from dossier.entities.vocab import Vocab
from dossier.lang import Side
from dossier.model import AttributeClaim, Document, Entity, Mention, RoleClaim

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_SUBJECTS = frozenset({"nsubj", "nsubjpass"})  # not language: dependency labels


@dataclass(frozen=True, slots=True)
class RoleConflict:
    """Two role claims on one person that put them on incompatible sides, from different
    documents."""

    entity: str
    first: RoleClaim
    second: RoleClaim


class RoleReader:
    """Roles, sides and attributes of people in one story, with one language's words."""

    def __init__(self, vocab: Vocab, reader: ContextReader, settings: EntitySettings) -> None:
        self.vocab = vocab
        self.reader = reader
        self.settings = settings
        roles = vocab.roles
        self._sides: dict[str, Side] = {
            noun.role: noun.side for noun in roles.nouns.values() if noun.side is not None
        }
        events = vocab.language.events.by_name()
        self._defendant_verbs = frozenset(
            verb for name in roles.defendant_events if name in events for verb in events[name].verbs
        )
        # "a sentence", "charges", "a trial": what a defendant is given, faces or stands.
        self._defendant_nouns = frozenset(roles.defendant_nouns) | frozenset(
            noun for name in roles.defendant_events if name in events for noun in events[name].nouns
        )

    def side_of(self, role: str) -> Side | None:
        """The side of a case a role is on ("prosecution lawyer" -> prosecution)."""
        for side in ("prosecution", "defence"):
            if role.startswith(side + " "):
                return side
        return self._sides.get(role.split()[-1]) if not role.startswith("former ") else None

    # --- one person's claims ------------------------------------------------------------

    def person_claims(
        self,
        docs: Sequence[Document],
        mentions: Sequence[tuple[int, Mention]],
        org_name: Callable[[int, int, int], str | None],
        sdoc: Callable[[int], Doc],
    ) -> tuple[list[RoleClaim], list[AttributeClaim]]:
        """Roles and attributes stated next to ``mentions`` (one person's).

        ``org_name(doc_index, start, end)`` names the organisation at a span, if any;
        ``sdoc(doc_index)`` is the document's spaCy Doc."""
        claims = _Claims(self)
        for di, m in mentions:
            doc = docs[di]
            parsed = sdoc(di)
            self._typed(claims, doc, parsed, di, m, org_name, self._owns_a_role(parsed, m))
            self._parsed(claims, doc, parsed, m)
        return list(claims.roles.values()), list(claims.attrs.values())

    def _typed(
        self,
        claims: _Claims,
        doc: Document,
        parsed: Doc,
        di: int,
        m: Mention,
        org_name: Callable[[int, int, int], str | None],
        possessor: bool = False,
    ) -> None:
        text = doc.clean_text
        cue = None if possessor else self.reader.left_role(text, m.start)
        if cue is not None:
            claims.role(cue.role, doc, cue.start, m.end)
            if cue.title:
                title_end = m.start
                while title_end > cue.start and text[title_end - 1] in " ,\u00a0\t":
                    title_end -= 1
                claims.attr("title", cue.title, doc, cue.start, title_end)
            claims.affiliation(cue, di, doc, org_name)
        cue = None if possessor else self.reader.right_role(text, m.end)
        if cue is not None:  # "X's lawyer" is not a role of X
            claims.role(cue.role, doc, m.start, cue.end)
            claims.affiliation(cue, di, doc, org_name)
        ages = (self.reader.right_age(parsed, m.end), self.reader.left_age(parsed, m.start))
        for age in ages:
            if age is None or not self.settings.min_age <= age.age <= self.settings.max_age:
                continue
            start = age.start if age.start >= 0 else m.start
            end = m.end if age.start >= 0 else age.end
            claims.attr("age", age.age, doc, start, end)

    def _owns_a_role(self, sdoc: Doc, m: Mention) -> bool:
        """The name is the possessor of a role noun ("Michael Jackson's personal physician",
        "Dr Murray's spokeswoman"): that noun is someone else's role, and a role noun typed
        before it ("the star's physician Michael Jackson's ...", a headline run into the
        text) is not the name's title either."""
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            return False
        root = span.root
        return root.dep_ == "poss" and root.head.lemma_.lower() in self.vocab.role_nouns

    def _parsed(self, claims: _Claims, doc: Document, sdoc: Doc, m: Mention) -> None:
        """Roles the parse states: an appositive or predicate role noun with its side, and a
        demonym on it as the nationality."""
        span = sdoc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None or not len(span):
            return
        head = through_conj(span.root)
        for noun in self._role_nouns(head):
            role = self.vocab.role_nouns.get(noun.lemma_.lower())
            if role is None:
                continue
            side = noun_side(self.vocab, noun, role)
            if side is not None and role == "lawyer":
                role = f"{side} lawyer"
            lo = min(m.start, noun.left_edge.idx)
            hi = max(m.end, right_end(noun))
            if side is not None:
                claims.drop_unsided_near(doc.id, lo, hi)  # "lawyer" read without its side
            if not claims.has_role_near(doc.id, lo, hi):
                claims.role(role, doc, lo, hi)
            for child in noun.children:
                if child.dep_ in ("amod", "compound") and self.vocab.is_demonym(child.text):
                    claims.attr("nationality", child.text, doc, child.idx, right_end(noun))

    def _role_nouns(self, head: Token) -> list[Token]:
        """Role nouns the parse attaches to the name: its appositions, the noun it is in
        apposition to, and the predicate of a copula it is the subject of."""
        out = [c for c in head.children if c.dep_ == "appos" and c.pos_ == "NOUN"]
        if head.dep_ == "appos" and head.head.pos_ == "NOUN":
            out.append(head.head)
        if head.dep_ in _SUBJECTS and head.head.lemma_ == "be":
            out += [c for c in head.head.children if c.dep_ == "attr" and c.pos_ == "NOUN"]
        if head.dep_ == "attr" and head.head.lemma_ == "be":
            out += [c for c in head.head.children if c.dep_ in _SUBJECTS and c.pos_ == "NOUN"]
        return out

    # --- defendants -----------------------------------------------------------------------

    def defendant_claims(
        self, docs: Sequence[Document], sdoc: Callable[[int], Doc]
    ) -> dict[tuple[int, int], RoleClaim]:
        """``(doc index, mention start) -> RoleClaim("defendant")`` for person mentions the
        parse makes the patient of a charge, trial, conviction, acquittal or sentence."""
        out: dict[tuple[int, int], RoleClaim] = {}
        for di, doc in enumerate(docs):
            people = [m for m in doc.mentions if m.label == "PERSON"]
            if not people:
                continue
            parsed = sdoc(di)
            for m in people:
                span = parsed.char_span(m.start, m.end, alignment_mode="expand")
                if span is None or not len(span):
                    continue
                cue = self._defendant_cue(through_conj(span.root))
                if cue is None:
                    continue
                lo, hi = min(m.start, cue.idx), max(m.end, cue.idx + len(cue.text))
                sentence = doc.parse.sentence_of(m.start) if doc.parse else None
                if sentence is not None and not (sentence[0] <= lo and hi <= sentence[1]):
                    continue
                claim = RoleClaim("defendant", doc.cite(lo, hi), side="accused")
                out.setdefault((di, m.start), claim)
        return out

    def _defendant_cue(self, head: Token) -> Token | None:
        """The verb or noun that makes ``head`` a defendant, if any."""
        verb = head.head
        lemma = verb.lemma_.lower()
        if head.dep_ == "nsubjpass" and lemma in self._defendant_verbs:
            return verb  # "X was charged", "X was sentenced"
        if head.dep_ == "dobj" and lemma in self._defendant_verbs:
            return verb  # "prosecutors charged X"
        undergoes = head.dep_ == "nsubjpass" or (
            head.dep_ == "nsubj" and verb.lemma_ in self.vocab.roles.defendant_subject_verbs
        )
        if undergoes and verb.pos_ in ("VERB", "AUX"):
            found = self._defendant_noun_of(verb)
            if found is not None:
                return found  # "X stands trial", "X faces charges", "X went on trial"
        if head.dep_ == "pobj":
            prep, noun = head.head, head.head.head
            nouns = self.vocab.roles.defendant_nouns
            if prep.lower_ in nouns.get(noun.lemma_.lower(), frozenset()):
                return noun  # "the trial of X", "the case against X"
            if noun.pos_ == "VERB" and prep.dep_ in ("dative", "prep"):
                found = self._defendant_noun_of(noun)
                if found is not None and found.dep_ == "dobj":
                    return found  # "handed sentences to X"
        return None

    def _defendant_noun_of(self, verb: Token) -> Token | None:
        """A trial, charge or sentence the verb takes as object or through a preposition."""
        for child in verb.children:
            if child.dep_ in ("dobj", "attr") and child.lemma_.lower() in self._defendant_nouns:
                return child
            if child.dep_ == "prep":
                for obj in child.children:
                    if obj.dep_ == "pobj" and obj.lemma_.lower() in self._defendant_nouns:
                        return obj
        return None


class _Claims:
    """One person's claims being collected, keyed so repeats collapse."""

    def __init__(self, reader: RoleReader) -> None:
        self.reader = reader
        self.roles: dict[tuple[str, str, int, int], RoleClaim] = {}
        self.attrs: dict[tuple[str, str, str, int, int], AttributeClaim] = {}

    def attr(self, name: str, value: str | int, doc: Document, start: int, end: int) -> None:
        key = (name, str(value), doc.id, start, end)
        self.attrs.setdefault(key, AttributeClaim(name, value, doc.cite(start, end)))

    def role(self, role: str, doc: Document, start: int, end: int) -> None:
        if role.startswith("former "):
            # A past position is no role in this story: kept as a title.
            self.attr("title", role, doc, start, end)
            return
        claim = RoleClaim(role, doc.cite(start, end), side=self.reader.side_of(role))
        self.roles.setdefault((role, doc.id, start, end), claim)

    def drop_unsided_near(self, doc: str, start: int, end: int) -> None:
        for key in [k for k, c in self.roles.items() if c.side is None]:
            _, d, s, e = key
            if d == doc and s < end and start < e:
                del self.roles[key]

    def has_role_near(self, doc: str, start: int, end: int) -> bool:
        return any(d == doc and s < end and start < e for (_, d, s, e) in self.roles)

    def affiliation(
        self,
        cue: RoleCue,
        di: int,
        doc: Document,
        org_name: Callable[[int, int, int], str | None],
    ) -> None:
        if cue.org_start >= 0 and not _other_entity(doc, cue.org_start, cue.org_end):
            value = (
                org_name(di, cue.org_start, cue.org_end)
                or doc.clean_text[cue.org_start : cue.org_end]
            )
            self.attr("affiliation", value, doc, cue.org_start, cue.org_end)


def mark_disputed(
    roles: Sequence[RoleClaim], incompatible: frozenset[frozenset[Side]]
) -> tuple[RoleClaim, ...]:
    """The claims, each marked ``disputed`` when another document puts the person on a side
    incompatible with it."""
    out = []
    for claim in roles:
        disputed = claim.side is not None and any(
            other.side is not None
            and other.citation.doc != claim.citation.doc
            and frozenset({claim.side, other.side}) in incompatible
            for other in roles
        )
        out.append(replace(claim, disputed=disputed) if disputed != claim.disputed else claim)
    return tuple(out)


def role_conflicts(
    entities: Sequence[Entity], incompatible: frozenset[frozenset[Side]]
) -> tuple[RoleConflict, ...]:
    """Every pair of role claims on one person from different documents whose sides cannot
    both hold (``incompatible`` is the language's ``Roles.incompatible_sides``)."""
    out: list[RoleConflict] = []
    for entity in entities:
        claims = [r for r in entity.roles if r.side is not None]
        for i, a in enumerate(claims):
            for b in claims[i + 1 :]:
                if a.citation.doc != b.citation.doc and frozenset({a.side, b.side}) in incompatible:
                    out.append(RoleConflict(entity.id, a, b))
    return tuple(out)


def _other_entity(doc: Document, start: int, end: int) -> bool:
    """Whether a place or person is named at the span (then it is no affiliation)."""
    return any(
        m.label in ("PLACE", "PERSON") and m.start < end and start < m.end for m in doc.mentions
    )
