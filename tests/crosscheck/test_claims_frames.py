"""Claims (attribution, modality, numbers, shared text) and predicate frames, without models."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dossier.crosscheck.claims import ClaimInfo, extract_claims
from dossier.crosscheck.frames import Frame, frames
from dossier.crosscheck.roles import role_conflicts, role_side
from dossier.model import (
    Citation,
    DateValue,
    Document,
    Entity,
    Modality,
    PublishedDate,
    RoleClaim,
    TimeExpression,
)


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
    return Document(
        id=doc_id,
        source=f"{doc_id}.txt",
        clean_text=text,
        outlet="Outlet " + doc_id,
        published=PublishedDate(DateValue("2022-03-20", "day"), "test"),
        time_expressions=dates,
        shared_spans=shared_spans,
    )


def _person(doc: Document, eid: str, *names: str) -> Entity:
    cits = []
    for name in names:
        for m in re.finditer(re.escape(name), doc.clean_text):
            cits.append(doc.cite(m.start(), m.end()))
    return Entity(eid, "PERSON", names[0], names[1:], tuple(cits))


def _one(text: str, entities: tuple[str, ...] = ()) -> ClaimInfo:
    doc = _doc(text)
    ents = [_person(doc, f"p{i}", n) for i, n in enumerate(entities)]
    claims = extract_claims([doc], ents)
    assert len(claims) == 1, [c.text for c in claims]
    return claims[0]


def _frame(text: str, family: str, entities: tuple[str, ...] = ()) -> Frame:
    info = _one(text, entities)
    found = [f for f in frames(info) if f.family == family]
    assert found, (text, frames(info))
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
    assert info.persons == frozenset({"p0"})


def test_quotation_sentences_inherit_the_speaker() -> None:
    text = (
        "“We expected this. The judge ignored every witness we brought to the court,” "
        "Piet Mol said."
    )
    doc = _doc(text)
    claims = extract_claims([doc], [_person(doc, "mol", "Piet Mol")])
    assert claims and all(c.claim.speaker == "mol" for c in claims)


def test_quantities_and_ages() -> None:
    info = _one("The 34-year-old Anna Berg was given a one-year sentence in less than six months.")
    labels = {q.label for q in info.quantities}
    assert {"age 34", "1 year", "6 month"} <= labels
    assert [q.bound for q in info.quantities if q.unit == "month"] == [True]


def test_clauses_split_at_but() -> None:
    doc = _doc(
        "The court sentenced Anna Berg to one year in prison, but allowed her to stay in Valdora."
    )
    claims = extract_claims([doc], [_person(doc, "berg", "Anna Berg")])
    assert [c.text for c in claims] == [
        "The court sentenced Anna Berg to one year in prison",
        "but allowed her to stay in Valdora.",
    ]
    assert all(doc.clean_text[c.start : c.end] == c.text for c in claims)


def test_shared_span_claims_are_marked() -> None:
    text = "Anna Berg was arrested in the capital on March 2 by the police."
    doc = _doc(text, shared_spans=((0, len(text), "other"),))
    (claim,) = extract_claims([doc], [])
    assert claim.claim.shared


def test_frame_polarity_modal_and_ruling() -> None:
    f = _frame(
        "A court ruled that Anna Berg will not be deported to Valdora.", "removal", ("Anna Berg",)
    )
    assert f.negated and f.modal and f.ruled and f.asserted and f.destination == "valdora"
    g = _frame(
        "Officials said Anna Berg would be handed back to Valdora soon.", "removal", ("Anna Berg",)
    )
    assert not g.negated and g.modal and not g.ruled and not g.asserted


def test_frames_under_condition_appeal_and_denial_are_not_assertions() -> None:
    cond = _frame(
        "Her lawyer argued that if Anna Berg were handed back to Valdora, she could die.", "removal"
    )
    assert cond.conditional
    appeal = _frame(
        "Rights groups called on the police not to forcibly return Anna Berg to Valdora.", "removal"
    )
    assert appeal.appeal
    denial = _frame(
        "Piet Mol rejected reports that Anna Berg would soon be handed back.", "removal"
    )
    assert denial.denied


def test_bare_deportation_noun_is_no_assertion() -> None:
    info = _one("A court has postponed the deportation of Anna Berg to Valdora.", ("Anna Berg",))
    fams = {f.family for f in frames(info)}
    assert "postpone" in fams and "removal" not in fams
    (post,) = [f for f in frames(info) if f.family == "postpone"]
    assert post.obj == "deportation" and post.obj_class == "removal"


def test_postponed_trial_keeps_its_scheduled_date() -> None:
    f = _frame("Their trial, scheduled for March 3 in Lund, has been postponed.", "postpone")
    assert f.obj == "trial" and f.on_date == DateValue("2022-03-03", "day") and f.until_date is None
    g = _frame("The judge adjourned the hearing until March 21 after two hours.", "postpone")
    assert g.obj == "hearing" and g.until_date == DateValue("2022-03-21", "day")


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
    assert role_side(role) == side


def test_role_conflict_from_upstream_roles_and_text() -> None:
    a = _doc("Judge Mira Holt opened the hearing in Lund on March 3.", "a")
    b = _doc("Mira Holt, a lawyer for the prosecution, asked for a longer sentence.", "b")
    c = _doc("The defence lawyer Mira Holt said her clients were innocent.", "c")
    docs = (a, b, c)
    cits = tuple(
        d.cite(m.start(), m.end()) for d in docs for m in re.finditer("Mira Holt", d.clean_text)
    )
    upstream = (RoleClaim("judge", cits[0]),)
    holt = Entity("holt", "PERSON", "Mira Holt", (), cits, roles=upstream)
    found = role_conflicts(docs, [holt])
    pairs = {frozenset(x.doc for s in k.sides for x in s.citations) for k in found}
    assert frozenset({"b", "c"}) in pairs and frozenset({"a", "b"}) in pairs
    assert all(k.kind == "role" and "Mira Holt" in k.description for k in found)


def test_a_lawyer_without_a_side_is_no_conflict() -> None:
    a = _doc("Lawyer Mira Holt said the trial in Lund would resume on March 3.", "a")
    b = _doc("The defence lawyer Mira Holt asked the court for bail.", "b")
    docs = (a, b)
    cits = tuple(
        Citation.of(d.id, d.clean_text, m.start(), m.end())
        for d in docs
        for m in re.finditer("Mira Holt", d.clean_text)
    )
    assert role_conflicts(docs, [Entity("holt", "PERSON", "Mira Holt", (), cits)]) == []


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
        "\n\n",
    ]
)


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=0, max_size=80))
def test_claims_never_break_on_arbitrary_text(words: list[str]) -> None:
    text = " ".join(words)
    doc = _doc(text)
    ents = [_person(doc, "berg", "Anna Berg")] if "Anna Berg" in text else []
    for info in extract_claims([doc], ents):
        assert doc.clean_text[info.start : info.end] == info.text == info.claim.citation.quote
        assert info.text.strip() == info.text and info.text
        for f in frames(info):
            assert info.start <= f.start < f.end <= info.end


def test_a_trial_that_began_and_was_then_postponed_keeps_no_scheduled_date() -> None:
    f = _frame("The trial, which began on March 3 in Lund, was postponed by the judge.", "postpone")
    assert f.scheduled_date is None
    g = _frame("Their trial, scheduled for March 3 in Lund, has been postponed.", "postpone")
    assert g.scheduled_date == DateValue("2022-03-03", "day")
