"""Clause frames from the parse: doer, undergoer, tense, negation, modality, reporting.
Sentences of stories that are not the seeds (Timeline17 topics and fictional stories)."""

from __future__ import annotations

from collections.abc import Callable

from timeline17_text import timeline17_sentence

from dossier.nlp.clauses import Clause

Read = Callable[[str], dict[str, Clause]]


def test_passive_with_an_agent(read_clauses: Read) -> None:
    # a mine collapse (fictional)
    c = read_clauses("Twelve miners were detained by police outside the pit on Friday.")["detain"]
    assert c.passive and c.tense == "past" and not c.negated and not c.expected
    assert c.agent is not None and c.subject is not None
    assert c.undergoer == c.subject and c.doer == c.agent
    assert [p for p, _ in c.preps] == ["on"]


def test_negation_and_future(read_clauses: Read) -> None:
    # a fraud trial (fictional)
    c = read_clauses("The court will not hear the case until March.")["hear"]
    assert c.negated and c.tense == "future" and c.expected and c.modal == "will"


def test_expected_to_be_is_not_a_fact(read_clauses: Read) -> None:
    found = read_clauses(timeline17_sentence("MJ_bbc", "Dr Murray , 58 , is due to be sentenced"))
    assert found["sentence"].expected and found["sentence"].tense == "future"
    assert found["sentence"].subject_inherited  # Dr Murray, from "is due"
    assert found["receive"].modal == "could" and found["receive"].subject_inherited


def test_expected_to_have_happened_is_an_estimate_not_an_expectation(read_clauses: Read) -> None:
    # a shipping accident (fictional): a perfect infinitive dates the event before the estimate
    found = read_clauses("Six crew members are expected to have drowned when the trawler sank.")
    assert not found["drown"].expected and found["drown"].tense == "past"
    later = read_clauses("Six crew members are expected to drown if the trawler sinks.")
    assert later["drown"].expected and later["drown"].tense == "future"


def test_reported_speech_and_its_speaker(read_clauses: Read) -> None:
    # a protest crackdown (fictional)
    found = read_clauses("Witnesses said at least 30 protesters were killed in the square.")
    killed = found["kill"]
    assert killed.reported and killed.passive and killed.tense == "past"
    assert killed.governor == found["say"].verb


def test_present_perfect_reports_the_past(read_clauses: Read) -> None:
    found = read_clauses("The trial, scheduled for 6 May, has been postponed.")
    assert found["postpone"].tense == "past" and found["postpone"].passive


def test_denial_governs_its_clause(read_clauses: Read) -> None:
    found = read_clauses(timeline17_sentence("MJ_bbc", "Alberto Alvarez 's testimony came"))
    assert found["plead"].negated is False  # "pleaded not guilty": not negates the adjective
    assert found["come"].tense == "past"


def test_a_haiti_report(read_clauses: Read) -> None:
    found = read_clauses(timeline17_sentence("haiti_bbc", "As many as 200,000 people were killed"))
    assert found["kill"].passive and found["kill"].tense == "past"


def test_an_oil_spill_expectation(read_clauses: Read) -> None:
    found = read_clauses(
        timeline17_sentence("bpoil_bbc", "A national commission is expected to submit a report")
    )
    assert found["submit"].expected and not found["expect"].expected


def test_conjoined_verbs_share_their_subject(read_clauses: Read) -> None:
    # a flood (fictional)
    found = read_clauses("The families fled the valley and crossed the river at dawn.")
    assert found["cross"].subject == found["flee"].subject and found["cross"].subject_inherited
