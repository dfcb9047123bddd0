"""Claims (attribution, modality, amounts, shared text) and frames read from the parse."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.crosscheck.claims import ClaimInfo, story_claims
from dossier.crosscheck.frames import Frame
from dossier.crosscheck.roles import role_conflicts, role_side
from dossier.crosscheck.support import lexicons_for
from dossier.model import (
    DateValue,
    Document,
    Entity,
    Modality,
    PublishedDate,
    RoleClaim,
    TimeExpression,
)
from dossier.nlp import read_documents
from dossier.resources import Resources

_R = Resources()


def _doc(
    text: str, doc_id: str = "d1", shared_spans: tuple[tuple[int, int, str], ...] = ()
) -> Document:
    dates = tuple(
        TimeExpression(
            doc_id,
            m.start(),
            m.end(),
            m.group(),
            DateValue(f"2022-03-{int(m.group(1)):02d}", "day"),
        )
        for m in re.finditer(r"March (\d{1,2})", text)
    )
    doc = Document(
        id=doc_id,
        source=f"{doc_id}.txt",
        clean_text=text,
        outlet="Outlet " + doc_id,
        published=PublishedDate(DateValue("2022-03-20", "day"), "test"),
        time_expressions=dates,
        shared_spans=shared_spans,
    )
    (parsed,) = read_documents([doc], _R)
    return parsed


def _person(doc: Document, eid: str, *names: str) -> Entity:
    cits = []
    for name in names:
        for m in re.finditer(re.escape(name), doc.clean_text):
            cits.append(doc.cite(m.start(), m.end()))
    return Entity(eid, "PERSON", names[0], names[1:], tuple(cits))


def _claims(docs: list[Document], entities: list[Entity]) -> list[ClaimInfo]:
    return story_claims(docs, entities, lexicons_for(docs, _R))


def _one(text: str, entities: tuple[str, ...] = ()) -> ClaimInfo:
    doc = _doc(text)
    ents = [_person(doc, f"p{i}", n) for i, n in enumerate(entities)]
    claims = _claims([doc], ents)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def _frame(text: str, kind: str, entities: tuple[str, ...] = ()) -> Frame:
    info = _one(text, entities)
    found = [f for f in info.frames if f.kind == kind]
    assert found, (text, [(f.kind, f.aspect) for f in info.frames])
    return found[0]


@pytest.mark.parametrize(
    ("text", "modality"),
    [
        ("The court sentenced Anna Berg to three years in prison.", Modality.FACT),
        ("Anna Berg will probably be deported to Valdora next month.", Modality.EXPECTATION),
        ("The ministry denied that Anna Berg had been tortured.", Modality.DENIAL),
        ("Anna Berg was beaten in custody, her brother said.", Modality.ALLEGATION),
        ("A court ruled that Anna Berg will not be deported to Valdora.", Modality.FACT),
    ],
)
def test_modality(text: str, modality: Modality) -> None:
    assert _one(text, ("Anna Berg",)).modality is modality


def test_speaker_is_the_entity_named_in_the_attribution() -> None:
    info = _one("Anna Berg was beaten in custody, lawyer Piet Mol said.", ("Anna Berg", "Piet Mol"))
    assert info.claim.speaker == "p1"
    (beaten,) = [f for f in info.frames if f.lemma == "beat"]
    assert beaten.patients.entities == frozenset({"p0"}) and beaten.stance == "reported"


def test_quotation_sentences_inherit_the_speaker() -> None:
    text = (
        "“We expected this. The judge ignored every witness we brought to the court,” "
        "Piet Mol said."
    )
    doc = _doc(text)
    claims = _claims([doc], [_person(doc, "mol", "Piet Mol")])
    assert claims and all(c.claim.speaker == "mol" for c in claims)


def test_amounts_bounds_and_units() -> None:
    info = _one("The 34-year-old Anna Berg was given a one-year sentence in less than six months.")
    labels = {a.label for f in info.frames for a in f.amounts}
    assert "1 year" in labels and "<=6 month" in labels
    assert not any("34" in label for label in labels)  # an age is the entity layer's


def test_clauses_split_at_but() -> None:
    doc = _doc(
        "The court sentenced Anna Berg to one year in prison, but allowed her to stay in Valdora."
    )
    claims = _claims([doc], [_person(doc, "berg", "Anna Berg")])
    assert [c.text for c in claims] == [
        "The court sentenced Anna Berg to one year in prison",
        "but allowed her to stay in Valdora.",
    ]
    assert all(doc.clean_text[c.start : c.end] == c.text for c in claims)


def test_shared_span_claims_are_marked() -> None:
    text = "Anna Berg was arrested in the capital on March 2 by the police."
    doc = _doc(text, shared_spans=((0, len(text), "other"),))
    (claim,) = _claims([doc], [])
    assert claim.claim.shared


def test_frame_polarity_tense_decision_and_destination() -> None:
    f = _frame(
        "A court ruled that Anna Berg will not be deported to Valdora.", "removal", ("Anna Berg",)
    )
    assert f.negated and f.future and f.stance == "decided" and f.asserted
    assert [p.text for p in f.places if p.role == "to"] == ["Valdora"]
    g = _frame(
        "Officials said Anna Berg would be handed back to Valdora soon.", "removal", ("Anna Berg",)
    )
    assert not g.negated and g.future and g.stance == "reported"
    assert g.patients.entities == frozenset({"p0"})


def test_frames_under_condition_appeal_and_denial_are_not_statements() -> None:
    cond = _frame(
        "Her lawyer argued that if Anna Berg were handed back to Valdora, she could die.", "removal"
    )
    assert cond.stance == "conditional" and not cond.asserted
    appeal = _frame(
        "Rights groups called on the police not to forcibly return Anna Berg to Valdora.",
        "removal",
    )
    assert appeal.stance == "asked"
    denial = _frame(
        "Piet Mol rejected reports that Anna Berg would soon be handed back.", "removal"
    )
    assert denial.denied and denial.negated  # what he says: she will not be handed back


def test_a_charge_is_an_allegation() -> None:
    f = _frame("Anna Berg and Piet Mol are on trial for crossing the border.", "cross")
    assert f.stance == "alleged" and not f.asserted
    # The parse hangs "for" on the copula of a relative clause under a ruling: the charge
    # is still the phrase beside it ("on trial") or the verb's object ("stand trial"), and
    # the entry is no event the sentence states (an event's citation must state it).
    for text in (
        "A tribunal in Valdora decided that three sailors who are on trial for entering the "
        "harbour zone on March 2 may go home.",
        "The inspectors found that two pilots who now stand trial for leaving the airfield "
        "on March 2 had done nothing wrong.",
    ):
        f = _frame(text, "cross")
        assert f.stance == "alleged" and not f.asserted, (text, f.stance)


def test_a_postponed_deportation_is_about_the_deportation() -> None:
    info = _one("A court has postponed the deportation of Anna Berg to Valdora.", ("Anna Berg",))
    (post,) = [f for f in info.frames if f.aspect == "postpone"]
    assert post.kind == "removal" and post.patients.entities == frozenset({"p0"})
    assert not any(f.kind == "removal" and f.aspect == "occur" for f in info.frames)


def test_postponed_trial_keeps_its_scheduled_date() -> None:
    f = _frame("Their trial, scheduled for March 3 in Lund, has been postponed.", "try")
    assert f.aspect == "postpone" and f.scheduled == DateValue("2022-03-03", "day")
    assert f.date is None and f.until is None
    g = _frame("The judge adjourned the hearing until March 21 after two hours.", "try")
    assert g.aspect == "postpone" and g.until == DateValue("2022-03-21", "day")
    assert g.date is None


def test_a_trial_that_began_and_was_then_postponed_keeps_no_scheduled_date() -> None:
    info = _one("The trial, which began on March 3 in Lund, was postponed by the judge.")
    (post,) = [f for f in info.frames if f.aspect == "postpone"]
    assert post.scheduled is None
    (began,) = [f for f in info.frames if f.aspect == "begin"]
    assert began.kind == "try" and began.date == DateValue("2022-03-03", "day")


def test_amounts_of_a_rate_and_a_range() -> None:
    info = _one(
        "Government scientists said between 12,000 and 19,000 barrels of oil a day were leaking."
    )
    (leak,) = [f for f in info.frames if f.kind == "spill"]
    (amount,) = leak.amounts
    assert (amount.low, amount.high, amount.unit) == (12000, 19000, "barrel/day")
    assert leak.stance == "reported" and leak.speaker is not None


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        # A thousands group split off by the typesetter, and a range written once.
        ("Engineers said 12,000-19 ,000 gallons of water a day were leaking.", 12000, 19000),
        ("A survey estimated that 20-40,000 gallons of water a day were leaking.", 20000, 40000),
        # A rate written as an adverb, or on the noun the amount is "of".
        ("The utility said the pipe was leaking about 15,000 gallons daily.", 15000, 15000),
        ("The daily leak estimate of 5,000 gallons is far too low.", 5000, 5000),
    ],
)
def test_amounts_written_otherwise(text: str, low: float, high: float) -> None:
    amounts = [a for f in _one(text).frames for a in f.amounts if a.unit.startswith("gallon")]
    assert [(a.low, a.high, a.unit) for a in amounts] == [(low, high, "gallon/day")], amounts


def test_an_estimate_of_an_event_is_about_that_event() -> None:
    f = _frame("The daily leak estimate of 5,000 gallons is far too low.", "spill")
    assert f.nominal


@pytest.mark.parametrize(
    "text",
    [
        "The ministry released the audit report on March 3.",
        "The company released a video of the flooded tunnel on March 3.",
        "Customs officers seized 40 crates of cigarettes on March 3.",
    ],
)
def test_a_verb_done_to_people_used_of_things_is_no_such_event(text: str) -> None:
    kinds = {f.kind for f in _one(text).frames}
    assert not kinds & {"release", "arrest", "custody"}, kinds


def test_the_same_verbs_done_to_people_are_events() -> None:
    assert _frame("Police released 12 protesters on March 3.", "release")
    assert _frame("Guards seized two miners on March 3.", "arrest")


def test_a_partial_stop_and_a_part_not_done_state_nothing() -> None:
    info = _one("The new valve will partially stop the leak, engineers said.")
    assert not any(f.kind == "spill" for f in info.frames)
    info = _one("At least 10 percent of the water was not collected by the pumps.")
    assert not any(f.kind == "collect" and f.negated for f in info.frames)


def test_an_event_in_progress_on_a_day_is_ongoing() -> None:
    f = _frame("Water was still leaking from the dam on March 9.", "spill")
    assert f.ongoing and f.date == DateValue("2022-03-09", "day")
    g = _frame("The leak began on March 2 at the dam.", "spill")
    assert not g.ongoing


@pytest.mark.parametrize(
    ("role", "side"),
    [
        ("defence lawyer", "defence"),
        ("prosecution lawyer", "prosecution"),
        ("state prosecutor", "prosecution"),
        ("judge", "bench"),
        ("defendant", "accused"),
        ("lawyer", None),
        ("activist", None),
    ],
)
def test_role_sides(role: str, side: str | None) -> None:
    language = _R.language("en")
    assert language is not None
    assert role_side(role, language.roles) == side


def test_role_conflicts_from_the_entity_layer_roles() -> None:
    a = _doc("Judge Mira Holt opened the hearing in Lund on March 3.", "a")
    b = _doc("Mira Holt, a lawyer for the prosecution, asked for a longer sentence.", "b")
    c = _doc("The defence lawyer Mira Holt said her clients were innocent.", "c")
    docs = (a, b, c)
    cits = tuple(
        d.cite(m.start(), m.end()) for d in docs for m in re.finditer("Mira Holt", d.clean_text)
    )
    roles = (
        RoleClaim("judge", cits[0]),
        RoleClaim("prosecution lawyer", cits[1]),
        RoleClaim("defence lawyer", cits[2]),
    )
    holt = Entity("holt", "PERSON", "Mira Holt", (), cits, roles=roles)
    language = _R.language("en")
    assert language is not None
    found = role_conflicts(docs, [holt], language.roles)
    pairs = {frozenset(x.doc for s in k.sides for x in s.citations) for k in found}
    assert frozenset({"b", "c"}) in pairs and frozenset({"a", "b"}) in pairs
    assert all(k.kind == "role" and "Mira Holt" in k.description for k in found)
    for k in found:  # each side says which outlet and when
        assert {r.outlet for r in k.reports} == {
            d.outlet for d in docs if d.id in {x.doc for s in k.sides for x in s.citations}
        }


def test_a_lawyer_without_a_side_is_no_conflict() -> None:
    a = _doc("Lawyer Mira Holt said the trial in Lund would resume on March 3.", "a")
    b = _doc("The defence lawyer Mira Holt asked the court for bail.", "b")
    docs = (a, b)
    cits = tuple(
        d.cite(m.start(), m.end()) for d in docs for m in re.finditer("Mira Holt", d.clean_text)
    )
    roles = (RoleClaim("lawyer", cits[0]), RoleClaim("defence lawyer", cits[1]))
    language = _R.language("en")
    assert language is not None
    holt = Entity("holt", "PERSON", "Mira Holt", (), cits, roles=roles)
    assert role_conflicts(docs, [holt], language.roles) == []


_WORDS = st.sampled_from(
    [
        "the",
        "court",
        "will",
        "not",
        "be",
        "deported",
        "to",
        "China",
        "said",
        "Anna",
        "Berg",
        ",",
        ".",
        ";",
        "but",
        "if",
        "“",
        "”",
        "30",
        "one-year",
        "March",
        "3",
        "postponed",
        "hearing",
        "until",
        "trial",
        "began",
        "arrested",
        "25-year-old",
        "12,000",
        "-",
        "barrels",
        "a",
        "day",
        "\n\n",
    ]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(_WORDS, min_size=0, max_size=80))
def test_claims_never_break_on_arbitrary_text(words: list[str]) -> None:
    text = " ".join(words)
    doc = _doc(text)
    ents = [_person(doc, "berg", "Anna Berg")] if "Anna Berg" in text else []
    for info in _claims([doc], ents):
        assert doc.clean_text[info.start : info.end] == info.text == info.claim.citation.quote
        assert info.text.strip() == info.text and info.text
        for f in info.frames:
            assert info.start <= f.start < f.end <= info.end
            for a in f.amounts:
                assert a.low <= a.high


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # Nobody is said to expect it: a hypothetical, never an expectation to overturn.
        ("At that rate it would take the crews a month to clean the harbour.", "conditional"),
        ("Without the dam the flood would destroy the town.", "conditional"),
        # Someone's words: an expectation.
        ("The mayor said the crews would clean the harbour in a month.", "reported"),
    ],
)
def test_would_on_its_own_is_a_hypothetical(text: str, stance: str) -> None:
    frames = [f for f in _one(text).frames if f.future and not f.governs]
    assert frames and all(f.stance == stance for f in frames), [
        (f.kind, f.stance) for f in _one(text).frames
    ]
