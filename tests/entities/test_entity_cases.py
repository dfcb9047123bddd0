"""The cases issue 13 names: false merges, drugs and songs as people, brackets in names,
nickname and middle-initial variants, organisation abbreviations, roles by structure.
Each story is invented and phrased apart from the seeds."""

from __future__ import annotations

from dossier.entities import EntitySettings, find_mentions, resolve_entities
from dossier.model import Document, Entity
from dossier.nlp import read_documents
from dossier.resources import Resources


def _story(resources: Resources, *texts: str) -> tuple[tuple[Document, ...], tuple[Entity, ...]]:
    docs = [
        Document(id=f"d{i}", source=f"d{i}", raw_text=t, clean_text=t) for i, t in enumerate(texts)
    ]
    marked = find_mentions(read_documents(docs, resources), EntitySettings(), resources)
    return marked, resolve_entities(marked, EntitySettings(), resources)


def _holder(entities: tuple[Entity, ...], form: str) -> list[Entity]:
    return [e for e in entities if form == e.name or form in e.aliases]


def test_a_bare_surname_never_joins_a_similar_surname(resources: Resources) -> None:
    _, entities = _story(
        resources,
        "Foreign Minister Sergei Lavrov met the businessman Pavel Lavrin in Geneva on Monday. "
        "Lavrov declined to say what they had discussed.",
    )
    lavrin = _holder(entities, "Pavel Lavrin")
    assert lavrin and "Lavrov" not in lavrin[0].aliases
    assert _holder(entities, "Lavrov")[0].name == "Sergei Lavrov"


def test_husband_and_wife_keep_their_own_age_and_role(resources: Resources) -> None:
    _, entities = _story(
        resources,
        "Mikhail Ivanov and his wife Svetlana Ivanova were detained at their flat in Samara. "
        "Ivanov, 45, was charged with fraud on Friday.",
    )
    husband, wife = _holder(entities, "Mikhail Ivanov")[0], _holder(entities, "Svetlana Ivanova")[0]
    assert husband.id != wife.id
    assert "Ivanov" in husband.aliases and "Ivanov" not in wife.aliases
    assert {a.value for a in husband.attributes if a.name == "age"} == {45}
    assert not [a for a in wife.attributes if a.name == "age"]
    assert "defendant" in husband.role_names and "defendant" not in wife.role_names


def test_nickname_and_middle_initial_variants_merge(resources: Resources) -> None:
    _, entities = _story(
        resources,
        "Defence lawyer Ed Chernoff told the jury that the evidence was thin.",
        "Edward Chernoff, the surgeon's lawyer, asked for more time. Mary J. Walsh testified.",
        "The court heard from Mary Walsh, a nurse, on Tuesday.",
    )
    assert len(_holder(entities, "Ed Chernoff")) == 1
    assert _holder(entities, "Ed Chernoff") == _holder(entities, "Edward Chernoff")
    assert _holder(entities, "Mary Walsh") == _holder(entities, "Mary J. Walsh")


def test_given_names_that_differ_are_two_people(resources: Resources) -> None:
    _, entities = _story(
        resources,
        "John Maurice Jones and John Viriamu Jones were both born in Swansea. "
        "Anna Petrova met Olga Petrova later.",
    )
    assert _holder(entities, "John Maurice Jones") != _holder(entities, "John Viriamu Jones")
    assert _holder(entities, "Anna Petrova") != _holder(entities, "Olga Petrova")


def test_an_abbreviated_city_in_an_organisation_name_merges(resources: Resources) -> None:
    _, entities = _story(
        resources,
        "The Los Angeles Police Department opened an inquiry on Monday.",
        "A spokesman for the LA Police Department said the inquiry was continuing.",
    )
    org = _holder(entities, "Los Angeles Police Department")
    assert org and "LA Police Department" in org[0].aliases


def test_drugs_and_songs_are_neither_people_nor_places(resources: Resources) -> None:
    _, entities = _story(
        resources,
        "The doctor gave the singer propofol every night. Propofol is a powerful anaesthetic. "
        "Investigators also found the sedatives Midazolam and Diazepam in the bedroom.",
        "Thousands of fans gathered in London's Trafalgar Square to sing his hit Billie Jean.",
    )
    named = {e.name for e in entities if e.type in ("PERSON", "PLACE")} | {
        a for e in entities if e.type in ("PERSON", "PLACE") for a in e.aliases
    }
    assert not named & {"Propofol", "Midazolam", "Diazepam", "Billie Jean"}
    assert not [e for e in entities if e.type == "PERSON" and e.name == "Trafalgar Square"]


