"""The command line's arguments: one function per command, each adding its parser.

:mod:`dossier.cli` dispatches the parsed arguments; this module only declares them, so that
``dossier --help``, docs/usage.md (a test compares them) and the commands stay in one place.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from dossier import __version__

Command = Callable[..., argparse.ArgumentParser]


def _verbose_option(parser: argparse.ArgumentParser, *, top: bool) -> None:
    # Accepted before and after the command (`dossier -v build` and `dossier build -v`).
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        default=False if top else argparse.SUPPRESS,
        help="log each stage with its counts and the documents it dropped",
    )


def parser() -> argparse.ArgumentParser:
    """The parser of every command, in the order `dossier --help` lists them."""
    top = argparse.ArgumentParser(
        prog="dossier",
        description=(
            "Turn scattered news coverage of a story into one cross-checked, cited case file."
        ),
        epilog=(
            "Exit codes: 0 ok, 1 some inputs rejected, 2 usage error, 3 run failed, "
            "130 interrupted."
        ),
    )
    top.add_argument("--version", action="version", version=f"dossier {__version__}")
    _verbose_option(top, top=True)
    commands = top.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, **kwargs: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, **kwargs)  # type: ignore[arg-type]
        _verbose_option(sub, top=False)
        return sub

    for add in COMMANDS:
        add(command)
    return top


def _build(command: Command) -> None:
    build = command(
        "build",
        help="build a dossier from articles",
        description=(
            "Read articles (.txt, .html, .htm files, or folders of them, searched recursively; "
            "a sources.csv or sources.json beside them gives outlet, URL, date and language), "
            "add them to the store OUT/dossier.sqlite (created if needed; what it already "
            "holds is kept) and write OUT/report.html and OUT/dossier.json of everything in it."
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
    update_options(build, inputs=True)
    single_file_option(build)


def _clean(command: Command) -> None:
    clean = command(
        "clean",
        help="print the clean text of articles",
        description=(
            "Print the clean text of articles (files, or folders of them); --explain also "
            "lists what was removed and why."
        ),
    )
    clean.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="files or folders")
    clean.add_argument(
        "--explain",
        action="store_true",
        help="print each removed block with its reason and the block classifier's score",
    )


def _timeline(command: Command) -> None:
    timeline = command(
        "timeline",
        help="print a timeline of a large collection",
        description=(
            "Choose the most important dates of a collection and print, for each, the sentences "
            "that best say what happened (Timeline17 format: date line, sentences, dashes). "
            "Files in a folder named YYYY-MM-DD take that date as their publication date."
        ),
    )
    timeline.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders")
    timeline.add_argument(
        "--max-dates",
        type=int,
        default=10,
        metavar="T",
        help="dates to pick (default: %(default)s)",
    )
    timeline.add_argument(
        "--per-date",
        type=int,
        default=2,
        metavar="N",
        help="sentences per date (default: %(default)s)",
    )
    timeline.add_argument(
        "--keywords",
        default="",
        metavar="WORD,...",
        help="prefer dates and sentences with these words (a date's summary keeps only keyword "
        "sentences when it has any; default: none)",
    )


def _correct(command: Command) -> None:
    correct = command(
        "correct",
        help="merge, split or move stories in a store (kept for every later build)",
        description=(
            "Correct the story grouping of a store: merge the stories of two documents, split "
            "documents off into a story of their own, or move documents to the story of "
            "another. Documents are given by id (as in dossier.json) or content id. The "
            "correction is stored and applied by this and every later build of the store."
        ),
    )
    correct.add_argument("--store", type=Path, required=True, metavar="PATH", help="the store")
    correct.add_argument("action", choices=("merge", "split", "move"), help="what to do")
    correct.add_argument("documents", nargs="+", metavar="DOC", help="documents it applies to")
    correct.add_argument("--to", metavar="DOC", help="move: a document of the story to join")


def _serve(command: Command) -> None:
    serve = command(
        "serve",
        help="serve the web UI and HTTP API over a store",
        description="Serve the web UI and the HTTP API (see docs/api.md) over a dossier store.",
    )
    serve.add_argument(
        "--store", type=Path, required=True, metavar="PATH", help="the store dossier build wrote"
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: %(default)s); beyond loopback, every write needs "
        "the token printed at start-up",
    )
    serve.add_argument(
        "--port", type=int, default=8000, help="port to listen on (default: %(default)s)"
    )
    serve.add_argument(
        "--allow-paths",
        type=Path,
        metavar="DIR",
        help="let POST /api/build read files on the server, inside DIR only "
        "(default: uploaded texts only)",
    )
    serve.add_argument(
        "--allowed-host",
        action="append",
        default=[],
        metavar="NAME",
        help="another host name clients reach the server by (repeatable)",
    )


def _export(command: Command) -> None:
    export = command(
        "export",
        help="export stories for other tools (FollowTheMoney, JSON, CSV)",
        description=(
            "Export stories from a store: ftm (FollowTheMoney entities, one JSON object per "
            "line, for Aleph), json (a dossier/1 file), or one story's events, entities or "
            "claims as CSV."
        ),
    )
    export.add_argument(
        "--store", type=Path, required=True, metavar="PATH", help="the store dossier build wrote"
    )
    export.add_argument(
        "--format",
        choices=("ftm", "json", "events", "entities", "claims"),
        default="ftm",
        help="what to write (default: %(default)s)",
    )
    export.add_argument(
        "--story", metavar="ID", help="one story (default: every story; needed for CSV)"
    )
    export.add_argument(
        "--out", type=Path, metavar="FILE", help="file to write (default: standard output)"
    )


def _validate(command: Command) -> None:
    validate = command(
        "validate",
        help="check a dossier.json against the contract",
        description=(
            "Validate a dossier.json against the dossier/1 JSON schema and check that every "
            "citation quotes its document's clean text exactly."
        ),
    )
    validate.add_argument("dossier_json", type=Path, metavar="DOSSIER_JSON")
    validate.add_argument(
        "--schema",
        type=Path,
        metavar="SCHEMA_JSON",
        help="the schema to check against (default: the dossier/1 contract shipped with Dossier)",
    )


def _add(command: Command) -> None:
    add = command(
        "add",
        help="add articles to a store",
        description=(
            "Add articles (files or folders) to a case file: new articles are cleaned, dated "
            "and read once, joined to the story they belong to (or a new one), and only the "
            "stories they change are recomputed. An article already stored (the same text, "
            "from any path) changes nothing."
        ),
    )
    add.add_argument("inputs", nargs="+", metavar="INPUT", help="article files or folders")
    store_outputs(add)
    update_options(add, inputs=True)


def _remove(command: Command) -> None:
    remove = command(
        "remove",
        help="remove documents from a store",
        description="Remove documents (by id) from a case file; their stories are recomputed.",
    )
    remove.add_argument("ids", nargs="+", metavar="ID", help="document ids")
    store_outputs(remove)
    update_options(remove, inputs=False)


def _rebuild(command: Command) -> None:
    rebuild = command(
        "rebuild",
        help="recompute a store with this version of Dossier",
        description=(
            "Recompute every stored document and story with this version of Dossier, from "
            "the texts as they were read (needed once after an upgrade). Clean texts may "
            "change; every citation is recomputed; earlier clean texts are kept."
        ),
    )
    store_outputs(rebuild)
    update_options(rebuild, inputs=False)


def _changes(command: Command) -> None:
    changes = command(
        "changes",
        help="what each build changed",
        description=(
            "Print the change log of a case file: per build, per story, the new documents, new "
            "and updated events, new and settled conflicts, superseded expectations, entities "
            "gained or merged."
        ),
    )
    changes.add_argument("--store", type=Path, required=True, metavar="PATH")
    changes.add_argument(
        "--since",
        metavar="DATE|BUILD",
        help="only changes after build number BUILD, or on or after DATE (YYYY-MM-DD or an "
        "ISO time)",
    )
    changes.add_argument("--story", metavar="ID", help="only this story")
    changes.add_argument("--json", action="store_true", help="print JSON instead of text")


COMMANDS: tuple[Callable[[Command], None], ...] = (
    _build,
    _add,
    _remove,
    _rebuild,
    _changes,
    _clean,
    _timeline,
    _correct,
    _serve,
    _export,
    _validate,
)


# --- options several commands share -------------------------------------------------------


def update_options(parser: argparse.ArgumentParser, *, inputs: bool) -> None:
    """Options of the commands that run the pipeline (build, add, remove, rebuild)."""
    if inputs:
        parser.add_argument(
            "--replace",
            action="store_true",
            help="an input read from a path already stored, whose text has changed, replaces "
            "the stored document (default: it is added as a new document, the old one kept)",
        )
        parser.add_argument(
            "--sources",
            type=Path,
            action="append",
            default=[],
            metavar="FILE",
            help="a sources.csv/sources.json to use besides those found beside the articles "
            "(repeatable; see docs/usage.md)",
        )
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        metavar="N",
        help="worker processes for per-document stages (default: %(default)s, all in this process)",
    )
    parser.add_argument(
        "--embed-precision",
        choices=("auto", "float32", "bfloat16"),
        default="auto",
        help=(
            "arithmetic of the sentence embeddings (default: %(default)s, bfloat16 where the "
            "CPU has it, about 1.6x faster; float32 gives the same result on every machine, "
            "and a case grown article by article the same result as one build)"
        ),
    )
    parser.add_argument("--quiet", action="store_true", help="print nothing but errors")
    parser.add_argument(
        "--no-progress", action="store_true", help="no progress bar even on a terminal"
    )


def store_outputs(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--store", type=Path, required=True, metavar="PATH", help="the store to update"
    )
    parser.add_argument(
        "--out",
        type=Path,
        metavar="DIR",
        help="write DIR/report.html and DIR/dossier.json (default: rewrite the ones the store "
        "was last written to, if any)",
    )
    parser.add_argument(
        "--no-outputs",
        action="store_true",
        help="update the store only (the outputs it wrote before are then out of date)",
    )
    single_file_option(parser)


def single_file_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--single-file",
        action="store_true",
        help="write the report as one self-contained OUT/report.html (default: report.html "
        "plus a folder OUT/report/ with a page per story and per source, which stays small "
        "and fast at any size)",
    )
