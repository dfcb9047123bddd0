"""What Dossier knows about one language, as one frozen object.

A :class:`Language` gathers every language-specific table and rule the stages use:
which analyser reads the text (a spaCy model and its components, or another
package), stop words, calendar and number words, name rules, role nouns and the
side each role is on, event-verb classes, reporting verbs and modality cues.
Stages never import a language's tables; they ask ``resources.language(code)``
for the object and read its fields. A new language is a new folder
``dossier/lang/<code>/`` whose ``__init__`` defines ``LANGUAGE`` (see
:mod:`dossier.lang.registry`); nothing else changes.

The field types are defined here once; the values live in the language folders.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

from dossier.lang.boilerplate import Boilerplate
from dossier.lang.claims import ClaimCues, Quantities
from dossier.lang.discourse import NewsText
from dossier.lang.patterns import EntityPatterns
from dossier.lang.timewords import PageDateWords, TenseCues, TimeWords


def words(text: str) -> list[str]:
    """The white-space separated words of a word-list literal (tables are written as text)."""
    return text.split()


def phrases(text: str) -> list[str]:
    """The ``;``-separated phrases of a phrase-list literal, each with single spaces."""
    return [" ".join(p.split()) for p in text.split(";") if p.strip()]


Side = Literal["defence", "prosecution", "bench", "accused", "government", "company", "regulator"]


@dataclass(frozen=True, slots=True)
class SpacyAnalyser:
    """A spaCy pipeline installed as a package that ships its weights (loaded offline)."""

    package: str
    # Components of the package to leave out; the rest run (and are the benchmark's floor).
    exclude: tuple[str, ...] = ()

    @property
    def name(self) -> str:
        return self.package


# Another language may be read by another package (natasha for Russian, say); its analyser
# type is added beside this one and :mod:`dossier.nlp.analyse` dispatches on the type.
Analyser = SpacyAnalyser


@dataclass(frozen=True, slots=True)
class Calendar:
    """Month and weekday names (lower case) and the words around dates."""

    months: Mapping[str, int]  # "january" / "jan" -> 1
    weekdays: Mapping[str, int]  # "monday" / "mon" -> 0
    ambiguous_months: frozenset[str]  # month names that are also ordinary words ("may")
    seasons: Mapping[str, str]  # "autumn" -> TimeML season code "FA"
    parts_of_day: Mapping[str, str]  # "morning" -> "MO"
    # How a numeric date that reads both ways ("04/03/2021") is read when nothing on the
    # page, the outlet or the folder decides: day first (True) or month first.
    numeric_day_first: bool
    expressions: TimeWords  # the other words of temporal expressions
    tense: TenseCues  # future and past markers (without a parse)
    page: PageDateWords  # labels beside a printed publication date

    @property
    def words(self) -> frozenset[str]:
        """Every month and weekday name and abbreviation."""
        return frozenset(self.months) | frozenset(self.weekdays)

    def month_names(self) -> frozenset[str]:
        """The full name of each month (the longest of its names): "june", not "jun"."""
        return _longest(self.months)

    def weekday_names(self) -> frozenset[str]:
        """The full name of each weekday: "thursday", not "thu"."""
        return _longest(self.weekdays)


def _longest(names: Mapping[str, int]) -> frozenset[str]:
    longest: dict[int, str] = {}
    for name, number in names.items():
        if len(name) > len(longest.get(number, "")):
            longest[number] = name
    return frozenset(longest.values())


@dataclass(frozen=True, slots=True)
class Numbers:
    """Number words: cardinals, ordinals, multipliers and vague quantities."""

    cardinals: Mapping[str, float]  # "twelve" -> 12, "a dozen" -> 12
    ordinals: Mapping[str, int]  # "third" / "3rd" -> 3
    multipliers: Mapping[str, int]  # "million" -> 1_000_000
    vague: frozenset[str]  # "several", "dozens of": an amount, but not a known one
    # Words before an amount that hedge or bound it: "about", "more than", "at least".
    approximators: frozenset[str]
    indefinite: frozenset[str]  # "a", "an": one, in "a year ago"
    and_a_half: str  # "and a half": "two and a half years"

    def value(self, word: str) -> float | None:
        return self.cardinals.get(word.lower())


@dataclass(frozen=True, slots=True)
class NameRules:
    """How personal names are written: titles before them, particles inside them, and
    the endings that carry gender or lineage (information, never noise)."""

    honorifics: frozenset[str]  # "mr", "mrs", "dr", "sheikh" (lower case, with and without ".")
    particles: frozenset[str]  # "bin", "van", "de": lower-case words inside a name
    person_suffixes: tuple[str, ...]  # endings typical of family names ("-ov", "-uly", "-shvili")
    # Family and patronymic suffixes one outlet writes and another drops (Musakhanuly /
    # Musakhan), longest first.
    family_suffixes: tuple[str, ...]
    # Pairs of endings that distinguish a feminine from a masculine (or a daughter's from a
    # son's) form of one family name: ("ova", "ov"), ("kyzy", "uly").
    gendered_endings: tuple[tuple[str, str], ...]
    # Words that may open a person span before the name ("Chief Executive Tony Hayward",
    # "Sen. X"): stripped when at least two name words remain.
    title_words: frozenset[str] = frozenset()
    # Spelling variants of names written from other scripts, as ordered (regular expression,
    # replacement) rules over the lower-case ASCII form: q/k, kh/h/x, zh/j, y/i, doubled
    # letters. Two spellings with one key are one name.
    spelling_rules: tuple[tuple[str, str], ...] = ()
    # Articles joined to a name by a hyphen and ignored when comparing ("al-Assad" ~ "Assad").
    joined_articles: frozenset[str] = frozenset()
    # Given name -> its variants (nicknames and the names they are short for, one step):
    # "edward" -> {"ed", "eddie", "ted", ...}, "ed" -> {"edward", "edwin", ...}. Lower case.
    given_name_variants: Mapping[str, frozenset[str]] = field(
        default_factory=lambda: MappingProxyType({})
    )

    def given_variants(self, name: str) -> frozenset[str]:
        return self.given_name_variants.get(name.lower(), frozenset())


@dataclass(frozen=True, slots=True)
class RoleNoun:
    """A noun that names what a person is in a story ("judge", "defence lawyer")."""

    role: str  # canonical role, lower case
    side: Side | None = None  # the side of a case the role is on, when the noun alone says it


@dataclass(frozen=True, slots=True)
class Roles:
    """Role nouns (lemmas) and the words that put a role on one side of a case."""

    nouns: Mapping[str, RoleNoun]  # lemma -> role
    # Words that, modifying a role noun or after "for/of/representing", name a side:
    # "prosecution" / "state" -> prosecution, "defence" -> defence.
    side_words: Mapping[str, Side]
    # Sides no one person can hold at once in one case.
    incompatible_sides: frozenset[frozenset[Side]]
    # Family relations ("wife", "son"): a role that links two people rather than a job.
    kinship: frozenset[str] = frozenset()
    # Relations whose two people are a man and a woman (husband/wife) and so never one person,
    # nor one entity with a family name in both its forms (Ivanov / Ivanova).
    spouses: frozenset[str] = frozenset()
    # Possessors whose lawyer is the defence's ("the pair's lawyer", "his lawyer"): lemmas.
    defence_possessors: frozenset[str] = frozenset()
    # Offices that, before "general", make a title ("Attorney General", "Secretary General").
    general_offices: frozenset[str] = frozenset()
    # Office holders that one of these ranks a role ("vice president", "deputy prosecutor").
    ranked_roles: frozenset[str] = frozenset()
    ranks: frozenset[str] = frozenset()
    # Words that make a role a past one ("former judge", "ex-minister"): kept as a title.
    former: frozenset[str] = frozenset()
    # Verbs by which a lawyer acts for a side ("the lawyer who represents the state").
    representation_verbs: frozenset[str] = frozenset()
    # Event classes (names in ``Events.classes``) whose patient is a defendant: charged,
    # tried, convicted, acquitted, sentenced.
    defendant_events: frozenset[str] = frozenset()
    # Nouns of proceedings + the preposition before their defendant ("trial of X",
    # "case against X", "charges against X").
    defendant_nouns: Mapping[str, frozenset[str]] = field(
        default_factory=lambda: MappingProxyType({})
    )
    # Verbs whose subject undergoes a proceeding named by their object ("X stands trial",
    # "X faces charges", "X went on trial"); a subject of other verbs may be its agent ("the
    # judge handed sentences").
    defendant_subject_verbs: frozenset[str] = frozenset()
    # Credit nouns: "Photo by X" names a photographer.
    credit_nouns: frozenset[str] = frozenset()
    # Canonical roles that gather several offices ("official": mayor, governor, director):
    # a description links to a holder of one of them only through the same noun ("the mayor"
    # is not every official).
    umbrella_roles: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class EventClass:
    """A kind of event, named by verbs (lemmas), multi-word verbs and nominalisations."""

    name: str  # "arrest", "sentence", "postpone", ...
    verbs: frozenset[str]  # lemmas: "arrest", "detain", "apprehend"
    phrases: tuple[str, ...] = ()  # multi-word forms, as lemmas: "take into custody"
    nouns: frozenset[str] = frozenset()  # "arrest", "detention"
    label: str = ""  # how a report names the event: "arrest", "postponement"
    # Whether the event has one date that outlets can disagree about.
    dated: bool = True
    # A phase of another event ("begin", "postpone", "cancel"): "the trial began" is the
    # trial beginning, so the frame is about the event its argument names.
    aspect: bool = False
    # Done to people ("arrest", "release", "kill"): with only things as its object ("BP
    # released the video") the verb is used in another sense.
    about_people: bool = False


@dataclass(frozen=True, slots=True)
class Events:
    """Event classes, reporting verbs and the cues that change what a clause asserts."""

    classes: tuple[EventClass, ...]
    reporting_verbs: frozenset[str]  # lemmas: "say", "tell", "claim", "announce"
    denial_verbs: frozenset[str]  # "deny", "refute", "dispute"
    allegation_verbs: frozenset[str]  # "allege", "accuse", "claim"
    expectation_cues: frozenset[str]  # "expect", "likely", "plan", "schedule"
    negation_words: frozenset[str]  # "not", "never", "no"
    # Nouns of proceedings that are held, postponed or cancelled ("trial", "hearing").
    proceeding_nouns: frozenset[str] = frozenset()
    # Classes that are one outcome of a proceeding, given on one day: a ruling is a
    # conviction and a sentence ("rule", "convict", "sentence").
    outcomes: frozenset[str] = frozenset()
    # What opens a proceeding, as a modifier and a noun (lemmas; "opening statements"): a
    # phase applied to it is the proceeding's ("opening statements will begin on 9 May":
    # the trial begins then).
    proceeding_openings: frozenset[tuple[str, str]] = frozenset()
    # The class a proceeding noun names when it is what an aspect applies to ("try").
    proceeding_class: str = ""
    # Nouns of a sitting of any body ("session"): a proceeding only when a modifier names
    # a court or a proceeding ("the court session", "the final session of the trial"); "BP
    # ends the question session" ends no trial.
    sitting_nouns: frozenset[str] = frozenset()
    # Words that make a sitting a court's ("court", "judicial"), beside the proceeding nouns.
    court_words: frozenset[str] = frozenset()
    # Outcomes no one event can have at once (class or aspect names): a trial that was
    # postponed did not begin that day; a defendant convicted was not acquitted.
    exclusive: tuple[frozenset[str], ...] = ()
    # Aspects that say the event took place (began, was held): the event's own class counts
    # as one of them.
    occurring: frozenset[str] = frozenset()
    # Aspects that move an event to a later day rather than call it off ("postpone").
    delays: frozenset[str] = frozenset()
    # Events that entail others: a sentence is handed down only on a conviction.
    implies: Mapping[str, frozenset[str]] = field(default_factory=lambda: MappingProxyType({}))
    # The class of a state that continues ("remained in custody") and the class it continues.
    continuations: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))

    def by_name(self) -> Mapping[str, EventClass]:
        return MappingProxyType({c.name: c for c in self.classes})

    def class_of_verb(self) -> Mapping[str, str]:
        """Verb lemma -> event class name (the first class that lists it)."""
        out: dict[str, str] = {}
        for event_class in self.classes:
            for verb in sorted(event_class.verbs):
                out.setdefault(verb, event_class.name)
        return MappingProxyType(out)

    def class_of_noun(self) -> Mapping[str, str]:
        out: dict[str, str] = {}
        for event_class in self.classes:
            for noun in sorted(event_class.nouns):
                out.setdefault(noun, event_class.name)
        return MappingProxyType(out)

    def class_of_phrase(self) -> Mapping[tuple[str, ...], str]:
        """Multi-word verb (a tuple of lemmas) -> event class name."""
        out: dict[tuple[str, ...], str] = {}
        for event_class in self.classes:
            for phrase in event_class.phrases:
                out.setdefault(tuple(phrase.split()), event_class.name)
        return MappingProxyType(out)

    def aspects(self) -> frozenset[str]:
        return frozenset(c.name for c in self.classes if c.aspect)


@dataclass(frozen=True, slots=True)
class Grammar:
    """The analyser's labels for clause structure: which dependency labels mark subjects,
    objects, clauses, negation and auxiliaries, and which auxiliaries are modal or future.
    For English these are spaCy's ClearNLP dependency labels and Penn tags."""

    subject_deps: frozenset[str]  # nsubj, nsubjpass, csubj, ...
    passive_subject_deps: frozenset[str]  # nsubjpass, csubjpass
    passive_aux_deps: frozenset[str]  # auxpass
    aux_deps: frozenset[str]  # aux, auxpass
    object_deps: frozenset[str]  # dobj, dative, attr, oprd
    agent_deps: frozenset[str]  # agent ("by police")
    prep_deps: frozenset[str]  # prep
    prep_object_deps: frozenset[str]  # pobj
    negation_deps: frozenset[str]  # neg
    # Dependencies by which a verb heads a clause of its own.
    clause_deps: frozenset[str]
    # Clauses that complete their governing verb ("said [that ...]", "expected [to ...]").
    complement_deps: frozenset[str]
    conjunct_deps: frozenset[str]  # conj
    # A verb without a subject of its own shares the subject of the word it hangs on by one
    # of these ("X is due [to be sentenced]", "X fled and [crossed]").
    subject_sharing_deps: frozenset[str]
    modal_tags: frozenset[str]  # MD
    future_auxiliaries: frozenset[str]  # will, shall (lemmas)
    perfect_auxiliaries: frozenset[str]  # have (lemma): "has been postponed" reports the past
    past_morph: str  # "Tense=Past"
    verb_pos: frozenset[str]  # VERB, AUX
    adposition_pos: frozenset[str] = frozenset()  # ADP: what a date hangs from ("until", "by")
    # The analyser's morphology of a verb without tense of its own, of a participle and of a
    # comparative (Universal Dependencies features for spaCy's pipelines).
    # Auxiliaries that, with a perfect infinitive, say what did not happen or is only
    # imagined ("we would have arrived on Saturday"), lemmas.
    counterfactual_auxiliaries: frozenset[str] = frozenset()
    infinitive_morph: str = "VerbForm=Inf"
    participle_morph: str = "VerbForm=Part"
    comparative_morph: str = "Degree=Cmp"
    # would: a future only as someone's words ("said it would pay"); on its own a
    # hypothetical ("it would take a month to equal the Valdez spill")
    hypothetical_auxiliaries: frozenset[str] = frozenset()

    def anterior(self, auxiliaries: Iterable[tuple[str, str]], verb_morph: str) -> bool:
        """A perfect infinitive ("to have died", "to have been killed"): a participle under
        a perfect auxiliary without tense of its own, and no future auxiliary. What it states
        happened before the time of the verb it completes: "thousands are expected to have
        died" estimates a past event, it expects nothing. ``auxiliaries`` are (lemma, morph)
        of the verb's own auxiliaries; "will have finished" (a future perfect) is not."""
        found = list(auxiliaries)
        if any(lemma in self.future_auxiliaries for lemma, _ in found):
            return False
        return self._perfect_infinitive(found, verb_morph)

    def counterfactual(self, auxiliaries: Iterable[tuple[str, str]], verb_morph: str) -> bool:
        """A perfect infinitive under a counterfactual auxiliary ("we would have arrived on
        Saturday", "'d have arrived"): imagined, neither stated nor expected."""
        found = list(auxiliaries)
        return any(
            lemma in self.counterfactual_auxiliaries for lemma, _ in found
        ) and self._perfect_infinitive(found, verb_morph)

    def _perfect_infinitive(self, found: list[tuple[str, str]], verb_morph: str) -> bool:
        return self.participle_morph in verb_morph and any(
            lemma in self.perfect_auxiliaries and self.infinitive_morph in morph
            for lemma, morph in found
        )


