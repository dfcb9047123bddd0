"""Grouping person mentions of one story into people.

Full names (two or more tokens) are clustered first, complete-link: a name joins a group only
if it is compatible with every name already in it (:meth:`NameMatcher.compatible`: family name
with its gender, given name or a variant of it, middle names), so two people who share a family
name but not a given name never meet, nor do a man and a woman of one family.

A bare word (a family name, or a given name, used alone) goes to the person it is unambiguous
for: the only person of that name named in full in the same document; when several are, the one
whose family name it spells exactly; when that does not decide, the one the same word stands
for unambiguously in the story's other documents. Otherwise it stays unresolved, with the reason
and the people it could be; with no candidate at all it stands on its own (bare words that
match each other join).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from dossier.entities.names import KeyIndex, NameMatcher, PersonName
from dossier.entities.vocab import Vocab
from dossier.model import Document, Mention


@dataclass(slots=True)
class PersonGroup:
    """Mentions of one person across the documents of a story (or of one unresolved bare
    name, with why and who it could be)."""

    names: list[PersonName] = field(default_factory=list)  # distinct full names
    mentions: list[tuple[int, Mention]] = field(default_factory=list)  # (doc index, mention)
    unresolved: str | None = None
    candidates: list[int] = field(default_factory=list)  # indexes of groups it may be

    def first_position(self) -> tuple[int, int]:
        return min((d, m.start) for d, m in self.mentions)


@dataclass(slots=True)
class _Bare:
    doc: int
    mention: Mention
    name: PersonName
    target: int | None = None
    candidates: tuple[int, ...] = ()
    reason: str = ""


class PeopleGrouper:
    def __init__(self, vocab: Vocab, matcher: NameMatcher) -> None:
        self.vocab = vocab
        self.matcher = matcher

    def group(self, docs: Sequence[Document]) -> list[PersonGroup]:
        person: list[tuple[int, Mention, PersonName]] = []
        for di, doc in enumerate(docs):
            for m in doc.mentions:
                if m.label == "PERSON":
                    name = self.matcher.parse_person(m.text)
                    if name.tokens:
                        person.append((di, m, name))
        groups, group_of = self._full_names(person)
        named_in: dict[int, set[int]] = defaultdict(set)  # doc -> groups named in full there
        for di, m, name in person:
            if name.full:
                groups[group_of[name.text]].mentions.append((di, m))
                named_in[di].add(group_of[name.text])
        bares = [_Bare(di, m, name) for di, m, name in person if not name.full]
        self._place_bare(bares, groups, named_in)
        return [g for g in groups if g.mentions] + self._leftovers(bares, groups)

    # --- full names -------------------------------------------------------------------

    def _full_names(
        self, person: list[tuple[int, Mention, PersonName]]
    ) -> tuple[list[PersonGroup], dict[str, int]]:
        """Complete-link clusters of the full names, most frequent first."""
        counts: Counter[str] = Counter()
        first_seen: dict[str, tuple[int, int]] = {}
        parsed: dict[str, PersonName] = {}
        for di, m, name in person:
            if name.full:
                counts[name.text] += 1
                first_seen.setdefault(name.text, (di, m.start))
                parsed[name.text] = name
        order = sorted(counts, key=lambda t: (-counts[t], -len(t), first_seen[t]))
        groups: list[PersonGroup] = []
        group_of: dict[str, int] = {}
        by_surname: KeyIndex[int] = KeyIndex(self.matcher)
        by_joined: dict[str, set[int]] = defaultdict(set)  # "Kim Jong Un" = "Kim Jong-un"
        for text in order:
            name = parsed[text]
            joined = self.matcher.joined_key(name)
            best, best_weight = -1, -1
            for gi in sorted(by_surname.find(name.surname) | by_joined.get(joined, set())):
                group = groups[gi]
                if all(self.matcher.compatible(name, other) for other in group.names):
                    weight = sum(counts[o.text] for o in group.names)
                    if weight > best_weight:
                        best, best_weight = gi, weight
            if best < 0:
                groups.append(PersonGroup())
                best = len(groups) - 1
            groups[best].names.append(name)
            by_surname.add(name.surname, best)
            by_joined[joined].add(best)
            group_of[text] = best
        return groups, group_of

    # --- bare words ---------------------------------------------------------------------

    def _fits(self, token: str, group: PersonGroup) -> tuple[bool, bool, bool]:
        """(as family name, exactly as family name, as given name)."""
        surname = any(self.matcher.surname_match(token, n.surname) for n in group.names)
        key = self.matcher.keys(token)[0]
        exact = any(self.matcher.keys(n.surname)[0] == key for n in group.names)
        given = any(self.matcher.match(token, n.given) for n in group.names)
        return surname, exact and surname, given

    def _candidates(self, token: str, pool: Sequence[int], groups: list[PersonGroup]) -> list[int]:
        fits = {gi: self._fits(token, groups[gi]) for gi in pool}
        by_surname = [gi for gi in pool if fits[gi][0]]
        if len(by_surname) > 1:
            exact = [gi for gi in by_surname if fits[gi][1]]
            if len(exact) == 1:
                return exact  # "Lavrov" is Sergei Lavrov, not Pavel Lavrov-ish spellings
        return by_surname or [gi for gi in pool if fits[gi][2]]

    def _place_bare(
        self, bares: list[_Bare], groups: list[PersonGroup], named_in: dict[int, set[int]]
    ) -> None:
        filed: KeyIndex[int] = KeyIndex(self.matcher)  # family and given names -> groups
        for gi, group in enumerate(groups):
            for n in group.names:
                filed.add(n.surname, gi)
                filed.add(n.given, gi)
        # 1. Unambiguous in the document (else in the story, when no one of the name is named
        # in full in the document).
        for bare in bares:
            token = bare.name.surname
            near = filed.find(token)
            here = self._candidates(token, sorted(near & named_in.get(bare.doc, set())), groups)
            pool = here or self._candidates(token, sorted(near), groups)
            bare.candidates = tuple(pool)
            if len(pool) == 1:
                bare.target = pool[0]
        # 2. Ambiguous ones: the person the same word stands for elsewhere in the story.
        settled: dict[str, set[int]] = defaultdict(set)
        for bare in bares:
            if bare.target is not None:
                settled[self.matcher.keys(bare.name.surname)[0]].add(bare.target)
        for bare in bares:
            if bare.target is not None or len(bare.candidates) < 2:
                continue
            elsewhere = settled.get(self.matcher.keys(bare.name.surname)[0], set())
            chosen = elsewhere & set(bare.candidates)
            if len(chosen) == 1:
                bare.target = next(iter(chosen))
            else:
                names = [_display(groups[gi]) for gi in bare.candidates]
                where = (
                    "in this document"
                    if bare.candidates[0] in named_in.get(bare.doc, ())
                    else "in the story"
                )
                bare.reason = (
                    f"{bare.name.text!r} could be {', '.join(names[:-1])} or {names[-1]}: "
                    f"all are named {where}"
                )
        for bare in bares:
            if bare.target is not None:
                groups[bare.target].mentions.append((bare.doc, bare.mention))

    def _leftovers(self, bares: list[_Bare], groups: list[PersonGroup]) -> list[PersonGroup]:
        """Bare words no person claims: the ambiguous ones (one group per word and set of
        candidates), and the ones matching no one (joined when they match each other)."""
        out: list[PersonGroup] = []
        ambiguous: dict[tuple[str, tuple[int, ...]], PersonGroup] = {}
        alone: KeyIndex[int] = KeyIndex(self.matcher)  # family names -> index in ``out``
        for bare in bares:
            if bare.target is not None:
                continue
            if bare.reason:
                key = (self.matcher.keys(bare.name.surname)[0], bare.candidates)
                group = ambiguous.get(key)
                if group is None:
                    group = ambiguous[key] = PersonGroup(
                        names=[bare.name], unresolved=bare.reason, candidates=list(bare.candidates)
                    )
                    out.append(group)
                group.mentions.append((bare.doc, bare.mention))
                continue
            surname = bare.name.surname
            found = next(
                (
                    i
                    for i in sorted(alone.find(surname))
                    if all(self.matcher.surname_match(surname, n.surname) for n in out[i].names)
                ),
                None,
            )
            if found is None:
                alone.add(surname, len(out))
                out.append(PersonGroup(names=[bare.name], mentions=[(bare.doc, bare.mention)]))
                continue
            out[found].mentions.append((bare.doc, bare.mention))
            if all(n.text != bare.name.text for n in out[found].names):
                out[found].names.append(bare.name)
                alone.add(surname, found)
        return out


def _display(group: PersonGroup) -> str:
    return max((n.text for n in group.names), key=len) if group.names else "?"


def canonical_person_name(group: PersonGroup, matcher: NameMatcher) -> str:
    """Fullest, most frequent spelling: full names before bare ones; among them the most
    frequent, then the longest."""
    counts: Counter[str] = Counter()
    surface: dict[str, str] = {}
    full: set[str] = set()
    for _, m in group.mentions:
        name = matcher.parse_person(m.text)
        counts[name.text] += 1
        # Shown as written (minus a leading honorific and a possessive): "King of Pop".
        surface.setdefault(name.text, matcher.strip_title(m.text))
        if name.full:
            full.add(name.text)
    pool = list(full) or list(counts)
    return surface[max(pool, key=lambda t: (counts[t], len(t), t))]
