"""Deciding the label of each candidate span of one document.

Votes per name key: the model's label (a weak vote inside a title-case headline), the label
the span's own context asks for (a title, an age, an apposition, "the town of X", a dateline),
and what the parse says it is (a person by the verb it takes, a place by its head noun, a
work, a substance or an event by the noun it is in apposition to). A name whose lower-case
form the document uses as a common noun ("propofol") is not a name; a lone word that is a
given or family name of a person named in full in the document is that person.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from dossier.entities.names import TokenIndex, is_initial
from dossier.entities.spans import Cand, line_start
from dossier.entities.structure import Structure, common_nouns, lower_words
from dossier.model import Document

if TYPE_CHECKING:
    from dossier.entities.ner import MentionFinder

_CTX_WEIGHT = 3.0
_MODEL_WEIGHT = 1.0
_WEAK_WEIGHT = 0.25
_TYPES = ("PERSON", "ORG", "PLACE")
# not language: the parse's part-of-speech tags a name never has
_NOT_NAMES = frozenset({"VERB", "ADJ", "ADV"})
# not language: the parse's labels of an adjectival modifier ("Sparkling silver")
_MODIFIER_DEPS = frozenset({"amod", "acl"})
# What the parse calls a span that is no entity of ours, and why it is dropped.
_THINGS = {
    "WORK": "a work (song, album, film) by the noun it stands beside",
    "SUBSTANCE": "a substance (drug, sedative) by the noun it stands beside",
    "EVENT": "an event (concert, festival, cup) by the noun it stands beside",
    "PRODUCT": "a product (a brand, a trade name) by the noun it stands beside",
}


@dataclass(slots=True)
class _Votes:
    votes: dict[str, dict[str, float]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(float))
    )
    ctx: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    weak_ctx: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    strong: set[str] = field(default_factory=set)
    counts: dict[str, int] = field(default_factory=lambda: defaultdict(int))

    def winner(self, key: str) -> str | None:
        v = self.votes.get(key)
        if not v:
            return None
        return max(sorted(v), key=lambda lab: v[lab])


class Decider:
    """Labels for the candidates of one document."""

    def __init__(self, finder: MentionFinder, doc: Document, structure: Structure) -> None:
        self.finder = finder
        self.vocab = finder.vocab
        self.reader = finder.reader
        self.doc = doc
        self.text = doc.clean_text
        self.structure = structure
        self.common = common_nouns(doc)
        self.lower = lower_words(doc)
        self.outlets = {self._outlet_key(doc.outlet)} if doc.outlet else set()

    # --- one span's own context -------------------------------------------------------------

    def own_context(self, cand: Cand) -> str | None:
        """The label a span's own surroundings call for, if any (``PLACE_WEAK``: after a
        preposition; ``MODIFIER``: "the X copper mine", a name used as a modifier; a thing
        kind from :data:`_THINGS`)."""
        text, s, e = self.text, cand.start, cand.end
        if self.structure.group_at(s):
            return "DROP"
        if self._outlet_key(cand.text) in self.outlets:
            return "ORG"
        dateline = self.doc.dateline_place
        if dateline and self.finder.matcher.name_key(cand.text) == self.finder.matcher.name_key(
            dateline
        ):
            return "PLACE"
        if _dateline_shape(text, s, e) and cand.text.isupper():
            return "PLACE"  # "ZAISAN, Kazakhstan --", "ZELENOGORSK --"
        hit = self.structure.pattern_kind(s, e)
        if hit is not None:
            # A pattern's shape (a byline, a listing) says what the name is, even on a
            # title-case line.
            cand.weak = False
            if hit.kind not in _TYPES:
                cand.reason = hit.why  # why the thing is dropped
            return hit.kind
        found = self._person_cue(cand) or self._parse_kind(cand) or self._word_cue(cand)
        return found

    def _person_cue(self, cand: Cand) -> str | None:
        words = cand.text.split()
        if cand.model not in ("PERSON", "ORG", "RULE", "OTHER") or len(words) > 4:
            return None
        text, s, e = self.text, cand.start, cand.end
        reader = self.reader
        if (
            reader.honorific_before(text, s)
            or reader.right_age(self.structure.sdoc, e)
            or reader.left_age(self.structure.sdoc, s)
        ):
            return "PERSON"
        org_word = any(self.vocab.is_org_word(w) for w in words)
        cue = reader.left_role(text, s)
        if cue is not None and cue.org_start < 0 and not org_word and not cue.credit:
            return "PERSON"  # a credit ("Photo: X") names agencies as often as people
        if reader.right_role(text, e) is not None and not org_word:
            return "PERSON"
        return None

    def _parse_kind(self, cand: Cand) -> str | None:
        kind = self.structure.kind(cand.start, cand.end)
        if kind in _THINGS:
            return kind
        if kind == "PLACE" and cand.model in ("PERSON", "ORG", "PLACE", "OTHER"):
            return "PLACE" if cand.model != "ORG" else None
        if kind == "PERSON" and cand.model in ("PERSON", "ORG", "OTHER", "PLACE"):
            return "PERSON"
        if kind == "ORG" and cand.model in ("PERSON", "ORG", "OTHER", "PLACE"):
            return "ORG"
        return None

    def _word_cue(self, cand: Cand) -> str | None:
        words_ = self.vocab.words
        text, s, e = self.text, cand.start, cand.end
        before = text[max(0, s - 40) : s].rstrip().split()
        prev = before[-1].lower() if before else ""
        words = cand.text.split()
        if prev in words_.org_context_nouns:
            return "ORG"
        if (
            len(before) >= 2
            and prev in words_.connectors
            and before[-2].lower() in (words_.place_context_nouns)
        ):
            return "PLACE"  # "the town of X"
        after = text[e : e + 20].split()
        if (
            after
            and after[0].strip(",.").lower() in words_.place_context_nouns
            and (cand.model == "PLACE" or after[0][0].isupper())
        ):
            return "PLACE"  # "Almaty region", "Zelenogorsk District Court"
        root = self.structure.head(s, e)
        if root is not None and len(words) == 1:
            reporting = self.vocab.language.events.reporting_verbs
            if (
                root.dep_ == "dobj"
                and cand.model in ("ORG", "PLACE")
                and root.head.lemma_ in reporting
            ):
                return "ORG"  # "told Fergana": an outlet is told, a town is not
            if prev in words_.place_preps or (
                len(before) >= 2
                and before[-2].lower() in words_.place_preps
                and prev in words_.determiners
            ):
                return "PLACE_WEAK"
            if prev in words_.determiners and text[e : e + 3][1:2].islower():
                return "MODIFIER"
        return None

    def _after_location_prep(self, cand: Cand) -> bool:
        """The name is the object of a location preposition that attaches to a verb: where
        an event happens ("will play in Sopot", "was detained near X"), not what a noun is
        in ("shares in Norvatek", "a stake in X"); or of an origin preposition attached to a
        person's name: where the person is from ("Jane Doe from X", not "a spokesman from
        X")."""
        root = self.structure.head(cand.start, cand.end)
        if root is None or root.dep_ != "pobj":
            return False
        prep = root.head
        words = self.vocab.words
        if prep.lower_ in words.origin_preps:
            owner = prep.head
            return owner.pos_ == "PROPN" and owner.ent_type_ == "PERSON"
        return prep.lower_ in words.location_preps and prep.head.pos_ == "VERB"

    def _outlet_key(self, name: str) -> str:
        """Key of an outlet name without generic words ("Fergana News" ~ "Fergana")."""
        generic = self.vocab.words.outlet_words
        words = [w for w in name.replace(".", " ").split() if w.lower() not in generic]
        return self.finder.matcher.name_key(" ".join(words) if words else name)

    def reject_reason(self, cand: Cand) -> str | None:
        text = cand.text
        words = text.split()
        particle = len(words) > 1 and words[0].lower() in self.vocab.names.particles
        if not words or not (text[0].isupper() or text[0].isdigit() or particle):
            return "not capitalised"
        if cand.model == "NORP":
            return "nationality or group (NORP)"
        vocab = self.vocab
        if all(vocab.is_demonym(w) or w.lower() in vocab.words.generic_nouns for w in words):
            return "demonym or generic group"
        if all(w.lower() in vocab.calendar or w.lower() in vocab.stop_words for w in words):
            return "calendar word"
        if len(text) < 2 or text.startswith("@") or "http" in text:
            return "not a name"
        if len(words) > 7:
            return "too long"
        if len(words) == 1 and text.lower() in self.common and not text.isupper():
            return "its lower-case form is a common noun of the document"
        return None

    def person_shape(self, text: str) -> bool:
        """Capitalised tokens without organisation words, one of which carries a typical
        personal-name suffix ("Murager Alimuly", "Bagdat Asylbek")."""
        words = text.split()
        if not 2 <= len(words) <= 4:
            return False
        vocab = self.vocab
        if any(not w[:1].isupper() or vocab.is_org_word(w) or vocab.is_demonym(w) for w in words):
            return False
        suffixes = vocab.names.person_suffixes
        return any(w.lower().endswith(suffixes) and len(w) >= 5 for w in words)

    # --- the document's votes -------------------------------------------------------------

    def decide(self, cands: list[Cand]) -> None:
        matcher = self.finder.matcher
        for cand in cands:
            cand.key = matcher.name_key(cand.text)
        votes = self._vote(cands)
        doc_tokens = matcher.index(
            [
                w
                for c in cands
                if c.label != "DROP"
                and len(c.text.split()) >= 2
                and votes.winner(c.key) == "PERSON"
                and c.key in votes.strong
                for w in c.text.split()
            ]
        )
        for cand in cands:
            if cand.label != "DROP":
                self._label(cand, votes, doc_tokens)

    def _vote(self, cands: list[Cand]) -> _Votes:
        votes = _Votes()
        for cand in cands:
            votes.counts[cand.key] += 1
            cand.ctx = cand.ctx or self.own_context(cand)
            reason = self.reject_reason(cand)
            if reason or cand.ctx == "DROP":
                cand.label = "DROP"
                cand.reason = reason or "preceded by 'ethnic'"
                continue
            key = cand.key
            weight = _WEAK_WEIGHT if cand.weak else _MODEL_WEIGHT
            if cand.model in _TYPES:
                votes.votes[key][cand.model] += weight
            if cand.ctx in ("PLACE_WEAK", "MODIFIER", "OWNER"):
                votes.weak_ctx[key].add(cand.ctx)
                if cand.ctx == "PLACE_WEAK":
                    # "play in Sopot", "detained near X" say where an event is: that outweighs
                    # the model's ORG when nothing else does ("from X" does not: a statement
                    # from a firm; nor "shares in X").
                    located = self._after_location_prep(cand)
                    votes.votes[key]["PLACE"] += weight * (1.25 if located else 1.0)
            elif cand.ctx:
                votes.votes[key][cand.ctx] += _CTX_WEIGHT * (0.5 if cand.weak else 1.0)
                votes.ctx[key].add(cand.ctx)
            if cand.model == "ORG" and self.person_shape(cand.text):
                votes.votes[key]["PERSON"] += 1.5 * weight
            if not cand.weak:
                votes.strong.add(key)
        return votes

    def _label(self, cand: Cand, votes: _Votes, doc_tokens: TokenIndex) -> None:
        key = cand.key
        words = cand.text.split()
        label = votes.winner(key)
        own = cand.ctx if cand.ctx in _TYPES else None
        if cand.ctx == "OWNER":
            own = self._owner_label(cand, doc_tokens)
        if own is None and label not in _THINGS:
            # The parse calls the name a thing somewhere in the document and nothing calls
            # it a person, organisation or place: the model's votes do not outweigh that.
            thing = sorted(votes.ctx[key] & _THINGS.keys())
            if thing and not votes.ctx[key] & set(_TYPES):
                label = thing[0]
        if label in _THINGS and own != "PERSON":
            cand.label, cand.reason = "DROP", cand.reason or _THINGS[label]
            return
        if len(words) == 1 and own is None and not votes.ctx[key] & {"PLACE", "ORG"}:
            v = votes.votes[key]
            # A word the model mostly calls a place stays a place ("Sick Mexico" is no
            # reason to make every "Mexico" a person).
            mostly_place = v.get("PLACE", 0.0) > v.get("PERSON", 0.0) + 1.0
            if doc_tokens.matches(cand.text) and not mostly_place:
                label = "PERSON"
        if len(words) == 1 and own is None and self._verb_form(cand):
            cand.label = "DROP"
            cand.reason = "a capitalised verb form (the parse), never a name in the document"
            return
        label = own or label
        if label not in _TYPES:
            label = cand.model if cand.model in _TYPES else None
        if label is None:
            cand.label, cand.reason = "DROP", "no label"
            return
        reason = self._lone_word(cand, label, own, votes, doc_tokens)
        if reason == "PLACE":
            label = "PLACE"
        elif reason:
            cand.label, cand.reason = "DROP", reason
            return
        if label == "PERSON" and any(_letters_and_digits(w) for w in words):
            cand.label = "DROP"
            cand.reason = "letters and digits mixed: a code, not a name (H1N1)"
            return
        if label == "PERSON" and any(
            self.vocab.is_org_word(w)
            or (w.isupper() and 2 <= len(w) <= 5 and not is_initial(w))
            or w.isdigit()
            for w in words
        ):
            label = "ORG"  # "Migrationwatch UK", "Jackson 5": acronyms, numbers, org words
        cand.label = label

    def _verb_form(self, cand: Cand) -> bool:
        """A lone word the parse reads as an inflected verb ("Marketed under the trade name
        X", "Produced as a white fluid": a list item's first word) that the document never
        tags a proper noun."""
        root = self.structure.head(cand.start, cand.end)
        if root is None or root.pos_ != "VERB" or root.lemma_.lower() == root.lower_:
            return False
        return not any(t.text == root.text and t.pos_ == "PROPN" for t in self.structure.sdoc)

    def _owner_label(self, cand: Cand, doc_tokens: TokenIndex) -> str | None:
        """The label of a name a role belongs to ("X fire chief Y"): a person when the
        document names a person in full with its words ("Murray defence lawyer"), else an
        organisation when the model or an organisation word says so, else a place."""
        words = cand.text.split()
        if all(doc_tokens.matches(w) for w in words):
            return None
        if cand.model == "ORG" or any(self.vocab.is_org_word(w) for w in words):
            return "ORG"
        return "PLACE"

    def _lone_word(
        self, cand: Cand, label: str, own: str | None, votes: _Votes, doc_tokens: TokenIndex
    ) -> str | None:
        """Why a candidate is dropped (or "PLACE" when a lone word is a place), or None."""
        key = cand.key
        words = cand.text.split()
        named = doc_tokens.matches(cand.text)
        lone = label == "PERSON" and len(words) == 1 and own is None and not named
        if lone and "PERSON" not in votes.ctx[key]:
            # A lone word never named in full nor introduced as a person.
            if "PLACE_WEAK" in votes.weak_ctx[key] or votes.votes[key].get("PLACE"):
                return "PLACE"
            if "MODIFIER" in votes.weak_ctx[key]:
                return "a lone word used as a modifier (the X mine)"
        supported = label == "PERSON" and any(doc_tokens.matches(w) for w in words)
        if cand.weak and key not in votes.strong and not supported:
            return "only in a title-case headline"
        if (
            label == "PERSON"
            and len(words) == 1
            and own is None
            and votes.counts[key] == 1
            and line_start(self.text, cand.start)
            and not named
        ):
            return "lone capitalised word at the start of a line"
        if lone and "PERSON" not in votes.ctx[key]:
            return self._capitalised_word(cand, opener=True)
        # A role word before it is no evidence when the parse reads the word as a modifier
        # ("13 major British-based charities"); an honorific is.
        if (
            label == "PERSON"
            and len(words) == 1
            and not named
            and not self.reader.honorific_before(self.text, cand.start)
        ):
            return self._capitalised_word(cand, opener=False)
        return None

    def _capitalised_word(self, cand: Cand, opener: bool) -> str | None:
        """Why a lone capitalised word is no name: the parse reads it as a verb, an adjective
        or an adverb, or as the adjectival modifier of a noun ("Glowing red, its facade ..."),
        or (``opener``) it opens a sentence and the document uses it in lower case."""
        root = self.structure.head(cand.start, cand.end)
        if root is None:
            return None
        if root.pos_ in _NOT_NAMES or root.dep_ in _MODIFIER_DEPS:
            return "a capitalised verb, adjective or adverb (the parse), not a name"
        if opener and root.is_sent_start and cand.text.lower() in self.lower:
            return "opens a sentence and the document uses it in lower case"
        return None


def _letters_and_digits(word: str) -> bool:
    return any(
        (a.isalpha() and b.isdigit()) or (a.isdigit() and b.isalpha())
        for a, b in itertools.pairwise(word)
    )


def _dateline_shape(text: str, start: int, end: int) -> bool:
    """A name at the start of a line followed by a comma, a dash or a bracket: a dateline."""
    after = text[end : end + 6].lstrip(" ")
    return line_start(text, start) and after[:1] in (",", "(", "—", "–", "-")
