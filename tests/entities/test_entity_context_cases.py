"""Names the model mislabels that the sentence around them settles (issue 13, the misses of
the Haiti and Murray-trial gold): a byline after the text, a person's home town, examples of
a kind of organisation, an organisation named with an inner article, a cleric in apposition.
Each sentence is invented and phrased apart from the stories it was seen in, with a case the
rule must leave alone."""

from __future__ import annotations

from dossier.entities import EntitySettings, find_mentions, resolve_entities
from dossier.entities.patterns import PatternRules
from dossier.model import Document, Entity
from dossier.nlp import read_documents, to_spacy
from dossier.resources import Resources


def _story(resources: Resources, *texts: str) -> tuple[Entity, ...]:
    docs = [
        Document(id=f"d{i}", source=f"d{i}", raw_text=t, clean_text=t) for i, t in enumerate(texts)
    ]
    marked = find_mentions(read_documents(docs, resources), EntitySettings(), resources)
    return resolve_entities(marked, EntitySettings(), resources)


def _types(entities: tuple[Entity, ...]) -> dict[str, str]:
    return {f: e.type for e in entities for f in (e.name, *e.aliases)}


def _hits(resources: Resources, text: str) -> list[tuple[str, str]]:
    language = resources.language("en")
    assert language is not None
    vocab = resources.pipeline_for("en").vocab
    docs = [Document(id="d", source="d", raw_text=text, clean_text=text)]
    (doc,) = read_documents(docs, resources)
    assert doc.parse is not None
    rules = PatternRules(language.entity_patterns, vocab)
    return [(text[h.start : h.end], h.kind) for h in rules.find(to_spacy(doc.parse, text, vocab))]


def test_a_byline_after_the_text_names_a_person(resources: Resources) -> None:
    """ "..., writes X." at the end of a paragraph is the author, whatever the model says; a
    name the verb takes as its object is not."""
    closing = "The port was rebuilt twice and twice it was swept away, writes Hugo Cardell."
    assert ("Hugo Cardell", "PERSON") in _hits(resources, closing)
    inside = "The council writes Hugo Cardell a letter every spring."
    assert not [h for h in _hits(resources, inside) if h[1] == "PERSON"]


def test_a_person_from_a_town_the_model_calls_an_organisation(resources: Resources) -> None:
    """ "Gemma Hollis from Bristol": after a person's name, "from" says where she is from;
    "a spokesman from Oxfam" keeps the organisation."""
    found = _types(
        _story(
            resources,
            "Gemma Hollis from Bristol told reporters that the bridge had gone. "
            "A spokesman from Oxfam said supplies had arrived.",
        )
    )
    assert found["Bristol"] == "PLACE"
    assert found["Oxfam"] == "ORG"


def test_examples_of_a_kind_of_organisation_are_organisations(resources: Resources) -> None:
    """ "aid organisations, including X and Y": both are organisations (the model called one
    a person and the other a place); "towns including X" stays a place."""
    found = _types(
        _story(
            resources,
            "Several aid organisations, including Harbour Relief and Oxfam, sent teams to the "
            "coast. Towns including Marrowby were cut off.",
        )
    )
    assert found["Harbour Relief"] == "ORG"
    assert found["Oxfam"] == "ORG"
    assert found["Marrowby"] == "PLACE"


def test_an_organisation_named_with_an_inner_article(resources: Resources) -> None:
    """ "Friends of the Earth's campaigns director X": the capitalised words around "of the"
    that possess a role are one organisation, not the place "Earth"."""
    found = _types(
        _story(
            resources, "Friends of the Earth's campaigns director Mara Lind said it was unlawful."
        )
    )
    assert found["Friends of the Earth"] == "ORG"
    assert "Earth" not in found
    assert found["Mara Lind"] == "PERSON"


def test_a_name_in_apposition_to_a_cleric_is_a_person(resources: Resources) -> None:
    """ "a young parish priest, X": a role noun in apposition makes X a person although the
    model calls the hyphenated name an organisation."""
    found = _types(
        _story(
            resources,
            "The council chose a young parish priest, Luc-Antoine Bellegarde, to lead the talks.",
        )
    )
    assert found["Luc-Antoine Bellegarde"] == "PERSON"


def test_the_family_name_of_one_person_is_that_person_across_the_story(
    resources: Resources,
) -> None:
    """A family name the model calls an organisation in the other articles (more often than
    it calls it a person) is the one person of the story with that name; a family name that
    is also a word of a company's name stays apart."""
    entities = _story(
        resources,
        "Swimmer Anouk Terhaar was suspended on Monday after a positive test. "
        "Terhaar, 24, denied it.",
        "The board said Terhaar's sample was taken at Terhaar's training camp. "
        "Terhaar's agent declined to comment.",
        "Terhaar has appealed. The federation suspended Terhaar until June.",
    )
    assert [e.type for e in entities if "Terhaar" in (e.name, *e.aliases)] == ["PERSON"]
    company = _story(
        resources,
        "Edsel Brannock founded the carmaker in 1903. Brannock said it would grow.",
        "Brannock Motor Company said profits fell. Brannock cut jobs.",
    )
    assert "Brannock" not in {a for e in company if e.type == "PERSON" for a in e.aliases}
