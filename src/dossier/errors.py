"""Errors raised by Dossier. Each names the input it is about."""

from __future__ import annotations


class DossierError(Exception):
    """Base class for all errors Dossier raises on purpose."""


class StageOrderError(DossierError):
    """A pipeline lists a stage before the stages it needs."""


class StoreError(DossierError):
    """The embedded store cannot be opened or written."""


class QueryError(DossierError):
    """A search query Dossier will not run as given (too long, too many words)."""


class QueryTimeout(StoreError):
    """A read of the store ran over its time limit and was interrupted."""
