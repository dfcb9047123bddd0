"""English cues that decide what a clause asserts, and how English writes amounts.

General vocabulary of news reporting (lemmas, as spaCy's lemmatizer gives them); nothing here
refers to one story.
"""

from __future__ import annotations

from types import MappingProxyType

from dossier.lang.claims import Bound, ClaimCues, Quantities
from dossier.lang.language import words

# Nouns that refer back to a group of people already named, and how many they name.
_GROUP_SIZES = {"pair": 2, "couple": 2, "duo": 2, "trio": 3, "both": 2}

CLAIMS = ClaimCues(
    decision_verbs=frozenset(words("""rule decide order find conclude determine hold declare""")),
    possibility_cues=frozenset(words("""could may might can possibly perhaps maybe""")),
    appeal_verbs=frozenset(
        words(
            """urge ask call demand request plead petition seek want hope fear threaten risk
        push press lobby beg implore appeal propose recommend should must ought"""
        )
    ),
    attempt_words=frozenset(words("""try attempt strive struggle endeavour endeavor bid effort""")),
    condition_markers=frozenset(words("""if unless whether""")),
    negating_verbs=frozenset(words("""refuse fail decline""")),
    continuation_cues=frozenset(words("""still remain continue keep""")),
    hearsay_adverbs=MappingProxyType(
        {
            "allegedly": "alleged",
            "reportedly": "reported",
            "purportedly": "alleged",
            "apparently": "reported",
            "supposedly": "alleged",
        }
    ),
    earlier_cues=frozenset(
        words(
            """initially originally first earlier previously once
            previous initial original prior"""
        )
    ),
    measure_verbs=frozenset(words("""estimate calculate measure put gauge assess reckon""")),
    bounding_words=frozenset(
        words("""until till since by before after from through between prior""")
    ),
    target_words=frozenset(words("""until till to""")),
    direction_words=frozenset(words("""to into towards toward""")),
    place_words=frozenset(words("""in at near outside inside off across""")),
    participant_words=frozenset(words("""of against""")),
    charge_words=frozenset(words("""for of with over""")),
    charge_classes=frozenset(
        words("""try charge convict sentence arrest acquit fine accuse suspect jail plead""")
    ),
    attribution_phrases=(("according", "to"),),
    clause_joints=frozenset(words("""but while whereas although though yet""")),
    question_marks=frozenset(words("?")),
    group_nouns=frozenset(_GROUP_SIZES),
    group_sizes=MappingProxyType(_GROUP_SIZES),
    support_verbs=frozenset(
        words(
            """hold stage carry make give hand receive impose launch conduct mount issue
        grant approve authorise authorize uphold announce deliver reach pronounce"""
        )
    ),
    blocking_verbs=frozenset(
        words("""refuse reject block deny halt overturn stop bar annul quash suspend""")
    ),
    partial_adverbs=frozenset(words("""partially partly somewhat partway""")),
    anaphoric_time_nouns=frozenset(words("""occasion time""")),
    anaphoric_determiners=frozenset(words("""that the""")),
    anaphoric_time_adverbs=frozenset(words("""then""")),
)

_BOUNDS: dict[str, Bound] = {
    "at least": "min",
    "more than": "min",
    "over": "min",
    "upwards of": "min",
    "in excess of": "min",
    "no fewer than": "min",
    "as many as": "max",
    "as much as": "max",
    "up to": "max",
    "at most": "max",
    "less than": "max",
    "fewer than": "max",
    "under": "max",
    "no more than": "max",
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "nearly": "about",
    "almost": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "between": "between",
}

QUANTITIES = Quantities(
    bounds=MappingProxyType(_BOUNDS),
    range_words=frozenset(words("""to and through""")),
    rate_words=frozenset(words("""a an per each every""")),
    rate_periods=frozenset(words("""second minute hour day week month year""")),
    rate_adverbs=MappingProxyType(
        {
            "hourly": "hour",
            "daily": "day",
            "weekly": "week",
            "monthly": "month",
            "yearly": "year",
            "annual": "year",
            "annually": "year",
        }
    ),
    unit_abbreviations=MappingProxyType(
        {
            "bpd": "barrel/day",
            "b/d": "barrel/day",
            "km": "kilometre",
            "kilometer": "kilometre",
            "mi": "mile",
            "kg": "kilogram",
            "%": "percent",
            "per cent": "percent",
            "$": "dollar",
            "£": "pound",
            "€": "euro",
            # The pound sign of British text kept in 7-bit ASCII (ISO 646-GB puts "£" at
            # the code point of "#"), as news archives carry it: "$200m (# 130m)".
            "#": "pound",
        }
    ),
    person_nouns=frozenset(
        words(
            """people person man woman child boy girl adult civilian resident worker miner
        employee staff protester demonstrator activist student passenger villager soldier
        officer policeman fisherman farmer prisoner detainee victim survivor refugee migrant
        journalist member citizen pilgrim patient crew crewman client relative"""
        )
    ),
    count_nouns=frozenset(words("""toll number figure total count tally""")),
    part_nouns=frozenset(words("""percent per cent half third quarter part portion fraction""")),
    multiplier_abbreviations=MappingProxyType(
        {"bn": 1e9, "b": 1e9, "m": 1e6, "mn": 1e6, "k": 1e3, "tn": 1e12, "trillion": 1e12}
    ),
)
