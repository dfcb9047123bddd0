"""The case-file commands: ``build`` and ``add`` (articles into a store), ``remove``,
``rebuild`` and ``changes`` (what each build changed), over :mod:`dossier.casefile`.

Every command that writes leaves the store and its outputs (``dossier.json``,
``report.html``) either as they were or all updated: a run where every input is rejected
writes nothing and exits 1; nothing stored is replaced unless ``--replace`` says so.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from dossier.text import terminal_safe

if TYPE_CHECKING:
    from dossier.casefile import Outputs, UpdateResult
    from dossier.model import Change, Corpus, Document
    from dossier.resources import Resources
    from dossier.settings import Settings
    from dossier.store import Store

EXIT_OK, EXIT_REJECTED, EXIT_USAGE, EXIT_FAILED = 0, 1, 2, 3
# Change-log lines printed after a build (all of them are in `dossier changes`).
SHOWN_CHANGES = 30


# --- shared ---------------------------------------------------------------------------------


def _settings(args: argparse.Namespace) -> Settings:
    from dossier.settings import Settings, for_today

    settings = for_today(Settings(), date.today())
    sources = getattr(args, "sources", [])
    if sources:
        ingest = replace(settings.ingest, sources_files=tuple(map(str, sources)))
        settings = replace(settings, ingest=ingest)
    return settings


def _resources(args: argparse.Namespace) -> Resources:
    from dossier.resources import Resources

    resources = Resources(embed_precision=args.embed_precision)
    if args.workers == 1:
        resources.preload()  # the models load while the inputs are read and cleaned
    return resources


def _waiting(name: str) -> Callable[[str], None]:
    def say(message: str) -> None:
        print(f"{name}: {message}…", file=sys.stderr, flush=True)

    return say


class NoSuchStore(Exception):
    """``--store`` names a file that does not exist (and the command does not create one)."""


def open_store(path: Path, name: str, *, create: bool) -> Store:
    from dossier.casefile import recover_outputs
    from dossier.store import Store

    if not create and not path.is_file():
        raise NoSuchStore(f"{name}: error: {path}: no such store (create one with dossier build)")

    store = Store(path, create=create, on_wait=_waiting(name))
    try:
        for line in recover_outputs(store):
            print(f"{name}: {terminal_safe(line)}", file=sys.stderr)
    except BaseException:
        store.close()
        raise
    return store


def _outputs(args: argparse.Namespace, store: Store) -> Outputs | None:
    from dossier.casefile import Outputs

    if getattr(args, "no_outputs", False):
        return None
    if args.out is not None:
        return Outputs(args.out, single_file=args.single_file)
    recorded = Outputs.recorded(store)
    if recorded is not None and args.single_file:
        recorded.single_file = True
    return recorded


def print_rejected(docs: Sequence[Document]) -> None:
    for doc in docs:
        if doc.status == "rejected":
            print(
                f"rejected: {terminal_safe(doc.source)}: {terminal_safe(doc.reason or '')}",
                file=sys.stderr,
            )


def _report(args: argparse.Namespace, result: UpdateResult, store: Store) -> None:
    from dossier.console import print_build_summary

    for note in result.notes:
        print(f"note: {terminal_safe(note)}", file=sys.stderr)
    if args.quiet:
        return
    if result.build is None:
        print("nothing new: every input is already in the store")
    else:
        build = result.build
        print(
            f"build {build.id} ({build.kind}): {len(build.added)} document(s) added, "
            f"{len(build.removed)} removed, {len(build.stories)} story(ies) changed"
        )
        print_changes(result.changes, limit=SHOWN_CHANGES)
    corpus = result.corpus if result.corpus is not None else store.load_corpus()
    written: list[tuple[str, Path]] = []
    if result.corpus is not None and args.outputs is not None:
        folder = args.outputs.folder
        written = [("report", folder / "report.html")]
        if not args.outputs.single_file:
            written.append(("pages", folder / "report"))
        written.append(("json", folder / "dossier.json"))
    print_build_summary(corpus, [*written, ("store", store.path)])


def print_changes(changes: Sequence[tuple[str, Change]], limit: int | None = None) -> None:
    shown = changes if limit is None else changes[:limit]
    story = build = None
    for story_id, change in shown:
        if change.build != build:
            build = change.build
            story = None
            print(f"build {change.build} · {change.at}")
        if story_id != story:
            story = story_id
            print(f"  {story_id}")
        print(f"    [{change.kind}] {terminal_safe(change.text)}")
    if limit is not None and len(changes) > limit:
        print(f"  … {len(changes) - limit} more (dossier changes --store … lists them all)")


def _run_update(
    args: argparse.Namespace,
    store: Store,
    run: Callable[[Settings, Resources, Outputs | None, object], UpdateResult],
) -> UpdateResult:
    from dossier.console import progress_bar

    settings = _settings(args)
    resources = _resources(args)
    outputs = _outputs(args, store)
    args.outputs = outputs
    show = not (args.quiet or args.no_progress) and sys.stderr.isatty()
    with progress_bar(show) as progress:
        return run(settings, resources, outputs, progress)


# --- commands -------------------------------------------------------------------------------


def build(args: argparse.Namespace) -> int:
    """``dossier build INPUT... --out DIR``: ``add`` into DIR's store, writing DIR's outputs."""
    try:
        args.out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(f"dossier build: error: cannot create {args.out}: {error.strerror}", file=sys.stderr)
        return EXIT_FAILED
    args.store = args.store or args.out / "dossier.sqlite"
    return _add(args, "dossier build", "build", create=True)


def add(args: argparse.Namespace) -> int:
    return _add(args, "dossier add", "add", create=False)


def _add(args: argparse.Namespace, name: str, kind: str, *, create: bool) -> int:
    from dossier.casefile import update_store
    from dossier.pipeline import ingest

    if args.workers < 1:
        print(f"{name}: error: --workers must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    missing = [str(s) for s in args.sources if not Path(s).exists()]
    if missing:
        print(f"{name}: error: no such sources file: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    with open_store(args.store, name, create=create) as store:

        def run(
            settings: Settings, resources: Resources, outputs: Outputs | None, progress: object
        ) -> UpdateResult:
            corpus = ingest(args.inputs, settings, progress)  # type: ignore[arg-type]
            args.ingested = corpus
            if not corpus.ok_documents():
                raise _NothingToAdd
            return update_store(
                store,
                inputs=corpus.documents,
                kind=kind,  # type: ignore[arg-type]
                input_paths=[str(i) for i in args.inputs],
                replace_changed=args.replace,
                settings=settings,
                resources=resources,
                progress=progress,  # type: ignore[arg-type]
                outputs=outputs,
                workers=args.workers,
            )

        try:
            result = _run_update(args, store, run)
        except _NothingToAdd:
            return _no_articles(name, args)
        _report(args, result, store)
    print_rejected(result.rejected)
    return EXIT_REJECTED if result.rejected else EXIT_OK


class _NothingToAdd(Exception):
    """Every input was rejected (or none was an article): nothing is written."""


def _no_articles(name: str, args: argparse.Namespace) -> int:
    corpus: Corpus = args.ingested
    print_rejected(corpus.documents)
    no_articles(name, args.inputs, corpus.documents, _settings(args), "; nothing was written")
    return EXIT_REJECTED


def no_articles(
    name: str,
    inputs: Sequence[str | Path],
    documents: Sequence[Document],
    settings: Settings,
    consequence: str = "",
) -> None:
    """Say that no input held an article, and list what the folder walks passed over."""
    from dossier.ingest import skipped_inputs

    named = ", ".join(terminal_safe(str(i)) for i in inputs)
    print(f"{name}: no articles found in {named}{consequence}", file=sys.stderr)
    for skipped in skipped_inputs(inputs, settings.ingest):
        print(f"skipped: {terminal_safe(skipped.path)}: {skipped.reason}", file=sys.stderr)
    if not documents:
        print(f"(Dossier reads {', '.join(settings.ingest.extensions)} files)", file=sys.stderr)


def remove(args: argparse.Namespace) -> int:
    from dossier.casefile import UnknownDocuments, remove_documents

    with open_store(args.store, "dossier remove", create=False) as store:
        try:
            result = _run_update(
                args,
                store,
                lambda s, r, o, p: remove_documents(store, args.ids, s, r, outputs=o, progress=p),  # type: ignore[arg-type]
            )
        except UnknownDocuments as error:
            print(f"dossier remove: error: {error}", file=sys.stderr)
            return EXIT_USAGE
        _report(args, result, store)
    return EXIT_OK


def rebuild(args: argparse.Namespace) -> int:
    from dossier.casefile import rebuild as rebuild_store

    with open_store(args.store, "dossier rebuild", create=False) as store:
        result = _run_update(
            args,
            store,
            lambda s, r, o, p: rebuild_store(store, s, r, outputs=o, progress=p),  # type: ignore[arg-type]
        )
        _report(args, result, store)
    return EXIT_OK


def changes(args: argparse.Namespace) -> int:
    from dossier.casefile import change_json, recorded_changes

    build, since = None, None
    if args.since:
        try:
            build, since = parse_since(args.since)
        except ValueError as error:
            print(f"dossier changes: error: {error}", file=sys.stderr)
            return EXIT_USAGE
    with open_store(args.store, "dossier changes", create=False) as store:
        found = recorded_changes(store, build=build, since=since, story=args.story)
    if args.json:
        rows = [change_json(story, c) for story, c in found]
        print(json.dumps({"ok": True, "changes": rows}, ensure_ascii=False, indent=2))
        return EXIT_OK
    if not found:
        print("no changes" + (f" since {args.since}" if args.since else ""))
        return EXIT_OK
    print_changes(found)
    return EXIT_OK


def parse_since(text: str) -> tuple[int | None, datetime | None]:
    """``--since``: a build number, or a date / ISO time (read as UTC when it has no zone)."""
    if text.isdigit():
        return int(text), None
    try:
        when = datetime.fromisoformat(text)
    except ValueError:
        raise ValueError(
            f"--since {text!r}: give a build number or a date (YYYY-MM-DD, or an ISO time)"
        ) from None
    return None, (when if when.tzinfo else when.replace(tzinfo=UTC)).astimezone(UTC)
