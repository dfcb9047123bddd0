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
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

from dossier import __version__
from dossier.errors import DossierError
from dossier.model import Corpus

EXIT_OK = 0
EXIT_REJECTED = 1
EXIT_USAGE = 2
EXIT_FAILED = 3

log = logging.getLogger("dossier")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="dossier",
        description=(
            "Turn scattered news coverage of a story into one cross-checked, cited case file."
        ),
        epilog="Exit codes: 0 ok, 1 some inputs rejected, 2 usage error, 3 run failed.",
    )
    parser.add_argument("--version", action="version", version=f"dossier {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log what each stage does")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    build = commands.add_parser(
        "build",
        help="build a dossier from articles",
        description=(
            "Read articles (.txt, .html, .htm files, or folders of them, searched recursively), "
            "and write OUT/dossier.json, OUT/report.html and the store OUT/dossier.sqlite."
        ),
    )
    build.add_argument("inputs", nargs="+", metavar="INPUT", help="article files or folders")
    build.add_argument("--out", required=True, type=Path, metavar="DIR", help="output folder")
    build.add_argument(
        "--store",
        type=Path,
        metavar="PATH",
        help="SQLite store to write (default: DIR/dossier.sqlite)",
    )
    build.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="worker processes for per-document stages (default 1: all in this process)",
    )
    build.add_argument(
        "--embed-precision",
        choices=("auto", "float32", "bfloat16"),
        default="auto",
        help=(
            "arithmetic of the sentence embeddings (default auto: bfloat16 where the CPU "
            "has it, about 1.6x faster; float32 gives the same result on every machine)"
        ),
    )
    build.add_argument("--quiet", action="store_true", help="print nothing but errors")
    build.add_argument(
        "--no-progress", action="store_true", help="no progress bar even on a terminal"
    )

    clean = commands.add_parser(
        "clean",
        help="print the clean text of one article",
        description="Print the clean text of one article; --explain also lists what was removed.",
    )
    clean.add_argument("file", type=Path, metavar="FILE")
    clean.add_argument(
        "--explain", action="store_true", help="print each removed block with its reason"
    )

    timeline = commands.add_parser(
        "timeline",
        help="print a timeline of a large collection",
        description=(
            "Choose the most important dates of a collection and print, for each, the sentences "
            "that best say what happened (Timeline17 format: date line, sentences, dashes). "
            "Files in a folder named YYYY-MM-DD take that date as their publication date."
        ),
    )
    timeline.add_argument("inputs", nargs="+", metavar="INPUT")
    timeline.add_argument("--max-dates", type=int, default=10, metavar="T", help="dates to pick")
    timeline.add_argument("--per-date", type=int, default=2, metavar="N", help="sentences per date")
    timeline.add_argument(
        "--keywords",
        default="",
        metavar="WORD,...",
        help="prefer dates and sentences with these words (a date's summary keeps only keyword "
        "sentences when it has any)",
    )

    serve = commands.add_parser(
        "serve",
        help="serve the web UI and HTTP API over a store",
        description="Serve the web UI and the HTTP API (see docs/api.md) over a dossier store.",
    )
    serve.add_argument("--store", type=Path, required=True, metavar="PATH")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)

    validate = commands.add_parser(
        "validate",
        help="check a dossier.json against the contract",
        description=(
            "Validate a dossier.json against the dossier/1 JSON schema and check that every "
            "citation quotes its document's clean text exactly."
        ),
    )
    validate.add_argument("dossier_json", type=Path, metavar="DOSSIER_JSON")
    validate.add_argument("--schema", type=Path, required=True, metavar="SCHEMA_JSON")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    logging.basicConfig(
        level=logging.INFO if args.verbose else logging.WARNING,
        format="%(levelname)s %(name)s: %(message)s",
    )
    commands: dict[str, Callable[[argparse.Namespace], int]] = {
        "build": _build,
        "clean": _clean,
        "timeline": _timeline,
        "serve": _serve,
        "validate": _validate,
    }
    try:
        return commands[args.command](args)
    except DossierError as error:
        print(f"dossier: error: {error}", file=sys.stderr)
        return EXIT_FAILED


def entry() -> None:
    """Console-script entry point."""
    sys.exit(main())


@contextmanager
def _progress(enabled: bool) -> Iterator[Callable[[str, int, int], None] | None]:
    if not enabled:
        yield None
        return
    from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(
        TextColumn("{task.description:<12}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} stages"),
        TimeElapsedColumn(),
        transient=True,
    ) as bar:
        task = bar.add_task("reading", total=None)

        def update(stage: str, done: int, total: int) -> None:
            bar.update(task, description=stage, completed=done, total=total)

        yield update


def _missing_inputs(inputs: Sequence[str]) -> list[str]:
    return [i for i in inputs if not Path(i).exists()]


