"""The command line: a thin layer over the library.

``main(argv) -> int`` parses arguments and dispatches to one function per
subcommand. Exit codes: 0 success, 1 some inputs were rejected (they are
listed with their reasons; everything else was built), 2 usage error,
3 the run failed (e.g. the store or output folder cannot be written).
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from dossier import cli_parser
from dossier.errors import DossierError
from dossier.text import terminal_safe

if TYPE_CHECKING:
    from dossier.model import Removal

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_FAILED = 3
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT)
EXIT_BROKEN_PIPE = 141  # the reader of our output went away, e.g. `| head` (128 + SIGPIPE)

log = logging.getLogger("dossier")


def main(argv: Sequence[str] | None = None) -> int:
    parser = cli_parser.parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    from dossier.console import configure_logging

    configure_logging(args.verbose)
    # not language: command names
    from dossier import cli_casefile

    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "build": cli_casefile.build,
        "add": cli_casefile.add,
        "remove": cli_casefile.remove,
        "rebuild": cli_casefile.rebuild,
        "changes": cli_casefile.changes,
        "clean": _clean,
        "timeline": _timeline,
        "correct": _correct,
        "serve": _serve,
        "validate": _validate,
        "export": _export,
    }
    try:
        return commands[args.command](args)
    except cli_casefile.NoSuchStore as error:
        print(error, file=sys.stderr)
        return EXIT_USAGE
    except DossierError as error:
        print(f"dossier {args.command}: error: {error}", file=sys.stderr)
        return EXIT_FAILED
    except KeyboardInterrupt:
        print(f"dossier {args.command}: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        print(f"dossier {args.command}: error: {where}{error.strerror or error}", file=sys.stderr)
        return EXIT_FAILED


def _silence_stdout() -> None:
    """After a broken pipe, send what is still buffered to /dev/null (no second error at exit)."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # stdout has no file descriptor (captured in tests)
        pass


def entry() -> None:
    """Console-script entry point."""
    try:
        code = main()
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        code = EXIT_BROKEN_PIPE
    except KeyboardInterrupt:  # between the command and the flush
        code = EXIT_INTERRUPTED
    sys.exit(code)


def _missing_inputs(inputs: Sequence[str | Path]) -> list[str]:
    # lexists: a broken link or a link loop is an input to reject with its reason, not a typo.
    return [terminal_safe(str(i)) for i in inputs if not os.path.lexists(i)]


