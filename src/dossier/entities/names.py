"""Transliteration-aware name keys and person-name matching.

A name written by different outlets from Cyrillic, Kazakh, Uyghur, Arabic or
Chinese sources varies in predictable ways: ``q``/``k``, ``kh``/``h``/``x``,
``y``/``i``/``ı``, ``j``/``zh``/``dzh``, ``ya``/``ia``/``a``, doubled letters,
and patronymic or family suffixes that one outlet keeps and another drops
(``Musakhanuly``/``Musakhan``, ``Akhatova``/``Akhatov``). :func:`token_key`
folds those variants into one phonetic key; :func:`tokens_match` compares two
name tokens allowing a suffix drop or a single-letter typo; and
:func:`names_compatible` compares whole person names.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from anyascii import anyascii

from dossier.entities.lexicon import HONORIFICS, words

# Ordered rewrite rules applied to the lower-cased ASCII form.
_REWRITES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"[^a-z]"), ""),
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"dzh|dj|dz(?=h)"), "j"),
    (re.compile(r"zh"), "j"),
    (re.compile(r"kh|x"), "h"),
    (re.compile(r"sch|shch"), "sh"),
    (re.compile(r"ck|q|c(?!h)"), "k"),
    (re.compile(r"ph"), "f"),
    (re.compile(r"w"), "v"),
    (re.compile(r"[yı]"), "i"),
    (re.compile(r"(.)\1+"), r"\1"),  # double letters
    (re.compile(r"(?<=[aeou])i(?=[aeiou])"), ""),  # Azimbayev ~ Azimbaev
    (re.compile(r"(?<=[^aeiou])i(?=[aeou])"), ""),  # Lyazzat ~ Lazzat, ya ~ ia ~ a
    (re.compile(r"^i(?=[aeou])"), ""),  # Yerlan ~ Erlan
    (re.compile(r"(.)\1+"), r"\1"),
    (re.compile(r"h$"), ""),  # final h (Aisha ~ Aish-)
)

# Family / patronymic suffixes as written (ASCII, lower case), longest first.
_SUFFIXES: tuple[str, ...] = tuple(
    sorted(
        words(
            "uly ulu uli ugli ogli oglu kyzy qyzy kizi qizi ovich evich ovych ovna evna "
            "ova eva yeva yev ov ev ina in ovic evic"
        ),
        key=len,
        reverse=True,
    )
)

MIN_STEM = 3


def fold(text: str) -> str:
    """ASCII transliteration (Cyrillic ``Қастер Мұсаханұлы`` → ``Qaster Musakhanuly``)."""
    return anyascii(text)


_ARTICLE = re.compile(r"^(?:al|el|ad|ar|as|ash|at|az|an|ul)[-‐‑'’](?=\w{3})")


def token_key(token: str) -> str:
    """Phonetic key of one name token; equal keys mean equal up to spelling variants.

    A hyphenated Arabic article is ignored (``al-Assad`` ~ ``Assad``)."""
    key = _ARTICLE.sub("", fold(token).lower())
    for pattern, repl in _REWRITES:
        key = pattern.sub(repl, key)
    return key


def stem_key(token: str) -> str:
    """Key of the token with one family/patronymic suffix removed, when a stem of
    at least three letters remains (``Musakhanuly`` → key of ``Musakhan``)."""
    raw = re.sub(r"[^a-z]", "", _ARTICLE.sub("", fold(token).lower()))
    for suffix in _SUFFIXES:
        if raw.endswith(suffix) and len(raw) - len(suffix) >= MIN_STEM:
            return token_key(raw[: -len(suffix)])
    return token_key(raw)


def within_one_edit(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion,
    substitution or adjacent transposition."""
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
    if not ka or not kb:
        return False
    if ka == kb or sa in (sb, kb) or sb == ka:
        return True
    # Otherwise only a single edit (a typo), and only between long tokens.
    if min(len(ka), len(kb)) >= typo_min_len and within_one_edit(ka, kb):
        return True
    return min(len(sa), len(sb)) >= typo_min_len and within_one_edit(sa, sb)


def tokens_match(a: str, b: str, *, typo_min_len: int = 6) -> bool:
    """Whether two name tokens can be spellings of the same name.

    Equal phonetic keys, equal stems (a suffix kept by one and dropped by the
    other), or, for tokens of at least ``typo_min_len`` letters, one edit apart.
    Symmetric by construction.
    """
    return keys_match(token_key(a), stem_key(a), token_key(b), stem_key(b), typo_min_len)


