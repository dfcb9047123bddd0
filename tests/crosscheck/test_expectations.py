"""Expectations and polarity read by structure: what a clause expects (not an estimate of the
past, not a change of odds), when a later report overturns an expectation (only when what
was expected did not happen, or the opposite did), and which pairs of opposite polarity are
one event. Sentences of a flood evacuation, a town council and a hostage negotiation."""

from __future__ import annotations

import re

import pytest

from dossier.crosscheck import crosscheck
from dossier.crosscheck.claims import story_claims
from dossier.crosscheck.frames import Frame
from dossier.crosscheck.support import lexicons_for
from dossier.lang import load_language
from dossier.model import Conflict, DateValue, Document, Entity, TimeExpression
from dossier.resources import Resources
from dossier.settings import Settings

from . import story


def _docs(texts: dict[str, tuple[str, str]]) -> tuple[Document, ...]:
    out = []
    for doc_id, (date, text) in texts.items():
        dates = tuple(
            TimeExpression(
                doc_id, m.start(), m.end(), m.group(), DateValue(f"2022-03-{m[1]:0>2}", "day")
            )
            for m in re.finditer(r"\bMarch (\d{1,2})\b", text)
        )
        out.append(story.report(doc_id, text, f"Outlet {doc_id}", story.on(date), dates))
    return story.parsed(out)


def _entities(docs: tuple[Document, ...], *spec: tuple[str, str, str]) -> tuple[Entity, ...]:
    return tuple(
        Entity(
            eid,
            kind,
            name,
            (),
            tuple(
                d.cite(m.start(), m.end())
                for d in docs
                for m in re.finditer(re.escape(name), d.clean_text)
            ),
        )
        for eid, kind, name in spec
    )


def _frames(text: str, resources: Resources) -> list[Frame]:
    docs = _docs({"d": ("2022-03-20", text)})
    claims = story_claims(docs, (), lexicons_for(docs, resources))
    return [f for claim in claims for f in claim.frames]


def _conflicts(
    texts: dict[str, tuple[str, str]], settings: Settings, resources: Resources
) -> tuple[Conflict, ...]:
    docs = _docs(texts)
    entities = _entities(
        docs, ("harwick", "PLACE", "Harwick"), ("council", "ORG", "Brennick council")
    )
    return crosscheck(docs, entities, (), settings.crosscheck, resources).conflicts


def test_a_perfect_infinitive_under_an_expectation_is_an_estimate_of_the_past(
    resources: Resources,
) -> None:
    (estimate,) = (
        f
        for f in _frames(
            "Four dock workers are expected to have been arrested at the port on March 3.",
            resources,
        )
        if f.kind == "arrest"
    )
    assert not estimate.future and estimate.stance == "reported"
    assert estimate.date == DateValue("2022-03-03", "day")
    (expected,) = (
        f
        for f in _frames(
            "Four dock workers are expected to be arrested at the port on March 23.", resources
        )
        if f.kind == "arrest"
    )
    assert expected.future


def test_anterior_is_the_perfect_infinitive_only() -> None:
    grammar = load_language("en").grammar
    participle = "Aspect=Perf|Tense=Past|VerbForm=Part"
    assert grammar.anterior([("to", ""), ("have", "VerbForm=Inf")], participle)
    # "will have closed": a future perfect; "has closed": a perfect with tense of its own.
    assert not grammar.anterior([("will", "VerbForm=Fin"), ("have", "VerbForm=Inf")], participle)
    assert not grammar.anterior([("have", "Tense=Pres|VerbForm=Fin")], participle)
    assert not grammar.anterior([("to", ""), ("have", "VerbForm=Inf")], "VerbForm=Inf")


def test_compared_odds_expect_nothing(resources: Resources) -> None:
    """ "less likely to be released": the odds changed; no release is expected (a
    possibility, neither a statement nor an expectation)."""
    (odds,) = (
        f
        for f in _frames("The hostages are now less likely to be released soon.", resources)
        if f.kind == "release"
    )
    assert not odds.future and not odds.asserted
    (likely,) = (
        f
        for f in _frames("The hostages are likely to be released soon.", resources)
        if f.kind == "release"
    )
    assert likely.future


def test_words_of_a_phrase_hang_together_in_the_parse(resources: Resources) -> None:
    """ "come to" is a movement when "to" is the verb's; not in "come close to", where it
    is the adverb's."""
    close = _frames("The insurers' offers do not come close to the losses.", resources)
    assert all(f.kind != "cross" for f in close), [(f.kind, f.lemma) for f in close]
    came = _frames("The delegation came to Harwick on March 3.", resources)
    assert any(f.kind == "cross" for f in came), [(f.kind, f.lemma) for f in came]


EXPECTED = ("2022-03-01", "Officials said 500 residents of Harwick would be evacuated.")


def test_an_expectation_met_with_another_count_is_not_overturned(
    settings: Settings, resources: Resources
) -> None:
    # Fewer than expected, but evacuated: a figure to compare, not an overturned expectation.
    later = ("2022-03-08", "Only 120 residents of Harwick were evacuated.")
    found = _conflicts({"early": EXPECTED, "late": later}, settings, resources)
    assert not [c for c in found if c.kind == "superseded"], [c.description for c in found]


