"""English role nouns (lemmas), the canonical role each names, and the sides of a case.

General vocabulary of news and legal reporting; nothing here refers to one story. The side a
role noun names on its own is given here ("prosecutor" is on the prosecution); a lawyer's side
comes from the words around the noun (``side_words``: "a lawyer for the prosecution", "the
state's attorney", "defence counsel") or from whom the lawyer represents (read from the parse).
"""

from __future__ import annotations

from types import MappingProxyType

from dossier.lang.language import RoleNoun, Roles, Side, words

# canonical role -> (side or None, lemmas that name it)
_TABLE: tuple[tuple[str, Side | None, str], ...] = (
    ("judge", "bench", "judge justice magistrate"),
    ("lawyer", None, "lawyer attorney advocate barrister solicitor counsel"),
    ("prosecutor", "prosecution", "prosecutor procurator"),
    ("defendant", "accused", "defendant suspect accused"),
    ("detainee", None, "detainee prisoner inmate"),
    ("witness", None, "witness"),
    ("plaintiff", None, "plaintiff claimant"),
    ("victim", None, "victim"),
    ("activist", None, "activist campaigner dissident"),
    ("journalist", None, "journalist reporter correspondent editor photographer blogger"),
    ("researcher", None, "researcher analyst expert scholar professor"),
    ("spokesperson", None, "spokesman spokeswoman spokesperson"),
    ("minister", "government", "minister"),
    ("president", None, "president"),
    (
        "official",
        None,
        """official director governor mayor ambassador diplomat head chief
    chairman chairwoman chair commissioner secretary deputy officer""",
    ),
    ("politician", None, "senator lawmaker legislator mp congressman congresswoman"),
    ("refugee", None, "refugee asylum-seeker"),
    ("investigator", None, "investigator detective inspector"),
    ("military officer", None, "general colonel captain major lieutenant commander"),
    ("leader", None, "leader"),
    ("founder", None, "founder co-founder"),
    ("executive", "company", "executive ceo chairman"),
    ("doctor", None, "doctor physician surgeon"),
    ("nurse", None, "nurse"),
    ("writer", None, "writer poet author novelist"),
    ("businessperson", None, "businessman businesswoman entrepreneur tycoon"),
    ("regulator", "regulator", "regulator"),
    ("cleric", None, "priest cleric archbishop imam rabbi"),
    ("relative", None, "brother sister wife husband son daughter mother father"),
)

_KINSHIP = """brother sister wife husband son daughter mother father uncle aunt nephew niece cousin
grandson granddaughter grandfather grandmother widow widower"""


def _nouns() -> dict[str, RoleNoun]:
    out: dict[str, RoleNoun] = {}
    for role, side, lemmas in _TABLE:
        for lemma in lemmas.split():
            out.setdefault(lemma, RoleNoun(role, side))
    return out


ROLES = Roles(
    nouns=MappingProxyType(_nouns()),
    side_words=MappingProxyType(
        {
            "prosecution": "prosecution",
            "prosecutor": "prosecution",
            "state": "prosecution",
            "crown": "prosecution",
            "district": "prosecution",  # a district attorney prosecutes
            "government": "prosecution",
            "defence": "defence",
            "defense": "defence",
            "defending": "defence",
            "defendant": "defence",
            "accused": "defence",
        }
    ),
    incompatible_sides=frozenset(
        {
            frozenset({"defence", "prosecution"}),
            frozenset({"bench", "defence"}),
            frozenset({"bench", "prosecution"}),
            frozenset({"bench", "accused"}),
            frozenset({"accused", "prosecution"}),
        }
    ),
    kinship=frozenset(_KINSHIP.split()),
    spouses=frozenset(words("wife husband widow widower spouse")),
    defence_possessors=frozenset(
        words(
            """his her their pair man men woman women defendant defendants couple brother brothers
            accused family families client clients detainee detainees refugee refugees"""
        )
    ),
    general_offices=frozenset(
        words(
            """attorney solicitor secretary inspector surgeon prosecutor procurator auditor consul
            postmaster director governor commissioner comptroller registrar"""
        )
    ),
    ranked_roles=frozenset(words("president minister prosecutor judge official")),
    ranks=frozenset(words("vice deputy assistant")),
    former=frozenset(words("former ex ex- onetime erstwhile")),
    representation_verbs=frozenset(words("represent defend act work")),
    defendant_events=frozenset(words("charge try convict acquit sentence")),
    defendant_nouns=MappingProxyType(
        {
            "trial": frozenset({"of"}),
            "case": frozenset({"against"}),
            "charge": frozenset({"against"}),
            "prosecution": frozenset({"of"}),
            "conviction": frozenset({"of"}),
            "acquittal": frozenset({"of"}),
            "sentencing": frozenset({"of"}),
        }
    ),
    defendant_subject_verbs=frozenset(words("stand face go be remain appear")),
    credit_nouns=frozenset(words("photo photograph picture image video footage")),
    umbrella_roles=frozenset(
        ["official", "relative", "journalist", "researcher", "politician", "military officer"]
    ),
)
