"""How personal names are written in English-language news, including names transliterated
into English from other writing systems (Turkic, Slavic, Caucasian, Iranian, Arabic)."""

from __future__ import annotations

from dossier.lang.language import NameRules, words

_HONORIFICS = """mr mrs ms miss dr prof sir dame lord lady mme m herr frau sr sra sheikh imam rev
father sister brother"""

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
)