def test_an_expectation_that_did_not_happen_is_overturned(
    settings: Settings, resources: Resources
) -> None:
    later = ("2022-03-08", "The residents of Harwick were not evacuated, officials said.")
    found = _conflicts({"early": EXPECTED, "late": later}, settings, resources)
    assert [c.kind for c in found] == ["superseded"], [c.description for c in found]
    earlier, after = ({x.doc for x in side.citations} for side in found[0].sides)
    assert earlier == {"early"} and after == {"late"}


@pytest.mark.parametrize(
    ("first", "second", "conflicting"),
    [
        (
            "The Brennick council banned the night market on March 3.",
            "The Brennick council did not ban the night market on March 3.",
            True,
        ),
        # One class, two events: what each is done to differs.
        (
            "The Brennick council paid the water bill on March 3.",
            "The Brennick council did not pay the road tax on March 3.",
            False,
        ),
        # One verb of no class, two events.
        (
            "The Brennick council has trouble paying its staff.",
            "The Brennick council does not have a quorum.",
            False,
        ),
    ],
)
def test_opposite_polarity_of_one_event(
    first: str, second: str, conflicting: bool, settings: Settings, resources: Resources
) -> None:
    texts = {"one": ("2022-03-04", first), "two": ("2022-03-05", second)}
    found = [c for c in _conflicts(texts, settings, resources) if c.kind == "contradiction"]
    assert bool(found) == conflicting, [c.description for c in found]
    for c in found:
        assert c.description.startswith("Reports disagree on whether the ban on 2022-03-03 "), (
            c.description
        )


@pytest.mark.parametrize(
    ("text", "stance"),
    [
        # A question asks; it neither states nor expects.
        ("But will the hostages be released before the talks?\n\nNo one knows.", "asked"),
        # A counterfactual imagines what did not happen.
        ("Without the storm, the hostages would have been released on March 4.", "hedged"),
    ],
)
def test_questions_and_counterfactuals_expect_nothing(
    text: str, stance: str, resources: Resources
) -> None:
    (release,) = (f for f in _frames(text, resources) if f.lemma == "release")
    assert release.stance == stance and not release.asserted
    assert stance == "asked" or not release.future


@pytest.mark.parametrize(
    "later",
    [
        # Other people: ferry crews are not the residents.
        "The ferry crews were not evacuated from the island.",
        # Someone the report does not say who.
        "Those were not evacuated, officials said.",
    ],
)
def test_a_later_report_of_other_people_overturns_nothing(
    later: str, settings: Settings, resources: Resources
) -> None:
    found = _conflicts({"early": EXPECTED, "late": ("2022-03-08", later)}, settings, resources)
    assert not found, [c.description for c in found]


def test_what_opens_a_proceeding_stands_for_it(settings: Settings, resources: Resources) -> None:
    """ "Opening arguments ... will now get under way on March 21": the hearing begins then,
    on the day the main verb gives (the day a modifier planned it for is when it was
    scheduled); a later report that the hearing was put off overturns it."""
    (opening,) = (
        f
        for f in _frames(
            "The opening arguments, originally due on March 7, will now get under way on March 21.",
            resources,
        )
        if f.aspect == "begin"
    )
    assert opening.kind == "try" and opening.future
    assert opening.date == DateValue("2022-03-21", "day")
    assert opening.scheduled == DateValue("2022-03-07", "day")
    texts = {
        "early": (
            "2022-03-01",
            "Opening remarks in the Brennick council's planning hearing will begin on March 21.",
        ),
        "late": ("2022-03-18", "The Brennick council's planning hearing was put off until May."),
    }
    found = [c for c in _conflicts(texts, settings, resources) if c.kind == "superseded"]
    assert len(found) == 1, [c.description for c in found]
    earlier, after = ({x.doc for x in side.citations} for side in found[0].sides)
    assert earlier == {"early"} and after == {"late"}


def test_the_purpose_of_what_was_done_is_told(resources: Resources) -> None:
    """ "Police fired tear gas to disperse the crowd": the dispersal is what the report tells."""
    (aim,) = (
        f
        for f in _frames(
            "Police in Harwick fired tear gas on March 4 to disperse the crowd.", resources
        )
        if f.lemma == "disperse"
    )
    assert aim.asserted, aim.stance


@pytest.mark.parametrize(
    ("text", "lemma"),
    [
        # An attempt: "try" with a complement is no trial, and what is tried is not stated.
        ("Engineers in Harwick are trying to evacuate the hospital on March 4.", "evacuate"),
        # A purpose of what is still going on: an aim not yet reached.
        ("Crews were digging a trench in Harwick on March 4 to evacuate the school.", "evacuate"),
        # What an effort is for.
        ("Volunteers waded in on March 4 in an effort to rescue the stranded drivers.", "rescue"),
    ],
)
def test_an_attempt_or_an_aim_states_nothing(
    text: str, lemma: str, settings: Settings, resources: Resources
) -> None:
    frames = _frames(text, resources)
    assert all(f.kind != "try" for f in frames), [(f.kind, f.lemma) for f in frames]
    (aim,) = (f for f in frames if f.lemma == lemma)
    assert not aim.asserted, (text, aim.stance)
    denial = ("2022-03-05", "The school in Harwick was not evacuated on March 4.")
    found = _conflicts({"aim": ("2022-03-04", text), "denial": denial}, settings, resources)
    assert not [c for c in found if c.kind == "contradiction"], [c.description for c in found]
