"""Story-wide consistency of mention labels before merging.

:func:`~dossier.entities.find_mentions` decides each document on its own (so
it can run sharded). Within one story the same string should get the same
type: a name tagged ORG in one article and PERSON in three others is a person;
a single word that is the family or given name of a person named in full
elsewhere in the story is that person; and a person's full name or family name
that the model missed in another article of the story is added there.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import replace

from dossier.entities.names import KeyIndex, NameMatcher, PersonName
from dossier.entities.spans import FormFinder, name_shaped
from dossier.entities.structure import common_nouns
from dossier.entities.things import story_things
from dossier.entities.vocab import Vocab
from dossier.model import Document, EntityType, Mention

_TYPES: dict[str, EntityType] = {"PERSON": "PERSON", "ORG": "ORG", "PLACE": "PLACE"}


def harmonise(docs: Sequence[Document], vocab: Vocab, matcher: NameMatcher) -> list[Document]:
    """``docs`` with mention labels made consistent across the story (documents
    are copies; the input is not changed). A one-word name whose lower-case form another
    document of the story uses as a common noun ("propofol") is no name and is left out."""
    docs = _without_common_nouns(docs)
    things = story_things(docs, vocab)
    docs = [replace(d, mentions=tuple(m for m in d.mentions if m.text not in things)) for d in docs]
    votes: dict[str, Counter[str]] = defaultdict(Counter)
    for doc in docs:
        for m in doc.mentions:
            votes[matcher.name_key(m.text)][m.label] += 1

    def majority(key: str) -> str | None:
        counts = votes.get(key)
        if not counts:
            return None
        (label, n), *rest = counts.most_common()
        return label if n * 2 > sum(counts.values()) and (not rest or rest[0][1] < n) else None

    person_tokens: set[str] = set()
    full_forms: set[str] = set()
    for doc in docs:
        for m in doc.mentions:
            name = matcher.parse_person(m.text)
            if m.label == "PERSON" and name.full and majority(matcher.name_key(m.text)) == "PERSON":
                person_tokens.update(matcher.keys(t)[0] for t in name.tokens)
                full_forms.add(m.text)

    people = _People(matcher, [matcher.parse_person(f) for f in full_forms])
    sole = _sole_surnames(docs, matcher, full_forms, majority)
    finder = missed_people_finder(full_forms, vocab)
    out: list[Document] = []
    for doc in docs:
        mentions: list[Mention] = []
        for m in doc.mentions:
            key = matcher.name_key(m.text)
            label: EntityType = m.label
            if " " in m.text.strip():
                top = majority(key)
                label = _TYPES.get(top or "", label)
                if label != "PERSON" and people.variant(m.text, vocab):
                    label = "PERSON"  # "Mary J. Walsh" (as ORG) beside the person "Mary Walsh"
            mentions.append(m if label == m.label else replace(m, label=label))
        mentions = _with_missed_people(doc, mentions, full_forms, finder)
        # Tokens of people named in full in this document (after the additions).
        here = {
            matcher.keys(t)[0]
            for m in mentions
            if m.label == "PERSON" and matcher.parse_person(m.text).full
            for t in matcher.parse_person(m.text).tokens
        }
        for i, m in enumerate(mentions):
            if m.label == "PERSON" or " " in m.text.strip():
                continue
            key = matcher.name_key(m.text)
            token = matcher.keys(m.text)[0]
            story_wide = token in person_tokens and votes[key]["PERSON"] >= votes[key][m.label]
            # The model's ORG on the family name of one person of the story, a word of no
            # other name the story calls an organisation or a place ("Varnhout's lawyer").
            story_wide = story_wide or (m.label == "ORG" and token in sole)
            # Same document: a word of a full name named here is that person, unless
            # the story mostly calls it a place ("Sick Mexico" does not make Mexico a person).
            mostly_place = votes[key]["PLACE"] > votes[key]["PERSON"] + 1
            if story_wide or (token in here and not mostly_place):
                mentions[i] = replace(m, label="PERSON")
        mentions.sort(key=lambda m: m.start)
        out.append(replace(doc, mentions=tuple(mentions)))
    return out


def _sole_surnames(
    docs: Sequence[Document],
    matcher: NameMatcher,
    full_forms: set[str],
    majority: Callable[[str], str | None],
) -> frozenset[str]:
    """Keys of the family names of exactly one person named in full in the story that are
    no word of a longer name the story mostly calls something else ("Ford" beside "Ford
    Motor" is not one); a longer name holding a person's full name ("Cyclist Ilse X") does
    not count."""
    people: dict[str, set[str]] = defaultdict(set)
    for form in full_forms:
        name = matcher.parse_person(form)
        people[matcher.keys(name.surname)[0]].add(matcher.joined_key(name))
    taken: set[str] = set()
    for doc in docs:
        for m in doc.mentions:
            words = m.text.split()
            if len(words) < 2 or majority(matcher.name_key(m.text)) in ("PERSON", None):
                continue
            if any(f in m.text for f in full_forms):
                continue
            taken.update(matcher.keys(w)[0] for w in words)
    return frozenset(k for k, names in people.items() if len(names) == 1 and k not in taken)


def missed_people_finder(full_forms: set[str], vocab: Vocab) -> FormFinder:
    """The full names of the story's people and their family names, to find where the
    model missed them."""
    forms = set(full_forms)
    for form in full_forms:
        surname = form.split()[-1]
        low = surname.lower()
        if name_shaped(surname) and not (
            low in vocab.stop_words or low in vocab.calendar or low in vocab.title_words
        ):
            forms.add(surname)
    return FormFinder(forms)


def _with_missed_people(
    doc: Document, mentions: list[Mention], full_forms: set[str], finder: FormFinder
) -> list[Mention]:
    """``mentions`` plus the full names and family names of the story's people that
    the model missed in this document (exact, case-sensitive, whole words; a family name
    only where the document does not label it otherwise). A full name may replace shorter
    mentions inside it that are not people ("Yerbol" as a place inside "Yerbol
    Qojabekuly")."""
    if not finder:
        return mentions
    skip = {m.text for m in mentions if m.label != "PERSON"} - full_forms
    text = doc.clean_text
    # Kept mentions sorted by start, so the ones a hit overlaps are found by bisection.
    kept = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in kept]
    longest = max((m.end - m.start for m in kept), default=0)
    for s, e, form in finder.finditer(text, skip):
        lo, hi = bisect_left(starts, s - longest), bisect_left(starts, e)
        inside = [m for m in kept[lo:hi] if s < m.end]
        full = form in full_forms and " " in form
        replaceable = full and all(
            s <= m.start and m.end <= e and m.label != "PERSON" for m in inside
        )
        if inside and not replaceable:
            continue
        # What stays in the window ends before the hit, so the new mention goes after it.
        before = [m for m in kept[lo:hi] if m.end <= s]
        kept[lo:hi] = [*before, Mention(doc.id, s, e, form, "PERSON")]
        starts[lo:hi] = [*(m.start for m in before), s]
        longest = max(longest, e - s)
    return kept


class _People:
    """The story's people named in full, filed by family name, for one question: is a
    name a variant of one of them?"""

    def __init__(self, matcher: NameMatcher, names: list[PersonName]) -> None:
        self.matcher = matcher
        self.names = [n for n in names if n.full]
        self.by_surname: KeyIndex[int] = KeyIndex(matcher)
        self.by_joined: dict[str, set[int]] = defaultdict(set)
        for i, name in enumerate(self.names):
            self.by_surname.add(name.surname, i)
            self.by_joined[matcher.joined_key(name)].add(i)
        self._memo: dict[str, bool] = {}

    def variant(self, text: str, vocab: Vocab) -> bool:
        """A name of capitalised words, no organisation word among them, compatible with a
        person named in full in the story (a middle initial added, a nickname)."""
        found = self._memo.get(text)
        if found is None:
            found = self._memo[text] = self._variant(text, vocab)
        return found

    def _variant(self, text: str, vocab: Vocab) -> bool:
        words = text.split()
        if not 2 <= len(words) <= 4 or any(
            not w[:1].isupper() or vocab.is_org_word(w) for w in words
        ):
            return False
        name = self.matcher.parse_person(text)
        if not name.full:
            return False
        near = self.by_surname.find(name.surname) | self.by_joined.get(
            self.matcher.joined_key(name), set()
        )
        return any(
            self.matcher.compatible(name, self.names[i]) and self.names[i].text != name.text
            for i in near
        )


def _without_common_nouns(docs: Sequence[Document]) -> list[Document]:
    """Documents without the one-word mentions whose lower-case form a document of the story
    uses as a common noun."""
    common: set[str] = set()
    for doc in docs:
        common |= common_nouns(doc)
    return [
        replace(
            d,
            mentions=tuple(
                m
                for m in d.mentions
                if " " in m.text or m.text.isupper() or m.text.lower() not in common
            ),
        )
        for d in docs
    ]
