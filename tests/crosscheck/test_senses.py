"""What a number counts, which sense a verb has and when an anaphorically dated sentence
happened come from the parse (issue 14: false conflicts on a whole folder of real coverage).
Stories of our own, in other domains than the seeds' and the BP folder's: a mine collapse,
a fraud trial, a flood, a protest."""

from __future__ import annotations

from dataclasses import replace

from dossier.crosscheck import CrosscheckResult, crosscheck
from dossier.crosscheck.amounts import amounts
from dossier.crosscheck.claims import story_claims
from dossier.crosscheck.frames import Frame
from dossier.crosscheck.reading import DocView
from dossier.crosscheck.support import lexicons_for
from dossier.model import DateValue, Document, TimeExpression
from dossier.resources import Resources
from dossier.settings import Settings

from . import story
from .test_fictional import _entities, _two_docs


def _frames(docs: tuple[Document, ...], resources: Resources) -> list[Frame]:
    lexicons = lexicons_for(docs, resources)
    return [f for c in story_claims(docs, _entities(docs), lexicons) for f in c.frames]


def _kinds(text: str, resources: Resources) -> dict[str, str]:
    """lemma -> kind of the frames of ``text``."""
    return {f.lemma: f.kind for f in _frames(_two_docs(text, "Nothing else was said."), resources)}


def _run(docs: tuple[Document, ...], settings: Settings, resources: Resources) -> CrosscheckResult:
    return crosscheck(docs, _entities(docs), (), settings.crosscheck, resources)


def _listing(result: CrosscheckResult) -> str:
    return "\n".join(f"[{c.kind}] {c.description}" for c in result.conflicts)


def _units(text: str, resources: Resources) -> list[str]:
    doc = _two_docs(text, "Nothing else was said.")[0]
    view = DocView.of(doc, lexicons_for([doc], resources)["en"])
    assert view is not None
    return [a.unit for i in range(len(doc.parse or ())) for a in _amounts_of(view, i)]


def _amounts_of(view: DocView, sentence: int) -> list[object]:
    if sentence >= len(view.parse.sentences):
        return []
    return list(amounts(view, view.sentence_tokens(sentence)))


# --- money is not people ----------------------------------------------------------------------


def test_a_sum_after_a_currency_sign_is_money(resources: Resources) -> None:
    units = _units(
        "The insurer will pay $ 40m -LRB- # 26m -RRB- to the families of the miners.", resources
    )
    assert units == ["dollar", "pound"]
    assert _units("Each protester in Kira was offered ¥ 300 to go home.", resources) == [
        "currency:¥"
    ]


# --- a verb's sense from its object -----------------------------------------------------------


def test_capturing_a_substance_is_a_collection_not_an_arrest(resources: Resources) -> None:
    kinds = _kinds(
        "Rescue crews continue to capture the gas escaping from the Kira mine.", resources
    )
    assert kinds["capture"] == "collect"
    kinds = _kinds("Engineers continue to capture water seeping through the dam.", resources)
    assert kinds["capture"] == "collect"
    assert _kinds("Soldiers captured two protesters in Kira.", resources)["capture"] == "arrest"


def test_trying_a_thing_is_no_trial(resources: Resources) -> None:
    assert _kinds("A controlled burn of the slick was tried on March 3.", resources)["try"] != "try"
    assert _kinds("Tomas Varga was tried in Kira on March 5.", resources)["try"] == "try"
    assert _kinds("The fraud case was tried in Kira in March.", resources)["try"] == "try"


def test_a_session_is_a_trial_only_when_a_court_holds_it(resources: Resources) -> None:
    kinds = _kinds("The chairman ended the question session with shareholders early.", resources)
    assert kinds["end"] == "noun:session"
    kinds = _kinds("The court session in the Varga fraud case ended on March 3.", resources)
    assert kinds["end"] == "try"


def test_an_ended_meeting_and_a_continuing_trial_do_not_conflict(
    settings: Settings, resources: Resources
) -> None:
    docs = _two_docs(
        "Tomas Varga ended the question session with the shareholders on March 3.",
        "The trial of Tomas Varga did not end on March 3.",
    )
    assert not _run(docs, settings, resources).conflicts, _listing(_run(docs, settings, resources))


# --- a time that points back ------------------------------------------------------------------


def _with_year(first: str, second: str, year: str) -> tuple[Document, ...]:
    docs = list(_two_docs(first, second))
    at = docs[1].clean_text.find(year)
    dated = TimeExpression("two", at, at + len(year), year, DateValue(year, "year"))
    docs[1] = replace(docs[1], time_expressions=(*docs[1].time_expressions, dated))
    return tuple(docs)


def test_on_that_occasion_takes_the_date_of_its_antecedent(
    settings: Settings, resources: Resources
) -> None:
    docs = _with_year(
        "Rescuers said 12 miners were killed when the shaft collapsed in Kira.",
        "A gas blast tore through the old Kira colliery in 1998. On that occasion, 40 miners "
        "were killed.",
        "1998",
    )
    killed = [f for f in _frames(docs, resources) if f.kind == "kill" and f.doc == "two"]
    assert killed and all(f.date == DateValue("1998", "year") for f in killed)
    assert not [c for c in _run(docs, settings, resources).conflicts if c.kind == "numeric"]


def test_an_anaphoric_time_without_an_antecedent_is_not_current(
    settings: Settings, resources: Resources
) -> None:
    docs = _two_docs(
        "Police said 300 protesters were detained in Kira.",
        "Officers recalled an older march through the city. At the time, 900 protesters were "
        "detained in Kira.",
    )
    detained = [f for f in _frames(docs, resources) if f.doc == "two" and f.kind == "arrest"]
    assert detained and all(f.earlier for f in detained)
    assert not _run(docs, settings, resources).conflicts, _listing(_run(docs, settings, resources))


def test_at_the_time_of_writing_is_no_anaphor(resources: Resources) -> None:
    docs = _with_year(
        "Nothing else was said.",
        "The dam burst in 1998. At the time of writing, 300 families are still evacuated.",
        "1998",
    )
    evacuated = [f for f in _frames(docs, resources) if f.doc == "two" and f.kind == "rescue"]
    assert evacuated and all(f.date is None and not f.earlier for f in evacuated)


# --- one speaker's figure on two days ---------------------------------------------------------


def test_one_speakers_figures_on_two_days_are_a_revision(
    settings: Settings, resources: Resources
) -> None:
    texts = (
        (
            "one",
            "2021-03-01",
            "The operator said it was collecting 1,000 gallons of water a "
            "day from the flooded Kira mine.",
        ),
        (
            "two",
            "2021-03-02",
            "The operator said it was collecting 3,000 gallons of water a "
            "day from the flooded Kira mine.",
        ),
    )
    docs = story.parsed(
        [story.report(i, text, f"Outlet {i}", story.on(day), ()) for i, day, text in texts]
    )
    result = _run(docs, settings, resources)
    assert not result.conflicts, _listing(result)
    assert any(
        [s.value for s in r.steps] == ["1,000 gallon/day", "3,000 gallon/day"]
        for r in result.revisions
    ), result.revisions
