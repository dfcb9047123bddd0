"""Story-wide consistency of mention labels before merging.

:func:`~dossier.entities.find_mentions` decides each document on its own (so
it can run sharded). Within one story the same string should get the same
type: a name tagged ORG in one article and PERSON in three others is a person;
a single word that is the family or given name of a person named in full
elsewhere in the story is that person; and a person's full name or family name
that the model missed in another article of the story is added there.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import replace

from dossier.entities.names import NameMatcher, PersonName
from dossier.entities.spans import name_shaped
from dossier.entities.vocab import Vocab
from dossier.model import Document, EntityType, Mention

_TYPES: dict[str, EntityType] = {"PERSON": "PERSON", "ORG": "ORG", "PLACE": "PLACE"}


def common_nouns(doc: Document) -> set[str]:
    """Lower-case words the document uses as common nouns (tagged NOUN, written lower case)."""
    parse = doc.parse
    if parse is None:
        return set()
    text = doc.clean_text
    out: set[str] = set()
    for i, pos in enumerate(parse.pos):
        if pos == "NOUN":
            word = text[parse.starts[i] : parse.ends[i]]
            if word.islower():
                out.add(word)
    return out


def harmonise(docs: Sequence[Document], vocab: Vocab, matcher: NameMatcher) -> list[Document]:
    """``docs`` with mention labels made consistent across the story (documents
    are copies; the input is not changed). A one-word name whose lower-case form another
    document of the story uses as a common noun ("propofol") is no name and is left out."""
    docs = _without_common_nouns(docs)
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

    full_names = [matcher.parse_person(f) for f in full_forms]
    out: list[Document] = []
    for doc in docs:
        mentions: list[Mention] = []
        for m in doc.mentions:
            key = matcher.name_key(m.text)
            label: EntityType = m.label
            if " " in m.text.strip():
                top = majority(key)
                label = _TYPES.get(top or "", label)
                if label != "PERSON" and _variant_of_person(m.text, full_names, vocab, matcher):
                    label = "PERSON"  # "Mary J. Walsh" (as ORG) beside the person "Mary Walsh"
            mentions.append(m if label == m.label else replace(m, label=label))
        mentions = _with_missed_people(doc, mentions, full_forms, vocab)
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
            # Same document: a word of a full name named here is that person, unless
            # the story mostly calls it a place ("Sick Mexico" does not make Mexico a person).
            mostly_place = votes[key]["PLACE"] > votes[key]["PERSON"] + 1
            if story_wide or (token in here and not mostly_place):
                mentions[i] = replace(m, label="PERSON")
        mentions.sort(key=lambda m: m.start)
        out.append(replace(doc, mentions=tuple(mentions)))
    return out


def _with_missed_people(
    doc: Document, mentions: list[Mention], full_forms: set[str], vocab: Vocab
) -> list[Mention]:
    """``mentions`` plus the full names and family names of the story's people that
    the model missed in this document (exact, case-sensitive, whole words). A full
    name may replace shorter mentions inside it that are not people ("Yerbol" as a
    place inside "Yerbol Qojabekuly")."""
    forms = set(full_forms)
    for form in full_forms:
        surname = form.split()[-1]
        low = surname.lower()
        if name_shaped(surname) and not (
            low in vocab.stop_words or low in vocab.calendar or low in vocab.title_words
        ):
            forms.add(surname)
    labelled_elsewhere = {m.text for m in mentions if m.label != "PERSON"}
    forms = {f for f in forms if f in full_forms or f not in labelled_elsewhere}
    if not forms:
        return mentions
    text = doc.clean_text
    # Kept mentions sorted by start, so the ones a hit overlaps are found by bisection.
    kept = sorted(mentions, key=lambda m: m.start)
    starts = [m.start for m in kept]
    longest = max((m.end - m.start for m in kept), default=0)
    pattern = re.compile(
        r"(?<![\w-])(?:"
        + "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
        + r")(?![\w-])"
    )
    for hit in pattern.finditer(text):
        s, e = hit.start(), hit.end()
        lo, hi = bisect_left(starts, s - longest), bisect_left(starts, e)
        inside = [m for m in kept[lo:hi] if s < m.end]
        full = hit.group() in full_forms and " " in hit.group()
        replaceable = full and all(
            s <= m.start and m.end <= e and m.label != "PERSON" for m in inside
        )
        if inside and not replaceable:
            continue
        # What stays in the window ends before the hit, so the new mention goes after it.
        before = [m for m in kept[lo:hi] if m.end <= s]
        kept[lo:hi] = [*before, Mention(doc.id, s, e, hit.group(), "PERSON")]
        starts[lo:hi] = [*(m.start for m in before), s]
        longest = max(longest, e - s)
    return kept


def _variant_of_person(
    text: str, people: list[PersonName], vocab: Vocab, matcher: NameMatcher
) -> bool:
    """A name of capitalised words, no organisation word among them, compatible with a person
    named in full in the story (a middle initial added, a nickname)."""
    words = text.split()
    if not 2 <= len(words) <= 4 or any(not w[:1].isupper() or vocab.is_org_word(w) for w in words):
        return False
    name = matcher.parse_person(text)
    return name.full and any(
        p.full and matcher.compatible(name, p) and p.text != name.text for p in people
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
