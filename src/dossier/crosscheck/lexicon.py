"""Word lists and compiled patterns for claim analysis.

Everything here is general news / legal-reporting vocabulary (reporting verbs,
modal cues, legal actions, roles). Nothing refers to one story.
"""

from __future__ import annotations

import re

# --- attribution -----------------------------------------------------------

SAY_VERBS = (
    r"said|says|say|told|tells|added|adds|stated|states|claimed|claims|alleged|alleges|"
    r"argued|argues|noted|notes|wrote|writes|insisted|insists|explained|explains|warned|"
    r"warns|announced|announces|testified|testifies|reported|reports|asserted|asserts|"
    r"declared|declares|maintained|maintains|confirmed|confirms|recalled|recalls|"
    r"accused|accuses|denied|denies|rejected|rejects|dismissed|dismisses|believes|believed"
)

# "..., Akhatova said." / "..., the lawyer told Fergana." (speaker after the content)
TAIL_ATTRIBUTION = re.compile(
    r"[,”\"]\s*(?P<speaker>(?:[\w’'.\-]+\s+){0,7}?[\w’'.\-]+)\s+(?P<verb>" + SAY_VERBS + r")\b"
    r"(?:\s+[\w’'.\-]+){0,3}\s*[.!?]?\s*$",
    re.IGNORECASE,
)
# "Akhatova said (that) ..." (speaker before the content)
LEAD_ATTRIBUTION = re.compile(
    r"^(?:(?:at|in|on|after|before|during|since|earlier|later|last|this|by)\b[^,]{0,60},\s*)?"
    r"(?P<speaker>(?:[\w’'().,\-]+\s+){0,10}?[\w’'().\-]+)\s+"
    r"(?:(?:has|have|had|also|later|previously|repeatedly|\w+ly)\s+)*"
    r"(?P<verb>" + SAY_VERBS + r")\b(?:\s+(?:\w+\s+){0,2}?that\b|\s*:|\s*,)?",
    re.IGNORECASE,
)
ACCORDING_TO = re.compile(r"\baccording to (?P<speaker>[^,.;]{2,80})", re.IGNORECASE)

# Speakers that are really just pronouns or the text itself.
PRONOUN_SPEAKERS = frozenset(
    [
        "he",
        "she",
        "they",
        "it",
        "we",
        "i",
        "you",
        "this",
        "that",
        "which",
        "who",
        "one",
        "some",
        "others",
    ]
)

# --- modality -----------------------------------------------------------------

DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying)|rejected\s+(?:reports|claims|allegations|suggestions|accusations)|"
    r"dismissed\s+(?:reports|claims|allegations|suggestions|accusations)|refut\w*|disputed)\b",
    re.IGNORECASE,
)
EXPECTATION = re.compile(
    r"\b(?:will|would|shall|won['’]t|is\s+to|are\s+to|expected\s+to|likely|unlikely|probably|"
    r"plans?\s+to|planned\s+to|set\s+to|going\s+to|scheduled|due\s+to\s+be|may\s+face|"
    r"could\s+face|might\s+face|may\s+be|might\s+be|could\s+be|predict\w*|forecast\w*|"
    r"anticipat\w*|bracing)\b",
    re.IGNORECASE,
)
ALLEGATION = re.compile(
    r"\b(?:alleg\w*|accus\w*|claim\w*|purported\w*|reportedly|according to|said|says|told|"
    r"argued|insisted|asserted|testified)\b",
    re.IGNORECASE,
)
# The ruling itself governs a future-tense clause: "the court ruled that they will not be".
RULING_THAT = re.compile(
    r"\b(?:rul(?:ed|es|ing)|decided|decides|ordered|orders|found|finds|determined|held|"
    r"decision|verdict)\s+(?:\w+\s+){0,4}?that\b",
    re.IGNORECASE,
)
NOMINAL_REMOVAL = re.compile(r"^(?:deportation|extradition|expulsion|repatriation)s?$", re.I)
# A decision on the removal itself: "refused the extradition (request)", "blocked the deportation".
DECISION_AGAINST = re.compile(
    r"\b(?:refus\w*|reject\w*|block\w*|den(?:y|ies|ied)|halt\w*|overturn\w*|cancel\w*|"
    r"stopp\w*|stops?|bar(?:red|s)?|annul\w*|quash\w*)\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+|its\s+)?$",
    re.IGNORECASE,
)
DECISION_FOR = re.compile(
    r"\b(?:grant\w*|approv\w*|authori[sz]\w*|upheld|uphold\w*|order\w*)\s+"
    r"(?:the\s+|an?\s+|his\s+|her\s+|their\s+|its\s+)?$",
    re.IGNORECASE,
)
CONDITIONAL = re.compile(r"\b(?:if|unless|whether|in case|should they|were they)\b", re.IGNORECASE)
# Asked for, urged, feared: verbs only ("the extradition request" is a noun, not an appeal).
APPEAL = re.compile(
    r"\b(?:call(?:ed|s|ing)?\s+on|urg(?:e|ed|es|ing)|ask(?:ed|s|ing)?|request(?:ed|s|ing)|"
    r"demand(?:ed|s|ing)|appeal(?:ed|s|ing)?\s+(?:to|for|on)|plead(?:ed|s|ing)?|"
    r"petition(?:ed|s|ing)|should|must|guarantee(?:d|s)?|prevent(?:ed|s|ing)?|"
    r"threat(?:en|ened|ens|ening)|fear(?:ed|s|ing)?|risk(?:ed|s|ing)?|push(?:ed|es|ing)?|"
    r"sought|seek(?:s|ing)?|want(?:ed|s|ing)?|hop(?:e|es|ed|ing))\b",
    re.IGNORECASE,
)
NEGATION = re.compile(
    r"\b(?:not|never|no|n['’]t|cannot|neither|nor|refused\s+to|without|rather\s+than)\b|n['’]t\b",
    re.IGNORECASE,
)

