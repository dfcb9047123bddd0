"""The ``dossier/1`` JSON output (see ``docs/output.md``) and reading it back.

The required fields follow ``shared/contract/dossier.schema.json``; everything
else the model knows is written as extra fields, so :func:`corpus_from_json`
rebuilds the same :class:`~dossier.model.Corpus` (``raw_text`` only when it
was written with ``include_raw=True``).
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Mapping, Sequence

from dossier.model import AttributeClaim, Corpus, Document, Entity, Event, Removal, Story
from dossier.report.checks import check_citations, validate_against_contract
from dossier.report.codec import dataclass_from_plain, to_plain

__all__ = [
    "SCHEMA_ID",
    "check_citations",
    "corpus_from_json",
    "corpus_to_json",
    "document_to_json",
    "removal_summary",
    "story_to_json",
    "validate_against_contract",
]

SCHEMA_ID = "dossier/1"

JsonObject = dict[str, object]

# Document fields written first, in this order (the rest follow in model order).
# not language: field names
_DOC_ORDER = (
    "id",
    "source",
    "status",
    "reason",
    "duplicate_of",
    "outlet",
    "title",
    "author",
    "dateline_place",
    "published",
    "flags",
    "media_type",
)


def corpus_to_json(corpus: Corpus, *, include_raw: bool = False) -> dict[str, object]:
    """The whole corpus as a ``dossier/1`` object (documents, then stories).

    ``include_raw`` adds each document's ``raw_text`` (off by default: the input
    files already hold it and it doubles the size).
    """
    docs = corpus.by_id()
    out: dict[str, object] = {
        "schema": SCHEMA_ID,
        "generated_at": corpus.generated_at,
        "stage_log": list(corpus.stage_log),
        "documents": [document_to_json(d, include_raw=include_raw) for d in corpus.documents],
        "stories": [story_to_json(s, docs) for s in corpus.stories],
    }
    for f in dataclasses.fields(Corpus):
        if f.name not in out and f.name not in {"documents", "stories"}:
            out[f.name] = to_plain(getattr(corpus, f.name))
    return out


def document_to_json(doc: Document, *, include_raw: bool = False) -> JsonObject:
    plain = to_plain(doc)
    assert isinstance(plain, dict)
    if not include_raw:
        del plain["raw_text"]
    del plain["parse"]  # the token table is an internal product, not part of the case file
    if plain["reason"] is None:
        del plain["reason"]  # the contract types it as a string
    plain["removals"] = {
        "summary": [
            {"reason": reason, "count": count, "lines": lines}
            for reason, count, lines in removal_summary(doc.removals)
        ],
        "blocks": to_plain(doc.removals),
    }
    plain["shared_spans"] = [
        {"start": s, "end": e, "other_doc": other} for s, e, other in doc.shared_spans
    ]
    ordered: JsonObject = {k: plain[k] for k in _DOC_ORDER if k in plain}
    ordered.update((k, v) for k, v in plain.items() if k not in ordered)
    return ordered


def removal_summary(removals: Sequence[Removal]) -> list[tuple[str, int, int]]:
    """(reason, blocks removed, non-blank lines removed) per reason, most lines first."""
    count: Counter[str] = Counter()
    lines: Counter[str] = Counter()
    for r in removals:
        count[r.reason] += 1
        lines[r.reason] += max(1, sum(1 for line in r.text.splitlines() if line.strip()))
    return sorted(
        ((reason, count[reason], lines[reason]) for reason in count),
        key=lambda row: (-row[2], row[0]),
    )


def story_to_json(story: Story, docs: Mapping[str, Document]) -> JsonObject:
    """One story as in ``dossier.json`` (``docs`` gives outlets for the events)."""
    plain = to_plain(story)
    assert isinstance(plain, dict)
    out: JsonObject = {"id": story.id, "title": story.title, "documents": list(story.document_ids)}
    if story.headline is not None:
        out["headline"] = plain["headline"]
    out["summary"] = plain["summary"]
    out["entities"] = [_entity_to_json(e) for e in story.entities]
    out["events"] = [_event_to_json(e, docs) for e in story.events]
    out["conflicts"] = plain["conflicts"]
    # claims, corroborations and any field added to Story later, as the model has them.
    # not language: field names
    skip = {"id", "title", "document_ids", "headline", "summary", "entities", "events"}
    out.update((k, v) for k, v in plain.items() if k not in skip and k not in out)
    return out


def _entity_to_json(entity: Entity) -> JsonObject:
    plain = to_plain(entity)
    assert isinstance(plain, dict)
    out: JsonObject = {
        "id": entity.id,
        "type": entity.type,
        "name": entity.name,
        "aliases": list(entity.aliases),
        "roles": sorted({r.role.lower() for r in entity.roles}),
        "attributes": _chosen_attributes(entity.attributes),
        "mention_count": len(entity.mentions),
        "role_claims": plain["roles"],
        "attribute_claims": plain["attributes"],
        "mentions": plain["mentions"],
    }
    out.update((k, v) for k, v in plain.items() if k not in out)
    return out


def _chosen_attributes(claims: Sequence[AttributeClaim]) -> JsonObject:
    """name → the most cited value (first stated wins a tie)."""
    counts: dict[str, Counter[str | int]] = {}
    for claim in claims:
        counts.setdefault(claim.name, Counter())[claim.value] += 1
    # Counter.most_common keeps insertion order among equal counts.
    return {name: c.most_common(1)[0][0] for name, c in counts.items()}


def _event_to_json(event: Event, docs: Mapping[str, Document]) -> JsonObject:
    plain = to_plain(event)
    assert isinstance(plain, dict)
    outlets: dict[str, None] = {}
    for c in event.citations:
        doc = docs.get(c.doc)
        outlets.setdefault((doc.outlet if doc else None) or c.doc, None)
    out: JsonObject = {
        "id": event.id,
        "date": plain["date"],
        "text": event.text,
        "entities": list(event.entity_ids),
        "outlets": list(outlets),
        "citations": plain["citations"],
    }
    out.update((k, v) for k, v in plain.items() if k not in out and k != "entity_ids")
    return out


# ---------------------------------------------------------------- reading back


def corpus_from_json(data: Mapping[str, object]) -> Corpus:
    """Rebuild a :class:`Corpus` from :func:`corpus_to_json` output.

    Derived fields (``roles``/``attributes`` summaries, event ``outlets``,
    removal summaries) are rebuilt from the claims they summarise. Raises
    ``ValueError`` when the data is not ``dossier/1``; an extra field that
    does not fit the model is left out with a warning.
    """
    if data.get("schema") != SCHEMA_ID:
        raise ValueError(f"not a {SCHEMA_ID} document (schema={data.get('schema')!r})")
    docs = tuple(
        dataclass_from_plain(Document, _document_plain(d), skip_unfit=_DOC_EXTRAS)
        for d in _objects(data.get("documents", []), "documents")
    )
    stories = tuple(
        dataclass_from_plain(Story, _story_plain(s), skip_unfit=_STORY_EXTRAS)
        for s in _objects(data.get("stories", []), "stories")
    )
    plain = {k: v for k, v in data.items() if k not in {"documents", "stories"}}
    corpus = dataclass_from_plain(Corpus, {**plain, "documents": []}, skip_unfit=_CORPUS_EXTRAS)
    return dataclasses.replace(corpus, documents=docs, stories=stories)


# Fields the contract does not define: one that no longer fits the model is left out with a
# warning instead of making the whole file unreadable.
# not language: field names
_DOC_EXTRAS = frozenset(f.name for f in dataclasses.fields(Document)) - {
    *("id", "source", "status", "reason", "duplicate_of", "outlet", "title"),
    *("clean_text", "published", "flags", "raw_text"),
}
# not language: field names
_STORY_EXTRAS = frozenset(f.name for f in dataclasses.fields(Story)) - {
    *("id", "title", "document_ids", "headline", "summary", "entities", "events", "conflicts"),
}
_CORPUS_EXTRAS = frozenset(f.name for f in dataclasses.fields(Corpus)) - {
    *("documents", "stories", "generated_at"),
}


def _objects(value: object, what: str) -> list[dict[str, object]]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise ValueError(f"{what!r} must be an array of objects")
    return value


def _document_plain(doc: dict[str, object]) -> dict[str, object]:
    plain = dict(doc)
    removals = plain.get("removals")
    if isinstance(removals, dict):
        plain["removals"] = removals.get("blocks", [])
    spans = plain.get("shared_spans")
    if isinstance(spans, list):
        plain["shared_spans"] = [
            [s["start"], s["end"], s["other_doc"]] if isinstance(s, dict) else s for s in spans
        ]
    return plain


def _story_plain(story: dict[str, object]) -> dict[str, object]:
    plain = dict(story)
    plain["document_ids"] = plain.pop("documents", [])
    plain["entities"] = [_entity_plain(e) for e in _objects(plain.get("entities", []), "entities")]
    plain["events"] = [_event_plain(e) for e in _objects(plain.get("events", []), "events")]
    return plain


def _entity_plain(entity: dict[str, object]) -> dict[str, object]:
    plain = dict(entity)
    plain["roles"] = plain.pop("role_claims", [])
    plain["attributes"] = plain.pop("attribute_claims", [])
    return plain


def _event_plain(event: dict[str, object]) -> dict[str, object]:
    plain = dict(event)
    plain["entity_ids"] = plain.pop("entities", [])
    return plain