@dataclass(frozen=True, slots=True)
class EntityWords:
    """Words that tell what kind of thing a capitalised name is, read around it and inside it.

    All lower case; nouns and verbs are lemmas (compared with the parse's lemmas)."""

    org_words: frozenset[str]  # a span holding one names an organisation ("ministry", "police")
    org_context_nouns: frozenset[str]  # before a name: "the website X", "the newspaper X"
    place_words: frozenset[str]  # heading or opening a place name: "city", "street", "square"
    place_context_nouns: frozenset[str]  # "the town of X", "X region"
    admin_words: frozenset[str]  # "province", "oblast", "region" after a place name
    admin_required: frozenset[str]  # of those, the ones that make "X province" the place X
    generic_nouns: frozenset[str]  # "authorities", "officials": with a demonym, a group
    demonyms: frozenset[str]  # nationalities, ethnic groups, religions: never entities alone
    plural_endings: tuple[str, ...]  # endings of demonym plurals ("Kazakhs", "Uzbeki")
    # Demonym -> country, where the country is not the demonym's stem ("chinese" -> "china").
    demonym_countries: Mapping[str, str]
    outlet_words: frozenset[str]  # generic words of outlet names ("news", "agency", "daily")
    country_words: frozenset[str]  # "national", "federal", "us": extra words of an org name
    ethnic_cues: frozenset[str]  # "ethnic": the capitalised word after it is a group
    work_nouns: frozenset[str]  # "song", "album", "film": a name they head is a work
    event_nouns: frozenset[str]  # "festival", "concert", "cup": a name they head is an event
    substance_nouns: frozenset[str]  # "drug", "sedative", "dose": a name they head is a substance
    # Verbs whose object is a work or a substance, never a person named in full
    # ("perform Billie Jean", "administer propofol").
    thing_verbs: frozenset[str]
    person_verbs: frozenset[str]  # verbs whose subject is a person ("die", "testify", "marry")
    rename_cues: tuple[str, ...]  # "formerly", "formerly known as": "X, formerly Y"
    alias_cues: tuple[str, ...]  # "or", "known as": "the National Security Committee, or KNB"
    connectors: frozenset[str]  # function words inside organisation names ("of", "for", "and")
    # Determiners and possessive pronouns that open a description ("the", "his", "another").
    determiners: frozenset[str]
    # Determiners that make a noun phrase definite ("the judge", "this lawyer"): a definite
    # role noun may stand for a person named in the story.
    definite: frozenset[str]
    # Modifiers that make a definite noun phrase someone not named before ("the other
    # lawyer", "the new judge").
    contrast: frozenset[str]
    # Prepositions that attach an employer to a role ("researcher at HRW", "head of X").
    affiliation_preps: frozenset[str]
    age_before: frozenset[str]  # "aged 30"
    age_after: tuple[str, ...]  # "30 years old"
    age_compound: str  # "the 30-year-old X"
    place_preps: frozenset[str]  # "in", "near", "from": a lone name after one is likely a place
    # Prepositions that put a named organisation in a place: an organisation's name ends
    # before one followed by a name ("Royal Free Hospital in Hampstead").
    location_preps: frozenset[str]
    clause_openers: frozenset[str]  # "who", "said": an apposition does not run past one
    # Prepositions that say where a person is from ("Jane Doe from X"): after a person's
    # name, their object is a place more likely than an organisation.
    origin_preps: frozenset[str] = frozenset()
    # Nouns, or a modifier and a noun, that name a product's name ("brand", "trade name"):
    # a name they stand beside is a product ("marketed under the trade name X").
    product_nouns: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Credits:
    """How a text credits another outlet or agency as where it comes from (syndication).

    Regular expressions, matched case-insensitively on the clean text: ``phrases`` have a
    ``<<name>>`` slot for the credited name ("first published by <<name>>", "<<name>>
    contributed to this report"); ``told`` have a ``<<name>>`` slot for the name of whom a
    source gave a quote to ("told <<name>>"), a credit only when that name appears nowhere
    else in the text and is not the page's own outlet."""

    phrases: tuple[str, ...]
    told: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Language:
    """Everything language-specific, for one language."""

    code: str  # ISO 639-1: "en"
    name: str  # "English"
    # None: texts in this language are identified and kept, but no analyser reads them.
    analyser: Analyser | None
    stop_words: frozenset[str]  # the analyser's own list where it has one (spaCy's for English)
    calendar: Calendar
    numbers: Numbers
    names: NameRules
    roles: Roles
    events: Events
    grammar: Grammar
    entities: EntityWords
    credits: Credits
    # Abbreviations after which a full stop does not end a sentence ("mr", "jan", "u.s").
    abbreviations: frozenset[str] = frozenset()
    # Page furniture, listings, bylines and sentence connectives (stories, summaries, timeline).
    news: NewsText = field(default_factory=NewsText)
    # Page furniture (menus, share rows, bylines, date lines...) for the cleaner's rule cues;
    # None: pages in this language are cleaned with the language-neutral features only.
    boilerplate: Boilerplate | None = None
    # How clauses assert, attribute and count (see :mod:`dossier.lang.claims`).
    claims: ClaimCues = field(default_factory=ClaimCues)
    quantities: Quantities = field(default_factory=Quantities)
    # Matcher and DependencyMatcher patterns that tell what a name is (bylines, listings...).
    entity_patterns: EntityPatterns = field(default_factory=EntityPatterns)

    def is_stop_word(self, word: str) -> bool:
        return word.lower() in self.stop_words
