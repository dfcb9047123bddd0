"""The fictional three-outlet fixture as Documents (clean text = file text)."""

from __future__ import annotations

from pathlib import Path

from dossier.model import Document

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def fixture_documents() -> tuple[Document, ...]:
    docs = []
    for path in sorted(FIXTURES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        docs.append(
            Document(
                id=path.stem,
                source=str(path),
                raw_text=text,
                clean_text=text,
                outlet=path.stem.title(),
            )
        )
    return tuple(docs)
