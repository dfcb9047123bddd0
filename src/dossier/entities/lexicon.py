"""Closed-class word lists used to read the structure of news text.

These are general English and world-knowledge lexicons (honorifics, role
nouns, organisation words, demonyms), never names from any particular story.
"""

from __future__ import annotations


def words(text: str) -> list[str]:
    """The whitespace-separated words of a word-list literal."""
    return text.split()


# Honorifics and courtesy titles that precede a person's name.
HONORIFICS = frozenset(
    words("""mr mr. mrs mrs. ms ms. miss dr dr. prof prof. sir dame lord lady mme mme. m. herr frau
    sr. sra. sheikh imam rev rev. father sister brother""")
)

# Role nouns: a capitalised name right after one of these (or after one of these
# in apposition) is a person. Values are the canonical role they signal.
ROLE_NOUNS: dict[str, str] = {
    "judge": "judge",
    "justice": "judge",
    "magistrate": "judge",
    "lawyer": "lawyer",
    "lawyers": "lawyer",
    "attorney": "lawyer",
    "advocate": "lawyer",
    "barrister": "lawyer",
    "solicitor": "lawyer",
    "counsel": "lawyer",
    "prosecutor": "prosecutor",
    "prosecutors": "prosecutor",
    "procurator": "prosecutor",
    "activist": "activist",
    "activists": "activist",
    "campaigner": "activist",
    "dissident": "activist",
    "blogger": "journalist",
    "journalist": "journalist",
    "reporter": "journalist",
    "correspondent": "journalist",
    "editor": "journalist",
    "photographer": "journalist",
    "researcher": "researcher",
    "analyst": "researcher",
    "expert": "researcher",
    "scholar": "researcher",
    "professor": "researcher",
    "director": "official",
    "official": "official",
    "spokesman": "spokesperson",
    "spokeswoman": "spokesperson",
    "spokesperson": "spokesperson",
    "minister": "minister",
    "president": "president",
    "governor": "official",
    "mayor": "official",
    "ambassador": "official",
    "diplomat": "official",
    "head": "official",
    "chief": "official",
    "chairman": "official",
    "chairwoman": "official",
    "commissioner": "official",
    "secretary": "official",
    "deputy": "official",
    "senator": "politician",
    "lawmaker": "politician",
    "legislator": "politician",
    "mp": "politician",
    "witness": "witness",
    "defendant": "defendant",
    "defendants": "defendant",
    "suspect": "defendant",
    "detainee": "detainee",
    "refugee": "refugee",
    "refugees": "refugee",
    "asylum-seeker": "asylum seeker",
    "investigator": "investigator",
    "detective": "investigator",
    "officer": "official",
    "general": "military officer",
    "colonel": "military officer",
    "captain": "military officer",
    "leader": "leader",
    "founder": "founder",
    "victim": "victim",
    "plaintiff": "plaintiff",
    "doctor": "doctor",
    "writer": "writer",
    "poet": "writer",
    "businessman": "businessperson",
    "businesswoman": "businessperson",
    "entrepreneur": "businessperson",
    "brother": "relative",
    "sister": "relative",
    "wife": "relative",
    "husband": "relative",
    "son": "relative",
    "daughter": "relative",
    "mother": "relative",
    "father": "relative",
}

# Title words that may open a person span ("Chief Executive Tony Hayward"); stripped
# when at least two name words remain.
TITLE_WORDS = frozenset(
    [
        *ROLE_NOUNS,
        *words("""executive ceo cfo coo chief vice senior junior acting interim former sen sen. rep
        rep. gov gov. adm adm. admiral gen gen. lt lt. sgt sgt. cpl col col. capt capt. maj maj.
        pres pres. premier chancellor pope rabbi cardinal bishop archbishop ayatollah coach
        attorney prime first lady"""),
    ]
)

# Words that mark a span as an organisation (or at least: not a person).
ORG_WORDS = frozenset(
    words("""agency agencies association authority authorities bank board bureau business cabinet
    center centre chamber church coalition college commission committee company congress
    corporation council court courts department directorate embassy federation forum foundation
    front fund government group guard house inc institute institution league ltd media ministry
    movement network news office organisation organization parliament party police press radio
    republic rights school senate service services society staff studio team television times
    tribunal trust tv union university watch ratings holdings partners capital securities airlines
    airways motors energy petroleum oil corp co llc plc ag gmbh bancorp financial insurance systems
    technologies labs industries international associates communications pharmaceuticals
    foundation institute brigade battalion regiment division""")
)

