"""What must hold in a store, whatever happened to the processes that wrote it.

:func:`check_store` lists every way a store breaks it (an empty list: all is well):
SQLite's own integrity and foreign keys; every story's documents stored, each document in
at most one story and every readable ``ok`` document in one; every citation quoting its
document's clean text exactly; and every output the store records present and equal to
what was recorded (run :func:`dossier.casefile.recover_outputs` first after a crash).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from dossier.report.html_story import linked_citations

if TYPE_CHECKING:
    from dossier.store import Store


def check_store(store: Store) -> list[str]:
    from dossier.casefile.outputs import digest

    problems: list[str] = []
    with store.reading() as conn:
        result = [r[0] for r in conn.execute("PRAGMA integrity_check")]
        if result != ["ok"]:
            problems.extend(f"integrity: {r}" for r in result)
        problems.extend(
            f"foreign key: {tuple(r)}" for r in conn.execute("PRAGMA foreign_key_check")
        )
        outputs = conn.execute("SELECT path, build, sha256, pending FROM outputs").fetchall()
    corpus = store.load_corpus()
    docs = corpus.by_id()
    placed = Counter(i for s in corpus.stories for i in s.document_ids)
    for story in corpus.stories:
        for doc_id in story.document_ids:
            if doc_id not in docs:
                problems.append(f"story {story.id}: document {doc_id!r} is not stored")
        for c in linked_citations(story):
            doc = docs.get(c.doc)
            if doc is None or doc.clean_text[c.start : c.end] != c.quote:
                problems.append(f"story {story.id}: citation {c.doc}#{c.start}-{c.end} is stale")
    problems.extend(f"document {i!r} is in {n} stories" for i, n in placed.items() if n > 1)
    if corpus.stories or corpus.builds:
        problems.extend(
            f"document {d.id!r} is in no story"
            for d in corpus.documents
            if d.readable and d.id not in placed
        )
    for key, build, sha, pending in outputs:
        path = (store.path.parent / key).resolve()
        if pending is not None:
            problems.append(f"{path}: replacing it was interrupted (pending {pending})")
        elif sha is not None:
            found = digest(path)
            if found is None:
                problems.append(f"{path}: recorded but missing")
            elif found != sha:
                problems.append(f"{path}: not what build {build} wrote")
    return problems
