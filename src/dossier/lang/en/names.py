"""How personal names are written in English-language news, including names transliterated
into English from other writing systems (Turkic, Slavic, Caucasian, Iranian, Arabic)."""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from nicknames import NickNamer

from dossier.lang.language import NameRules, words

_HONORIFICS = """mr mrs ms miss dr prof sir dame lord lady mme m herr frau sr sra sheikh imam rev
father sister brother"""

_TITLE_WORDS = """executive ceo cfo coo chief vice senior junior acting interim former sen sen. rep
rep. gov gov. adm adm. admiral gen gen. lt lt. sgt sgt. cpl col col. capt capt. maj maj. pres
pres. premier chancellor pope rabbi cardinal bishop archbishop ayatollah coach attorney prime first
lady"""

# Spelling variants of transliterated names, applied in order to the lower-case ASCII form.
_SPELLING_RULES: tuple[tuple[str, str], ...] = (
    (r"[^a-z]", ""),
    (r"(.)\1+", r"\1"),
    (r"dzh|dj|dz(?=h)", "j"),
    (r"zh", "j"),
    (r"kh|x", "h"),
    (r"sch|shch", "sh"),
    (r"ck|q|c(?!h)", "k"),
    (r"ks", "h"),  # Aleksei ~ Alexei, Maksim ~ Maxim (x is "ks", and also "kh" above)
    (r"ph", "f"),
    (r"w", "v"),
    (r"[yı]", "i"),
    (r"(.)\1+", r"\1"),  # double letters
    (r"(?<=[aeou])i(?=[aeiou])", ""),  # Azimbayev ~ Azimbaev
    (r"(?<=[^aeiou])i(?=[aeou])", ""),  # Lyazzat ~ Lazzat, ya ~ ia ~ a
    (r"^i(?=[aeou])", ""),  # Yerlan ~ Erlan
    (r"(.)\1+", r"\1"),
    (r"h$", ""),  # final h (Aisha ~ Aish-)
)


def _given_name_variants() -> Mapping[str, frozenset[str]]:
    """Given name -> nicknames and the names a nickname is short for (one step either way),
    from the maintained table of the ``nicknames`` package."""
    namer = NickNamer()
    out: dict[str, set[str]] = {}
    for name, nicks in namer.nickname_lookup.items():
        for nick in nicks:
            if nick == name:
                continue
            out.setdefault(name, set()).add(nick)
            out.setdefault(nick, set()).add(name)
    return MappingProxyType({k: frozenset(v) for k, v in out.items()})


NAMES = NameRules(
    honorifics=frozenset(form for word in _HONORIFICS.split() for form in (word, f"{word}.")),
    particles=frozenset(words("""bin ibn bint al el van von der den de da di du la le dos das""")),
    # Endings typical of family names and patronymics across naming systems.
    person_suffixes=(
        "uly",
        "ulı",
        "uli",
        "ulu",
        "kyzy",
        "qyzy",
        "kizi",
        "ovich",
        "evich",
        "ovna",
        "evna",
        "ova",
        "eva",
        "ov",
        "ev",
        "enko",
        "chuk",
        "ovsky",
        "evsky",
        "sky",
        "ski",
        "skaya",
        "bek",
        "bayev",
        "bayeva",
        "yan",
        "dze",
        "shvili",
        "oglu",
        "ogly",
        "zade",
        "zadeh",
        "ovic",
        "evic",
        "ić",
        "son",
        "sen",
    ),
    family_suffixes=tuple(
        sorted(
            words(
                """uly ulu uli ugli ogli oglu kyzy qyzy kizi qizi ovich evich ovych ovna evna ova
                eva yeva yev ov ev ina in ovic evic"""
            ),
            key=len,
            reverse=True,
        )
    ),
    # (feminine or daughter's form, masculine or son's form) of one family name.
    gendered_endings=(
        ("ovna", "ovich"),
        ("evna", "evich"),
        ("ova", "ov"),
        ("eva", "ev"),
        ("ina", "in"),
        ("skaya", "sky"),
        ("skaya", "skiy"),
        ("kyzy", "uly"),
        ("qyzy", "uly"),
        ("kizi", "ogly"),
        ("kyzy", "ulu"),
        ("kızı", "oğlu"),
    ),
    title_words=frozenset(words(_TITLE_WORDS)),
    spelling_rules=_SPELLING_RULES,
    joined_articles=frozenset(words("al el ad ar as ash at az an ul")),
    given_name_variants=_given_name_variants(),
)
