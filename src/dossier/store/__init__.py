"""The embedded SQLite store: documents, stories and full-text search (see ``docs/api.md``)."""

from dossier.store.db import SearchHit, Store, StoryListing, fts_query

__all__ = ["SearchHit", "Store", "StoryListing", "fts_query"]
