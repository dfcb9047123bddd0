"""find_mentions: the model corrected by news-text structure."""

from __future__ import annotations

from dataclasses import replace

from dossier.entities import EntitySettings, find_mentions
from dossier.model import Document
from dossier.nlp import read_documents
from dossier.resources import Resources


def _doc(text: str, doc_id: str = "d", **kw: object) -> Document:
    return Document(id=doc_id, source=doc_id, raw_text=text, clean_text=text, **kw)  # type: ignore[arg-type]


def test_offsets_quote_clean_text(fixture_mentions: tuple[Document, ...]) -> None:
    for doc in fixture_mentions:
        assert doc.mentions
        for m in doc.mentions:
            assert doc.clean_text[m.start : m.end] == m.text
            assert m.label in ("PERSON", "ORG", "PLACE")
        starts = [m.start for m in doc.mentions]
        assert starts == sorted(starts)


def test_demonyms_never_people(fixture_mentions: tuple[Document, ...]) -> None:
    texts = {m.text for d in fixture_mentions for m in d.mentions}
    assert not texts & {"Kazakhs", "Uyghurs", "Dungans"}


def test_split_name_rejoined_and_role_after_comma(fixture_mentions: tuple[Document, ...]) -> None:
    ledger = next(d for d in fixture_mentions if d.id == "ledger")
    people = {m.text for m in ledger.mentions if m.label == "PERSON"}
    assert "Marat Seitkaly" in people


def test_non_ok_documents_untouched(resources: Resources) -> None:
    ok = _doc("Judge Aigerim Nurlanova opened the trial in Qarasu on Tuesday.", "a")
    rejected = replace(
        _doc("Judge Aigerim Nurlanova spoke.", "b"), status="rejected", reason="empty"
    )
    out = find_mentions(read_documents([ok, rejected], resources), EntitySettings(), resources)
    assert out[1] is rejected
    assert any(m.text == "Aigerim Nurlanova" and m.label == "PERSON" for m in out[0].mentions)


def test_person_context_overrides_model_label(resources: Resources) -> None:
    text = (
        "Bolat Zhanuzakov, 34, was detained in Qarasu on Monday. "
        "Police said Zhanuzakov had crossed the border. "
        "The 34-year-old Zhanuzakov denied it, his lawyer Gulnara Tokhtarova said."
    )
    out = find_mentions(read_documents([_doc(text)], resources), EntitySettings(), resources)[0]
    labels = {m.text: m.label for m in out.mentions}
    assert labels.get("Bolat Zhanuzakov") == "PERSON"
    assert labels.get("Gulnara Tokhtarova") == "PERSON"
    assert all(m.label == "PERSON" for m in out.mentions if m.text == "Zhanuzakov")
    assert sum(1 for m in out.mentions if m.text == "Zhanuzakov") == 2


def test_outlet_named_in_text_is_an_organisation(resources: Resources) -> None:
    text = "The defendant's lawyer Aidos Serikov told Steppewire that the hearing was closed."
    out = find_mentions(
        read_documents([_doc(text, outlet="Steppewire News")], resources),
        EntitySettings(),
        resources,
    )[0]
    labels = {m.text: m.label for m in out.mentions}
    assert labels.get("Steppewire", "ORG") == "ORG"
    assert labels.get("Aidos Serikov") == "PERSON"


def test_each_document_decided_on_its_own(
    resources: Resources, fixture_mentions: tuple[Document, ...]
) -> None:
    """Sharding must not change mentions: a document's result ignores the batch."""
    from entity_fixtures import fixture_documents

    docs = fixture_documents()
    alone = [
        find_mentions(read_documents([d], resources), EntitySettings(), resources)[0] for d in docs
    ]
    assert [d.mentions for d in alone] == [d.mentions for d in fixture_mentions]


def test_possessives_end_names(resources: Resources) -> None:
    text = (
        "President Aidos Serikov’s July 5 speech was short. "
        "Mr. Serikov's aides left before Serikov’s Oct. 2 visit."
    )
    out = find_mentions(read_documents([_doc(text)], resources), EntitySettings(), resources)[0]
    assert out.mentions
    assert all(not m.text.endswith(("’s", "'s")) for m in out.mentions)
    assert all("July" not in m.text and "Oct" not in m.text for m in out.mentions)


def test_a_possessive_before_a_date_ends_a_name_span() -> None:
    from dossier.entities.context import ContextReader
    from dossier.entities.spans import SpanRules
    from dossier.entities.vocab import Vocab
    from dossier.lang import load_language

    english = load_language("en")
    assert english is not None
    vocab = Vocab.of(english)
    rules = SpanRules(vocab, ContextReader(vocab, Resources().pipeline_for("en").vocab))
    for text, last in (
        ("We heard Lena Ortiz’s Tuesday speech.", "Tuesday"),
        ("We heard Lena Ortiz' Sept. talk.", "Sept"),
        ("We heard Lena Ortiz's 2019 report.", "2019"),
    ):
        s, e = text.index("Lena"), text.index(last) + len(last)
        assert rules._possessive_date(text[s:e]) == len("Lena Ortiz")
        assert [text[a:b] for a, b in rules.trim_span(text, s, e, "PERSON")] == ["Lena Ortiz"]
    # a capitalised word that merely starts like a month is no date
    assert rules._possessive_date("Lena Ortiz's Mayfair") is None


def test_an_acronym_defined_after_a_name_makes_two_candidates() -> None:
    from dossier.entities.context import ContextReader
    from dossier.entities.spans import SpanRules
    from dossier.entities.vocab import Vocab
    from dossier.lang import load_language

    english = load_language("en")
    assert english is not None
    vocab = Vocab.of(english)
    rules = SpanRules(vocab, ContextReader(vocab, Resources().pipeline_for("en").vocab))
    text = (
        "The Coastal Rescue Board (CRB) and the Harbour Pilots Guild, known as the HPG, met. "
        "Fishers, or FRA members, left; the Board of Trade Standards, or BTS, stayed."
    )
    found = {c.text for c in rules.acronym_candidates(0, text, lambda _: False)}
    assert found == {
        "Coastal Rescue Board",
        "CRB",
        "Harbour Pilots Guild",
        "HPG",
        "Board of Trade Standards",
        "BTS",
    }
