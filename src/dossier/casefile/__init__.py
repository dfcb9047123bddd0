"""A living case file: articles added over time to one store, nothing lost.

:func:`add_paths` reads inputs and adds them to a store (``dossier build``, ``dossier add``,
``POST /api/documents``); :func:`remove_documents` takes documents out (``dossier
remove``); :func:`rebuild` recomputes every stored document with this version of Dossier.
Each is one *build* with a change log per story (:func:`recorded_changes`, ``dossier
changes``). Whatever the order articles arrive in, the store ends up with what one build
over all of them gives (see ``docs/architecture.md``, "A case file that grows").
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.casefile.engine import (
    NeedsRebuild,
    UnknownDocuments,
    UpdateResult,
    change_json,
    recorded_changes,
    update_store,
)
from dossier.casefile.outputs import Outputs, recorded_folders, recover_outputs
from dossier.model import BuildKind

if TYPE_CHECKING:
    from dossier.resources import Resources
    from dossier.runners.progress import Progress
    from dossier.settings import Settings
    from dossier.store import Store

__all__ = [
    "NeedsRebuild",
    "Outputs",
    "UnknownDocuments",
    "UpdateResult",
    "add_paths",
    "change_json",
    "rebuild",
    "recorded_changes",
    "recorded_folders",
    "recover_outputs",
    "remove_documents",
    "update_store",
]


def add_paths(
    store: Store,
    paths: Sequence[str | Path],
    settings: Settings,
    resources: Resources,
    *,
    kind: BuildKind = "add",
    replace: bool = False,
    outputs: Outputs | None = None,
    progress: Progress | None = None,
) -> UpdateResult:
    """Read ``paths`` (files or folders) and add what is new to ``store``."""
    from dossier.pipeline import ingest

    corpus = ingest(paths, settings, progress)
    return update_store(
        store,
        inputs=corpus.documents,
        kind=kind,
        input_paths=[str(p) for p in paths],
        replace_changed=replace,
        settings=settings,
        resources=resources,
        progress=progress,
        outputs=outputs,
    )


def remove_documents(
    store: Store,
    ids: Sequence[str],
    settings: Settings,
    resources: Resources,
    *,
    outputs: Outputs | None = None,
    progress: Progress | None = None,
) -> UpdateResult:
    """Take the documents ``ids`` out of ``store`` (their stories are recomputed)."""
    return update_store(
        store,
        remove=ids,
        kind="remove",
        settings=settings,
        resources=resources,
        progress=progress,
        outputs=outputs,
    )


def rebuild(
    store: Store,
    settings: Settings,
    resources: Resources,
    *,
    outputs: Outputs | None = None,
    progress: Progress | None = None,
) -> UpdateResult:
    """Recompute every stored document from what ingest read of it, with this version of
    Dossier (clean texts may change: every citation is recomputed, old texts are kept)."""
    return update_store(
        store,
        kind="rebuild",
        rebuild=True,
        settings=settings,
        resources=resources,
        progress=progress,
        outputs=outputs,
    )