def _build(args: argparse.Namespace) -> int:
    from dossier.pipeline import DEFAULT_STAGES, ingest, run_pipeline
    from dossier.report.html import render_report
    from dossier.report.json_out import corpus_to_json
    from dossier.resources import Resources
    from dossier.runners import ShardedRunner
    from dossier.settings import Settings
    from dossier.store import Store

    if args.workers < 1:
        print("dossier build: error: --workers must be at least 1", file=sys.stderr)
        return EXIT_USAGE
    out: Path = args.out
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(f"dossier build: error: cannot create {out}: {error.strerror}", file=sys.stderr)
        return EXIT_FAILED
    settings = Settings()
    resources = Resources(embed_precision=args.embed_precision)
    show_progress = not (args.quiet or args.no_progress) and sys.stderr.isatty()
    with _progress(show_progress) as progress:
        if args.workers > 1:
            corpus = ShardedRunner(workers=args.workers).run(
                ingest(args.inputs, settings), DEFAULT_STAGES, settings, resources
            )
        else:
            corpus = run_pipeline(args.inputs, settings, resources, progress=progress)
    corpus = replace(corpus, generated_at=datetime.now(UTC).isoformat(timespec="seconds"))

    store_path: Path = args.store or out / "dossier.sqlite"
    with Store(store_path) as store:
        store.save_corpus(corpus)
    _write_atomic(
        out / "dossier.json", json.dumps(corpus_to_json(corpus), ensure_ascii=False, indent=2)
    )
    _write_atomic(out / "report.html", render_report(corpus))
    if not args.quiet:
        _print_build_summary(corpus, out, store_path)
    rejected = [d for d in corpus.documents if d.status == "rejected"]
    for doc in rejected:
        print(f"rejected: {doc.source}: {doc.reason}", file=sys.stderr)
    return EXIT_REJECTED if rejected else EXIT_OK


def _write_atomic(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _print_build_summary(corpus: Corpus, out: Path, store_path: Path) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(stderr=False, highlight=False)
    counts = {
        status: sum(1 for d in corpus.documents if d.status == status)
        for status in ("ok", "duplicate", "rejected")
    }
    console.print(
        f"{len(corpus.documents)} documents: {counts['ok']} ok, {counts['duplicate']} duplicate, "
        f"{counts['rejected']} rejected; {len(corpus.stories)} stories"
    )
    table = Table("story", "documents", "entities", "events", "conflicts", show_edge=False)
    for story in corpus.stories:
        table.add_row(
            story.title[:60],
            str(len(story.document_ids)),
            str(len(story.entities)),
            str(len(story.events)),
            str(len(story.conflicts)),
        )
    console.print(table)
    console.print(f"report: {out / 'report.html'}")
    console.print(f"json:   {out / 'dossier.json'}")
    console.print(f"store:  {store_path}")


def _clean(args: argparse.Namespace) -> int:
    from dossier.clean import clean_file
    from dossier.settings import Settings

    if not args.file.exists():
        print(f"dossier clean: error: {args.file}: no such file", file=sys.stderr)
        return EXIT_USAGE
    document = clean_file(args.file, Settings().clean)
    if document.status == "rejected":
        print(f"dossier clean: {document.source}: rejected: {document.reason}", file=sys.stderr)
        return EXIT_REJECTED
    if document.title:
        print(f"# {document.title}\n")
    print(document.clean_text)
    if args.explain:
        print("\n--- removed ---")
        for removal in document.removals:
            lines = removal.text.count("\n") + 1
            print(f"[{removal.reason}] ({lines} line{'s' if lines != 1 else ''})")
            for line in removal.text.splitlines():
                print(f"    {line}")
    return EXIT_OK


def _timeline(args: argparse.Namespace) -> int:
    from dossier.pipeline import ingest
    from dossier.settings import Settings
    from dossier.time import date_documents
    from dossier.time.timeline import TimelineSettings, format_timeline, select_timeline

    missing = _missing_inputs(args.inputs)
    if missing:
        print(f"dossier timeline: error: no such input: {', '.join(missing)}", file=sys.stderr)
        return EXIT_USAGE
    if args.max_dates < 1 or args.per_date < 1:
        print("dossier timeline: error: --max-dates and --per-date must be ≥ 1", file=sys.stderr)
        return EXIT_USAGE
    from dossier.clean import clean_documents

    settings = Settings()
    corpus = ingest(args.inputs, settings)
    documents = date_documents(clean_documents(corpus.documents, settings.clean), settings.time)
    keywords = tuple(k.strip() for k in args.keywords.split(",") if k.strip())
    entries = select_timeline(
        documents,
        TimelineSettings(
            max_dates=args.max_dates,
            per_date=args.per_date,
            keywords=keywords,
            keyword_filter=bool(keywords),
        ),
    )
    print(format_timeline(entries), end="")
    rejected = [d for d in documents if d.status == "rejected"]
    for doc in rejected:
        print(f"rejected: {doc.source}: {doc.reason}", file=sys.stderr)
    return EXIT_REJECTED if rejected else EXIT_OK


def _serve(args: argparse.Namespace) -> int:
    from dossier.web import serve

    if not args.store.is_file():
        print(
            f"dossier serve: error: {args.store}: no such store (run `dossier build` first)",
            file=sys.stderr,
        )
        return EXIT_USAGE
    serve(args.store, host=args.host, port=args.port)
    return EXIT_OK


def _validate(args: argparse.Namespace) -> int:
    from dossier.report.json_out import check_citations, validate_against_contract

    try:
        data = json.loads(args.dossier_json.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"dossier validate: error: {args.dossier_json}: {error}", file=sys.stderr)
        return EXIT_USAGE
    problems = validate_against_contract(data, args.schema) + check_citations(data)
    for problem in problems:
        print(problem)
    if problems:
        return EXIT_REJECTED
    print(f"{args.dossier_json}: valid dossier/1, every citation quotes its source exactly")
    return EXIT_OK


if __name__ == "__main__":
    entry()
