"""resolve_entities on the fictional three-outlet fixture."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from dossier.entities import EntitySettings, resolve_entities
from dossier.model import Document, Entity, Mention
from dossier.nlp import read_documents
from dossier.resources import Resources


def _resolve(docs: Sequence[Document], resources: Resources) -> tuple[Entity, ...]:
    """Documents with hand-made mentions, parsed first (the stage reads the parse)."""
    unparsed = [d for d in docs if d.parse is None]
    parsed = {d.id: d for d in read_documents(unparsed, resources)}
    return resolve_entities([parsed.get(d.id, d) for d in docs], EntitySettings(), resources)


def _by_name(entities: tuple[Entity, ...]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def test_three_spellings_one_person(fixture_entities: tuple[Entity, ...]) -> None:
    person = _by_name(fixture_entities)["Yerlan Zhaksybekov"]
    assert {"Erlan Jaksybekov", "Yerlan Zhaksybek", "Zhaksybek"} <= set(person.aliases)
    assert {e.type for e in fixture_entities if e.name == "Yerlan Zhaksybekov"} == {"PERSON"}


def test_shared_surname_people_stay_apart(
    fixture_mentions: tuple[Document, ...], fixture_entities: tuple[Entity, ...]
) -> None:
    entities = _by_name(fixture_entities)
    judge, witness = entities["Aigerim Nurlanova"], entities["Dana Nurlanova"]
    assert judge.id != witness.id
    assert "judge" in judge.role_names and "judge" not in witness.role_names
    assert "witness" in witness.role_names
    # The bare surname after "Judge Aigerim Nurlanova" in the same article is the judge.
    courier = next(d for d in fixture_mentions if d.id == "courier")
    bare = [m for m in courier.mentions if m.text == "Nurlanova"]
    assert bare
    cited = {(c.doc, c.start) for c in judge.mentions}
    assert all((m.doc, m.start) in cited for m in bare)


def test_disagreeing_roles_and_ages_are_both_kept(fixture_entities: tuple[Entity, ...]) -> None:
    entities = _by_name(fixture_entities)
    lawyer = entities["Marat Seitkali"]
    sources = {r.role: r.citation.doc for r in lawyer.roles}
    assert sources.get("prosecution lawyer") == "ledger"
    assert "defence lawyer" in sources
    ages = {
        (a.value, a.citation.doc)
        for a in entities["Yerlan Zhaksybekov"].attributes
        if a.name == "age"
    }
    assert ages == {(41, "wire"), (42, "ledger")}


def test_acronyms_and_place_spellings(fixture_entities: tuple[Entity, ...]) -> None:
    entities = _by_name(fixture_entities)
    assert "CLA" in entities["Committee for Legal Aid"].aliases
    assert "UN" in entities["United Nations"].aliases
    assert "Karasu" in entities["Qarasu"].aliases


def test_ids_are_deterministic(
    fixture_mentions: tuple[Document, ...], resources: Resources
) -> None:
    first = _resolve(fixture_mentions, resources)
    second = _resolve(tuple(reversed(fixture_mentions)), resources)
    assert [e.id for e in first] == [e.id for e in _resolve(fixture_mentions, resources)]
    assert {e.id for e in first} == {e.id for e in second}


def test_only_ok_documents_are_read(
    fixture_mentions: tuple[Document, ...], resources: Resources
) -> None:
    dup = [
        replace(d, status="duplicate", duplicate_of="x") if d.id == "ledger" else d
        for d in fixture_mentions
    ]
    entities = _resolve(dup, resources)
    assert all(c.doc != "ledger" for e in entities for c in e.mentions)


def test_two_full_names_sharing_given_name_stay_apart(resources: Resources) -> None:
    text = "Anna Petrova met Anna Sokolova in court. Petrova said nothing."
    doc = Document(id="d", source="d", clean_text=text)
    full = [
        Mention("d", text.index(t), text.index(t) + len(t), t, "PERSON")
        for t in ("Anna Petrova", "Anna Sokolova")
    ]
    bare = Mention("d", text.rindex("Petrova"), text.rindex("Petrova") + 7, "Petrova", "PERSON")
    mentions = (*full, bare)
    entities = _resolve([replace(doc, mentions=mentions)], resources)
    people = {e.name: e for e in entities}
    assert set(people) == {"Anna Petrova", "Anna Sokolova"}
    assert people["Anna Petrova"].aliases == ("Petrova",)


def test_ambiguous_bare_surname_without_full_name_in_document_stays_apart(
    resources: Resources,
) -> None:
    docs = []
    for i, (text, names) in enumerate(
        [
            ("Olga Ivanova and Maria Ivanova testified.", ["Olga Ivanova", "Maria Ivanova"]),
            ("Ivanova declined to comment.", ["Ivanova"]),
        ]
    ):
        mentions = tuple(
            Mention(f"d{i}", text.index(n), text.index(n) + len(n), n, "PERSON") for n in names
        )
        docs.append(Document(id=f"d{i}", source="x", clean_text=text, mentions=mentions))
    people = {e.name: e for e in _resolve(docs, resources)}
    assert set(people) == {"Olga Ivanova", "Maria Ivanova", "Ivanova"}


def _marked(text: str, spans: list[tuple[str, str]], doc_id: str = "d") -> Document:
    mentions = []
    cursor = 0
    for surface, label in spans:
        start = text.index(surface, cursor)
        mentions.append(Mention(doc_id, start, start + len(surface), surface, label))  # type: ignore[arg-type]
        cursor = start + len(surface)
    return Document(id=doc_id, source=doc_id, clean_text=text, mentions=tuple(mentions))


def test_place_initials_and_renaming(resources: Resources) -> None:
    text = (
        "Officials in the United States said Oskemen, formerly Ust-Kamenogorsk, and the US agreed."
    )
    doc = _marked(
        text,
        [
            ("United States", "PLACE"),
            ("Oskemen", "PLACE"),
            ("Ust-Kamenogorsk", "PLACE"),
            ("US", "PLACE"),
        ],
    )
    places = {e.name: e for e in _resolve([doc], resources)}
    assert set(places) == {"United States", "Oskemen"}
    assert places["United States"].aliases == ("US",)
    assert places["Oskemen"].aliases == ("Ust-Kamenogorsk",)


def test_story_wide_labels_are_harmonised(resources: Resources) -> None:
    """A name tagged ORG in one article but PERSON in the others is a person; a
    family name the model missed in another article is still cited."""
    a = _marked(
        "Judge Talgat Omarov spoke. Talgat Omarov left.",
        [("Talgat Omarov", "PERSON"), ("Talgat Omarov", "PERSON")],
        "a",
    )
    b = _marked("Talgat Omarov closed the case. Omarov said.", [("Talgat Omarov", "ORG")], "b")
    people = [e for e in _resolve([a, b], resources) if e.type == "PERSON"]
    assert len(people) == 1
    assert {c.doc for c in people[0].mentions} == {"a", "b"}
    assert any(c.quote == "Omarov" and c.doc == "b" for c in people[0].mentions)
    assert not [e for e in _resolve([a, b], resources) if e.type == "ORG"]


def test_organisation_name_without_its_country_word(resources: Resources) -> None:
    text = "The Kazakh Border Service said so. Later the Border Service denied it."
    doc = _marked(text, [("Kazakh Border Service", "ORG"), ("Border Service", "ORG")])
    orgs = [e for e in _resolve([doc], resources) if e.type == "ORG"]
    assert [(e.name, e.aliases) for e in orgs] == [("Kazakh Border Service", ("Border Service",))]


def test_organisation_spelling_variants_and_no_false_acronyms(resources: Resources) -> None:
    text = (
        "WASHINGTON (Reuters) - The World Health Organization said. "
        "LONDON (Reuters) - The World Health Organisation agreed."
    )
    doc = _marked(
        text,
        [
            ("WASHINGTON", "ORG"),
            ("Reuters", "ORG"),
            ("World Health Organization", "ORG"),
            ("LONDON", "ORG"),
            ("Reuters", "ORG"),
            ("World Health Organisation", "ORG"),
        ],
    )
    orgs = {e.name: e for e in _resolve([doc], resources) if e.type == "ORG"}
    assert orgs["World Health Organization"].aliases == ("World Health Organisation",)
    assert orgs["Reuters"].aliases == ()
    assert "WASHINGTON" in orgs and orgs["WASHINGTON"].aliases == ()


def test_former_position_is_a_title_not_a_role(resources: Resources) -> None:
    text = "The former judge Anna Berg now defends him."
    doc = _marked(text, [("Anna Berg", "PERSON")])
    person = _resolve([doc], resources)[0]
    assert person.roles == ()
    assert [(a.name, a.value) for a in person.attributes] == [("title", "former judge")]
