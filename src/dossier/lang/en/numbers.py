"""English number words."""

from __future__ import annotations

from types import MappingProxyType

from dossier.lang.language import Numbers, words

_UNITS = words("""one two three four five six seven eight nine""")
_TEENS = words(
    """ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen"""
)
_TENS = words("""twenty thirty forty fifty sixty seventy eighty ninety""")


def _cardinals() -> dict[str, float]:
    out: dict[str, float] = {w: float(n) for n, w in enumerate(_UNITS, 1)}
    out.update({w: float(n) for n, w in enumerate(_TEENS, 10)})
    for tens, word in enumerate(_TENS, 2):
        out[word] = float(tens * 10)
        for unit, unit_word in enumerate(_UNITS, 1):
            out[f"{word}-{unit_word}"] = out[f"{word} {unit_word}"] = float(tens * 10 + unit)
    out.update(
        {
            "hundred": 100.0,
            "a hundred": 100.0,
            "dozen": 12.0,
            "a dozen": 12.0,
            "a": 1.0,
            "an": 1.0,
            "half a": 0.5,
            "half an": 0.5,
        }
    )
    return out


_ORDINALS = words("""first second third fourth fifth sixth seventh eighth ninth tenth""")
_SUFFIX = {1: "st", 2: "nd", 3: "rd"}

NUMBERS = Numbers(
    cardinals=MappingProxyType(_cardinals()),
    ordinals=MappingProxyType(
        {
            **{w: n for n, w in enumerate(_ORDINALS, 1)},
            **{f"{n}{_SUFFIX.get(n, 'th')}": n for n in range(1, 11)},
        }
    ),
    multipliers=MappingProxyType({"thousand": 1000, "million": 1_000_000, "billion": 10**9}),
    vague=frozenset(
        {
            "several",
            "few",
            "a few",
            "many",
            "some",
            "a couple of",
            "a number of",
            "dozens of",
            "hundreds of",
            "thousands of",
            "a matter of",
        }
    ),
    approximators=frozenset(
        [
            *words("about almost nearly around roughly some over under just only"),
            "more than",
            "less than",
            "fewer than",
            "at least",
            "up to",
        ]
    ),
    indefinite=frozenset({"a", "an"}),
    and_a_half="and a half",
)
