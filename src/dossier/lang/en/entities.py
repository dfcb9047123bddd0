"""English words that tell what a capitalised name is: organisation and place words, the
nouns that head works, events and substances, demonyms, and the cues of renamings and
acronyms. General vocabulary and world knowledge; nothing here refers to one story."""

from __future__ import annotations

from types import MappingProxyType

from dossier.lang.language import EntityWords, words

_ORG_WORDS = """agency agencies association authority authorities bank board bureau business cabinet
center centre chamber church coalition college commission committee company congress corporation
council court courts department directorate embassy federation forum foundation front fund
government group guard house inc institute institution league ltd media ministry movement network
news office organisation organization parliament party police press radio republic rights school
senate service services society staff studio team television times tribunal trust tv union
university watch ratings holdings partners capital securities airlines airways motors energy
petroleum oil corp co llc plc ag gmbh bancorp financial insurance systems technologies labs
industries international associates communications pharmaceuticals brigade battalion regiment
division"""

_GENERIC_NOUNS = """authorities authority officials official government governments police people
peoples community communities forces troops court courts state states media army military
nationalists minorities minority citizens citizen man men woman women family families refugees
refugee activists activist president embassy consulate regime side"""

_PLACE_WORDS = """city town village district region province county oblast prefecture state republic
valley river lake mountains mountain street square airport border island islands road avenue
bridge park bay gulf sea ocean coast peninsula strait canal"""

_ORG_CONTEXT = """website newspaper agency outlet channel broadcaster portal daily weekly magazine
movement organisation organization group party company firm ngo charity network contractor
lender insurer manufacturer operator supplier carrier conglomerate nursery"""

_PLACE_CONTEXT = """town city village district region province county capital oblast prefecture
settlement republic"""

_DEMONYMS = """
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
rohingya karen kachin shan manchu zhuang mongol tuvan tuvinian baloch hazara tajiks
arab arabs berber amazigh bedouin copt coptic druze yazidi assyrian chaldean maronite alawite
roma romani sinti jewish jew jews hindu hindus sikh sikhs buddhist buddhists muslim muslims
christian christians catholic catholics protestant protestants orthodox sunni shia shiite
islam islamic christianity judaism hinduism buddhism falun gong turkic slavic slav slavs
latino latina hispanic african asian caucasian western eastern soviet ottoman sino
"""

# Demonyms whose country is not their stem (the stem rule covers "brazilian" -> "Brazil").
_DEMONYM_COUNTRIES = {
    "american": "united states",
    "british": "britain",
    "briton": "britain",
    "english": "england",
    "scottish": "scotland",
    "welsh": "wales",
    "irish": "ireland",
    "chinese": "china",
    "french": "france",
    "dutch": "netherlands",
    "danish": "denmark",
    "swedish": "sweden",
    "finnish": "finland",
    "polish": "poland",
    "spanish": "spain",
    "portuguese": "portugal",
    "turkish": "turkey",
    "greek": "greece",
    "swiss": "switzerland",
    "thai": "thailand",
    "filipino": "philippines",
    "japanese": "japan",
    "vietnamese": "vietnam",
    "kazakh": "kazakhstan",
    "qazaq": "kazakhstan",
    "uzbek": "uzbekistan",
    "tajik": "tajikistan",
    "kyrgyz": "kyrgyzstan",
    "turkmen": "turkmenistan",
    "afghan": "afghanistan",
    "pakistani": "pakistan",
    "saudi": "saudi arabia",
    "emirati": "united arab emirates",
    "israeli": "israel",
    "iraqi": "iraq",
    "kuwaiti": "kuwait",
    "omani": "oman",
    "qatari": "qatar",
    "yemeni": "yemen",
    "bahraini": "bahrain",
    "bangladeshi": "bangladesh",
    "nepalese": "nepal",
    "nepali": "nepal",
    "peruvian": "peru",
    "argentine": "argentina",
    "argentinian": "argentina",
    "ivorian": "ivory coast",
    "malagasy": "madagascar",
    "cypriot": "cyprus",
    "maltese": "malta",
    "monegasque": "monaco",
    "norwegian": "norway",
    "belgian": "belgium",
    "german": "germany",
    "mexican": "mexico",
    "hungarian": "hungary",
    "icelandic": "iceland",
    "lebanese": "lebanon",
    "sudanese": "sudan",
    "senegalese": "senegal",
    "togolese": "togo",
    "congolese": "congo",
    "burmese": "myanmar",
    "haitian": "haiti",
    "panamanian": "panama",
}

