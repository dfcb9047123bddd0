"""Grouping person mentions of one story into people.

Full names (two or more tokens) are clustered first, complete-link: a name
joins a group only if it is compatible with every name already in it, so two
people who share a family name but not a given name never meet. Bare single
words (a family name used alone) then go to the group whose family name they
match: the only one in the story, or, when several match, the one named in
full most recently in the same document (else most often in it); if none of
the matching people is named in that document, the word stays on its own.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from dossier.entities.lexicon import HONORIFICS
from dossier.entities.names import NameMatcher, PersonName, keys_match, parse_person
from dossier.entities.settings import EntitySettings
from dossier.model import Document, Mention


@dataclass(slots=True)
class PersonGroup:
    """Mentions of one person across the documents of a story."""

    names: list[PersonName] = field(default_factory=list)  # distinct full names
    mentions: list[tuple[int, Mention]] = field(default_factory=list)  # (doc index, mention)

    def first_position(self) -> tuple[int, int]:
        return min((d, m.start) for d, m in self.mentions)


def group_people(docs: list[Document], settings: EntitySettings) -> list[PersonGroup]:  # noqa: C901 (to split with the entity rewrite (issue 13))
    matcher = NameMatcher(settings.typo_min_len)
    person: list[tuple[int, Mention, PersonName]] = []
    for di, doc in enumerate(docs):
        for m in doc.mentions:
            if m.label != "PERSON":
                continue
            name = parse_person(m.text)
            if name.tokens:
                person.append((di, m, name))

    # 1. full names, most frequent first, complete-link.
    full_counts: Counter[str] = Counter()
    first_seen: dict[str, tuple[int, int]] = {}
    parsed: dict[str, PersonName] = {}
    for di, m, name in person:
        if name.full:
            full_counts[name.text] += 1
            first_seen.setdefault(name.text, (di, m.start))
            parsed[name.text] = name
    order = sorted(full_counts, key=lambda t: (-full_counts[t], -len(t), first_seen[t]))
    groups: list[PersonGroup] = []
    group_of: dict[str, int] = {}
    surnames = _GroupIndex(matcher)
    givens = _GroupIndex(matcher)
    for text in order:
        name = parsed[text]
        best = -1
        best_weight = -1
        for gi in sorted(surnames.lookup(name.surname)):
            group = groups[gi]
            if all(matcher.compatible(name, other) for other in group.names):
                weight = sum(full_counts[o.text] for o in group.names)
                if weight > best_weight:
                    best, best_weight = gi, weight
        if best < 0:
            groups.append(PersonGroup())
            best = len(groups) - 1
        groups[best].names.append(name)
        surnames.add(name.surname, best)
        givens.add(name.given, best)
        group_of[text] = best
    # Who is named where, for bare words: (group, doc) -> (offset, parsed name) in text order.
    in_doc: dict[tuple[int, int], list[tuple[int, PersonName]]] = defaultdict(list)
    for di, m, name in person:
        if name.full:
            groups[group_of[name.text]].mentions.append((di, m))
            in_doc[(group_of[name.text], di)].append((m.start, name))

    # 2. bare words.
    singles: list[PersonGroup] = []
    single_index = _GroupIndex(matcher)
    for di, m, name in person:
        if name.full:
            continue
        token = name.surname
        target = _place_single(token, di, m.start, in_doc, matcher, surnames, givens)
        if target is not None:
            groups[target].mentions.append((di, m))
            in_doc[(target, di)].append((m.start, name))
            continue
        # A bare name no full name claims: joins the bare names it matches (all of them).
        joined = False
        for si in sorted(single_index.lookup(token)):
            group = singles[si]
            if all(matcher.match(token, n.surname) for n in group.names):
                group.mentions.append((di, m))
                if all(n.text != name.text for n in group.names):
                    group.names.append(name)
                    single_index.add(token, si)
                joined = True
                break
        if not joined:
            singles.append(PersonGroup(names=[name], mentions=[(di, m)]))
            single_index.add(token, len(singles) - 1)
    return [g for g in groups + singles if g.mentions]


def _variants(key: str) -> set[str]:
    """The key and its single-deletion variants: two keys one edit apart share one."""
    return {key} | {key[:i] + key[i + 1 :] for i in range(len(key))}


class _GroupIndex:
    """Name tokens → the groups holding them: key and stem look-ups, plus a
    deletion-neighbourhood index for single-letter typos (verified by
    :func:`keys_match`)."""

    def __init__(self, matcher: NameMatcher) -> None:
        self.matcher = matcher
        self.by_key: dict[str, set[int]] = defaultdict(set)
        self.groups_of: dict[tuple[str, str], set[int]] = defaultdict(set)
        self.by_variant: dict[str, set[tuple[str, str]]] = defaultdict(set)

    def add(self, token: str, group: int) -> None:
        key, stem = self.matcher.keys(token)
        if not key:
            return
        self.by_key[key].add(group)
        self.by_key[stem].add(group)
        pair = (key, stem)
        if pair not in self.groups_of:
            for variant in _variants(key) | _variants(stem):
                self.by_variant[variant].add(pair)
        self.groups_of[pair].add(group)

    def lookup(self, token: str) -> set[int]:
        key, stem = self.matcher.keys(token)
        if not key:
            return set()
        found = self.by_key.get(key, set()) | self.by_key.get(stem, set())
        typo = self.matcher.typo_min_len
        if len(key) >= typo - 1:
            pairs: set[tuple[str, str]] = set()
            for variant in _variants(key) | _variants(stem):
                pairs |= self.by_variant.get(variant, set())
            for k2, s2 in pairs:
                if keys_match(key, stem, k2, s2, typo):
                    found |= self.groups_of[(k2, s2)]
        return found


def _place_single(
    token: str,
    doc: int,
    pos: int,
    in_doc: dict[tuple[int, int], list[tuple[int, PersonName]]],
    matcher: NameMatcher,
    surnames: _GroupIndex,
    givens: _GroupIndex,
) -> int | None:
    """The group a bare name belongs to, or None when absent or ambiguous."""
    single = PersonName((token,))
    by_surname = sorted(surnames.lookup(token))
    candidates = by_surname or sorted(givens.lookup(token))
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    # Several people share the name: the one named in full most recently before
    # this point in the same document, else the one named most often in it.
    recent: tuple[int, int] | None = None
    counts: Counter[int] = Counter()
    # A bare word is compatible with a name when it matches its family name.
    compatible: dict[str, bool] = {}
    for gi in candidates:
        for start, name in in_doc.get((gi, doc), ()):
            ok = compatible.get(name.surname)
            if ok is None:
                ok = compatible[name.surname] = matcher.compatible(single, name)
            if not ok:
                continue
            counts[gi] += 1
            if start < pos and (recent is None or start > recent[1]):
                recent = (gi, start)
    if recent is not None:
        return recent[0]
    if counts:
        top = counts.most_common()
        if len(top) == 1 or top[0][1] > top[1][1]:
            return top[0][0]
    return None


def canonical_person_name(group: PersonGroup) -> str:
    """Fullest, most frequent spelling: full names before bare ones; among
    them the most frequent, then the longest."""
    counts: Counter[str] = Counter()
    surface: dict[str, str] = {}
    for _, m in group.mentions:
        name = parse_person(m.text)
        counts[name.text] += 1
        # Shown as written (minus a leading honorific), e.g. "King of Pop".
        surface.setdefault(name.text, _strip_honorific(m.text))
    full = [t for t in counts if parse_person(t).full]
    pool = full or list(counts)
    return surface[max(pool, key=lambda t: (counts[t], len(t), t))]


def _strip_honorific(text: str) -> str:
    words = re.sub(r"['’]s?$", "", text.strip()).split()
    while len(words) > 1 and words[0].lower() in HONORIFICS:
        words = words[1:]
    return " ".join(words)
