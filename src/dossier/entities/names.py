"""Transliteration-aware name keys and person-name matching.

A name written by different outlets from Cyrillic, Kazakh, Uyghur, Arabic or Chinese sources
varies in predictable ways (``q``/``k``, ``kh``/``h``/``x``, ``y``/``i``, ``j``/``zh``, doubled
letters) and in family or patronymic suffixes one outlet keeps and another drops
(``Musakhanuly``/``Musakhan``). The language's :class:`~dossier.lang.NameRules` give the
spelling rules and the suffixes; :class:`NameMatcher` folds a token into a phonetic key and
compares names with them.

What a suffix says is not noise: ``Ivanov`` and ``Ivanova``, ``Alimuly`` and ``Alimkyzy`` are a
man and a woman of one family (the rules' gendered endings), and two full names that differ in
the given name are two people, unless one given name is a variant of the other in the
language's table of given-name variants (Ed / Edward, Bob / Robert) or an initial of it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Generic, Literal, TypeVar

from anyascii import anyascii

from dossier.lang import NameRules

MIN_STEM = 3
MIN_SHARED_STEM = 6
Gender = Literal["f", "m"]
T = TypeVar("T")
# Letters of a name token other than letters: apostrophes, hyphens, dots of initials.
_SPLIT = re.compile(r"[\s\u00a0]+")


def fold(text: str) -> str:
    """ASCII transliteration (Cyrillic ``Қастер Мұсаханұлы`` → ``Qaster Musakhanuly``)."""
    return anyascii(text)


def within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion, substitution or
    adjacent transposition."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la > lb:
        a, b, la, lb = b, a, lb, la
    i = 0
    while i < la and a[i] == b[i]:
        i += 1
    if la == lb:
        if a[i + 1 :] == b[i + 1 :]:
            return True
        return i + 1 < la and a[i] == b[i + 1] and a[i + 1] == b[i] and a[i + 2 :] == b[i + 2 :]
    return a[i:] == b[i + 1 :]


def keys_match(ka: str, sa: str, kb: str, sb: str, typo_min_len: int) -> bool:
    """Two tokens given as (key, stem key): equal keys, one token's stem equal to the other's
    key (a suffix one outlet drops), or one edit apart when both are long (a typo).

    Two stems are never compared with each other: ``Lavrov`` and ``Lavrin`` share the stem
    ``Lavr`` and are two names."""
    if not ka or not kb:
        return False
    if ka == kb or sa == kb or sb == ka:
        return True
    if min(len(ka), len(kb)) >= typo_min_len and within_one_edit(ka, kb):
        return True
    if sa != ka and sb != kb:
        # Both carry a suffix: one long stem written with the suffixes of two naming systems
        # (Qojabekuly / Kozhabekov), never a short one (Lavrov / Lavrin are two names).
        return sa == sb and len(sa) >= MIN_SHARED_STEM
    return min(len(sa), len(sb)) >= typo_min_len and within_one_edit(sa, sb)


def is_initial(token: str) -> bool:
    """ "J." or "J": one capital letter, with or without a stop."""
    core = token.rstrip(".")
    return len(core) == 1 and core.isupper()


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person name split into tokens (honorifics removed)."""

    tokens: tuple[str, ...]
    particles: frozenset[str] = frozenset()

    @property
    def full(self) -> bool:
        """Given name and family name ("bin Laden", "von der Leyen" are family names only)."""
        # A lower-case particle opens a family name; "La Toya", "De Niro" may be given names.
        return len(self.tokens) >= 2 and self.tokens[0] not in self.particles

    @property
    def surname(self) -> str:
        return self.tokens[-1]

    @property
    def given(self) -> str:
        return self.tokens[0]

    @property
    def middle(self) -> tuple[str, ...]:
        return self.tokens[1:-1] if self.full else ()

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


