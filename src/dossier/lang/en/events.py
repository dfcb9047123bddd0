"""English event classes (verb lemmas, multi-word verbs, nominalisations), reporting verbs
and the cues that make a clause a denial, an allegation or an expectation.

Classes are general: legal proceedings, detention, movement, violence and disasters,
office, business and measurements; nothing refers to one story. Verbs are lemmas, as
spaCy's lemmatizer gives them; phrases are lemma sequences matched on the parse (words of a
phrase after the first may have an object between them: "handed them back"). A class marked
``aspect`` is a phase of the event its argument names ("the trial began": the trial, begun).
"""

from __future__ import annotations

from types import MappingProxyType

from dossier.lang.language import EventClass, Events, words


def _c(
    name: str,
    label: str,
    verbs: str,
    nouns: str = "",
    phrases: str = "",
    *,
    dated: bool = True,
    aspect: bool = False,
    people: bool = False,
) -> EventClass:
    return EventClass(
        name=name,
        label=label,
        verbs=frozenset(verbs.split()),
        nouns=frozenset(nouns.split()),
        phrases=tuple(p.strip() for p in phrases.split(";") if p.strip()),
        dated=dated,
        aspect=aspect,
        about_people=people,
    )


_PROCEEDINGS = _c(
    "try",
    "trial",
    "try",
    "trial retrial hearing proceeding proceedings sentencing",
    "go on trial; stand trial; put on trial; face trial; bring to trial",
    people=True,  # "a burn was tried": an attempt, not a trial
)
_PHASES = (
    _c(
        "begin",
        "start",
        "begin start open commence",
        "start opening beginning",
        "get under way; get underway; kick off",
        aspect=True,
    ),
    _c("resume", "resumption", "resume reopen", "resumption", aspect=True),
    _c(
        "hold",
        "holding",
        "happen occur follow ensue",
        "",
        "take place; go ahead; come about",
        aspect=True,
    ),
    _c("end", "end", "end conclude close finish", "end conclusion close", "wrap up", aspect=True),
    _c(
        "postpone",
        "postponement",
        "postpone adjourn delay defer reschedule",
        "postponement adjournment delay",
        "put off; push back",
        aspect=True,
    ),
    _c("cancel", "cancellation", "cancel scrap", "cancellation", "call off", aspect=True),
)
_JUSTICE = (
    _c(
        "arrest",
        "arrest",
        "arrest detain apprehend seize capture",
        "arrest detention",
        "take into custody; round up; take away; take from",
        people=True,
    ),
    _c(
        "custody",
        "custody",
        "",
        "custody",
        "remain in custody; remain in detention; remain behind bar; keep in custody; "
        "hold in custody; remain in jail; remain in prison; hold in prison; hold in jail; "
        "keep in prison; hold in detention",
        people=True,
    ),
    _c("charge", "charge", "charge indict prosecute", "charge indictment prosecution"),
    _PROCEEDINGS,
    _c("plead", "plea", "plead", "plea"),
    _c("rule", "ruling", "rule", "ruling decision verdict judgment judgement"),
    _c("convict", "conviction", "convict", "conviction", "find guilty"),
    _c("acquit", "acquittal", "acquit", "acquittal"),
    _c("sentence", "sentence", "sentence jail imprison", "sentence imprisonment prison jail"),
    _c("appeal", "appeal", "appeal", "appeal"),
    _c("release", "release", "release free", "release", "set free", people=True),
    _c(
        "removal",
        "removal (deportation / hand-over)",
        "deport extradite expel repatriate",
        "deportation extradition expulsion repatriation",
        "send back; hand over; hand back; return to",
    ),
    _c(
        "stay",
        "permission to stay",
        "",
        "asylum",
        "allow to stay; allow to remain; permit to stay; grant asylum; leave to remain",
    ),
    _c("fine", "fine", "fine", "fine penalty"),
    _c("file", "filing", "sue", "lawsuit suit complaint", "file suit; file a lawsuit"),
    _c("investigate", "investigation", "investigate probe", "investigation probe inquiry"),
    _c("fraud", "fraud", "defraud embezzle launder", "fraud embezzlement laundering"),
)
_HAPPENINGS = (
    _c(
        "cross",
        "crossing or flight",
        "cross enter flee escape slip leave arrive emigrate depart",
        "crossing escape flight departure arrival",
        "come to",
        dated=False,
    ),
    _c("kill", "deaths", "kill die murder", "death killing dead", "lose life; pass away"),
    _c("injure", "injuries", "injure wound hurt", "injury injured wounded"),
    _c("explode", "explosion", "explode detonate blast", "explosion blast"),
    _c("collapse", "collapse", "collapse", "collapse cave-in"),
    _c("trap", "entrapment", "trap", "", "cut off"),
    _c("rescue", "rescue", "rescue evacuate", "rescue evacuation"),
    _c(
        "protest",
        "protest",
        "protest demonstrate rally march strike",
        "protest demonstration rally march strike walkout sit-in vigil",
    ),
    _c("disperse", "crackdown", "disperse", "crackdown", "crack down; open fire"),
    _c("attack", "attack", "attack bomb shell", "attack bombing"),
    _c("raid", "raid", "raid", "raid"),
    _c("spill", "spill", "spill leak gush spew pour flow", "spill leak flow gusher"),
    _c("collect", "collection", "collect capture siphon funnel recover", "collection"),
)
_PUBLIC_LIFE = (
    _c("resign", "resignation", "resign quit", "resignation", "step down"),
    _c("appoint", "appointment", "appoint nominate elect", "appointment election"),
    _c("dismiss", "dismissal", "sack oust", "dismissal"),
    _c("announce", "announcement", "announce", "announcement", dated=False),
    _c("meet", "meeting", "meet", "meeting talks summit"),
    _c("vote", "vote", "vote", "vote referendum"),
    _c("sign", "signing", "sign", "signing"),
    _c("ban", "ban", "ban prohibit outlaw", "ban"),
    _c("pay", "payment", "pay", "payment settlement compensation"),
    _c("estimate", "estimate", "", "estimate", dated=False),
)

