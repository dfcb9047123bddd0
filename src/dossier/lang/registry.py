"""Which languages Dossier has an object for: every subpackage of :mod:`dossier.lang`
that defines ``LANGUAGE``. Adding a language is adding its folder; nothing is listed here."""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Mapping
from types import MappingProxyType

import dossier.lang
from dossier.lang.language import Language


def language_codes() -> tuple[str, ...]:
    """Codes of the language folders, without importing them."""
    return tuple(sorted(m.name for m in pkgutil.iter_modules(dossier.lang.__path__) if m.ispkg))


def load_language(code: str) -> Language | None:
    """The language object for ``code`` (ISO 639-1), or None when there is no folder for it."""
    if code not in language_codes():
        return None
    module = importlib.import_module(f"dossier.lang.{code}")
    language = getattr(module, "LANGUAGE", None)
    if not isinstance(language, Language) or language.code != code:
        raise TypeError(f"dossier.lang.{code} must define LANGUAGE = Language(code={code!r}, ...)")
    return language


def load_languages() -> Mapping[str, Language]:
    out = {}
    for code in language_codes():
        language = load_language(code)
        if language is not None:
            out[code] = language
    return MappingProxyType(out)