def test_tokeniser_brackets_are_never_part_of_a_name(resources: Resources) -> None:
    marked, _ = _story(
        resources,
        "`` He -LRB- Murray -RRB- left him -LRB- Jackson -RRB- there , '' the prosecutor said . "
        "Conrad Murray denied it . Michael Jackson died in 2009 .",
    )
    texts = [m.text for d in marked for m in d.mentions]
    assert texts and not [t for t in texts if "LRB" in t or "RRB" in t]


def test_a_possessor_of_the_defendant_is_no_defendant(resources: Resources) -> None:
    _, entities = _story(
        resources,
        "The trial of Michael Jackson's doctor, Conrad Murray, opened in Los Angeles. "
        "Murray was charged with involuntary manslaughter.",
    )
    jackson = _holder(entities, "Michael Jackson")[0]
    murray = _holder(entities, "Conrad Murray")[0]
    assert "defendant" not in jackson.role_names
    assert "defendant" in murray.role_names
    claim = next(r for r in murray.roles if r.role == "defendant")
    assert claim.side == "accused" and "charged" in claim.citation.quote


def test_a_lawyer_who_represents_the_state_is_on_the_prosecution(resources: Resources) -> None:
    _, entities = _story(
        resources,
        "Anna Berg, the lawyer who represents the state, asked for a long sentence.",
        "Anna Berg, a lawyer for the defence, said the case was weak.",
    )
    berg = _holder(entities, "Anna Berg")[0]
    sides = {r.side: r for r in berg.roles if r.side}
    assert {"prosecution", "defence"} <= set(sides)
    assert sides["prosecution"].citation.doc != sides["defence"].citation.doc
    assert all(r.disputed for r in sides.values())
    from dossier.entities import role_conflicts

    language = resources.language("en")
    assert language is not None
    assert role_conflicts(entities, language.roles.incompatible_sides)


def test_an_ambiguous_bare_surname_stays_unresolved_with_its_reason(resources: Resources) -> None:
    _, entities = _story(
        resources,
        "Pavel Orlov and Dmitry Orlov, who are brothers, run the mine. Orlov said it was safe.",
    )
    bare = [e for e in entities if e.name == "Orlov"]
    assert len(bare) == 1 and bare[0].unresolved and len(bare[0].candidates) == 2
    assert "Orlov" not in _holder(entities, "Pavel Orlov")[0].aliases


def test_one_person_in_two_stories_is_one_id(resources: Resources) -> None:
    """Ids come from the key of the name, not from the story: the same person written two
    ways in two separate stories has one id."""
    _, mine = _story(
        resources,
        "Qaster Musakhanuly, a miner, was detained in Zaisan. Musakhanuly denied the charge.",
    )
    _, court = _story(
        resources,
        "The court heard from Kaster Musakhan on Monday. Kaster Musakhan said he was beaten.",
    )
    assert _holder(mine, "Qaster Musakhanuly")[0].id == _holder(court, "Kaster Musakhan")[0].id


def test_a_one_word_name_opening_one_longer_organisation_is_that_organisation(
    resources: Resources,
) -> None:
    _, entities = _story(
        resources,
        "Halvorsen Energy said on Monday that its rigs would restart. The strike at "
        "Halvorsen, which employs 900 people, had cost the company two million euros.",
    )
    (energy,) = _holder(entities, "Halvorsen Energy")
    assert _holder(entities, "Halvorsen") == [energy] and energy.type == "ORG"
    _, two = _story(
        resources,
        "Halvorsen Energy and Halvorsen Airlines are owned by different families. The strike "
        "at Halvorsen, which employs 900 people, ended on Monday.",
    )
    energy, planes = _holder(two, "Halvorsen Energy"), _holder(two, "Halvorsen Airlines")
    assert energy and planes and energy != planes
    assert "Halvorsen" not in (*energy[0].aliases, *planes[0].aliases)


def test_where_an_event_happens_is_a_place_what_a_noun_is_in_is_not(
    resources: Resources,
) -> None:
    """A lone name the model calls an organisation, after 'in' attached to a verb, is where
    the event happens; after 'in' attached to a noun ('shares in X') it stays what it was."""
    _, entities = _story(resources, "The band will play in Sopot on Saturday.")
    assert [e.type for e in _holder(entities, "Sopot")] == ["PLACE"]
    _, shares = _story(resources, "Shares in Norvatek rose 5% on Monday.")
    assert [e.type for e in _holder(shares, "Norvatek")] == ["ORG"]
