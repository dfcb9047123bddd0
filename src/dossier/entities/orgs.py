"""Grouping organisation and place mentions of one story.

Organisations merge on a normalised key, on acronyms defined in the text
("National Security Committee, or KNB"; "Human Rights Watch (HRW)"), and on
acronyms that spell a full name's initials ("UN" = "United Nations"). Places
merge on the phonetic key shared with person names (Zaisan = Zaysan = ZAISAN),
on renamings stated in the text ("Nur-Sultan, formerly Astana"), and on
administrative suffixes ("Xinjiang province" = "Xinjiang").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from anyascii import anyascii

from dossier.entities.names import NameMatcher, within_one_edit
from dossier.entities.vocab import Vocab
from dossier.entities.wordseq import Phrases, spans
from dossier.model import Document, Mention
from dossier.unionfind import UnionFind

# An acronym: capitals (and "&", dots), or mixed capitals like "McD" (typography).
_UPPER = r"[^\W\d_a-z]"
# ... and one that ends at a bracket, a space, a comma, a full stop or the end (typography).
_ACRONYM_AT = re.compile(rf"{_UPPER}(?:[^\W\d_a-z&]|\.(?={_UPPER})){{1,9}}\.?(?=\)|[\s,;.]|$)")


def _is_acronym_text(text: str) -> bool:
    core = text.replace(".", "").replace("&", "")
    return 2 <= len(core) <= 10 and core.isalpha() and core.isupper() and " " not in text


@dataclass(slots=True)
class Group:
    """Mentions of one organisation or place."""

    keys: set[str] = field(default_factory=set)
    mentions: list[tuple[int, Mention]] = field(default_factory=list)


def org_key(text: str, vocab: Vocab) -> str:
    t = anyascii(text).strip()
    first, _, rest = t.partition(" ")
    if rest and first.lower() in vocab.words.determiners:
        t = rest
    t = t.removesuffix("'s").removesuffix("’s")
    if _is_acronym_text(t):
        return t.replace(".", "").upper()
    return " ".join("".join(c if c.isalnum() else " " for c in t.lower()).split())


def _near_names(a: str, b: str) -> bool:
    """Same words, except long words (7+ letters) that may differ by one edit."""
    pairs = list(zip(a.split(), b.split(), strict=True))
    return all(x == y or (min(len(x), len(y)) >= 7 and within_one_edit(x, y)) for x, y in pairs)


def _dominant(keys: list[str], counts: Counter[str]) -> str | None:
    """The one key among ``keys`` (or the one named far more often than the rest)."""
    if not keys:
        return None
    ranked = sorted(keys, key=lambda k: (-counts[k], k))
    rest = sum(counts[k] for k in ranked[1:])
    return ranked[0] if counts[ranked[0]] > 2 * rest else None


def _is_acronym(key: str) -> bool:
    return key.isupper() and " " not in key and 2 <= len(key) <= 8


class Grouper:
    """Organisations and places of one story merged, with one language's words."""

    def __init__(self, vocab: Vocab, matcher: NameMatcher) -> None:
        self.vocab = vocab
        self.matcher = matcher
        words = vocab.words
        self._cues = Phrases(words.alias_cues)
        self._renames = Phrases(words.rename_cues)

    def _cue_then_det(self, after_comma: str) -> int | None:
        """Where the words after a comma go on once an alias cue ("or", "known as") and
        perhaps a determiner are read: ", or the KNB" -> the offset of "KNB"."""
        pieces = spans(after_comma)
        texts = [after_comma[s:e] for s, e in pieces]
        taken = self._cues.opening(texts)
        if not taken:
            return None
        if texts[taken : taken + 1] and texts[taken] in self.vocab.words.determiners:
            taken += 1
        return pieces[taken][0] if taken < len(pieces) else len(after_comma)

    def _acronym_after(self, text: str) -> str | None:
        """The acronym a name defines right after it: "(HRW)", ", or KNB", ", known as the
        N.S.C.": a bracket or a comma and the language's alias cue, then capitals."""
        rest = text.lstrip()
        if rest.startswith("("):
            at = len(rest) - len(rest[1:].lstrip())
        elif rest.startswith(","):
            go_on = self._cue_then_det(rest[1:])
            if go_on is None:
                return None
            at = 1 + go_on
        else:
            return None
        m = _ACRONYM_AT.match(rest, at)
        return m.group() if m else None

    def _apposed(self, between: str) -> bool:
        """ "X (Y", "X, or Y", "X, also known as the Y": two names of one organisation."""
        rest = between.lstrip()
        if rest.startswith("("):
            words = rest[1:].split()
            return not words or (
                len(words) == 1 and words[0] in self.vocab.words.determiners and rest[-1].isspace()
            )
        if not rest.startswith(",") or not rest[-1].isspace():
            return False
        go_on = self._cue_then_det(rest[1:])
        return go_on is not None and not rest[1 + go_on :].strip()

    def _rename(self, between: str) -> bool:
        """ "X, formerly Y", "X (now known as Y": a place's other name."""
        rest = between.lstrip()
        if not rest.startswith((",", "(")) or not rest[-1].isspace():
            return False
        words = rest[1:].split()
        for taken in self._renames.openings(words):
            tail = words[taken:]
            if not tail or self._cues.opening(tail) == len(tail):
                return True
        return False

    def key(self, text: str) -> str:
        return org_key(text, self.vocab)

    def initials(self, key: str) -> str:
        words = [w for w in key.split() if w not in self.vocab.words.connectors]
        return "".join(w[0] for w in words).upper()

    # --- organisations ------------------------------------------------------------------

    def orgs(self, docs: Sequence[Document]) -> list[Group]:
        uf = UnionFind[str]()
        items: list[tuple[int, Mention, str]] = []
        for di, doc in enumerate(docs):
            orgs = sorted((m for m in doc.mentions if m.label == "ORG"), key=lambda m: m.start)
            for i, m in enumerate(orgs):
                key = self.key(m.text)
                if key:
                    uf.find(key)
                    items.append((di, m, key))
                    self._defined_here(doc, m, orgs[i + 1] if i + 1 < len(orgs) else None, uf)
        keys = {k for _, _, k in items}
        full = [k for k in keys if not _is_acronym(k)]
        self._spelling_variants(full, uf)
        self._without_country_words(full, uf)
        self._abbreviated_words(full, uf)
        self._short_names(full, uf)
        for acr in (k for k in keys if _is_acronym(k)):
            matches = [k for k in full if len(k.split()) >= 2 and self.initials(k) == acr]
            if len(matches) == 1:
                uf.union(acr, matches[0])
        return _collect(items, uf)

    def _defined_here(
        self, doc: Document, m: Mention, nxt: Mention | None, uf: UnionFind[str]
    ) -> None:
        """An acronym defined right after the name, or two names in apposition: "HRW (Human
        Rights Watch)", "X, or Y"."""
        key = self.key(m.text)
        acronym = self._acronym_after(doc.clean_text[m.end : m.end + 40])
        if acronym and not _is_acronym(key):
            uf.union(key, acronym.replace(".", "").upper())
        if nxt is not None:
            between = doc.clean_text[m.end : nxt.start]
            other = self.key(nxt.text)
            spelled = self.initials(key) == other or self.initials(other) == key
            if self._apposed(between) and ("(" not in between or spelled):
                uf.union(key, other)

    def _spelling_variants(self, full: list[str], uf: UnionFind[str]) -> None:
        """British and American spellings, typos: "Organisation" = "Organization"."""
        by_size: dict[int, list[str]] = {}
        for k in sorted(full):
            by_size.setdefault(len(k.split()), []).append(k)
        for same in by_size.values():
            for i, a in enumerate(same):
                for b in same[i + 1 :]:
                    if _near_names(a, b):
                        uf.union(a, b)

    def _without_country_words(self, full: list[str], uf: UnionFind[str]) -> None:
        """ "Border Service" = "Kazakh Border Service": a name of two or more words that ends
        exactly one longer name whose extra words are demonyms or country words."""
        country = self.vocab.words.country_words
        for short in full:
            if len(short.split()) < 2:
                continue
            longer = [
                k
                for k in full
                if k != short
                and k.endswith(" " + short)
                and all(self.vocab.is_demonym(w) or w in country for w in k[: -len(short)].split())
            ]
            if len(longer) == 1:
                uf.union(short, longer[0])

    def _abbreviated_words(self, full: list[str], uf: UnionFind[str]) -> None:
        """ "LA Police Department" = "Los Angeles Police Department": one name writes a run of
        the other's words as their initials, the other words are the same."""
        by_tail: dict[str, list[str]] = {}
        for k in full:
            words = k.split()
            for cut in range(1, len(words)):
                by_tail.setdefault(" ".join(words[cut:]), []).append(k)
        for short in full:
            words = short.split()
            if len(words) < 2 or not 2 <= len(words[0]) <= 4 or not words[0].isalpha():
                continue
            tail = " ".join(words[1:])
            letters = words[0].upper()
            for other in by_tail.get(tail, []):
                head = other[: -len(tail)].split()
                if (
                    other != short
                    and len(head) == len(letters)
                    and self.initials(" ".join(head)) == letters
                    and "".join(w[0] for w in head).upper() == letters
                ):
                    uf.union(short, other)

    def _short_names(self, full: list[str], uf: UnionFind[str]) -> None:
        """ "Tidewater" = "Tidewater Records", "BBC" = "BBC Arabic": a one-word name that opens
        exactly one longer name of the story is that organisation written short. A word that
        names nothing on its own (an organisation word, a demonym, a country word, a
        function word) never stands for a longer name."""
        by_first: dict[str, list[str]] = {}
        for k in full:
            words = k.split()
            if len(words) >= 2:
                by_first.setdefault(words[0], []).append(k)
        country = self.vocab.words.country_words
        for short in full:
            if " " in short or short in country or self.vocab.non_name_word(short):
                continue
            longer = by_first.get(short, [])
            if len(longer) == 1:
                uf.union(short, longer[0])

    # --- places -------------------------------------------------------------------------

    def place_key(self, text: str) -> str:
        t = text.strip()
        first, _, rest = t.partition(" ")
        if rest and first.lower() in self.vocab.words.determiners:
            t = rest
        t = t.removesuffix("'s").removesuffix("’s")
        return self.matcher.name_key(t.replace("-", " "))

    def places(self, docs: Sequence[Document]) -> list[Group]:
        uf = UnionFind[str]()
        items: list[tuple[int, Mention, str]] = []
        for di, doc in enumerate(docs):
            places = sorted((m for m in doc.mentions if m.label == "PLACE"), key=lambda m: m.start)
            for i, m in enumerate(places):
                key = self.place_key(m.text)
                if not key:
                    continue
                uf.find(key)
                items.append((di, m, key))
                if i + 1 < len(places):
                    self._renamed(doc, m, places[i + 1], key, uf)
        keys = {k for _, _, k in items}
        texts = {k: m.text for _, m, k in items}
        counts = Counter(k for _, _, k in items)
        self._place_initials(keys, texts, counts, uf)
        self._admin_suffixes(keys, texts, uf)
        return _collect(items, uf)

    def _renamed(
        self, doc: Document, m: Mention, nxt: Mention, key: str, uf: UnionFind[str]
    ) -> None:
        """ "Nur-Sultan, formerly Astana"; "Xinjiang Uyghur Autonomous Region (XUAR)"."""
        between = doc.clean_text[m.end : nxt.start]
        if self._rename(between) or (
            between.strip() == "("
            and _is_acronym(nxt.text)
            and self.initials(self.key(m.text)) == nxt.text
        ):
            uf.union(key, self.place_key(nxt.text))

    def _place_initials(
        self, keys: set[str], texts: dict[str, str], counts: Counter[str], uf: UnionFind[str]
    ) -> None:
        """ "US" = "United States", "UAE" = "United Arab Emirates": an all-capitals name that
        spells the initials of exactly one longer place of the story (or a dominant one)."""
        for key in keys:
            short = texts[key].replace(".", "")
            if not (short.isupper() and short.isalpha() and 2 <= len(short) <= 5):
                continue
            spelled = [
                k
                for k in keys
                if len(texts[k].split()) >= 2 and self.initials(self.key(texts[k])) == short
            ]
            best = _dominant(spelled, counts)
            if best is not None:
                uf.union(key, best)

    def _admin_suffixes(self, keys: set[str], texts: dict[str, str], uf: UnionFind[str]) -> None:
        """ "Xinjiang province" = "Xinjiang"."""
        words_ = self.vocab.words
        for key in keys:
            words = texts[key].split()
            for cut in range(len(words) - 1, 0, -1):
                head, tail = words[:cut], [w.lower() for w in words[cut:]]
                if not any(w in words_.admin_required for w in tail):
                    continue
                if not all(w in words_.admin_words or self.vocab.is_demonym(w) for w in tail):
                    continue
                head_key = self.place_key(" ".join(head))
                if head_key in keys:
                    uf.union(key, head_key)
                    break