EVENTS = Events(
    classes=(*_PHASES, *_JUSTICE, *_HAPPENINGS, *_PUBLIC_LIFE),
    reporting_verbs=frozenset(
        words(
            """say tell add state claim allege argue note write insist explain warn announce testify
        report assert declare maintain confirm recall accuse deny reject dismiss believe stress
        emphasise emphasize acknowledge admit suggest indicate reveal estimate show"""
        )
    ),
    denial_verbs=frozenset(words("""deny refute dispute reject dismiss contest""")),
    allegation_verbs=frozenset(["allege", "accuse", "claim", "purport", "suspect"]),
    expectation_cues=frozenset(
        words(
            """expect likely unlikely probably plan schedule set due going predict forecast
        anticipate intend aim slate poised"""
        )
    ),
    negation_words=frozenset(words("""not never no n't neither nor without""")),
    proceeding_nouns=frozenset(
        words("""trial retrial hearing case proceeding proceedings sentencing""")
    ),
    sitting_nouns=frozenset(words("""session sitting""")),
    court_words=frozenset(words("""court courtroom tribunal judicial""")),
    outcomes=frozenset(words("rule convict acquit sentence")),
    # The modifier's lemma as the tagger gives it: "open" (read as a verb) or "opening".
    proceeding_openings=frozenset(
        (modifier, noun)
        for modifier in ("open", "opening")
        for noun in ("statement", "argument", "remark", "speech")
    ),
    proceeding_class="try",
    exclusive=(
        frozenset({"postpone", "cancel", "occur"}),
        frozenset({"convict", "acquit"}),
        frozenset({"release", "custody"}),
        frozenset({"removal", "stay"}),
    ),
    occurring=frozenset({"begin", "hold", "resume"}),
    delays=frozenset({"postpone"}),
    implies=MappingProxyType(
        {"sentence": frozenset({"convict", "try"}), "convict": frozenset({"try"})}
    ),
    continuations=MappingProxyType({"arrest": "custody"}),
)
