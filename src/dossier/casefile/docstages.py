"""Document stages with their results cached in the store, and fingerprints of documents.

A document stage (:class:`~dossier.stages.DocumentStage`) reads each document on its own
and declares what it reads (``requires``) and writes (``provides``). Its result for a
document is a function of the attributes behind ``requires`` (and the document's status),
so it is cached under a hash of those attributes, the stage's name and a version key (the
stage's code version, the settings it reads and the models behind it, see
:func:`version_key`): a parse or NER never runs twice on one text, whatever the document
is called, and a release that leaves the stage as it was keeps its results. An update
drops what no stored document uses any more (``store.context.cache_prune``).

A document's *fingerprint* hashes what the story stages read of it: a story whose
documents' fingerprints are all unchanged is not recomputed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import sqlite3
from collections.abc import Callable, Iterable, Mapping, Sequence
from importlib import metadata
from typing import TYPE_CHECKING, Any

from dossier import __version__
from dossier.model import Document, Flag
from dossier.report.codec import field_types, from_plain, to_plain
from dossier.stages import DOCUMENT_ATTRIBUTES, DocumentStage, Field, Stage, StoryStage
from dossier.store.context import cache_get, pack, unpack
from dossier.store.write import DOCUMENT_COLUMNS, extra_json

if TYPE_CHECKING:
    from dossier.resources import Resources
    from dossier.settings import Settings

# Always available to every stage (not declared): the document's identity and state.
_ALWAYS = ("status", "reason", "flags")
# Attributes the store does not keep on the document (recomputed, or taken from the cache).
UNSTORED = frozenset({"parse"})
assert UNSTORED <= DOCUMENT_COLUMNS


def _digest(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def attributes(fields: Iterable[Field]) -> tuple[str, ...]:
    names: list[str] = []
    for f in sorted(fields, key=lambda f: f.value):
        names.extend(DOCUMENT_ATTRIBUTES.get(f, ()))
    return tuple(dict.fromkeys(names))


def version_key(stage: Stage, settings: Settings, resources: Resources) -> str:
    """What else a stage's results depend on: its code (the stage's ``version``), the
    settings it reads and the models behind it. A document stage that names the sections
    of the settings it reads is keyed on those (and the caps of :mod:`dossier.limits`)
    only, and not on the Dossier version: a new release or another setting of a later
    stage reuses its results. Any other stage is keyed on every setting and the version."""
    from dossier.casefile.engine import stable_settings

    sections = getattr(stage, "settings", None)
    stable = stable_settings(settings)
    if sections is None:
        depends: list[object] = [__version__, repr(stable)]
    else:
        depends = [
            getattr(stage, "version", 1),
            [repr(getattr(stable, name)) for name in sections],
            repr(stable.limits),
            model_versions(resources),
        ]
    return _digest([stage.name, *depends, getattr(resources, "embed_precision", "")])[:24]


def model_versions(resources: Resources) -> list[tuple[str, str]]:
    """The installed versions of spaCy, the language identifier and each language's
    analyser package (a new model gives other parses and entities)."""
    packages = {"spacy", "py3langid"}
    for language in resources.languages.values():
        package = getattr(language.analyser, "package", None)
        if package:
            packages.add(package)
    return [(name, _installed(name)) for name in sorted(packages)]


def _installed(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return ""


def input_key(stage: DocumentStage, doc: Document) -> str:
    """The hash of what ``stage`` reads of ``doc`` (not its id: the same text under another
    name is the same work)."""
    plain = {name: to_plain(getattr(doc, name)) for name in attributes(stage.requires)}
    plain["status"] = doc.status
    return _digest(plain)


def _encode(stage: DocumentStage, before: Document, after: Document) -> bytes:
    written = {name: to_plain(getattr(after, name)) for name in attributes(stage.provides)}
    kept = after.flags[: len(before.flags)] == before.flags
    added = after.flags[len(before.flags) :] if kept else after.flags
    value: dict[str, Any] = {"fields": written, "flags": to_plain(added)}
    if after.status != before.status or after.reason != before.reason:
        value["status"] = after.status
        value["reason"] = after.reason
    return pack(value)


def _decode(blob: bytes, doc: Document, cached_for: str) -> Document:
    value = unpack(blob)
    assert isinstance(value, dict)
    hints = field_types(Document)
    changes: dict[str, Any] = {
        name: _rebind(from_plain(hints[name], plain), cached_for, doc.id)
        for name, plain in value["fields"].items()
        if name in hints
    }
    flags = from_plain(hints["flags"], value["flags"])
    assert isinstance(flags, tuple)
    changes["flags"] = (*doc.flags, *flags)
    if "status" in value:
        changes["status"] = value["status"]
        changes["reason"] = value["reason"]
    return dataclasses.replace(doc, **changes)


def _rebind(value: Any, old: str, new: str) -> Any:
    """Records cached for document ``old`` (a Mention's ``doc``...) rebound to ``new``."""
    if old == new:
        return value
    if isinstance(value, tuple):
        return tuple(_rebind(v, old, new) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type | Flag):
        changes = {}
        for f in dataclasses.fields(value):
            item = getattr(value, f.name)
            if f.name == "doc" and item == old:
                changes[f.name] = new
            elif isinstance(item, tuple) or dataclasses.is_dataclass(item):
                rebound = _rebind(item, old, new)
                if rebound is not item:
                    changes[f.name] = rebound
        return dataclasses.replace(value, **changes) if changes else value
    return value


class StageCache:
    """Cached document-stage results: read from the store, new ones kept in memory until
    the build's transaction writes them (:meth:`pending`)."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        settings: Settings,
        resources: Resources,
        compute: Callable[[DocumentStage, Sequence[Document]], tuple[Document, ...]] | None = None,
    ) -> None:
        self.conn = conn
        self.settings = settings
        self.resources = resources
        # How documents the cache does not know are computed (in this process by default).
        self.compute = compute or (lambda stage, docs: stage.fn(docs, settings, resources))
        self._new: dict[tuple[str, str], dict[str, tuple[str, bytes]]] = {}
        self._versions: dict[str, str] = {}
        # stage -> document id -> the keys of its results this update used
        self.used: dict[str, dict[str, set[str]]] = {}
        self.hits = 0
        self.misses = 0

    def version(self, stage: DocumentStage) -> str:
        if stage.name not in self._versions:
            self._versions[stage.name] = version_key(stage, self.settings, self.resources)
        return self._versions[stage.name]

    def run(
        self, stage: DocumentStage, docs: Sequence[Document], *, record: bool = True
    ) -> tuple[Document, ...]:
        """``stage`` over ``docs``: cached results where there are, the stage for the rest.
        With ``record``, the results are those the documents hold now (:attr:`used`); a
        stored state put back (:func:`restore_unstored`) is not recorded."""
        if not docs:
            return ()
        version = self.version(stage)
        keys = [input_key(stage, d) for d in docs]
        if record:
            used = self.used.setdefault(stage.name, {})
            for doc, key in zip(docs, keys, strict=True):
                used.setdefault(doc.id, set()).add(key)
        fresh = self._new.setdefault((stage.name, version), {})
        wanted = set(keys)
        found = {k: v for k, v in fresh.items() if k in wanted}
        missing = sorted(wanted - set(found))
        if missing:
            found.update(cache_get(self.conn, stage.name, version, missing))
        out: list[Document | None] = [None] * len(docs)
        todo = []
        for i, (doc, key) in enumerate(zip(docs, keys, strict=True)):
            if key in found:
                cached_for, blob = found[key]
                out[i] = _decode(blob, doc, cached_for)
            else:
                todo.append(i)
        self.hits += len(docs) - len(todo)
        self.misses += len(todo)
        if todo:
            computed = self.compute(stage, [docs[i] for i in todo])
            for i, after in zip(todo, computed, strict=True):
                out[i] = after
                fresh[keys[i]] = (after.id, _encode(stage, docs[i], after))
        return tuple(d for d in out if d is not None)

    def pending(self) -> dict[tuple[str, str], dict[str, tuple[str, bytes]]]:
        return self._new


def restore_unstored(
    docs: Sequence[Document], stages: Sequence[Stage], cache: StageCache
) -> tuple[Document, ...]:
    """Stored documents with what the store does not keep (their parse) put back: from the
    cache, or by running the stage that provides it again."""
    out = tuple(docs)
    for stage in stages:
        if not isinstance(stage, DocumentStage):
            continue
        if not set(attributes(stage.provides)) & UNSTORED:
            continue
        keep = [name for name in attributes(stage.provides) if name in UNSTORED]
        # The stage's other outputs (and its flags) are stored: take only the unstored ones.
        redone = cache.run(stage, out, record=False)
        out = tuple(
            dataclasses.replace(d, **{n: getattr(r, n) for n in keep})
            for d, r in zip(out, redone, strict=True)
        )
    return out


def story_reads(stages: Sequence[Stage]) -> tuple[str, ...]:
    """The document attributes the story stages read (their fingerprint)."""
    fields: set[Field] = set()
    for stage in stages:
        if isinstance(stage, StoryStage):
            fields |= {f for f in stage.requires if f in DOCUMENT_ATTRIBUTES}
    return ("id", "source", *_ALWAYS, *attributes(fields))


def fingerprint(doc: Document, reads: Sequence[str]) -> str:
    return _digest({name: to_plain(getattr(doc, name)) for name in reads})[:32]


def story_fingerprint(doc_ids: Sequence[str], fingerprints: Mapping[str, str], version: str) -> str:
    return _digest([version, [(i, fingerprints.get(i, "")) for i in doc_ids]])[:32]


def ingest_state(doc: Document) -> str:
    """What ingest read of ``doc`` (every field but the raw text, which has its column),
    as JSON: a later build runs the stages on the document again from exactly this."""
    return extra_json(doc, frozenset({"raw_text"}))