# A modal immediately governing a verb: "will (probably) (not) be".
MODAL_BEFORE = re.compile(
    r"\b(?:will|would|shall|won['’]t|is\s+to|are\s+to|(?:is|are|was|were)\s+(?:expected|likely|"
    r"set|going|due|scheduled)\s+to|may|might|could|plans?\s+to)"
    r"(?:\s+(?:not|never|probably|likely|almost|certainly|soon|also|then|now|still|"
    r"be|been|have|get|\w+ly))*\s+$",
    re.IGNORECASE,
)
# A nominalisation followed by a modal event verb: "deportation (to X) will probably follow".
MODAL_AFTER = re.compile(
    r"^(?:\s+(?:of|to|for|back)\s+(?:the\s+)?[\w\-]+(?:\s+[\w\-]+)?)?\s+"
    r"(?:will|would|could|may|might|is\s+likely\s+to|is\s+expected\s+to)"
    r"(?:\s+(?:probably|likely|almost|certainly|soon|then|\w+ly))*\s+"
    r"(?:follow|come|happen|take\s+place|ensue|be\s+next)\b",
    re.IGNORECASE,
)

# --- predicates ------------------------------------------------------------------
# family -> patterns. A match is one predicate occurrence.

PREDICATES: dict[str, re.Pattern[str]] = {
    "removal": re.compile(
        r"\b(?:deport\w*|extradit\w*|expel\w*|expulsion|repatriat\w*|"
        r"(?:hand(?:ed|ing|s)?|sen[dt](?:ing|s)?|return(?:ed|ing|s)?)(?:\s+\w+){0,2}?\s+back|"
        r"hand(?:ed|ing|s)?(?:\s+\w+){0,2}?\s+over(?=\s+(?:to|once|within|after|before|soon)\b|"
        r"\s*[.,;]|$)|"
        r"(?:forcibly\s+)?return(?:ed|ing|s)?)\b",
        re.IGNORECASE,
    ),
    "stay": re.compile(
        r"\b(?:allow\w*|permit\w*|grant\w*|let)\s+(?:\w+\s+){0,2}?(?:to\s+)?(?:stay|remain)\b|"
        r"\bleave\s+to\s+remain\b",
        re.IGNORECASE,
    ),
    "postpone": re.compile(
        r"\b(?:postpon\w*|adjourn\w*|delay(?:ed|s)?|put\s+off|defer(?:red|s)?|reschedul\w*)\b",
        re.IGNORECASE,
    ),
    "begin": re.compile(
        r"\b(?:went\s+on\s+trial|go(?:es)?\s+on\s+trial|began|begun|begins|started|starts|"
        r"opened|opens|got\s+under\s+way|got\s+underway|commenced)\b",
        re.IGNORECASE,
    ),
    "sentence": re.compile(r"\b(?:sentenc\w*|jailed|imprisoned)\b", re.IGNORECASE),
    "arrest": re.compile(
        r"\b(?:arrest\w*|detain\w*|taken\s+into\s+custody|apprehended)\b", re.IGNORECASE
    ),
    "release": re.compile(r"\b(?:releas\w*|freed|set\s+free)\b", re.IGNORECASE),
    "acquit": re.compile(r"\b(?:acquit\w*)\b", re.IGNORECASE),
    "convict": re.compile(r"\b(?:convict\w*|found\s+guilty)\b", re.IGNORECASE),
    "cross": re.compile(r"\b(?:cross\w*|slipped\s+across|entered|entering)\b", re.IGNORECASE),
}

# Families whose date is a fixed event date worth comparing across outlets.
DATED_FAMILIES = frozenset({"arrest", "begin", "sentence", "release", "acquit", "convict"})

# --- objects of postponement -----------------------------------------------------

PROCEEDING_NOUNS = frozenset(
    [
        "trial",
        "trials",
        "hearing",
        "hearings",
        "case",
        "session",
        "sessions",
        "proceedings",
        "proceeding",
        "sentencing",
        "verdict",
        "court",
    ]
)
REMOVAL_NOUNS = frozenset(
    [
        "deportation",
        "deportations",
        "extradition",
        "expulsion",
        "repatriation",
        "return",
        "transfer",
        "handover",
    ]
)
OTHER_EVENT_NOUNS = frozenset(
    [
        "vote",
        "election",
        "elections",
        "release",
        "execution",
        "meeting",
        "visit",
        "talks",
        "summit",
        "launch",
    ]
)
OBJECT_CLASSES: dict[str, frozenset[str]] = {
    "proceeding": PROCEEDING_NOUNS,
    "removal": REMOVAL_NOUNS,
}

