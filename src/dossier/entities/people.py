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

from collections import Counter
from dataclasses import dataclass, field

from dossier.entities.names import (
    PersonName,
    given_matches,
    names_compatible,
    parse_person,
    surname_matches,
    tokens_match,
)
from dossier.entities.settings import EntitySettings
from dossier.model import Document, Mention


@dataclass(slots=True)
class PersonGroup:
    """Mentions of one person across the documents of a story."""

    names: list[PersonName] = field(default_factory=list)  # distinct full names
    mentions: list[tuple[int, Mention]] = field(default_factory=list)  # (doc index, mention)

    def first_position(self) -> tuple[int, int]:
        return min((d, m.start) for d, m in self.mentions)


def group_people(docs: list[Document], settings: EntitySettings) -> list[PersonGroup]:
    typo = settings.typo_min_len
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
    for text in order:
        name = parsed[text]
        best = -1
        best_weight = -1
        for gi, group in enumerate(groups):
            if all(names_compatible(name, other, typo_min_len=typo) for other in group.names):
                weight = sum(full_counts[o.text] for o in group.names)
                if weight > best_weight:
                    best, best_weight = gi, weight
        if best < 0:
            groups.append(PersonGroup())
            best = len(groups) - 1
        groups[best].names.append(name)
        group_of[text] = best
    for di, m, name in person:
        if name.full:
            groups[group_of[name.text]].mentions.append((di, m))

    # 2. bare words.
    singles: list[PersonGroup] = []
    for di, m, name in person:
        if name.full:
            continue
        token = name.tokens[0]
        target = _place_single(token, di, m.start, groups, typo)
        if target is not None:
            groups[target].mentions.append((di, m))
            continue
        for group in singles:
            if any(tokens_match(token, n.tokens[0], typo_min_len=typo) for n in group.names):
                group.mentions.append((di, m))
                if all(n.text != name.text for n in group.names):
                    group.names.append(name)
                break
        else:
            singles.append(PersonGroup(names=[name], mentions=[(di, m)]))
    return [g for g in groups + singles if g.mentions]


def _place_single(
    token: str, doc: int, pos: int, groups: list[PersonGroup], typo: int
) -> int | None:
    """The group a bare name belongs to, or None when absent or ambiguous."""
    single = PersonName((token,))
    by_surname = [
        gi
        for gi, g in enumerate(groups)
        if any(surname_matches(token, n, typo_min_len=typo) for n in g.names)
    ]
    candidates = by_surname or [
        gi
        for gi, g in enumerate(groups)
        if any(given_matches(token, n.given, typo_min_len=typo) for n in g.names)
    ]
    if not candidates:
        return None
    if len(candidates) == 1:
        return candidates[0]
    # Several people share the name: the one named in full most recently before
    # this point in the same document, else the one named most often in it.
    recent: tuple[int, int] | None = None
    counts: Counter[int] = Counter()
    for gi in candidates:
        for d, m in groups[gi].mentions:
            if d != doc or not names_compatible(single, parse_person(m.text), typo_min_len=typo):
                continue
            counts[gi] += 1
            if m.start < pos and (recent is None or m.start > recent[1]):
                recent = (gi, m.start)
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
    for _, m in group.mentions:
        counts[parse_person(m.text).text] += 1
    full = [t for t in counts if len(t.split()) >= 2]
    pool = full or list(counts)
    return max(pool, key=lambda t: (counts[t], len(t), t))