def _collect(items: list[tuple[int, Mention, str]], uf: UnionFind[str]) -> list[Group]:
    groups: dict[str, Group] = {}
    for di, m, key in items:
        root = uf.find(key)
        group = groups.setdefault(root, Group())
        group.keys.add(key)
        group.mentions.append((di, m))
    return list(groups.values())


def canonical_org_name(group: Group) -> str:
    """Most frequent full (non-acronym) spelling, then the longest."""
    counts: dict[str, int] = {}
    for _, m in group.mentions:
        counts[m.text] = counts.get(m.text, 0) + 1
    full = [t for t in counts if not _is_acronym_text(t)]
    pool = full or list(counts)
    return max(pool, key=lambda t: (counts[t], len(t), t))


def canonical_place_name(group: Group) -> str:
    """Most frequent spelling; ties go to a full name over an acronym or all-capitals
    form, then to the first mentioned (the current name in "X, formerly Y")."""
    counts: dict[str, int] = {}
    first: dict[str, tuple[int, int]] = {}
    for di, m in group.mentions:
        counts[m.text] = counts.get(m.text, 0) + 1
        first[m.text] = min(first.get(m.text, (di, m.start)), (di, m.start))
    pool = [t for t in counts if not (t.isupper() and len(t) > 3)] or list(counts)

    def rank(t: str) -> tuple[int, int, int, int]:
        acronym = t.replace(".", "").isupper()
        return (counts[t], not acronym, -first[t][0], -first[t][1])

    return max(pool, key=rank)
