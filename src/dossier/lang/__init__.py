"""The language layer: everything Dossier knows about a language, in one object per language.

``dossier.lang.<code>`` (a folder per language) defines ``LANGUAGE``, a :class:`Language`
with its analyser, stop words, calendar, numbers, name rules, roles and event classes.
Stages reach it through :meth:`dossier.resources.Resources.language`; they never import a
language folder. See docs/architecture.md, "Adding a language".
"""

from dossier.lang.boilerplate import Boilerplate, Needles
from dossier.lang.identify import Identification, identify
from dossier.lang.language import (
    Calendar,
    EntityWords,
    EventClass,
    Events,
    Grammar,
    Language,
    NameRules,
    Numbers,
    RoleNoun,
    Roles,
    Side,
    SpacyAnalyser,
)
from dossier.lang.registry import language_codes, load_language, load_languages

__all__ = [
    "Boilerplate",
    "Calendar",
    "EntityWords",
    "EventClass",
    "Events",
    "Grammar",
    "Identification",
    "Language",
    "NameRules",
    "Needles",
    "Numbers",
    "RoleNoun",
    "Roles",
    "Side",
    "SpacyAnalyser",
    "identify",
    "language_codes",
    "load_language",
    "load_languages",
]
