"""The language's words as the entity stages read them, gathered once per stage call.

Nothing here is a word list: every set comes from the :class:`~dossier.lang.Language` the
stage got through ``resources.language(code)``; this module only derives the forms the
stages compare with (plurals of role nouns, the words that never end a name).
"""

from __future__ import annotations

from dataclasses import dataclass

from dossier.lang import EntityWords, Language, NameRules, Roles


@dataclass(frozen=True, slots=True)
class Vocab:
    language: Language
    names: NameRules
    words: EntityWords
    roles: Roles
    # Role noun (lemma or plural) -> canonical role ("lawyers" -> "lawyer").
    role_nouns: dict[str, str]
    title_words: frozenset[str]  # role nouns and titles that may open a person span
    calendar: frozenset[str]  # month and weekday names and abbreviations
    stop_words: frozenset[str]

    @staticmethod
    def of(language: Language) -> Vocab:
        role_nouns: dict[str, str] = {}
        for lemma, noun in language.roles.nouns.items():
            role_nouns.setdefault(lemma, noun.role)
            plural = lemma + ("es" if lemma.endswith(("s", "sh", "ch")) else "s")
            role_nouns.setdefault(plural, noun.role)
        return Vocab(
            language=language,
            names=language.names,
            words=language.entities,
            roles=language.roles,
            role_nouns=role_nouns,
            title_words=frozenset(role_nouns) | language.names.title_words,
            calendar=language.calendar.words,
            stop_words=language.stop_words,
        )

    def is_demonym(self, word: str) -> bool:
        """A demonym, ethnonym or religion (any case, possibly plural or possessive)."""
        w = word.lower().strip(".,;:'’\"")
        for ending in ("'s", "’s"):
            w = w.removesuffix(ending)
        demonyms = self.words.demonyms
        if w in demonyms:
            return True
        return any(
            w.endswith(ending) and w[: -len(ending)] in demonyms
            for ending in self.words.plural_endings
        )

    def is_org_word(self, word: str) -> bool:
        return word.lower().strip(".,’'") in self.words.org_words

    def is_honorific(self, word: str) -> bool:
        return word.lower() in self.names.honorifics

    def non_name_word(self, word: str) -> bool:
        """A word that is never a name token on its own: function, calendar, organisation,
        generic and role words, demonyms."""
        w = word.lower().strip(".,’'")
        return (
            w in self.stop_words
            or w in self.calendar
            or w in self.words.org_words
            or w in self.words.generic_nouns
            or w in self.role_nouns
            or self.is_demonym(w)
        )

    def country_of(self, demonym: str) -> str:
        """The country a demonym names, lower case ("brazilian" -> "brazil")."""
        low = demonym.lower()
        found = self.words.demonym_countries.get(low)
        if found:
            return found
        for ending in ("ian", "ean", "an", "ese", "i", "ish", "ic"):
            if low.endswith(ending) and len(low) - len(ending) >= 3:
                return low[: -len(ending)]
        return low
