"""A list of links run into one line ("... - 2 hrs ago Sky News Haiti Quake : Corpses Used
In Aid Protest - 9 hrs ago Guardian", issue 13): its title-case headlines are no source of
names the body does not use. The story is invented (a shipwreck)."""

from __future__ import annotations

from dossier.entities import EntitySettings, find_mentions, resolve_entities
from dossier.model import Document
from dossier.nlp import read_documents
from dossier.resources import Resources

_LINKS = (
    "The Courier Divers return to the wreck as hopes fade - 2 hrs ago Harbour Radio Ferry "
    "Disaster : Families Wait For News Of Missing Crew - 5 hrs ago Coast Herald Captain "
    "Lindqvist Speaks Of Final Moments Aboard Stricken Ferry - 7 hrs ago Tribune ."
)
_BODY = (
    "The ferry Nordlys sank off Bergen on Sunday, and its captain, Tomas Lindqvist, was "
    "rescued by a fishing boat.\n"
    "Relatives gathered at the harbour in Bergen on Monday as divers searched the hull.\n"
)


def _forms(resources: Resources, text: str) -> set[str]:
    doc = Document(id="d0", source="d0", raw_text=text, clean_text=text)
    marked = find_mentions(read_documents([doc], resources), EntitySettings(), resources)
    entities = resolve_entities(marked, EntitySettings(), resources)
    return {f for e in entities for f in (e.name, *e.aliases)}


def test_headlines_of_a_run_in_link_list_are_no_source_of_names(resources: Resources) -> None:
    forms = _forms(resources, _BODY + _LINKS)
    for junk in ("Harbour Radio", "Coast Herald Captain", "Final Moments Aboard Stricken Ferry"):
        assert junk not in forms
    assert {"Tomas Lindqvist", "Bergen"} <= forms


def test_a_name_between_spaced_dashes_in_prose_is_kept(resources: Resources) -> None:
    """An aside between dashes in a sentence is no headline: its lower-case words say so."""
    text = _BODY + (
        "She was rescued - Coastguard Commander Henrik Solberg Andersen later said - within "
        "minutes."
    )
    assert "Henrik Solberg Andersen" in _forms(resources, text)
