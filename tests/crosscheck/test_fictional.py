"""Cross-checking a fictional story: every real conflict found, nothing else."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from dossier.crosscheck import CrosscheckResult, crosscheck
from dossier.model import Conflict, Document, Entity
from dossier.resources import Resources
from dossier.settings import Settings

from . import story


@pytest.fixture(scope="module")
def docs() -> tuple[Document, ...]:
    return story.documents()


@pytest.fixture(scope="module")
def result(
    docs: tuple[Document, ...], settings: Settings, resources: Resources
) -> CrosscheckResult:
    return crosscheck(docs, story.entities(docs), (), settings.crosscheck, resources)


def _docs_of(conflict: Conflict) -> list[set[str]]:
    return [{c.doc for c in side.citations} for side in conflict.sides]


def _quotes(conflict: Conflict) -> list[str]:
    return [" ".join(c.quote for c in side.citations) for side in conflict.sides]


def test_exactly_the_three_real_conflicts(result: CrosscheckResult) -> None:
    kinds = sorted(c.kind for c in result.conflicts)
    assert kinds == ["numeric", "role", "superseded"], [c.description for c in result.conflicts]


def test_role_conflict_quotes_both_sides(result: CrosscheckResult) -> None:
    (role,) = [c for c in result.conflicts if c.kind == "role"]
    assert "Ana Pirelli" in role.description
    quotes = _quotes(role)
    assert any("lawyer for the prosecution" in q for q in quotes)
    assert any("defence lawyer" in q for q in quotes)
    assert sorted(map(sorted, _docs_of(role))) == [["herald"], ["ledger"]]


def test_superseded_expectation_ordered_earlier_first(result: CrosscheckResult) -> None:
    (sup,) = [c for c in result.conflicts if c.kind == "superseded"]
    earlier, later = _quotes(sup)
    assert "will probably be extradited" in earlier
    assert "will not be extradited" in later
    assert _docs_of(sup) == [{"ledger"}, {"post"}]


def test_number_conflict(result: CrosscheckResult) -> None:
    (num,) = [c for c in result.conflicts if c.kind == "numeric"]
    quotes = _quotes(num)
    assert any("12 protesters" in q for q in quotes) and any("30 protesters" in q for q in quotes)


def test_citations_are_exact(result: CrosscheckResult, docs: tuple[Document, ...]) -> None:
    by_id = {d.id: d for d in docs}
    cits = [c for k in result.conflicts for s in k.sides for c in s.citations]
    cits += [c.citation for c in result.claims]
    cits += [c for f in result.corroborations for c in f.citations]
    assert cits
    for c in cits:
        assert by_id[c.doc].clean_text[c.start : c.end] == c.quote


def test_paraphrases_corroborate(result: CrosscheckResult) -> None:
    """The trial start is stated by two outlets in different words: one fact, two sources."""
    facts = [f for f in result.corroborations if f.independent_sources >= 2]
    texts = [" | ".join(c.quote for c in f.citations) for f in facts]
    assert any("began on March 1" in t and "opened in Norvik on March 1" in t for t in texts), texts


def test_outlet_profiles(result: CrosscheckResult) -> None:
    profiles = {p.outlet: p for p in result.outlet_profiles}
    assert set(profiles) == {"Daily Ledger", "Coast Herald", "Norvik Post"}
    ids = {f.id for f in result.corroborations}
    for p in profiles.values():
        assert set(p.confirmed) <= ids and set(p.only_here) <= ids and set(p.omitted) <= ids
        assert not set(p.confirmed) & set(p.only_here)
    assert profiles["Daily Ledger"].confirmed
    assert profiles["Norvik Post"].only_here


def test_shared_copy_is_not_independent(settings: Settings, resources: Resources) -> None:
    docs = story.documents()
    ledger = docs[0]
    copy = Document(
        id="copy",
        source="copy.txt",
        clean_text=ledger.clean_text,
        outlet="Reprint Weekly",
        published=ledger.published,
        time_expressions=tuple(
            type(t)("copy", t.start, t.end, t.text, t.value, t.kind)
            for t in ledger.time_expressions
        ),
        shared_spans=((0, len(ledger.clean_text), ledger.id),),
    )
    both = (ledger, *story.parsed([copy]))
    result = crosscheck(both, story.entities(both), (), settings.crosscheck, resources)
    assert result.claims and all(c.shared for c in result.claims if c.citation.doc == "copy")
    assert all(f.independent_sources == 1 for f in result.corroborations)
    assert not result.conflicts


def test_empty_input(settings: Settings, resources: Resources) -> None:
    result = crosscheck((), (), (), settings.crosscheck, resources)
    assert result == CrosscheckResult((), (), (), ())


def _two_docs(first: str, second: str) -> tuple[Document, ...]:
    published = story.documents()[0].published
    return story.parsed(
        [
            story.report(doc_id, text, f"Outlet {doc_id}", published)
            for doc_id, text in (("one", first), ("two", second))
        ]
    )


def _entities(docs: tuple[Document, ...]) -> tuple[Entity, ...]:
    out = list(story.entities(docs))
    for place in ("Lund", "Kira"):
        cits = tuple(
            d.cite(m.start(), m.end()) for d in docs for m in re.finditer(place, d.clean_text)
        )
        out.append(Entity(place.lower(), "PLACE", place, (), cits))
    return tuple(out)


def test_place_conflict_for_the_same_dated_event(settings: Settings, resources: Resources) -> None:
    docs = _two_docs(
        "Tomas Varga and Elin Sorensen were arrested in Lund on February 20 by border guards.",
        "Tomas Varga and Elin Sorensen were arrested in Kira on February 20 by border guards.",
    )
    result = crosscheck(docs, _entities(docs), (), settings.crosscheck, resources)
    assert [c.kind for c in result.conflicts] == ["place"]


def test_no_place_conflict_when_one_place_contains_the_other(
    settings: Settings, resources: Resources
) -> None:
    docs = _two_docs(
        "Tomas Varga and Elin Sorensen were arrested in Lund on February 20 by border guards.",
        "Tomas Varga and Elin Sorensen were arrested in Kira on February 20 by border guards. "
        "Kira is a district of Lund.",
    )
    result = crosscheck(docs, _entities(docs), (), settings.crosscheck, resources)
    assert result.conflicts == ()


TRAPS = {
    "a": (
        "2021-05-01",
        "Lena Ortiz, 41, was arrested in March in Kira.\n\n"
        "The court postponed the hearing until May 3.\n\n"
        "Lena Ortiz was sentenced to five years in prison.\n\n"
        "Prosecutors said Lena Ortiz would be released on bail next week.\n\n"
        "The ministry denied that Lena Ortiz would be deported to Estoria.\n\n"
        "Officials said Marco Dell will probably be deported to Estoria.",
    ),
    "b": (
        "2021-05-20",
        "The 41-year-old Lena Ortiz was arrested on March 3 in Kira.\n\n"
        "The hearing was adjourned to May 3 by the court.\n\n"
        "Lena Ortiz received a five-year prison sentence.\n\n"
        "Lena Ortiz was released on bail on May 8.\n\n"
        "Lena Ortiz was not deported to Estoria, her lawyer said.\n\n"
        "A court ruled that Lena Ortiz will not be deported to Estoria.",
    ),
}


def test_no_false_conflicts_from_paraphrases(settings: Settings, resources: Resources) -> None:
    docs = []
    for doc_id, (date, text) in TRAPS.items():
        docs.append(
            Document(
                id=doc_id,
                source=f"{doc_id}.txt",
                clean_text=text,
                outlet=f"Outlet {doc_id}",
                published=story.PublishedDate(story.DateValue(date, "day"), "test"),
                time_expressions=_may_march(doc_id, text),
            )
        )
    people = []
    for eid, name in (("ortiz", "Lena Ortiz"), ("dell", "Marco Dell")):
        cits = tuple(
            d.cite(m.start(), m.end()) for d in docs for m in re.finditer(name, d.clean_text)
        )
        people.append(Entity(eid, "PERSON", name, (), cits))
    result = crosscheck(story.parsed(docs), people, (), settings.crosscheck, resources)
    assert result.conflicts == (), [c.description for c in result.conflicts]


def _may_march(doc_id: str, text: str) -> tuple[story.TimeExpression, ...]:
    out = []
    for m in re.finditer(r"\b(March|May)(?: (\d{1,2}))?\b", text):
        month = "03" if m.group(1) == "March" else "05"
        value = (
            story.DateValue(f"2021-{month}-{int(m.group(2)):02d}", "day")
            if m.group(2)
            else story.DateValue(f"2021-{month}", "month")
        )
        out.append(story.TimeExpression(doc_id, m.start(), m.end(), m.group(), value))
    return tuple(out)


def test_hand_over_expectations_superseded_by_a_refusal(
    settings: Settings, resources: Resources
) -> None:
    texts = {
        "early": (
            "2024-02-19",
            "Prosecutors said that Yerbol Qojabekuly would be handed over once the local case "
            "is closed.\n\nQojabekuly is expected to be extradited to Varkesh within weeks.",
        ),
        "late": (
            "2024-03-19",
            "Judge Marina Veselova sentenced Yerbol Kozhabekov to one year in prison, but "
            "refused to hand him over to Varkesh.\n\n"
            "The court also refused the extradition request filed by Varkesh.",
        ),
    }
    docs = story.parsed(
        [
            Document(
                id=doc_id,
                source=f"{doc_id}.txt",
                clean_text=text,
                outlet=f"Outlet {doc_id}",
                published=story.PublishedDate(story.DateValue(date, "day"), "test"),
            )
            for doc_id, (date, text) in texts.items()
        ]
    )

    def person(eid: str, *names: str) -> Entity:
        cits = []
        for d in docs:
            taken: list[tuple[int, int]] = []
            for name in names:
                for m in re.finditer(name, d.clean_text):
                    if not any(a < m.end() and m.start() < b for a, b in taken):
                        taken.append((m.start(), m.end()))
                        cits.append(d.cite(m.start(), m.end()))
        return Entity(eid, "PERSON", names[0], names[1:], tuple(cits))

    people = (
        person("yerbol", "Yerbol Qojabekuly", "Yerbol Kozhabekov", "Qojabekuly"),
        person("judge", "Marina Veselova"),
    )
    result = crosscheck(docs, people, (), settings.crosscheck, resources)
    assert result.conflicts, "expected superseded conflicts"
    for conflict in result.conflicts:
        assert conflict.kind == "superseded", conflict.description
        earlier, later = ({c.doc for c in side.citations} for side in conflict.sides)
        assert earlier == {"early"} and later == {"late"}
    quotes = " ".join(c.quote for k in result.conflicts for c in k.sides[0].citations)
    assert "would be handed over" in quotes and "expected to be extradited" in quotes


def test_result_does_not_depend_on_document_order(
    result: CrosscheckResult, docs: tuple[Document, ...], settings: Settings, resources: Resources
) -> None:
    again = crosscheck(docs[::-1], story.entities(docs), (), settings.crosscheck, resources)
    assert again == result


def test_a_judge_in_both_reports_does_not_link_different_defendants(
    settings: Settings, resources: Resources
) -> None:
    docs = story.parsed(
        [
            Document(
                id="early",
                source="early.txt",
                clean_text="Judge Anna Kell said that Piet Mol would be deported to Estoria.",
                outlet="Outlet early",
                published=story.PublishedDate(story.DateValue("2021-01-05", "day"), "test"),
            ),
            Document(
                id="late",
                source="late.txt",
                clean_text="Judge Anna Kell ruled that Lars Berg will not be deported to Estoria.",
                outlet="Outlet late",
                published=story.PublishedDate(story.DateValue("2021-02-05", "day"), "test"),
            ),
        ]
    )
    people = tuple(
        Entity(
            name.split()[-1].lower(),
            "PERSON",
            name,
            (),
            tuple(
                d.cite(m.start(), m.end()) for d in docs for m in re.finditer(name, d.clean_text)
            ),
        )
        for name in ("Anna Kell", "Piet Mol", "Lars Berg")
    )
    result = crosscheck(docs, people, (), settings.crosscheck, resources)
    assert result.conflicts == (), [c.description for c in result.conflicts]


def test_date_conflict_for_the_same_arrest(settings: Settings, resources: Resources) -> None:
    docs = _two_docs(
        "Tomas Varga and Elin Sorensen were arrested in Lund on February 20 by border guards.",
        "Tomas Varga and Elin Sorensen were arrested in Lund on February 22 by border guards.",
    )
    result = crosscheck(docs, _entities(docs), (), settings.crosscheck, resources)
    assert [c.kind for c in result.conflicts] == ["date"]
    assert "2021-02-20" in result.conflicts[0].description
    assert "2021-02-22" in result.conflicts[0].description


def test_coarser_date_is_no_conflict(settings: Settings, resources: Resources) -> None:
    docs = _two_docs(
        "Tomas Varga and Elin Sorensen were arrested in Lund on February 20 by border guards.",
        "Tomas Varga and Elin Sorensen were arrested in Lund in February by border guards.",
    )
    result = crosscheck(docs, _entities(docs), (), settings.crosscheck, resources)
    assert result.conflicts == ()


@pytest.mark.parametrize(
    ("first", "second", "low", "high"),
    [
        # Issue 14's paraphrases: another counted noun, another event, another phrasing.
        (
            "Police said 12 workers were detained outside the court building.",
            "Police said 30 workers were detained outside the court building.",
            "12 workers",
            "30 workers",
        ),
        (
            "Twelve miners were killed in the blast at the Lund colliery, the police said.",
            "The blast at the Lund colliery killed 30 miners, rescuers said.",
            "Twelve miners",
            "30 miners",
        ),
        (
            "About 40 families were evacuated when the river burst its banks in Kira.",
            "More than 200 families were evacuated when the river burst its banks in Kira.",
            "40 families",
            "200 families",
        ),
    ],
)
def test_paraphrased_counts_conflict(
    first: str, second: str, low: str, high: str, settings: Settings, resources: Resources
) -> None:
    docs = _two_docs(first, second)
    result = crosscheck(docs, _entities(docs), (), settings.crosscheck, resources)
    assert [c.kind for c in result.conflicts] == ["numeric"], result.conflicts
    quotes = _quotes(result.conflicts[0])
    assert any(low in q for q in quotes) and any(high in q for q in quotes)


def test_a_postponed_hearing_is_the_other_side_never_a_citation(
    settings: Settings, resources: Resources
) -> None:
    docs = _two_docs(
        "The hearing of Tomas Varga, scheduled for March 1, has been postponed.",
        "The hearing of Tomas Varga began on March 1 in Lund.",
    )
    result = crosscheck(docs, _entities(docs), (), settings.crosscheck, resources)
    assert [c.kind for c in result.conflicts] == ["contradiction"], result.conflicts
    postponed = "has been postponed"
    for fact in result.corroborations:
        assert not any(postponed in c.quote for c in fact.citations) or not any(
            "began" in c.quote for c in fact.citations
        ), fact


def test_an_event_in_progress_gives_no_date_conflict_with_its_start(
    settings: Settings, resources: Resources
) -> None:
    docs = _two_docs(
        "The gas leak at the Lund refinery began on March 2, the operator said.",
        "Gas was still leaking from the Lund refinery on March 9, residents said.",
    )
    result = crosscheck(docs, _entities(docs), (), settings.crosscheck, resources)
    assert not [c for c in result.conflicts if c.kind == "date"], result.conflicts


def _earlier_and_later(first: str, second: str) -> tuple[Document, ...]:
    """Two reports, the second published nineteen days after the first."""
    one, two = _two_docs(first, second)
    return one, replace(two, published=story.documents()[2].published)


@pytest.mark.parametrize(
    ("later", "overturned"),
    [
        ("The thickest fuel near Lund was not collected by the skimmers.", False),
        ("The floating barrier did not collect the thickest fuel near Lund.", True),
    ],
)
def test_a_plan_is_overturned_only_by_what_it_planned(
    later: str, overturned: bool, settings: Settings, resources: Resources
) -> None:
    docs = _earlier_and_later(
        "A floating barrier will collect the thickest fuel near Lund, the coastguard said.", later
    )
    result = crosscheck(docs, _entities(docs), (), settings.crosscheck, resources)
    found = [c for c in result.conflicts if c.kind == "superseded"]
    assert bool(found) == overturned, result.conflicts
