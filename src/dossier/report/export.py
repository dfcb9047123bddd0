"""A story as files other tools read: its own ``dossier/1`` JSON, CSV tables (events,
entities, claims) and FollowTheMoney entities (for Aleph and the tools around it).

FollowTheMoney mapping (``followthemoney`` package, entities as one JSON object per
line, the ``.ftm.json`` convention):

* every source document → ``Article`` (title, publisher, URL, date, language, body text);
* people → ``Person``, organisations → ``Organization``, places → ``Address``, each with
  every merged spelling as ``alias`` and its sources as ``proof``;
* every mention of an entity in a document → ``Mention`` (document, resolved entity,
  the spelling as written);
* every role or detail a source states → ``Documentation`` (document, entity, role, and
  the quoted sentence as ``summary``);
* timeline events → ``Event`` (date, what happened, ``involved`` entities, ``proof``);
* conflicts between sources → ``Note`` on the entities they concern, quoting each side.

Ids are derived from the story and the records' own ids, so the same build exports the
same ids and a later export updates the same entities in Aleph.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any

from dossier.model import Document, Entity, Story
from dossier.report.json_out import SCHEMA_ID, document_to_json, story_to_json

_FTM_SCHEMA = {"PERSON": "Person", "ORG": "Organization", "PLACE": "Address", "OTHER": "Thing"}


def story_dossier(story: Story, docs: Mapping[str, Document], generated_at: str = "") -> dict:
    """The story alone as a ``dossier/1`` file: its documents (and theirs duplicates and the
    documents its citations point into) and the story."""
    cited = {c.doc for e in story.events for c in e.citations}
    ids = list(dict.fromkeys([*story.document_ids, *sorted(cited)]))
    ids += [d.id for d in docs.values() if d.duplicate_of in ids and d.id not in ids]
    return {
        "schema": SCHEMA_ID,
        "generated_at": generated_at,
        "documents": [document_to_json(docs[i]) for i in ids if i in docs],
        "stories": [story_to_json(story, docs)],
    }


def _csv(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def _outlets(doc_ids: Iterable[str], docs: Mapping[str, Document]) -> str:
    names = dict.fromkeys((docs[d].outlet or d) if d in docs else d for d in doc_ids)
    return "; ".join(names)


def events_csv(story: Story, docs: Mapping[str, Document]) -> str:
    """One row per timeline event: date, what happened, who reports it, the first quote."""
    rows = []
    for e in story.events:
        doc_ids = list(dict.fromkeys(c.doc for c in e.citations))
        rows.append(
            (
                e.id,
                e.date.value,
                e.date.granularity,
                "yes" if e.date.approximate else "no",
                e.text,
                _outlets(doc_ids, docs),
                "; ".join(doc_ids),
                "; ".join(e.entity_ids),
                e.citations[0].quote if e.citations else "",
            )
        )
    # not language: CSV column names of the export format
    header = ("id", "date", "granularity", "approximate", "what happened", "outlets")
    return _csv((*header, "documents", "entities", "first quote"), rows)


def entities_csv(story: Story, docs: Mapping[str, Document]) -> str:
    """One row per person, organisation or place, with every spelling, role and detail."""
    rows = []
    for e in story.entities:
        attributes = "; ".join(f"{a.name}={a.value}" for a in e.attributes)
        doc_ids = list(dict.fromkeys(m.doc for m in e.mentions))
        rows.append(
            (
                e.id,
                e.type,
                e.name,
                "; ".join(e.aliases),
                "; ".join(e.role_names),
                attributes,
                len(e.mentions),
                "; ".join(doc_ids),
            )
        )
    # not language: CSV column names of the export format
    header = ("id", "type", "name", "also written", "roles", "details", "mentions", "documents")
    return _csv(header, rows)


def claims_csv(story: Story, docs: Mapping[str, Document]) -> str:
    """One row per claim: where it is stated, who asserts it, how, and what it is about."""
    rows = [
        (
            c.id,
            c.citation.doc,
            _outlets([c.citation.doc], docs),
            c.citation.start,
            c.citation.end,
            c.citation.quote,
            c.speaker or "",
            c.modality.value,
            "yes" if c.shared else "no",
            "; ".join(d.value for d in c.dates),
            "; ".join(c.numbers),
            "; ".join(c.entity_ids),
        )
        for c in story.claims
    ]
    # not language: CSV column names of the export format
    header = ("id", "document", "outlet", "start", "end", "quote", "speaker", "modality")
    return _csv((*header, "shared", "dates", "numbers", "entities"), rows)


# ---------------------------------------------------------------- FollowTheMoney


def ftm_entities(story: Story, docs: Mapping[str, Document]) -> Iterator[dict[str, Any]]:
    """The story as FollowTheMoney entities (plain dicts: ``{id, schema, properties}``), each
    id once (a role stated twice in one passage is one ``Documentation``)."""
    seen: set[str] = set()
    for entity in _ftm_all(story, docs):
        if entity["id"] not in seen:
            seen.add(entity["id"])
            yield entity


def _ftm_all(story: Story, docs: Mapping[str, Document]) -> Iterator[dict[str, Any]]:
    from followthemoney import model

    def make(schema: str, *key: str) -> Any:
        proxy = model.make_entity(schema)
        proxy.make_id("dossier", story.id, *key)
        return proxy

    articles: dict[str, Any] = {}
    for doc_id in story.document_ids:
        doc = docs.get(doc_id)
        if doc is None:
            continue
        article = make("Article", "doc", doc.id)
        article.add("title", doc.title or doc.id)
        article.add("publisher", doc.outlet)
        article.add("sourceUrl", doc.url)
        if doc.published.date is not None:
            article.add("publishedAt", doc.published.date.value)
        if doc.declared is not None and doc.declared.language:
            article.add("language", doc.declared.language)
        article.add("bodyText", doc.clean_text)
        articles[doc.id] = article
        yield article.to_dict()
    people: dict[str, Any] = {}
    for entity in story.entities:
        proxy = make(_FTM_SCHEMA.get(entity.type, "Thing"), "entity", entity.id)
        proxy.add("name", entity.name)
        if entity.type == "PLACE":
            proxy.add("full", entity.name)
        proxy.add("alias", list(entity.aliases))
        proxy.add("proof", [articles[d].id for d in _docs_of(entity) if d in articles])
        people[entity.id] = proxy
        yield proxy.to_dict()
        yield from _entity_records(make, entity, proxy, articles)
    yield from _events(make, story, people, articles)
    yield from _notes(make, story, people, articles)


def _docs_of(entity: Entity) -> list[str]:
    return list(dict.fromkeys(m.doc for m in entity.mentions))


def _entity_records(
    make: Any, entity: Entity, proxy: Any, articles: Mapping[str, Any]
) -> Iterator[dict[str, Any]]:
    spellings: dict[tuple[str, str], None] = {}
    for m in entity.mentions:
        spellings.setdefault((m.doc, m.quote), None)
    for doc_id, spelling in spellings:
        if doc_id not in articles:
            continue
        mention = make("Mention", "mention", entity.id, doc_id, spelling)
        mention.add("document", articles[doc_id].id)
        mention.add("resolved", proxy.id)
        mention.add("name", spelling)
        mention.add("detectedSchema", proxy.schema.name)
        yield mention.to_dict()
    claims = [(r.role, r.citation) for r in entity.roles]
    claims += [(f"{a.name}: {a.value}", a.citation) for a in entity.attributes]
    for role, cite in claims:
        if cite.doc not in articles:
            continue
        doc = make("Documentation", "role", entity.id, cite.doc, role, str(cite.start))
        doc.add("document", articles[cite.doc].id)
        doc.add("entity", proxy.id)
        doc.add("role", role)
        doc.add("summary", cite.quote)
        yield doc.to_dict()


def _events(
    make: Any, story: Story, people: Mapping[str, Any], articles: Mapping[str, Any]
) -> Iterator[dict[str, Any]]:
    for event in story.events:
        proxy = make("Event", "event", event.id)
        proxy.add("name", event.text[:200])
        proxy.add("summary", event.text)
        proxy.add("date", event.date.value)
        proxy.add("involved", [people[i].id for i in event.entity_ids if i in people])
        proxy.add("proof", [articles[c.doc].id for c in event.citations if c.doc in articles])
        yield proxy.to_dict()


def _notes(
    make: Any, story: Story, people: Mapping[str, Any], articles: Mapping[str, Any]
) -> Iterator[dict[str, Any]]:
    for conflict in story.conflicts:
        quotes = [c for side in conflict.sides for c in side.citations]
        concerned = [
            p
            for e in story.entities
            if (p := people.get(e.id)) is not None
            and any(n in c.quote for c in quotes for n in (e.name, *e.aliases))
        ]
        note = make("Note", "conflict", conflict.id)
        note.add("name", f"{conflict.kind}: {conflict.description}"[:200])
        sides = "\n".join(
            f"- {side.text}: " + " | ".join(f"“{c.quote}” ({c.doc})" for c in side.citations)
            for side in conflict.sides
        )
        note.add("description", f"{conflict.description}\n{sides}")
        note.add("entity", [p.id for p in concerned])
        note.add("proof", [articles[c.doc].id for c in quotes if c.doc in articles])
        yield note.to_dict()


def ftm_lines(story: Story, docs: Mapping[str, Document]) -> str:
    """FollowTheMoney entities, one JSON object per line (``.ftm.json``)."""
    return "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in ftm_entities(story, docs))


# ---------------------------------------------------------------- from a store

# not language: export format names
FORMATS = ("ftm", "json", "events", "entities", "claims")


class ExportError(ValueError):
    """What was asked cannot be exported (no such story, a table format for many stories)."""


def export_from_store(store: Any, fmt: str, story_id: str | None = None) -> str:
    """The text of one export (``FORMATS``) of one story, or of every story of ``store``
    (a :class:`dossier.store.Store`) for ``ftm`` and ``json``."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    listed = [s.id for s in store.list_stories()]
    if story_id is not None and story_id not in listed:
        raise ExportError(f"no story with id {story_id!r} in the store")
    ids = [story_id] if story_id is not None else listed
    if not ids:
        raise ExportError("the store holds no story yet (run dossier build first)")
    if fmt in ("events", "entities", "claims") and len(ids) > 1:
        raise ExportError(
            f"the store holds {len(ids)} stories: choose one with --story "
            f"(e.g. {ids[0]}) for a {fmt} table"
        )
    stories = [s for s in (store.get_story(i) for i in ids) if s is not None]
    doc_ids = sorted({d for s in stories for d in s.document_ids})
    docs = {d.id: d for d in store.get_documents(doc_ids)}
    docs.update((d.id, d) for d in store.duplicates_of(doc_ids))
    if fmt == "ftm":
        return "".join(ftm_lines(s, docs) for s in stories)
    if fmt == "json":
        if len(stories) == 1:
            return json.dumps(story_dossier(stories[0], docs), ensure_ascii=False, indent=2)
        from dossier.report.json_out import corpus_to_json

        return json.dumps(corpus_to_json(store.load_corpus()), ensure_ascii=False, indent=2)
    # not language: export format names
    table = {"events": events_csv, "entities": entities_csv, "claims": claims_csv}[fmt]
    return table(stories[0], docs)
