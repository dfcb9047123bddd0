"""Cross-checking a fictional story: every real conflict found, nothing else."""

from __future__ import annotations

import pytest

from dossier.crosscheck import CrosscheckResult, crosscheck
from dossier.model import Conflict, Document
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
    both = (ledger, copy)
    result = crosscheck(both, story.entities(both), (), settings.crosscheck, resources)
    assert result.claims and all(c.shared for c in result.claims if c.citation.doc == "copy")
    assert all(f.independent_sources == 1 for f in result.corroborations)
    assert not result.conflicts


def test_empty_input(settings: Settings, resources: Resources) -> None:
    result = crosscheck((), (), (), settings.crosscheck, resources)
    assert result == CrosscheckResult((), (), (), ())
