"""Descriptions linked to the people they stand for ("the judge", "the Brazilian president",
"the FBI chief", "the company's founder", "the pair's lawyer", "the two men"), and left
alone when the story does not make them unambiguous. Every story is invented, in domains
apart from the seeds (a mine rescue, a summit, a tech company, an appeal court)."""

from __future__ import annotations

from dossier.entities import EntitySettings, find_mentions, resolve_entities
from dossier.model import Document, Entity
from dossier.nlp import read_documents
from dossier.resources import Resources


def _people(resources: Resources, *texts: str) -> dict[str, Entity]:
    docs = [
        Document(id=f"d{i}", source=f"d{i}", raw_text=t, clean_text=t) for i, t in enumerate(texts)
    ]
    marked = find_mentions(read_documents(docs, resources), EntitySettings(), resources)
    entities = resolve_entities(marked, EntitySettings(), resources)
    return {e.name: e for e in entities if e.type == "PERSON"}


def _linked(entity: Entity) -> list[str]:
    return [link.citation.quote for link in entity.descriptions]


def test_the_only_judge_of_the_story_is_the_judge(resources: Resources) -> None:
    people = _people(
        resources,
        "Judge Helena Marsh opened the hearing in Leeds on Monday. "
        "Prosecutor Tom Reyes called his first witness.",
        "Defence lawyer Priya Natt objected, but the judge overruled her.",
    )
    (link,) = people["Helena Marsh"].descriptions
    assert link.citation.quote == "the judge" and link.citation.doc == "d1"
    assert link.basis == "only-holder" and link.evidence.quote == "Judge Helena Marsh"
    assert link.evidence.doc == "d0"
    assert not people["Priya Natt"].descriptions and not people["Tom Reyes"].descriptions


def test_two_judges_leave_the_judge_unlinked(resources: Resources) -> None:
    people = _people(
        resources,
        "Judge Ana Lopes and Judge Rui Costa heard the appeal in Porto. "
        "The judge said the ruling would come in May.",
    )
    assert all(not e.descriptions for e in people.values())


def test_a_nationality_picks_the_president(resources: Resources) -> None:
    people = _people(
        resources,
        "Brazilian President Luiz Inacio Lula da Silva met French President Emmanuel Macron "
        "in Paris. The Brazilian president said trade would grow.",
    )
    assert _linked(people["Luiz Inacio Lula da Silva"]) == ["The Brazilian president"]
    assert not people["Emmanuel Macron"].descriptions


def test_an_organisation_picks_its_chief(resources: Resources) -> None:
    people = _people(
        resources,
        "FBI Director Robert Mueller told Congress the agency needed more staff. "
        "The FBI chief said the new rules were clear.",
    )
    (link,) = people["Robert Mueller"].descriptions
    assert link.citation.quote == "The FBI chief"
    assert link.evidence.quote == "FBI Director Robert Mueller"


def test_a_possessor_names_the_company_of_its_founder(resources: Resources) -> None:
    people = _people(
        resources,
        "Tesla founder Elon Musk spoke at the launch. The company's founder said he was pleased.",
    )
    assert _linked(people["Elon Musk"]) == ["The company's founder"]
    assert "founder" in people["Elon Musk"].role_names


def test_an_apposition_links_and_gives_the_side(resources: Resources) -> None:
    people = _people(
        resources,
        "Police arrested Anton Weber and Lukas Brandt in Hamburg. "
        "The pair's lawyer, Ruslan Omarov, said they would appeal.",
    )
    (link,) = people["Ruslan Omarov"].descriptions
    assert link.citation.quote == "The pair's lawyer" and link.basis == "apposition"
    assert "defence lawyer" in people["Ruslan Omarov"].role_names


def test_a_count_after_a_list_of_as_many_names(resources: Resources) -> None:
    people = _people(
        resources,
        "Miners Tom Hale and Ray Burns were trapped underground near Ashby for three days. "
        "The two men were brought to the surface on Sunday.",
    )
    for name in ("Tom Hale", "Ray Burns"):
        (link,) = people[name].descriptions
        assert link.citation.quote == "The two men" and link.basis == "listed-before"
        assert link.evidence.quote == "Tom Hale and Ray Burns"


def test_a_rank_an_umbrella_role_and_contrast_are_respected(resources: Resources) -> None:
    people = _people(
        resources,
        "Deputy prosecutor Ines Kolar read the charges. Chief prosecutor Marek Dvorak was absent. "
        "The deputy prosecutor asked for ten years.",
        "Mayor Carla Ruiz and Governor Tim Holt met in Austin. The governor promised funds. "
        "Prosecutor Marek Dvorak said the other prosecutor was wrong.",
    )
    assert _linked(people["Ines Kolar"]) == ["The deputy prosecutor"]
    assert not people["Marek Dvorak"].descriptions  # "the other prosecutor" is someone else
    assert _linked(people["Tim Holt"]) == ["The governor"]
    assert not people["Carla Ruiz"].descriptions  # a mayor is an official, not the governor


def test_whose_brother_depends_on_the_speaker(resources: Resources) -> None:
    people = _people(
        resources,
        "Singer Jermaine Holt, the brother of the late Marvin Holt, spoke at the funeral. "
        '"My brother was a genius," he said.',
    )
    assert all("My brother" not in _linked(e) for e in people.values())