_WORK_NOUNS = """song single album track record hit ballad anthem film movie documentary series show
programme program episode book novel memoir biography play musical opera video tour poem painting
play-list playlist soundtrack"""

_EVENT_NOUNS = """festival concert gig tour cup championship championships tournament games olympics
award awards prize conference summit war election elections marathon match final finals
ceremony gala parade contest show expo exhibition fair"""

_SUBSTANCE_NOUNS = """drug drugs sedative sedatives anaesthetic anesthetic painkiller painkillers
medication medicine medicines dose doses overdose tranquilliser tranquillizer benzodiazepine
opioid opiate substance chemical vaccine virus strain flu infection disease pill pills
injection antiviral antibiotic stimulant"""

_THING_VERBS = """perform sing record release play cover administer inject prescribe give take
swallow ingest infuse dose vaccinate"""

_PERSON_VERBS = """die testify marry divorce plead resign sing confess apologise apologize weep cry
smile laugh tweet retire graduate"""

ENTITY_WORDS = EntityWords(
    org_words=frozenset(words(_ORG_WORDS)),
    org_context_nouns=frozenset(words(_ORG_CONTEXT)),
    place_words=frozenset(words(_PLACE_WORDS)),
    place_context_nouns=frozenset(words(_PLACE_CONTEXT)),
    admin_words=frozenset(
        words("province oblast prefecture autonomous krai okrug governorate region county")
    ),
    admin_required=frozenset(words("province oblast prefecture autonomous krai okrug governorate")),
    generic_nouns=frozenset(words(_GENERIC_NOUNS)),
    demonyms=frozenset(words(_DEMONYMS)),
    plural_endings=("s", "es", "i", "is"),
    demonym_countries=MappingProxyType(_DEMONYM_COUNTRIES),
    outlet_words=frozenset(words("news agency media daily times post online service com net org")),
    country_words=frozenset(words("us u s uk un eu national federal state")),
    ethnic_cues=frozenset(words("ethnic ethnically")),
    work_nouns=frozenset(words(_WORK_NOUNS)),
    event_nouns=frozenset(words(_EVENT_NOUNS)),
    substance_nouns=frozenset(words(_SUBSTANCE_NOUNS)),
    thing_verbs=frozenset(words(_THING_VERBS)),
    person_verbs=frozenset(words(_PERSON_VERBS)),
    rename_cues=(
        "formerly known as",
        "then known as",
        "then called",
        "now called",
        "now known as",
        "also called",
        "also known as",
        "formerly",
        "previously",
        "once",
        "earlier",
        "now",
        "currently",
        "renamed",
    ),
    alias_cues=("better known as", "also known as", "known as", "or"),
    connectors=frozenset(words("of the and for on in at to de du des la le")),
    determiners=frozenset(
        words("the a an his her their its our one two three this that these those another")
    ),
    definite=frozenset(words("the this that these those")),
    contrast=frozenset(words("other another new next previous")),
    affiliation_preps=frozenset(words("at of for with from")),
    age_before=frozenset(["aged"]),
    age_after=("years old", "year old"),
    age_compound="year-old",
    place_preps=frozenset(words("in near to from outside at")),
    product_nouns=frozenset(["brand", "trademark", "trade name", "brand name"]),
    location_preps=frozenset(words("in near outside")),
    origin_preps=frozenset(words("from")),
    clause_openers=frozenset(words("who which that whom whose said says told")),
)
