"""One identity across stories, end to end: two unrelated stories built into one store
(the fictional record-label story stories/tidewater and a ferry collision written here) name
the same singer (the user splits the two stories, which a store this small groups as
one); she is one entity id in both stories and the store lists both stories for
that id (what the UI's entity page shows as "Also in another story")."""

from __future__ import annotations

from pathlib import Path

from entity_fixtures import STORIES

from dossier.casefile import update_store
from dossier.pipeline import ingest
from dossier.resources import Resources
from dossier.settings import Settings
from dossier.store import Store

_FESTIVAL = {
    "ferry-crash.txt": (
        "Two injured as ferry hits pier in Bergen\n\n"
        "A passenger ferry struck the Strandkaien pier in Bergen harbour on Thursday morning, "
        "injuring two crew members, the Norwegian Coastal Administration said. The vessel, "
        "the MS Fjordlys, was carrying 112 passengers from Stavanger. Harbour master Lars "
        "Brekke said the pier would stay closed for inspection until Monday. Among the "
        "passengers was Mira Holm, who told the broadcaster NRK that the ferry had turned "
        "sharply seconds before the impact.\n"
    ),
    "ferry-inquiry.txt": (
        "Inquiry opens into Bergen ferry collision\n\n"
        "Investigators from the Norwegian Safety Investigation Authority began questioning "
        "the crew of the MS Fjordlys on Friday, a day after the ferry struck a pier in "
        "Bergen harbour. Lars Brekke, the harbour master, said the weather had been calm "
        "and visibility good. Holm, a passenger, said the captain had apologised to "
        "everyone on board. The two injured crew members were released from hospital.\n"
    ),
}


def test_one_person_in_two_stories_of_a_store_is_one_id(
    tmp_path: Path, settings: Settings, resources: Resources
) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    for path in sorted((STORIES / "tidewater").glob("*.txt")):
        (folder / f"label-{path.name}").write_text(path.read_text(encoding="utf-8"))
    for name, text in _FESTIVAL.items():
        (folder / name).write_text(text, encoding="utf-8")
    docs = ingest(sorted(folder.glob("*.txt")), settings).documents
    with Store(tmp_path / "case.sqlite") as store:
        update_store(store, inputs=docs, kind="build", settings=settings, resources=resources)
        # Five short articles form one story; the user splits the ferry collision off, as
        # the UI lets them, and the case is grouped again.
        store.add_correction("split", ["ferry-crash", "ferry-inquiry"])
        update_store(store, kind="rebuild", rebuild=True, settings=settings, resources=resources)
        corpus = store.load_corpus()
        holders = {
            story.id: e
            for story in corpus.stories
            for e in story.entities
            if e.type == "PERSON" and "Mira Holm" in (e.name, *e.aliases)
        }
        assert len(holders) == 2, [(s.title, s.document_ids) for s in corpus.stories]
        (ident,) = {e.id for e in holders.values()}
        assert {sid for sid, _ in store.stories_with_entity(ident)} == set(holders)
        # Someone named in one story only is in that story only.
        brekke = {e.id for s in corpus.stories for e in s.entities if e.name == "Lars Brekke"}
        (only,) = brekke
        assert len(store.stories_with_entity(only)) == 1