# Common nouns that, with demonyms, make up generic group references
# ("Kazakh Authorities", "Chinese officials"): never a named entity.
GENERIC_NOUNS = frozenset(
    words("""authorities authority officials official government governments police people peoples
    community communities forces troops court courts state states media army military
    nationalists minorities minority citizens citizen man men woman women family families
    refugees refugee activists activist president embassy consulate regime side""")
)

# Words that mark a span as a place when they end or start it.
PLACE_WORDS = frozenset(
    words("""city town village district region province county oblast prefecture state republic
    valley river lake mountains mountain street square airport border island islands""")
)

# Nouns after which a capitalised name is an organisation or outlet, not a person.
ORG_CONTEXT_NOUNS = frozenset(
    words("""website newspaper agency outlet channel broadcaster portal daily weekly magazine
    movement organisation organization group party company firm ngo charity network""")
)

# Place-introducing nouns ("the town of X", "X region").
PLACE_CONTEXT_NOUNS = frozenset(
    words("""town city village district region province county capital oblast prefecture settlement
    republic""")
)

# Endings typical of personal names across Turkic, Slavic, Caucasian, Iranian and
# other naming systems (patronymic and family suffixes).
PERSON_SUFFIXES = (
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
)

# Demonyms, ethnic groups, nationalities, languages and religions: never people,
# never places, never organisations on their own. General world knowledge.
_DEMONYM_TEXT = """
afghan albanian algerian american andorran angolan argentine argentinian armenian australian
austrian azerbaijani azeri bahraini bangladeshi belarusian belgian bolivian bosnian brazilian
british briton bulgarian burmese cambodian cameroonian canadian chadian chilean chinese colombian
congolese croatian cuban cypriot czech danish dutch ecuadorian egyptian emirati english eritrean
estonian ethiopian european filipino finnish french georgian german ghanaian greek guatemalan
haitian honduran hungarian icelandic indian indonesian iranian iraqi irish israeli italian
ivorian jamaican japanese jordanian kazakh kazak qazaq kazakhstani kenyan korean kosovar kuwaiti
kyrgyz kirghiz kirgiz latvian lebanese liberian libyan lithuanian macedonian malagasy malaysian
malian maltese mauritanian mexican moldovan mongolian montenegrin moroccan mozambican namibian
nepalese nepali nicaraguan nigerian nigerien norwegian omani pakistani palestinian panamanian
paraguayan persian peruvian polish portuguese qatari romanian russian rwandan salvadoran saudi
scottish senegalese serbian sierra singaporean slovak slovenian somali south-african spanish
sri-lankan sudanese swedish swiss syrian taiwanese tajik tadjik tajikistani tanzanian thai
tibetan togolese tunisian turkish turkmen ugandan ukrainian uruguayan uzbek uzbekistani
venezuelan vietnamese welsh yemeni zambian zimbabwean
uyghur uighur uygur han hui dungan dungans kurd kurdish pashtun tatar bashkir chechen dagestani
avar ossetian circassian abkhaz karakalpak kalmyk buryat yakut sakha chuvash mordovian udmurt
rohingya karen kachin shan uighur manchu zhuang mongol tuvan tuvinian baloch hazara tajiks
arab arabs berber amazigh bedouin copt coptic druze yazidi assyrian chaldean maronite alawite
roma romani sinti jewish jew jews hindu hindus sikh sikhs buddhist buddhists muslim muslims
christian christians catholic catholics protestant protestants orthodox sunni shia shiite
islam islamic christianity judaism hinduism buddhism falun gong turkic slavic slav slavs
latino latina hispanic african asian caucasian western eastern soviet ottoman sino
"""

DEMONYMS = frozenset(_DEMONYM_TEXT.split())

# Function words that never start or end a name.
STOPWORDS = frozenset(
    words("""a an the of and or in on at to for from by with as but if into onto over under about
    after before during since until while this that these those his her their its our my your
    he she they it we i you who whom which what when where why how not no yes""")
)

# Months and days never name people.
CALENDAR_WORDS = frozenset(
    words("""january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday
    saturday sunday""")
)


def is_demonym_word(word: str) -> bool:
    """True when ``word`` (any case, possibly plural) is a demonym, ethnonym or religion."""
    w = word.lower().strip(".,;:'’\"")
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    if w in DEMONYMS:
        return True
    for suffix in ("s", "es", "i", "is"):
        if w.endswith(suffix) and w[: -len(suffix)] in DEMONYMS:
            return True
    return False
