"""The HTML pages of the web UI, in process."""

from __future__ import annotations

import csv
import html
import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from starlette.testclient import TestClient

from dossier.model import DescriptionLink
from dossier.report import check_citations, validate_against_contract
from dossier.report.html_index import story_item
from dossier.store import Store
from dossier.store.reviews import conflict_key, merge_key
from dossier.web import create_app, ui
from report.sample import sample_corpus, with_disputed_side

from .conftest import FakeBuild, local_client


def test_index_lists_stories_with_links_and_search(client: TestClient) -> None:
    page = client.get("/").text
    assert '<a href="/stories/s-lindqvist">Vestrava journalist sentenced</a>' in page
    assert '<a href="/stories/s-harbour">Kelmsund ferry terminal</a>' in page
    assert '<form action="/search" method="get"' in page
    assert "A court in Oskholm sentenced journalist Mara Lindqvist to five years." in page
    assert '<a href="/documents?status=rejected">1 rejected input(s)</a>' in page


def test_the_story_list_is_paged_and_read_from_summaries(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    corpus = sample_corpus()
    lines = {s.id: story_item(s, corpus.by_id(), ui.ROUTES) for s in corpus.stories}
    # No story (nor its documents) is loaded in full for the list, however large the case.
    monkeypatch.setattr(Store, "get_story", lambda *a: pytest.fail("a story loaded in full"))
    monkeypatch.setattr(Store, "get_documents", lambda *a: pytest.fail("documents loaded"))
    whole = client.get("/").text
    assert all(line in whole for line in lines.values())  # as the report lists them
    assert 'aria-label="Pages"' not in whole
    monkeypatch.setattr(ui, "PAGE_SIZE", 1)
    first, second = client.get("/").text, client.get("/?page=2").text
    assert lines["s-lindqvist"] in first and lines["s-harbour"] not in first  # largest first
    assert lines["s-harbour"] in second and '<ol class="stories" start="2">' in second
    assert 'page 1 of 2 · <a href="/?page=2" rel="next">Next</a>' in first
    assert '<a href="/?page=1" rel="prev">Previous</a> · page 2 of 2' in second
    assert "2 stories from" in second
    assert client.get("/?page=3").status_code == 404
    assert client.get("/?page=0").status_code == 400
    assert client.get("/?page=x").status_code == 400


def test_story_page_has_overview_contents_and_no_inline_code(client: TestClient) -> None:
    response = client.get("/stories/s-lindqvist")
    assert response.status_code == 200
    page = response.text
    assert "<title>Vestrava journalist sentenced</title>" in page
    assert "<h1>Vestrava journalist sentenced</h1>" in page
    assert '<nav class="toc" aria-label="Contents of this story">' in page
    assert page.index("<h2>Overview</h2>") < page.index('<h2 id="timeline-s-lindqvist">Timeline')
    assert '<table class="timeline">' in page
    assert "The Oskholm District Court sentenced Lindqvist to five years." in page
    # citations open the document at the quoted span
    assert 'href="/documents/ledger-2021-07-13#doc-ledger-2021-07-13-' in page
    assert "Kelmsund" not in page  # only this story
    # the duplicate of one of its sources is listed, with why
    assert "wire-0712-copy" in page and "same text as wire-0712" in page
    # strict CSP: the stylesheet and the script are files
    assert '<link rel="stylesheet" href="/static/report.css">' in page
    assert '<script src="/static/ui.js" defer></script>' in page
    assert "<style" not in page and not re.search(r"<script(?![^>]*\bsrc=)", page)
    assert " on" + "click=" not in page
    assert client.get("/static/report.css").headers["content-type"].startswith("text/css")
    assert client.get("/static/ui.js").status_code == 200


def test_the_sources_panel_names_outlet_title_date_basis_and_url(client: TestClient) -> None:
    page = client.get("/stories/s-lindqvist").text
    start = page.index('<details class="sources">')
    panel = page[start : page.index("</details>", start)]
    assert "Baltic Wire" in panel and "(sources file)" in panel
    assert "Reporter jailed in Oskholm" in panel
    assert "2021-07-12" in panel and "(page metadata)" in panel
    assert 'href="https://wire.example/2021/07/12/reporter-jailed"' in panel


def test_filters_narrow_timeline_conflicts_and_facts(client: TestClient) -> None:
    page = client.get("/stories/s-lindqvist", params={"outlet": "Northern Ledger"}).text
    assert "Filtered: 2 of 3 events" in page
    page = client.get("/stories/s-lindqvist", params={"from": "2021-07", "to": "2021-12"}).text
    assert "Filtered: 2 of 3 events" in page
    timeline = page.split('<table class="timeline">')[1].split("</table>")[0]
    assert "The Oskholm District Court sentenced Lindqvist" in timeline
    assert "2021-03-04" not in timeline
    page = client.get("/stories/s-lindqvist", params={"kind": "role"}).text
    assert "0 of 1 conflicts" in page
    entity = sample_corpus().stories[0].entities[0]
    page = client.get("/stories/s-lindqvist", params={"entity": entity.id}).text
    assert "Filtered:" in page and f'value="{entity.id}" selected' in page
    start = page.index('<form class="filters"')
    form = page[start : page.index("</form>", start)]
    for label in ("Person or organisation", "Outlet", "From", "To", "Conflict kind"):
        assert f">{label}</label>" in form


def test_entity_page_shows_spellings_roles_events_and_mentions(client: TestClient) -> None:
    story = sample_corpus().stories[0]
    lindqvist = next(e for e in story.entities if e.name == "Mara Lindqvist")
    page = client.get(f"/stories/s-lindqvist/entities/{lindqvist.id}").text
    assert "<h1>Mara Lindqvist</h1>" in page
    assert "Spellings merged into this entity" in page
    for alias in lindqvist.aliases:
        assert alias in page
    assert "Age and other details, per source" in page and "age: 35" in page
    assert "Events (" in page and "Conflicts (1)" in page
    assert "Every mention" in page
    first = lindqvist.mentions[0]
    assert f"/documents/{first.doc}?hl={first.start}-{first.end}#passage" in page
    assert client.get("/stories/s-lindqvist/entities/nobody").status_code == 404


def test_search_expands_merged_spellings_and_opens_the_passage(client: TestClient) -> None:
    # "Ms. Lindqvist" is only in the wire story; the ledger spells her "Mara Lindqvist".
    page = client.get("/search", params={"q": "Mara Lindqvist"}).text
    assert "Also searched as:" in page and "Ms. Lindqvist" in page
    assert "wire-0712" in page and "ledger-2021-07-13" in page
    href = re.search(r'href="(/documents/wire-0712\?[^"]+)"', page)
    assert href is not None and href.group(1).endswith("#passage")
    doc = client.get(href.group(1).replace("&amp;", "&").split("#")[0]).text
    assert '<a class="anchor" id="passage"></a>' in doc
    assert '<mark class="hit' in doc
    assert "match(es) for “Mara Lindqvist”" in doc


def test_search_page_escapes_the_query_and_marks_hits(client: TestClient) -> None:
    page = client.get("/search", params={"q": "<script>x</script> court"}).text
    assert "<script>x" not in page
    assert 'value="&lt;script&gt;x&lt;/script&gt; court"' in page
    page = client.get("/search", params={"q": "ferry"}).text
    assert '<a href="/documents/harbour?q=ferry&amp;at=' in page
    assert "<mark>ferry</mark>" in page
    assert "Type words" in client.get("/search").text
    assert "Nothing found" in client.get("/search", params={"q": "zzzz"}).text


def test_rejected_inputs_are_listed_and_each_document_has_a_page(client: TestClient) -> None:
    listing = client.get("/documents", params={"status": "rejected"}).text
    assert "Rejected inputs (1)" in listing
    assert '<a href="/documents/blank">blank</a>' in listing and "empty file" in listing
    page = client.get("/documents/blank").text
    assert "rejected: empty file" in page and "In no story" in page
    page = client.get("/documents/ledger-2021-07-13").text
    assert '<mark class="cited">' in page  # its citations are highlighted
    assert "removed: related-links" in page  # and what cleaning removed is shown
    assert "Home | World | Sport" in page
    assert client.get("/documents", params={"status": "x"}).status_code == 400


def test_the_document_list_is_paged_and_keeps_its_filter(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ui, "DOCUMENTS_PAGE_SIZE", 2)
    rows = re.compile(r'<tr><td><a href="/documents/([^"]+)">')
    pages = (client.get("/documents", params={"page": n}).text for n in (1, 2, 3))
    everything = [rows.findall(page) for page in pages]
    assert [len(page) for page in everything] == [2, 2, 1]
    assert len({d for page in everything for d in page}) == 5  # every document once
    first = client.get("/documents", params={"status": "ok"}).text
    assert "Documents (" in first
    assert '<a href="/documents?status=ok&amp;page=2" rel="next">Next</a>' in first
    assert client.get("/documents", params={"page": 9}).status_code == 404


def test_downloads(client: TestClient, contract_path: Path) -> None:
    story = client.get("/stories/s-lindqvist/download/story.json")
    assert story.headers["content-disposition"].startswith("attachment;")
    data = story.json()
    assert validate_against_contract(data, contract_path) == []
    assert check_citations(data) == []
    assert [s["id"] for s in data["stories"]] == ["s-lindqvist"]
    events = list(
        csv.DictReader(io.StringIO(client.get("/stories/s-lindqvist/download/events.csv").text))
    )
    assert len(events) == 3 and events[0]["date"] == "2021-03-04"
    assert (
        events[2]["approximate"] == "yes" and events[0]["outlets"] == "Northern Ledger; Baltic Wire"
    )
    entities = client.get("/stories/s-lindqvist/download/entities.csv").text
    assert "Mara Lindqvist" in entities and "defence lawyer" in entities
    claims = client.get("/stories/s-lindqvist/download/claims.csv").text
    assert claims.splitlines()[0].startswith("id,document,outlet,start,end,quote")
    ftm = [
        json.loads(line)
        for line in client.get("/stories/s-lindqvist/download/entities.ftm.json").text.splitlines()
    ]
    schemata = {e["schema"] for e in ftm}
    assert {"Article", "Person", "Mention", "Event", "Documentation", "Note"} <= schemata
    assert client.get("/stories/s-lindqvist/download/x.exe").status_code == 404


def test_review_marks_are_stored_and_survive_a_rebuild(
    client: TestClient, store_path: Path, fake_build: FakeBuild
) -> None:
    story = sample_corpus().stories[0]
    conflict = story.conflicts[0]
    key = conflict_key(conflict)
    page = client.get("/stories/s-lindqvist").text
    assert f'data-key="{key}"' in page and "not reviewed" in page
    response = client.post(
        "/api/reviews", json={"kind": "conflict", "key": key, "decision": "dismissed"}
    )
    assert response.status_code == 200, response.text
    assert response.json()["review"]["decision"] == "dismissed"
    lindqvist = next(e for e in story.entities if e.aliases)
    merge = merge_key(lindqvist, lindqvist.aliases[0])
    client.post("/api/reviews", json={"kind": "merge", "key": merge, "decision": "confirmed"})
    # rebuild: the same material stored again replaces every story row
    with Store(store_path) as store:
        store.save_corpus(sample_corpus())
    page = client.get("/stories/s-lindqvist").text
    control = page[page.index(f'data-key="{key}"') :]
    assert control.index("review-dismissed") < control.index("</span>")
    assert 'class="badge review-confirmed"' in page
    marks = client.get("/api/reviews").json()["reviews"]
    assert {(m["kind"], m["decision"]) for m in marks} == {
        ("conflict", "dismissed"),
        ("merge", "confirmed"),
    }
    client.post("/api/reviews", json={"kind": "conflict", "key": key, "decision": "open"})
    assert len(client.get("/api/reviews").json()["reviews"]) == 1


def test_review_requests_are_checked(client: TestClient) -> None:
    for body, needle in (
        ({"kind": "story", "key": "x", "decision": "confirmed"}, "kind must be"),
        ({"kind": "merge", "key": "", "decision": "confirmed"}, "key must be"),
        ({"kind": "merge", "key": "x", "decision": "maybe"}, "decision must be"),
        ({"kind": "merge", "key": "x", "decision": "confirmed", "who": 1}, "unknown field"),
    ):
        response = client.post("/api/reviews", json=body)
        assert response.status_code == 400 and needle in response.json()["error"]["message"]


def test_the_app_serves_a_store_without_stories(tmp_path: Path) -> None:
    with local_client(create_app(tmp_path / "empty.sqlite")) as client:
        assert "No stories yet" in client.get("/").text


def test_entity_page_lists_the_other_stories_of_the_same_person(tmp_path: Path) -> None:
    """Entity ids are the same in every story: the page of a person links the other
    stories of the store that person is in."""
    corpus = sample_corpus()
    first, second = corpus.stories
    named = next(e for e in first.entities if e.name == "Mara Lindqvist")
    person = replace(named, id="p-mara-lindkvist")
    first = replace(first, entities=tuple(person if e is named else e for e in first.entities))
    stranger = replace(person, id="p-someone-else")
    second = replace(second, entities=(*second.entities, person, stranger))
    path = tmp_path / "two.sqlite"
    with Store(path) as store:
        store.save_corpus(replace(corpus, stories=(first, second)))
    with local_client(create_app(path, build=FakeBuild(corpus))) as client:
        page = client.get(f"/stories/{first.id}/entities/{person.id}").text
        assert "Also in another story" in page
        assert f'href="/stories/{second.id}/entities/{person.id}"' in page
        other = client.get(f"/stories/{second.id}/entities/{person.id}").text
        assert f'href="/stories/{first.id}/entities/{person.id}"' in other
        alone = client.get(f"/stories/{second.id}/entities/p-someone-else").text
        assert "Also in" not in alone


def test_entity_page_lists_the_descriptions_linked_to_the_person(tmp_path: Path) -> None:
    """A description linked to a person ("the judge") is listed on the person's page with
    why it was linked and the evidence, after a round trip through the store."""
    corpus = sample_corpus()
    story = corpus.stories[0]
    named = next(e for e in story.entities if e.name == "Mara Lindqvist")
    first = named.mentions[0]
    link = DescriptionLink(
        citation=first, role="activist", basis="only-holder", evidence=named.mentions[-1]
    )
    person = replace(named, descriptions=(link,))
    story = replace(story, entities=tuple(person if e is named else e for e in story.entities))
    path = tmp_path / "described.sqlite"
    with Store(path) as store:
        store.save_corpus(replace(corpus, stories=(story, *corpus.stories[1:])))
    with local_client(create_app(path, build=FakeBuild(corpus))) as client:
        page = client.get(f"/stories/{story.id}/entities/{person.id}").text
    assert "Described as (1)" in page
    assert "the only one with this title in the story" in page
    assert html.escape(named.mentions[-1].quote) in page


def test_the_entity_page_marks_a_role_another_source_disputes(tmp_path: Path) -> None:
    corpus = with_disputed_side(sample_corpus())
    story = corpus.stories[0]
    brink = next(e for e in story.entities if e.name == "Ansel Brink")
    path = tmp_path / "disputed.sqlite"
    with Store(path) as store:
        store.save_corpus(corpus)
    with local_client(create_app(path, build=FakeBuild(corpus))) as client:
        page = html.unescape(client.get(f"/stories/{story.id}/entities/{brink.id}").text)
    disputed = "(disputed: another source gives another side)"
    assert f"defence lawyer {disputed}" in page and f"prosecution lawyer {disputed}" in page