JUDICIAL = re.compile(r"\b(?:court|judge|tribunal|magistrate|bench|justice)\b", re.IGNORECASE)
SCHEDULED_FOR = re.compile(r"\b(?:scheduled|set|due|planned|slated)\s+(?:to\s+\w+\s+)?(?:for|on)\b")
UNTIL = re.compile(r"\b(?:until|till|to|for)\s*$", re.IGNORECASE)

# --- numbers ---------------------------------------------------------------------

NUMBER_WORDS: dict[str, int] = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
    "eighty": 80, "ninety": 90, "hundred": 100, "a dozen": 12,
}  # fmt: skip
MULTIPLIERS: dict[str, int] = {"thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000}

NUMBER = re.compile(
    r"(?<![\w.])(?P<num>\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
    + "|".join(sorted((re.escape(w) for w in NUMBER_WORDS), key=len, reverse=True))
    + r")(?:\s+(?P<mult>thousand|million|billion))?"
    r"(?P<sep>[\s\-]+)(?P<unit>[a-z]+)",
    re.IGNORECASE,
)
UNITS: dict[str, str] = {
    "year": "year", "years": "year", "month": "month", "months": "month", "week": "week",
    "weeks": "week", "day": "day", "days": "day", "hour": "hour", "hours": "hour",
    "people": "person", "persons": "person", "person": "person", "men": "person",
    "women": "person", "children": "person", "witnesses": "witness", "witness": "witness",
    "lawyers": "lawyer", "lawyer": "lawyer", "dead": "dead", "killed": "dead",
    "deaths": "dead", "injured": "injured", "wounded": "injured", "percent": "percent",
    "camps": "camp", "activists": "activist", "protesters": "protester",
    "defendants": "defendant", "charges": "charge", "counts": "charge",
}  # fmt: skip
AGE_AFTER_NAME = re.compile(r"^,\s*(?P<age>\d{1,3})\s*,")
AGE_COMPOUND = re.compile(r"\b(?P<age>\d{1,3})-year-old\b", re.IGNORECASE)
# "in less than six months", "at least 1 million": a bound, not a value.
BOUND_BEFORE = re.compile(
    r"\b(?:less|more|fewer|greater|over|under|up\s+to|at\s+least|at\s+most|nearly|almost|"
    r"about|around|some|roughly|approximately|estimated|an?\s+estimated|than)\s*$",
    re.IGNORECASE,
)

# --- roles -----------------------------------------------------------------------

SIDE_OF_ROLE = (
    ("prosecution", re.compile(r"\bprosecut\w*|\bstate\s+attorney\b|\bprocurator\b", re.I)),
    ("defence", re.compile(r"\bdefen[cs]e\b|\bdefending\b", re.I)),
    ("bench", re.compile(r"\bjudge\b|\bmagistrate\b|\bjustice\b", re.I)),
    ("accused", re.compile(r"\bdefendant\b|\baccused\b|\bsuspect\b", re.I)),
)
INCOMPATIBLE_SIDES = frozenset(
    {
        frozenset({"defence", "prosecution"}),
        frozenset({"bench", "defence"}),
        frozenset({"bench", "prosecution"}),
        frozenset({"bench", "accused"}),
        frozenset({"accused", "prosecution"}),
    }
)
LAWYER = r"(?:lawyer|attorney|advocate|counsel|barrister|solicitor)"
# "lawyer for the prosecution" / "prosecution lawyer" / "State prosecutor X"
PROSECUTION_CONTEXT = re.compile(
    LAWYER + r"\s+(?:for|of|representing)\s+the\s+(?:prosecution|state|prosecutor\w*)\b|"
    r"\b(?:prosecution|state)\s+" + LAWYER + r"\b|\bprosecutor\b",
    re.IGNORECASE,
)
# "the pair's lawyer" / "their lawyer" / "defence lawyer" / "lawyer for the defendants"
DEFENCE_CONTEXT = re.compile(
    r"\b(?:the\s+)?(?:pair|men|man|women|woman|two|defendants?|accused|suspects?|family|"
    r"activists?|refugees?|detainees?)['’]s?\s+" + LAWYER + r"\b|"
    r"\b(?:their|his|her)\s+"
    + LAWYER
    + r"\b|\bdefen[cs]e\s+"
    + LAWYER
    + r"\b|"
    + LAWYER
    + r"\s+(?:for|of|representing)\s+the\s+(?:defen[cs]e|defendants?|accused|pair|men|"
    r"family|two)\b|\b(?:her|his)\s+clients?\b",
    re.IGNORECASE,
)
JUDGE_CONTEXT = re.compile(r"\bjudge\b", re.IGNORECASE)