class NameMatcher:
    """Name keys and comparisons under one language's name rules, memoised per token.

    Create one per stage call (it memoises, so it is not shared between calls)."""

    def __init__(self, rules: NameRules, typo_min_len: int = 6) -> None:
        self.rules = rules
        self.typo_min_len = typo_min_len
        # the language's spelling rules (transliteration variants), compiled once
        self._rewrites = tuple((re.compile(p), r) for p, r in rules.spelling_rules)
        self._articles = tuple(f"{a}{dash}" for a in rules.joined_articles for dash in "-‐‑'’")
        self._memo: dict[str, tuple[str, str]] = {}
        self._gender: dict[str, Gender | None] = {}
        # Feminine and masculine endings, longest first (so "ovna" is tried before "ova").
        endings = [(f, "f") for f, _ in rules.gendered_endings]
        endings += [(m, "m") for _, m in rules.gendered_endings]
        self._endings: tuple[tuple[str, Gender], ...] = tuple(
            sorted(set(endings), key=lambda e: -len(e[0]))  # type: ignore[arg-type]
        )

    # --- keys -------------------------------------------------------------------------

    def _lower_ascii(self, token: str) -> str:
        low = fold(token).lower()
        for article in self._articles:
            if low.startswith(article) and len(low) - len(article) >= 3:
                return low[len(article) :]
        return low

    def _key_of(self, low: str) -> str:
        for pattern, repl in self._rewrites:
            low = pattern.sub(repl, low)
        return low

    def token_key(self, token: str) -> str:
        """Phonetic key of one name token; equal keys mean equal up to spelling variants."""
        return self.keys(token)[0]

    def keys(self, token: str) -> tuple[str, str]:
        """(key, stem key): the stem drops one family or patronymic suffix when a stem of at
        least three letters remains (``Musakhanuly`` → key of ``Musakhan``)."""
        found = self._memo.get(token)
        if found is None:
            low = self._lower_ascii(token)
            key = self._key_of(low)
            raw = "".join(c for c in low if c.isalpha())
            stem = key
            for suffix in self.rules.family_suffixes:
                if raw.endswith(suffix) and len(raw) - len(suffix) >= MIN_STEM:
                    stem = self._key_of(raw[: -len(suffix)])
                    break
            found = (key, stem)
            self._memo[token] = found
        return found

    def name_key(self, text: str) -> str:
        """Key of a whole multi-token string (places, organisations)."""
        return " ".join(k for k in (self.keys(t)[0] for t in _SPLIT.split(text)) if k)

    def gender(self, surname: str) -> Gender | None:
        """ "f" or "m" when the family name ends in one of the language's gendered endings."""
        if surname not in self._gender:
            low = "".join(c for c in unicodedata.normalize("NFC", surname.lower()) if c.isalpha())
            found: Gender | None = None
            for ending, gender in self._endings:
                if low.endswith(ending) and len(low) - len(ending) >= MIN_STEM:
                    found = gender
                    break
            self._gender[surname] = found
        return self._gender[surname]

    # --- comparisons ------------------------------------------------------------------

    def match(self, a: str, b: str) -> bool:
        """Whether two name tokens can be spellings of one name (gender aside)."""
        ka, sa = self.keys(a)
        kb, sb = self.keys(b)
        return keys_match(ka, sa, kb, sb, self.typo_min_len)

    def surname_match(self, a: str, b: str) -> bool:
        """Two family names of one person: spellings of one name, not a man's and a woman's
        form (Ivanov / Ivanova)."""
        ga, gb = self.gender(a), self.gender(b)
        if ga and gb and ga != gb:
            return False
        return self.match(a, b)

    def given_matches(self, a: str, b: str) -> bool:
        """One given name: an initial of the other, a spelling of it, or a variant in the
        language's table (Ed / Edward, Bob / Robert)."""
        if is_initial(a) or is_initial(b):
            return fold(a)[0].upper() == fold(b)[0].upper()
        if self.match(a, b):
            return True
        return b.lower() in self.rules.given_variants(a)

    def _middles_agree(self, a: PersonName, b: PersonName) -> bool:
        """Middle names present in both must agree ("John M Jones" is not "John Viriamu Jones");
        one side may leave them out."""
        if not a.middle or not b.middle:
            return True
        return all(self.given_matches(x, y) for x, y in zip(a.middle, b.middle, strict=False))

    def compatible(self, a: PersonName, b: PersonName) -> bool:
        """Whether two person names can denote the same person.

        Two full names agree on family name (gender included) and given name, and on middle
        names where both give them. A bare token matches the other name's family name."""
        if not a.tokens or not b.tokens:
            return False
        if not a.full or not b.full:
            return self.surname_match(a.surname, b.surname)
        if self.joined_key(a) == self.joined_key(b):
            return True  # "Kim Jong Un" = "Kim Jong-un"
        short, long_ = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
        if len(short.tokens) == 2 and len(long_.tokens) >= 3:
            # A double family name used alone: "López Obrador" of "Andrés Manuel López Obrador".
            tail = long_.tokens[-2:]
            if all(self.match(x, y) for x, y in zip(short.tokens, tail, strict=True)):
                return True
        return (
            self.surname_match(a.surname, b.surname)
            and self.given_matches(a.given, b.given)
            and self._middles_agree(a, b)
        )

    def joined_key(self, name: PersonName) -> str:
        return "".join(self.keys(p)[0] for t in name.tokens for p in t.split("-"))

    # --- parsing ----------------------------------------------------------------------

    def parse_person(self, text: str) -> PersonName:
        """Split a person mention into name tokens, dropping honorifics and possessives."""
        text = text.strip()
        for ending in ("'s", "’s"):
            text = text.removesuffix(ending)
        particles = self.rules.particles
        tokens: list[str] = []
        for tok in _SPLIT.split(text):
            if not tok or (not tokens and tok.lower() in self.rules.honorifics):
                continue
            tok = tok.strip(",;:")
            # Name tokens are capitalised; lower-case particles (bin, al-, van, de) stay.
            if tok and (tok[0].isupper() or tok.lower() in particles or "-" in tok[1:]):
                tokens.append(tok)
        return PersonName(tuple(tokens), particles)

    def strip_title(self, text: str) -> str:
        """The mention as written, without leading honorifics and a final possessive."""
        words = text.strip().removesuffix("'s").removesuffix("’s").rstrip("'’").split()
        while len(words) > 1 and words[0].lower() in self.rules.honorifics:
            words = words[1:]
        return " ".join(words)

    def index(self, tokens: list[str] | set[str]) -> TokenIndex:
        return TokenIndex(self, tokens)


