"""Per-document results a caller keeps between runs (the case file keeps them in its store).

A story stage recomputes a whole story when one article joins it, but much of what it reads
of each document depends on that document alone (the summary's candidate sentences of a
document, for one). Such a result is asked for through ``Resources.doc_memo``: computed
once, and given back while the document's id, clean text, language, parse and dated time
expressions, and what else the caller names (``depends``: the code's version, the
settings it reads), are as they were. Without a memo it is computed every time.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Protocol, TypeVar

from dossier.model import Document

T = TypeVar("T")


class DocumentMemo(Protocol):
    def get(
        self,
        kind: str,
        doc: Document,
        depends: Hashable,
        tp: object,
        compute: Callable[[], T],
    ) -> T:
        """``compute()`` for ``doc``, or what it gave before for the same document, ``kind``
        and ``depends``; ``tp`` is the result's type (it is stored as plain JSON,
        :mod:`dossier.report.codec`)."""
        ...


def remembered(
    memo: DocumentMemo | None,
    kind: str,
    doc: Document,
    depends: Hashable,
    tp: object,
    compute: Callable[[], T],
) -> T:
    return compute() if memo is None else memo.get(kind, doc, depends, tp, compute)