def is_initial(token: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?", token))


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person name split into tokens (honorifics removed)."""

    tokens: tuple[str, ...]

    @property
    def full(self) -> bool:
        """Given name and family name ("bin Laden", "von der Leyen" are family names only)."""
        # A lower-case particle opens a family name; "La Toya", "De Niro" may be given names.
        return len(self.tokens) >= 2 and self.tokens[0] not in _PARTICLES

    @property
    def surname(self) -> str:
        return self.tokens[-1]

    @property
    def given(self) -> str:
        return self.tokens[0]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


_SPLIT = re.compile(r"[\s\u00a0]+")
_PARTICLES = frozenset(
    ["bin", "ibn", "bint", "al", "el", "van", "von", "der", "den", "de", "da", "di", "du", "la"]
)


def parse_person(text: str) -> PersonName:
    """Split a person mention into name tokens, dropping honorifics and possessives."""
    text = re.sub(r"['’]s$", "", text.strip())
    raw = [t for t in _SPLIT.split(text) if t]
    tokens: list[str] = []
    for tok in raw:
        if not tokens and tok.lower() in HONORIFICS:
            continue
        tok = tok.strip(",;:")
        # Name tokens are capitalised; lower-case particles (bin, al-, van, de) stay.
        if tok and (tok[0].isupper() or tok.lower() in _PARTICLES or "-" in tok[1:]):
            tokens.append(tok)
    return PersonName(tuple(t for t in tokens if t))


def surname_matches(single: str, name: PersonName, *, typo_min_len: int = 6) -> bool:
    """Whether a one-token mention can be ``name``'s family name."""
    return tokens_match(single, name.surname, typo_min_len=typo_min_len)


def given_matches(a: str, b: str, *, typo_min_len: int = 6) -> bool:
    if is_initial(a) or is_initial(b):
        return a[0].upper() == b[0].upper()
    return tokens_match(a, b, typo_min_len=typo_min_len)


def names_compatible(a: PersonName, b: PersonName, *, typo_min_len: int = 6) -> bool:
    """Whether two person names can denote the same person.

    Two full names must agree on family name and given name (middle names and
    patronymics may be missing from one side). A bare token must match the other
    name's family name (or, when both are bare, each other).
    """
    if not a.tokens or not b.tokens:
        return False
    if not a.full and not b.full:
        return tokens_match(a.surname, b.surname, typo_min_len=typo_min_len)
    if not a.full:
        return surname_matches(a.surname, b, typo_min_len=typo_min_len)
    if not b.full:
        return surname_matches(b.surname, a, typo_min_len=typo_min_len)
    return NameMatcher(typo_min_len).compatible(a, b)


class NameMatcher:
    """The matching functions above with keys computed once per distinct token.

    Create one per stage call (it memoises, so it is not shared between calls).
    """

    def __init__(self, typo_min_len: int = 6) -> None:
        self.typo_min_len = typo_min_len
        self._memo: dict[str, tuple[str, str]] = {}

    def keys(self, token: str) -> tuple[str, str]:
        found = self._memo.get(token)
        if found is None:
            found = (token_key(token), stem_key(token))
            self._memo[token] = found
        return found

    def match(self, a: str, b: str) -> bool:
        ka, sa = self.keys(a)
        kb, sb = self.keys(b)
        return keys_match(ka, sa, kb, sb, self.typo_min_len)

    def given_matches(self, a: str, b: str) -> bool:
        if is_initial(a) or is_initial(b):
            return a[0].upper() == b[0].upper()
        return self.match(a, b)

    def compatible(self, a: PersonName, b: PersonName) -> bool:
        """:func:`names_compatible`, memoised."""
        if not a.tokens or not b.tokens:
            return False
        if not a.full and not b.full:
            return self.match(a.surname, b.surname)
        if not a.full:
            return self.match(a.surname, b.surname)
        if not b.full:
            return self.match(b.surname, a.surname)
        if self.joined_key(a) == self.joined_key(b):
            return True  # "Kim Jong Un" = "Kim Jong-un"
        short, long_ = (a, b) if len(a.tokens) <= len(b.tokens) else (b, a)
        if len(short.tokens) == 2 and len(long_.tokens) >= 3:
            # A double family name used alone: "López Obrador" of "Andrés Manuel López Obrador".
            tail = long_.tokens[-2:]
            if all(self.match(x, y) for x, y in zip(short.tokens, tail, strict=True)):
                return True
        return self.match(a.surname, b.surname) and self.given_matches(a.given, b.given)

    def joined_key(self, name: PersonName) -> str:
        return "".join(self.keys(p)[0] for t in name.tokens for p in t.split("-"))

    def name_key(self, text: str) -> str:
        """:func:`name_key`, memoised per token."""
        return " ".join(k for k in (self.keys(t)[0] for t in _SPLIT.split(text)) if k)

    def index(self, tokens: list[str] | set[str]) -> TokenIndex:
        return TokenIndex(self, tokens)


class TokenIndex:
    """A set of name tokens that answers "does any of them match this token?"
    with set look-ups (and a length-bucketed scan for typos)."""

    def __init__(self, matcher: NameMatcher, tokens: list[str] | set[str]) -> None:
        self.matcher = matcher
        self.keys: set[str] = set()
        self.stems: set[str] = set()
        self.pairs: set[tuple[str, str]] = set()
        for t in tokens:
            k, s = matcher.keys(t)
            if k:
                self.keys.add(k)
                self.stems.add(s)
                self.pairs.add((k, s))

    def __bool__(self) -> bool:
        return bool(self.keys)

    def has_key(self, token: str) -> bool:
        """Exact phonetic-key membership (no suffix or typo tolerance)."""
        return self.matcher.keys(token)[0] in self.keys

    def matches(self, token: str) -> bool:
        k, s = self.matcher.keys(token)
        if not k:
            return False
        if k in self.keys or k in self.stems or s in self.keys or s in self.stems:
            return True
        typo = self.matcher.typo_min_len
        if len(k) < typo - 1:
            return False
        return any(
            abs(len(kb) - len(k)) <= 1 and keys_match(k, s, kb, sb, typo) for kb, sb in self.pairs
        )


def name_key(text: str) -> str:
    """Key of a whole multi-token string (places, organisations)."""
    return " ".join(k for k in (token_key(t) for t in _SPLIT.split(text)) if k)
