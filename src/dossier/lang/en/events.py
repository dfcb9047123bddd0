"""English event classes (verb lemmas, multi-word verbs, nominalisations), reporting verbs
and the cues that make a clause a denial, an allegation or an expectation.

Classes are general: legal proceedings, detention, movement, violence and disasters,
office, business and measurements; nothing refers to one story. Verbs are lemmas, as
spaCy's lemmatizer gives them; phrases are lemma sequences matched on the parse.
"""

from __future__ import annotations

from dossier.lang.language import EventClass, Events, words


def _c(
    name: str, label: str, verbs: str, nouns: str = "", phrases: str = "", *, dated: bool = True
) -> EventClass:
    return EventClass(
        name=name,
        label=label,
        verbs=frozenset(verbs.split()),
        nouns=frozenset(nouns.split()),
        phrases=tuple(p.strip() for p in phrases.split(";") if p.strip()),
        dated=dated,
    )


EVENTS = Events(
    classes=(
        _c(
            "arrest",
            "arrest",
            "arrest detain apprehend seize capture",
            "arrest detention",
            "take into custody; round up",
        ),
        _c("charge", "charge", "charge indict", "charge indictment"),
        _c("try", "trial", "try", "trial", "go on trial; stand trial; put on trial"),
        _c(
            "begin",
            "start",
            "begin start open commence resume",
            "start opening",
            "get under way; get underway",
        ),
        _c(
            "postpone",
            "postponement",
            "postpone adjourn delay defer reschedule",
            "postponement adjournment delay",
            "put off; push back",
        ),
        _c("cancel", "cancellation", "cancel scrap abandon drop", "cancellation", "call off"),
        _c("rule", "ruling", "rule decide order", "ruling decision verdict judgment judgement"),
        _c("convict", "conviction", "convict", "conviction", "find guilty"),
        _c("acquit", "acquittal", "acquit clear", "acquittal", "find not guilty"),
        _c("sentence", "sentence", "sentence jail imprison", "sentence"),
        _c("appeal", "appeal", "appeal", "appeal"),
        _c("release", "release", "release free", "release", "set free"),
        _c(
            "removal",
            "removal (deportation / hand-over)",
            "deport extradite expel repatriate",
            "deportation extradition expulsion repatriation",
            "send back; hand over; return to",
        ),
        _c(
            "stay",
            "permission to stay",
            "",
            "asylum",
            "allow to stay; allow to remain; permit to stay; grant asylum; leave to remain",
        ),
        _c(
            "cross",
            "crossing",
            "cross enter flee escape slip arrive",
            "crossing escape",
            dated=False,
        ),
        _c("kill", "deaths", "kill die murder", "death killing", "lose life; pass away"),
        _c("injure", "injuries", "injure wound hurt", "injury"),
        _c("explode", "explosion", "explode detonate blast", "explosion blast"),
        _c("collapse", "collapse", "collapse", "collapse cave-in"),
        _c("protest", "protest", "protest demonstrate rally march", "protest demonstration rally"),
        _c("resign", "resignation", "resign quit", "resignation", "step down"),
        _c("appoint", "appointment", "appoint name nominate elect", "appointment election"),
        _c("dismiss", "dismissal", "dismiss fire sack oust", "dismissal"),
        _c("rescue", "rescue", "rescue evacuate", "rescue evacuation"),
        _c("spill", "spill", "spill leak", "spill leak"),
        _c("estimate", "estimate", "estimate calculate", "estimate", dated=False),
        _c("announce", "announcement", "announce", "announcement", dated=False),
        _c("meet", "meeting", "meet", "meeting talks summit"),
        _c("vote", "vote", "vote", "vote referendum"),
        _c("sign", "signing", "sign", "signing"),
        _c("ban", "ban", "ban prohibit outlaw", "ban"),
        _c("raid", "raid", "raid search", "raid"),
        _c("attack", "attack", "attack bomb shell", "attack bombing"),
        _c("fine", "fine", "fine", "fine penalty"),
        _c("pay", "payment", "pay", "payment settlement"),
        _c("file", "filing", "file sue", "lawsuit suit complaint"),
    ),
    reporting_verbs=frozenset(
        words(
            """say tell add state claim allege argue note write insist explain warn announce testify
        report assert declare maintain confirm recall accuse deny reject dismiss believe stress
        emphasise emphasize acknowledge admit suggest indicate reveal"""
        )
    ),
    denial_verbs=frozenset(words("""deny refute dispute reject dismiss contest""")),
    allegation_verbs=frozenset(["allege", "accuse", "claim", "purport"]),
    expectation_cues=frozenset(
        words(
            """will shall would expect likely unlikely probably plan schedule set due going predict
        forecast anticipate intend aim"""
        )
    ),
    negation_words=frozenset(words("""not never no n't neither nor without""")),
    proceeding_nouns=frozenset(
        words("""trial hearing case session proceeding proceedings sentencing verdict court""")
    ),
    outcomes=frozenset(words("rule convict acquit sentence")),
)