def _deletions(key: str) -> set[str]:
    """``key`` with one letter left out, every way: two keys one edit apart (an insertion,
    a deletion, a substitution or an adjacent transposition) share one of these or one
    key is among the other's."""
    return {key[:i] + key[i + 1 :] for i in range(len(key))}


class KeyIndex(Generic[T]):
    """Values filed under name tokens. :meth:`find` returns the values of every filed token
    that :meth:`NameMatcher.match` accepts for a token (same key, a suffix dropped, or a typo
    apart), by set look-ups: typos through one-deletion neighbourhoods, never a scan of
    everything filed, so a story of thousands of names costs what its names cost."""

    def __init__(self, matcher: NameMatcher) -> None:
        self.matcher = matcher
        self._values: dict[tuple[str, str], set[T]] = {}
        self._by_key: dict[str, set[tuple[str, str]]] = {}
        self._by_stem: dict[str, set[tuple[str, str]]] = {}
        self._near_key: dict[str, set[tuple[str, str]]] = {}  # one letter left out
        self._near_stem: dict[str, set[tuple[str, str]]] = {}

    def __bool__(self) -> bool:
        return bool(self._values)

    def add(self, token: str, value: T) -> None:
        pair = self.matcher.keys(token)
        key, stem = pair
        if not key:
            return
        values = self._values.get(pair)
        if values is None:
            values = self._values[pair] = set()
            self._by_key.setdefault(key, set()).add(pair)
            self._by_stem.setdefault(stem, set()).add(pair)
            typo = self.matcher.typo_min_len
            if len(key) >= typo:
                for near in _deletions(key):
                    self._near_key.setdefault(near, set()).add(pair)
            if len(stem) >= typo:
                for near in _deletions(stem):
                    self._near_stem.setdefault(near, set()).add(pair)
        values.add(value)

    def _pairs(self, key: str, stem: str) -> set[tuple[str, str]]:
        """Filed (key, stem) pairs that may match; a superset, checked by the caller."""
        found: set[tuple[str, str]] = set()
        for table, probe in (
            (self._by_key, key),
            (self._by_key, stem),
            (self._by_stem, key),
            (self._by_stem, stem),
        ):
            found |= table.get(probe, set())
        typo = self.matcher.typo_min_len
        for probe, by, near in (
            (key, self._by_key, self._near_key),
            (stem, self._by_stem, self._near_stem),
        ):
            if len(probe) < typo - 1:
                continue
            found |= near.get(probe, set())
            for variant in _deletions(probe):
                found |= by.get(variant, set()) | near.get(variant, set())
        return found

    def find(self, token: str) -> set[T]:
        """The values of the filed tokens that can be spellings of ``token``."""
        key, stem = self.matcher.keys(token)
        if not key:
            return set()
        typo = self.matcher.typo_min_len
        out: set[T] = set()
        for kb, sb in self._pairs(key, stem):
            if keys_match(key, stem, kb, sb, typo):
                out |= self._values[(kb, sb)]
        return out

    def has_key(self, token: str) -> bool:
        """Exact phonetic-key membership (no suffix or typo tolerance)."""
        return self.matcher.keys(token)[0] in self._by_key


class TokenIndex:
    """A set of name tokens that answers "does any of them match this token?" with set
    look-ups (memoised per token)."""

    def __init__(self, matcher: NameMatcher, tokens: list[str] | set[str]) -> None:
        self._index: KeyIndex[bool] = KeyIndex(matcher)
        for t in tokens:
            self._index.add(t, True)
        self._memo: dict[str, bool] = {}

    def __bool__(self) -> bool:
        return bool(self._index)

    def has_key(self, token: str) -> bool:
        """Exact phonetic-key membership (no suffix or typo tolerance)."""
        return self._index.has_key(token)

    def matches(self, token: str) -> bool:
        found = self._memo.get(token)
        if found is None:
            found = self._memo[token] = bool(self._index.find(token))
        return found
