"""Outlet, URL, title and date of an input as its sources file and its HTML head state them,
each recorded with its basis (:class:`~dossier.model.Provenance`).

Precedence: the sources file's entry, then the canonical link, then og:url (for the
URL) and og:site_name (for the outlet). Cleaning fills in what is still unknown
from the page itself, and the date stage takes a declared date as given.
"""

from __future__ import annotations

from dataclasses import replace

from dossier.ingest.pagemeta import page_meta
from dossier.model import Document, Provenance, ProvenanceField, SourceInfo

# not language: model field names
_DECLARED: tuple[ProvenanceField, ...] = ("outlet", "url", "title", "date", "language")


def with_provenance(doc: Document, declared: SourceInfo | None) -> Document:
    """``doc`` with ``declared``, and ``url``/``outlet``/``title`` set from the best evidence."""
    found: list[Provenance] = []
    values: dict[ProvenanceField, str] = {}
    if declared is not None:
        for name in _DECLARED:
            value = getattr(declared, name)
            if value:
                values[name] = value
                found.append(Provenance(name, "sources-file", declared.listed_in))
    if doc.media_type == "html" and doc.raw_text:
        meta = page_meta(doc.raw_text)
        if "url" not in values and meta.canonical:
            values["url"] = meta.canonical
            found.append(Provenance("url", "canonical-link", meta.canonical))
        elif "url" not in values and meta.og_url:
            values["url"] = meta.og_url
            found.append(Provenance("url", "og:url", meta.og_url))
        if "outlet" not in values and meta.site_name:
            values["outlet"] = meta.site_name
            found.append(Provenance("outlet", "og:site_name", meta.site_name))
    if declared is None and not found:
        return doc
    return replace(
        doc,
        declared=declared,
        url=values.get("url", doc.url),
        outlet=values.get("outlet", doc.outlet),
        title=values.get("title", doc.title),
        provenance=(*doc.provenance, *found),
    )


def basis_of(doc: Document, name: ProvenanceField) -> str | None:
    """How ``doc``'s field ``name`` was decided (``"sources-file"``, ``"og:url"``...)."""
    return next((p.basis for p in doc.provenance if p.field == name), None)
