"""Errors raised by Dossier. Each names the input it is about."""

from __future__ import annotations


class DossierError(Exception):
    """Base class for all errors Dossier raises on purpose."""


class InputError(DossierError):
    """An input cannot be read or is not usable (empty, binary, too large...)."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class StageOrderError(DossierError):
    """A pipeline lists a stage before the stages it needs."""


class StoreError(DossierError):
    """The embedded store cannot be opened or written."""
