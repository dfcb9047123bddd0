"""Entity test stories as Documents: the fictional three-outlet fixture and the fictional
stories of ``stories/<name>/`` (clean text = file text, id = file stem)."""

from __future__ import annotations

from pathlib import Path

from dossier.model import Document

FIXTURES = Path(__file__).resolve().parent / "fixtures"
STORIES = Path(__file__).resolve().parent / "stories"


def _documents(folder: Path) -> tuple[Document, ...]:
    docs = []
    for path in sorted(folder.glob("*.txt")):
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


def fixture_documents() -> tuple[Document, ...]:
    return _documents(FIXTURES)


def story_documents(name: str) -> tuple[Document, ...]:
    """The documents of the fictional story ``stories/<name>``."""
    folder = STORIES / name
    if not folder.is_dir():
        raise FileNotFoundError(f"no entity test story {folder}")
    return _documents(folder)


TIMELINE17 = Path(__file__).resolve().parents[3] / "shared" / "benchmarks" / "timeline17"


def timeline17_paths(story: str, documents: list[str]) -> list[Path]:
    """The Timeline17 input files a gold table names (``"2011-09-27/245"``), read where
    they lie; a missing one is an error, never a skip."""
    paths = [TIMELINE17 / story / "InputDocs" / f"{d}.htm.txt" for d in documents]
    missing = [str(p) for p in paths if not p.is_file()]
    if missing:
        raise FileNotFoundError(f"Timeline17 documents missing: {missing}")
    return paths