def _write_atomic(path: Path, text: str) -> None:
    """Write ``path`` whole or not at all (a temporary file, flushed, renamed over it)."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="utf-8") as handle:
        handle.write(text)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(temporary, path)


def _clean(args: argparse.Namespace) -> int:
    from dossier.clean import clean_documents
    from dossier.ingest import read_inputs
    from dossier.resources import Resources
    from dossier.settings import Settings

    missing = _missing_inputs(args.inputs)
    if missing:
        print(f"dossier clean: error: no such file: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    settings = Settings()
    # Cleaned together: lines repeated across the pages are boilerplate, as in a build.
    documents = clean_documents(
        read_inputs(args.inputs, settings.ingest), settings.clean, Resources()
    )
    if not documents:
        print("dossier clean: error: no .txt/.html/.htm files in the input", file=sys.stderr)
        return EXIT_USAGE
    # Clean text holds no control characters; titles and removed blocks are raw page text.
    for document in documents:
        if document.status == "rejected":
            continue
        if len(documents) > 1:
            print(f"==> {terminal_safe(document.source)} <==")
        if document.title:
            print(f"# {terminal_safe(document.title)}\n")
        print(terminal_safe(document.clean_text))
        if args.explain:
            _explain(document.removals)
        if len(documents) > 1:
            print()
    rejected = [d for d in documents if d.status == "rejected"]
    for document in rejected:
        print(
            f"dossier clean: {terminal_safe(document.source)}: rejected: "
            f"{terminal_safe(document.reason or '')}",
            file=sys.stderr,
        )
    return EXIT_REJECTED if rejected else EXIT_OK


def _explain(removals: Sequence[Removal]) -> None:
    print("\n--- removed (reason, classifier score: how likely the block is article text) ---")
    for removal in removals:
        lines = removal.text.count("\n") + 1
        score = f" score {removal.score:.2f}" if removal.score is not None else ""
        print(f"[{removal.reason}]{score} ({lines} line{'s' if lines != 1 else ''})")
        for line in removal.text.splitlines():
            print(f"    {terminal_safe(line)}")


def _timeline(args: argparse.Namespace) -> int:
    from dossier.pipeline import DEFAULT_STAGES, ingest
    from dossier.resources import Resources
    from dossier.settings import Settings
    from dossier.time.timeline import TimelineSettings, format_timeline, select_timeline

    missing = _missing_inputs(args.inputs)
    if missing:
        print(f"dossier timeline: error: no such input: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    if args.max_dates < 1 or args.per_date < 1:
        print("dossier timeline: error: --max-dates and --per-date must be ≥ 1", file=sys.stderr)
        return EXIT_USAGE
    from dossier.cli_casefile import no_articles, print_rejected
    from dossier.model import Corpus
    from dossier.pipeline import stages_for
    from dossier.runners import LocalRunner
    from dossier.settings import for_today

    settings = for_today(Settings(), date.today())
    resources = Resources()
    corpus = ingest(args.inputs, settings)
    if not corpus.documents:
        no_articles("dossier timeline", args.inputs, corpus.documents, settings)
        return EXIT_REJECTED
    # Read and dated exactly as a build does: the same stages up to the date stage, and the
    # parse (the timeline's sentences are the parse's).
    if corpus.ok_documents():
        wanted = {s.name for s in (*stages_for("date"), *stages_for("parse"))}
        stages = tuple(s for s in DEFAULT_STAGES if s.name in wanted)
        corpus = LocalRunner().run(corpus, stages, settings, resources)
    documents = corpus.documents
    keywords = tuple(k.strip() for k in args.keywords.split(",") if k.strip())
    entries = select_timeline(
        documents,
        TimelineSettings(
            max_dates=args.max_dates,
            per_date=args.per_date,
            keywords=keywords,
            keyword_filter=bool(keywords),
        ),
        resources,
    )
    print(terminal_safe(format_timeline(entries)), end="")
    dated = Corpus(documents=tuple(documents))
    print_rejected(dated.documents)
    if not dated.ok_documents():
        no_articles("dossier timeline", args.inputs, dated.documents, settings)
        return EXIT_REJECTED
    return EXIT_REJECTED if any(d.status == "rejected" for d in documents) else EXIT_OK


def _correct(args: argparse.Namespace) -> int:
    from dossier.store import Store

    if not args.store.is_file():
        print(f"dossier correct: error: {args.store}: no such store", file=sys.stderr)
        return EXIT_USAGE
    if (args.action == "move") != bool(args.to) or (
        args.action == "merge" and len(args.documents) < 2
    ):
        print(
            "dossier correct: error: merge takes two or more documents; move takes --to DOC",
            file=sys.stderr,
        )
        return EXIT_USAGE
    with Store(args.store, create=False) as store:
        correction = store.add_correction(args.action, args.documents, args.to)
    print(
        f"correction {correction.id} stored ({correction.kind}); the next build of this store "
        "applies it, as every later one does"
    )
    return EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from dossier.web import serve

    if not args.store.is_file():
        print(
            f"dossier serve: error: {args.store}: no such store (run `dossier build` first)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    if args.allow_paths is not None and not args.allow_paths.is_dir():
        print(
            f"dossier serve: error: --allow-paths {terminal_safe(str(args.allow_paths))}: "
            "no such folder",
            file=sys.stderr,
        )
        return EXIT_USAGE
    serve(
        args.store,
        host=args.host,
        port=args.port,
        allow_paths=args.allow_paths,
        hosts=args.allowed_host,
    )
    return EXIT_OK


def _export(args: argparse.Namespace) -> int:
    from dossier.report.export import ExportError, export_from_store
    from dossier.store import Store

    if not args.store.is_file():
        print(f"dossier export: error: {args.store}: no such store", file=sys.stderr)
        return EXIT_USAGE
    with Store(args.store, create=False) as store:
        try:
            text = export_from_store(store, args.format, args.story)
        except ExportError as error:
            print(f"dossier export: error: {error}", file=sys.stderr)
            return EXIT_USAGE
    if args.out is None:
        sys.stdout.write(text)
    else:
        _write_atomic(args.out, text)
        print(f"{args.format}: {args.out}", file=sys.stderr)
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from dossier.report.json_out import check_citations, validate_against_contract

    try:
        data = json.loads(args.dossier_json.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"dossier validate: error: {args.dossier_json}: {_why(error)}", file=sys.stderr)
        return EXIT_USAGE
    try:
        problems = validate_against_contract(data, args.schema)
    except (OSError, ValueError) as error:
        print(f"dossier validate: error: schema {args.schema}: {_why(error)}", file=sys.stderr)
        return EXIT_USAGE
    problems += check_citations(data) if isinstance(data, dict) else []
    for problem in problems:
        print(problem)
    if problems:
        return EXIT_REJECTED
    print(f"{args.dossier_json}: valid dossier/1, every citation quotes its source exactly")
    return EXIT_OK


def _why(error: Exception) -> str:
    if isinstance(error, OSError):
        return error.strerror or str(error)
    return f"not valid JSON ({error})" if isinstance(error, json.JSONDecodeError) else str(error)


if __name__ == "__main__":
    entry()
