"""How a runner tells its caller how far a build has got: documents per stage.

A progress callback is called as ``progress(stage, done, total)``: ``stage`` is
the stage's name (``"read"`` while the inputs are read, ``"done"`` at the end),
``done`` and ``total`` count *documents* (``total`` is the number of documents
the stage works on). A runner calls it with ``done == 0`` when a stage starts
and ``done == total`` when it ends; stages that go one document at a time also
report in between (the local runner splits document-scope stages into chunks of
:data:`CHUNK_DOCUMENTS`). Calls come from the thread that runs the stages.

The CLI draws a bar with an ETA from these calls; anything that wants progress
(a web build, a notebook) passes its own callable.
"""

from __future__ import annotations

from typing import Protocol

# Document-scope stages report after every chunk of this many documents.
CHUNK_DOCUMENTS = 32


class Progress(Protocol):
    def __call__(self, stage: str, done: int, total: int) -> None: ...


def no_progress(stage: str, done: int, total: int) -> None:
    """The progress callback that reports nothing."""
