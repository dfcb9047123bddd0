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


def token_key(token: str) -> str:
    """Phonetic key of one name token; equal keys mean equal up to spelling variants."""
    key = fold(token).lower()
    for pattern, repl in _REWRITES:
        key = pattern.sub(repl, key)
    return key


def stem_key(token: str) -> str:
    """Key of the token with one family/patronymic suffix removed, when a stem of
    at least three letters remains (``Musakhanuly`` → key of ``Musakhan``)."""
    raw = re.sub(r"[^a-z]", "", fold(token).lower())
    for suffix in _SUFFIXES:
        if raw.endswith(suffix) and len(raw) - len(suffix) >= MIN_STEM:
            return token_key(raw[: -len(suffix)])
    return token_key(raw)


def _within_one_edit(a: str, b: str) -> bool:
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


def tokens_match(a: str, b: str, *, typo_min_len: int = 6) -> bool:
    """Whether two name tokens can be spellings of the same name.

    Equal phonetic keys, equal stems (a suffix kept by one and dropped by the
    other), or, for tokens of at least ``typo_min_len`` letters, one edit apart.
    Symmetric by construction.
    """
    ka, kb = token_key(a), token_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    sa, sb = stem_key(a), stem_key(b)
    if sa in (sb, kb) or sb == ka:
        return True
    # Otherwise only a single edit (a typo), and only between long tokens.
    if min(len(ka), len(kb)) >= typo_min_len - 1 and max(len(ka), len(kb)) >= typo_min_len:
        if _within_one_edit(ka, kb):
            return True
        if min(len(sa), len(sb)) >= typo_min_len - 1 and _within_one_edit(sa, sb):
            return True
    return False


def is_initial(token: str) -> bool:
    return bool(re.fullmatch(r"[A-Z]\.?", token))


@dataclass(frozen=True, slots=True)
class PersonName:
    """A person name split into tokens (honorifics removed)."""

    tokens: tuple[str, ...]

    @property
    def full(self) -> bool:
        return len(self.tokens) >= 2

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


def parse_person(text: str) -> PersonName:
    """Split a person mention into name tokens, dropping honorifics and possessives."""
    text = re.sub(r"['’]s$", "", text.strip())
    raw = [t for t in _SPLIT.split(text) if t]
    tokens: list[str] = []
    for tok in raw:
        if not tokens and tok.lower() in HONORIFICS:
            continue
        tokens.append(tok.strip(",;:"))
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
        return tokens_match(a.tokens[0], b.tokens[0], typo_min_len=typo_min_len)
    if not a.full:
        return surname_matches(a.tokens[0], b, typo_min_len=typo_min_len)
    if not b.full:
        return surname_matches(b.tokens[0], a, typo_min_len=typo_min_len)
    if not tokens_match(a.surname, b.surname, typo_min_len=typo_min_len):
        return False
    return given_matches(a.given, b.given, typo_min_len=typo_min_len)


def name_key(text: str) -> str:
    """Key of a whole multi-token string (places, organisations)."""
    return " ".join(k for k in (token_key(t) for t in _SPLIT.split(text)) if k)
