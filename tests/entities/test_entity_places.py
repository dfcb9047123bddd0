"""Places, organisations and things the model calls people, decided by structure: a kind of
place a name is an example of or named by, "from X" on a person, a name compounded with a
role noun, a name after an article, a photo credit, the title of someone's programme and a
capitalised verb or adjective. Every story is invented, in domains apart from the news it
was found in (a flood, a harbour, a radio phone-in)."""

from __future__ import annotations

from dataclasses import replace

from dossier.entities import EntitySettings, find_mentions, resolve_entities
from dossier.model import Document, Entity
from dossier.nlp import read_documents
from dossier.resources import Resources


def _read(resources: Resources, *texts: str) -> tuple[Document, ...]:
    docs = [
        Document(id=f"d{i}", source=f"d{i}", raw_text=t, clean_text=t) for i, t in enumerate(texts)
    ]
    return read_documents(docs, resources)


def _entities(resources: Resources, docs: tuple[Document, ...]) -> tuple[Entity, ...]:
    marked = find_mentions(docs, EntitySettings(), resources)
    return resolve_entities(marked, EntitySettings(), resources)


def _story(resources: Resources, *texts: str) -> tuple[Entity, ...]:
    return _entities(resources, _read(resources, *texts))


def _labelled(doc: Document, name: str, label: str) -> Document:
    """``doc`` with the model's label of every span ``name`` replaced by ``label`` (added
    where the model proposed nothing): the model's mistake the rule must overrule."""
    assert doc.parse is not None
    spans = []
    at = doc.clean_text.find(name)
    while at >= 0:
        spans.append((at, at + len(name), label))
        at = doc.clean_text.find(name, at + 1)
    assert spans, name
    kept = [e for e in doc.parse.entities if not any(s < e[1] and e[0] < t for s, t, _ in spans)]
    entities = tuple(sorted([*kept, *spans]))
    return replace(doc, parse=replace(doc.parse, entities=entities))


def _types(entities: tuple[Entity, ...], form: str) -> set[str]:
    return {e.type for e in entities if form == e.name or form in e.aliases}


def test_a_name_a_kind_of_place_names_or_gives_as_example_is_a_place(
    resources: Resources,
) -> None:
    entities = _story(
        resources,
        "Flood water reached the poorer suburbs such as Kellerby Moss, where families live in "
        "caravans. The old fishing port of Dunmere Cove lost its last trawler in 1998.",
    )
    assert _types(entities, "Kellerby Moss") == {"PLACE"}
    assert _types(entities, "Dunmere Cove") == {"PLACE"}


def test_a_name_a_kind_of_place_stands_beside_is_a_place(resources: Resources) -> None:
    entities = _story(
        resources,
        "Rescuers reached Marrowby, a hamlet north of the reservoir, by noon. The convoy "
        "stopped in Orlenko, a small mining town near the border. Ann Pryce, a town "
        "councillor, said the bridge was unsafe.",
    )
    assert _types(entities, "Marrowby") == {"PLACE"}
    assert _types(entities, "Orlenko") == {"PLACE"}
    assert _types(entities, "Ann Pryce") == {"PERSON"}  # a town's councillor is no town


def test_from_a_place_on_a_person_is_where_they_are_from(resources: Resources) -> None:
    entities = _story(resources, "Tom Harlow from Ashbury Vale said the water reached his knees.")
    assert _types(entities, "Ashbury Vale") == {"PLACE"}
    assert _types(entities, "Tom Harlow") == {"PERSON"}


def test_a_name_compounded_with_a_role_noun_is_where_the_role_belongs(
    resources: Resources,
) -> None:
    entities = _story(
        resources,
        "The rescue team's leader, Brackley coastguard commander Ellen Marsh, said the search "
        "would resume at dawn.",
    )
    assert _types(entities, "Brackley") == {"PLACE"}
    (marsh,) = [e for e in entities if e.name == "Ellen Marsh"]
    assert marsh.type == "PERSON"
    assert not [e for e in entities if e.type == "PERSON" and "leader" in e.role_names]


def test_a_person_named_in_full_keeps_a_role_compounded_with_their_name(
    resources: Resources,
) -> None:
    entities = _story(
        resources,
        "Dr Helen Vasquez was questioned for six hours. Vasquez spokesman Tim Roe said she had "
        "done nothing wrong.",
    )
    assert _types(entities, "Vasquez") == {"PERSON"}
    (vasquez,) = [e for e in entities if "Vasquez" in e.aliases]
    assert vasquez.name == "Helen Vasquez"


def test_a_name_right_after_an_article_is_no_person(resources: Resources) -> None:
    (doc,) = _read(
        resources,
        "The Green Crescent has warned that the valley roads are closed. The Green Crescent "
        "says it fears hundreds have died. The Queen sent a message of sympathy.",
    )
    entities = _entities(resources, (_labelled(doc, "Green Crescent", "PERSON"),))
    assert _types(entities, "Green Crescent") == {"ORG"}
    assert "ORG" not in _types(entities, "Queen")  # a rank after an article is a person's


def test_a_photo_credit_is_no_evidence_of_a_person(resources: Resources) -> None:
    (doc,) = _read(
        resources,
        "Boats lie wrecked on the quay -LRB- Photo : Blue Anchor Rescue -RRB- The harbour "
        "master said the storm was the worst in years.",
    )
    entities = _entities(resources, (_labelled(doc, "Blue Anchor Rescue", "ORG"),))
    assert _types(entities, "Blue Anchor Rescue") == {"ORG"}
    assert not [e for e in entities if "photographer" in e.role_names]


def test_the_title_of_someones_programme_is_a_work(resources: Resources) -> None:
    entities = _story(
        resources,
        "Jane Doe, a Lakeland Bank customer, told Radio Kent's Morning Desk programme that her "
        "payment was blocked. Morning Desk contacted the bank. Listeners also wrote to Morning "
        "Desk.",
    )
    assert not _types(entities, "Morning Desk")
    assert _types(entities, "Jane Doe") == {"PERSON"}


def test_a_capitalised_verb_or_adjective_is_no_name(resources: Resources) -> None:
    (doc,) = _read(
        resources,
        "Before and after images of the town hall Glowing red, its broad, handsome facade was "
        "a symbol of the town.\n\n"
        "Before and after photographs of the old mill Sparkling silver, its slender spire was "
        "a landmark of the valley.\n\n"
        "Quiet streets lay empty. The quiet lasted until noon.",
    )
    for word in ("Glowing", "Sparkling", "Quiet"):
        doc = _labelled(doc, word, "PERSON")
    entities = _entities(resources, (doc,))
    for word in ("Glowing", "Sparkling", "Quiet"):
        assert not _types(entities, word), word


def test_a_role_word_before_a_capitalised_modifier_makes_no_person(resources: Resources) -> None:
    entities = _story(
        resources,
        "Money given to the appeal, which brings together 11 major Dublin-based relief groups, "
        "is paying for boats and blankets.",
    )
    assert not [e for e in entities if e.type == "PERSON"]
