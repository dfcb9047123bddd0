"""The whole pipeline on the bundled fictional example, against a careful analyst's reading.

``examples/zelenogorsk`` is one invented case told by six pages (see
``examples/README.md``); ``tests/gold/example_expected.json`` says what a
correct dossier contains. The pipeline runs once per module. Each test checks
one stage's contribution so that a failure names the stage to fix.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from dossier.model import Citation, Conflict, Corpus, Document, Entity, Event, Story
from dossier.settings import Settings

pytestmark = pytest.mark.slow

GOLD_PATH = Path(__file__).resolve().parent / "gold" / "example_expected.json"


# ------------------------------------------------------------------ fixtures


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    return data


@pytest.fixture(scope="module")
def corpus(example_dir: Path, settings: Settings, resources: Any) -> Corpus:
    try:
        from dossier.pipeline import run_pipeline
    except ImportError as exc:  # a stage is not there yet: every test here fails, loudly
        pytest.fail(f"dossier.pipeline cannot be imported yet: {exc}")
    return run_pipeline([example_dir], settings, resources)


@pytest.fixture(scope="module")
def output(corpus: Corpus) -> dict[str, Any]:
    from dossier.report.json_out import corpus_to_json

    data: dict[str, Any] = corpus_to_json(corpus)
    return data


@pytest.fixture(scope="module")
def docs(corpus: Corpus) -> dict[str, Document]:
    return corpus.by_id()


@pytest.fixture(scope="module")
def story(corpus: Corpus) -> Story:
    if not corpus.stories:
        pytest.fail("the pipeline produced no story")
    # The story of the case is the one holding most documents.
    return max(corpus.stories, key=lambda s: len(s.document_ids))


# ------------------------------------------------------------------ helpers


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def _outlet_key(name: str | None) -> str:
    return re.sub(r"^the\s+", "", _norm(name or ""))


def _forms(entity: Entity) -> set[str]:
    return {_norm(entity.name), *(_norm(a) for a in entity.aliases)}


def _find_entity(entities: tuple[Entity, ...], form: str) -> list[Entity]:
    key = _norm(form)
    return [e for e in entities if key in _forms(e)]


def _event_docs(event: Event) -> set[str]:
    return {c.doc for c in event.citations}


def _event_haystack(event: Event) -> str:
    return _norm(" ".join([event.text, *(c.quote for c in event.citations)]))


def _conflict_docs(conflict: Conflict) -> list[set[str]]:
    return [{c.doc for c in side.citations} for side in conflict.sides]


def _all_citations(corpus: Corpus) -> Iterator[Citation]:
    for s in corpus.stories:
        for e in s.entities:
            yield from e.mentions
            yield from (r.citation for r in e.roles)
            yield from (a.citation for a in e.attributes)
        for ev in s.events:
            yield from ev.citations
        for claim in s.claims:
            yield claim.citation
        for cf in s.conflicts:
            for side in cf.sides:
                yield from side.citations
        for corr in s.corroborations:
            yield from corr.citations
        for sentence in (s.headline, *s.summary):
            if sentence is not None:
                yield from sentence.citations


# ------------------------------------------------------------------ output contract


def test_output_validates_against_the_contract(output: dict[str, Any], contract_path: Path) -> None:
    schema = json.loads(contract_path.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(output)


def test_every_citation_quotes_its_document(corpus: Corpus, docs: dict[str, Document]) -> None:
    bad = [
        c
        for c in _all_citations(corpus)
        if c.doc not in docs or docs[c.doc].clean_text[c.start : c.end] != c.quote
    ]
    assert not bad, f"{len(bad)} citations do not match their document, e.g. {bad[:3]}"


# ------------------------------------------------------------------ ingest + clean


def test_every_document_is_read(docs: dict[str, Document], gold: dict[str, Any]) -> None:
    assert set(docs) == set(gold["documents"])


@pytest.mark.parametrize(
    "doc_id",
    [
        "borderland_detained",
        "northern_courier_trial",
        "meridian_verdict",
        "eastgate_reprint",
        "borderland_reaction",
        "lantern_feature",
    ],
)
def test_clean_text_keeps_the_article_and_drops_boilerplate(
    doc_id: str, docs: dict[str, Document], gold: dict[str, Any]
) -> None:
    expected = gold["documents"][doc_id]
    text = _norm(docs[doc_id].clean_text)
    missing = [s for s in expected["must_include"] if _norm(s) not in text]
    kept = [s for s in expected["must_exclude"] if _norm(s) in text]
    repeated = [s for s in expected["at_most_once"] if text.count(_norm(s)) > 1]
    assert not missing, f"article text lost: {missing}"
    assert not kept, f"boilerplate kept: {kept}"
    assert not repeated, f"printed twice (caption repeat): {repeated}"


def test_outlet_title_author(docs: dict[str, Document], gold: dict[str, Any]) -> None:
    wrong = []
    for doc_id, expected in gold["documents"].items():
        doc = docs[doc_id]
        if _outlet_key(doc.outlet) != _outlet_key(expected["outlet"]):
            wrong.append((doc_id, "outlet", doc.outlet, expected["outlet"]))
        if _norm(doc.title or "") != _norm(expected["title"]):
            wrong.append((doc_id, "title", doc.title, expected["title"]))
        author = expected.get("author")
        if author and _norm(doc.author or "") != _norm(author):
            wrong.append((doc_id, "author", doc.author, author))
    assert not wrong, "\n".join(map(str, wrong))


# ------------------------------------------------------------------ dedup


def test_syndicated_copy_is_a_duplicate_and_nothing_else_is(
    docs: dict[str, Document], gold: dict[str, Any]
) -> None:
    for doc_id, expected in gold["documents"].items():
        doc = docs[doc_id]
        assert doc.status == expected["status"], (doc_id, doc.status, doc.reason)
        assert doc.duplicate_of == expected.get("duplicate_of"), doc_id


def test_reused_background_paragraph_is_a_shared_span(
    docs: dict[str, Document], gold: dict[str, Any]
) -> None:
    for shared in gold["shared_spans"]:
        first, second = shared["docs"]
        for this, other in ((first, second), (second, first)):
            doc = docs[this]
            where = doc.clean_text.find(shared["text"])
            assert where >= 0, f"{shared['text']!r} not in {this}"
            covering = [
                (s, e)
                for s, e, o in doc.shared_spans
                if o == other and s <= where and where + len(shared["text"]) <= e
            ]
            assert covering, f"{this}: no shared span with {other} covers the reused paragraph"


# ------------------------------------------------------------------ dates and flags


def test_publication_dates(docs: dict[str, Document], gold: dict[str, Any]) -> None:
    wrong = []
    for doc_id, expected in gold["documents"].items():
        doc = docs[doc_id]
        if expected.get("published"):
            got = doc.published.date.value if doc.published.date else None
            if got != expected["published"]:
                wrong.append((doc_id, "published", got, expected["published"]))
        if expected.get("page_date_contains"):
            page = doc.published.page_date or doc.page_date_text or ""
            if expected["page_date_contains"] not in page:
                wrong.append((doc_id, "page date", page, expected["page_date_contains"]))
    assert not wrong, "\n".join(map(str, wrong))


def test_flags(docs: dict[str, Document], gold: dict[str, Any]) -> None:
    problems = []
    for doc_id, expected in gold["documents"].items():
        if "flags" not in expected:
            continue
        kinds = [f"{f.kind} {f.message}".lower() for f in docs[doc_id].flags]
        for pattern in expected["flags"]:
            if not any(re.search(pattern, k) for k in kinds):
                problems.append(f"{doc_id}: no flag matching {pattern!r} (has {kinds})")
        if not expected["flags"] and kinds:
            problems.append(f"{doc_id}: unexpected flags {kinds}")
    assert not problems, "\n".join(problems)


# ------------------------------------------------------------------ stories


def test_one_story_with_every_article(corpus: Corpus, gold: dict[str, Any]) -> None:
    expected = gold["story"]
    assert len(corpus.stories) == expected["count"], [s.document_ids for s in corpus.stories]
    assert set(expected["documents"]) <= set(corpus.stories[0].document_ids)


# ------------------------------------------------------------------ entities


def _entity_cases() -> list[str]:
    data = json.loads(GOLD_PATH.read_text(encoding="utf-8"))
    return [e["key"] for e in data["entities"]]


@pytest.mark.parametrize("key", _entity_cases())
def test_entity_spellings_merged_with_roles(key: str, story: Story, gold: dict[str, Any]) -> None:
    expected = next(e for e in gold["entities"] if e["key"] == key)
    holders = {e.id: e for form in expected["forms"] for e in _find_entity(story.entities, form)}
    assert holders, f"no entity for {key!r}"
    assert len(holders) == 1, f"{key!r} is split over {len(holders)} entities: " + "; ".join(
        f"{e.name} {e.aliases}" for e in holders.values()
    )
    entity = next(iter(holders.values()))
    forms = _forms(entity)
    missing = [f for f in expected["forms"] if _norm(f) not in forms]
    assert not missing, f"{entity.name}: spellings not merged: {missing} (aliases {entity.aliases})"
    assert entity.name in expected["name_one_of"], entity.name
    assert entity.type == expected["type"], entity.type
    roles = set(entity.role_names)
    if expected["roles_any"]:
        assert roles & set(expected["roles_any"]), f"{entity.name}: roles {roles}"
    assert set(expected["roles_all"]) <= roles, f"{entity.name}: roles {roles}"
    assert not roles & set(expected["roles_forbidden"]), f"{entity.name}: roles {roles}"
    if expected["affiliation_contains"]:
        affiliations = [str(a.value) for a in entity.attributes if a.name == "affiliation"]
        assert any(
            needle in value for value in affiliations for needle in expected["affiliation_contains"]
        ), f"{entity.name}: affiliations {affiliations}"


def test_no_false_merges(story: Story, gold: dict[str, Any]) -> None:
    """No entity holds spellings of two different people or organisations."""
    owner = {_norm(f): e["key"] for e in gold["entities"] for f in e["forms"]}
    bad = []
    for entity in story.entities:
        keys = {owner[f] for f in _forms(entity) if f in owner}
        if len(keys) > 1:
            bad.append(f"{entity.name} {entity.aliases} mixes {sorted(keys)}")
    assert not bad, "\n".join(bad)


def test_no_spurious_people(story: Story, gold: dict[str, Any]) -> None:
    """The text names no other person than the gold ones (and the bylines)."""
    known = {_norm(f) for e in gold["entities"] if e["type"] == "PERSON" for f in e["forms"]} | {
        _norm(name) for name in gold["people_without_roles"]
    }
    spurious = [
        f"{e.name} {e.aliases}"
        for e in story.entities
        if e.type == "PERSON" and not _forms(e) & known
    ]
    assert not spurious, spurious


def test_ages(story: Story, gold: dict[str, Any]) -> None:
    """Every stated age, on the right person (named by the gold key), and no other."""
    owner = {_norm(f): e["key"] for e in gold["entities"] for f in e["forms"]}
    got: dict[str, set[object]] = {}
    for entity in story.entities:
        ages = {a.value for a in entity.attributes if a.name == "age"}
        if ages:
            keys = sorted({owner[f] for f in _forms(entity) if f in owner}) or [entity.name]
            got.setdefault(keys[0], set()).update(int(v) if str(v).isdigit() else v for v in ages)
    expected = {name: {age} for name, age in gold["ages"].items()}
    assert got == expected


def test_bylines_are_not_actors(story: Story, gold: dict[str, Any]) -> None:
    actors = [
        (e.name, e.role_names)
        for name in gold["people_without_roles"]
        for e in _find_entity(story.entities, name)
        if e.roles
    ]
    assert not actors, actors


# ------------------------------------------------------------------ events


@pytest.mark.parametrize(
    "index", range(len(json.loads(GOLD_PATH.read_text(encoding="utf-8"))["events"]))
)
def test_expected_event(index: int, story: Story, gold: dict[str, Any]) -> None:
    expected = gold["events"][index]
    on_date = [e for e in story.events if e.date.value == expected["date"]]
    assert on_date, (
        f"no event dated {expected['date']} (dates: {[e.date.value for e in story.events]})"
    )
    matching = [
        e for e in on_date if any(k.lower() in _event_haystack(e) for k in expected["keywords"])
    ]
    assert matching, (
        f"no {expected['date']} event about {expected['keywords']}: {[e.text for e in on_date]}"
    )
    best = max(matching, key=lambda e: len(_event_docs(e) & set(expected["docs"])))
    missing = set(expected["docs"]) - _event_docs(best)
    assert not missing, f"{expected['date']} {best.text!r}: not cited from {sorted(missing)}"


def test_no_happening_is_listed_twice(story: Story, gold: dict[str, Any]) -> None:
    """Each expected happening is one event on its date, not one per sentence that reports it."""
    repeated = []
    for expected in gold["events"]:
        same = [
            e.text
            for e in story.events
            if e.date.value == expected["date"]
            and any(k.lower() in _event_haystack(e) for k in expected["keywords"])
        ]
        if len(same) > 1:
            repeated.append(f"{expected['date']} {expected['keywords']}: {same}")
    assert not repeated, "\n".join(repeated)


def test_no_event_from_boilerplate_or_misread_dates(story: Story, gold: dict[str, Any]) -> None:
    allowed = {e["date"] for e in gold["events"]} | set(gold["event_dates_optional"])
    forbidden = set(gold["event_dates_forbidden"])
    bad = []
    for event in story.events:
        value = event.date.value
        misread = value in forbidden or event.date.year > gold["event_max_year"]
        unexpected = value not in allowed and not event.date.approximate
        if misread or unexpected:
            bad.append((value, event.text))
    assert not bad, "\n".join(map(str, bad))


def test_timeline_is_oldest_first(story: Story) -> None:
    keys = [e.date.sort_key for e in story.events]
    assert keys == sorted(keys)


# ------------------------------------------------------------------ crosscheck


def test_conflict_kinds(story: Story, gold: dict[str, Any]) -> None:
    kinds = sorted({c.kind for c in story.conflicts})
    assert kinds == sorted(gold["conflicts"]["kinds"]), [
        (c.kind, c.description) for c in story.conflicts
    ]


def test_role_conflict_about_the_defence_lawyer(story: Story, gold: dict[str, Any]) -> None:
    expected = gold["conflicts"]["role"]
    role = [c for c in story.conflicts if c.kind == "role"]
    assert len(role) == expected["count"], [c.description for c in role]
    conflict = role[0]
    text = _norm(
        " ".join([conflict.description, *(s.text for s in conflict.sides)])
        + " ".join(c.quote for s in conflict.sides for c in s.citations)
    )
    assert _norm(expected["about"]).split()[-1] in text, conflict.description
    sides = _conflict_docs(conflict)
    one = set(expected["docs_one_side"])
    assert any(one <= side for side in sides), sides
    assert any(side & set(expected["docs_other_side_any"]) for side in sides if not one <= side), (
        sides
    )


def test_extradition_expectation_is_superseded(story: Story, gold: dict[str, Any]) -> None:
    expected = gold["conflicts"]["superseded"]
    found = [c for c in story.conflicts if c.kind == "superseded"]
    assert expected["min_count"] <= len(found) <= expected["max_count"], [
        c.description for c in found
    ]
    for conflict in found:
        old_sides = [
            side
            for side in conflict.sides
            if {c.doc for c in side.citations} & set(expected["old_docs"])
            and any(
                k in _norm(" ".join(c.quote for c in side.citations))
                for k in expected["old_keywords"]
            )
        ]
        assert old_sides, f"superseded conflict without the early expectation: {conflict}"
        newer = [
            side
            for side in conflict.sides
            if {c.doc for c in side.citations} & set(expected["new_docs_any"])
        ]
        assert newer, f"superseded conflict without the later ruling: {conflict}"


# ------------------------------------------------------------------ summary


def test_headline_states_the_latest_state(story: Story, gold: dict[str, Any]) -> None:
    expected = gold["headline"]
    assert story.headline is not None
    text = _norm(story.headline.text)
    assert any(k in text for k in expected["keywords_any"]), story.headline.text
    cited = {c.doc for c in story.headline.citations}
    assert cited & set(expected["cites_any"]), cited


def test_summary_is_short_and_cited(story: Story, settings: Settings) -> None:
    assert story.summary, "no summary"
    words = sum(len(s.text.split()) for s in story.summary)
    assert words <= settings.summarize.max_words + 15, words
    assert all(s.citations for s in story.summary)


def test_summary_states_the_outcome_not_the_old_expectation(
    story: Story, gold: dict[str, Any]
) -> None:
    expected = gold["summary"]
    text = _norm(" ".join(s.text for s in story.summary))
    missing = [
        group for group in expected["must_mention_each"] if not any(k in text for k in group)
    ]
    stale = [phrase for phrase in expected["must_not_say"] if phrase in text]
    assert not missing, f"summary omits {missing}: {text}"
    assert not stale, f"summary repeats a superseded expectation {stale}: {text}"
