"""What the command line shows on a terminal: the progress bar, log lines, the build summary.

Kept apart from :mod:`dossier.cli` (which only parses arguments and dispatches)
so that importing the CLI stays cheap: ``rich`` is imported when something is
drawn, not before.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from dossier.text import terminal_safe

if TYPE_CHECKING:
    from dossier.model import Corpus
    from dossier.runners.progress import Progress

NOISY_LOGGERS = ("trafilatura", "htmldate", "charset_normalizer")
# Stories listed in the build summary (the rest are counted), so it fits on one screen.
SUMMARY_STORIES = 10
TITLE_WIDTH = 60


class _CurrentStderr(logging.StreamHandler):
    """Writes to whatever ``sys.stderr`` is now (the progress bar swaps it while it draws)."""

    @property
    def stream(self) -> TextIO:
        return sys.stderr

    @stream.setter
    def stream(self, _: TextIO) -> None:
        pass


def configure_logging(verbose: bool) -> None:
    """Warnings from everything; with ``verbose``, Dossier's own INFO lines too (one per stage
    with its counts and drops). Other libraries stay at WARNING either way."""
    handler = _CurrentStderr()
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(logging.WARNING)
    logging.getLogger("dossier").setLevel(logging.INFO if verbose else logging.WARNING)
    # The extractors warn about every odd page ("discarding data", "empty HTML tree"); what
    # matters reaches the user as a rejection reason or a flag. -v shows them.
    for noisy in NOISY_LOGGERS:
        logging.getLogger(noisy).setLevel(logging.WARNING if verbose else logging.ERROR)


def shorten(text: str, width: int = TITLE_WIDTH) -> str:
    """``text`` on one line, cut at a word boundary with an ellipsis when longer than ``width``."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    space = cut.rfind(" ")
    if space >= width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:-–—") + "…"


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Progress | None]:
    """A progress callback drawing one bar per stage (documents done of total, with an ETA),
    or ``None`` when disabled (not a terminal, ``--quiet``, ``--no-progress``)."""
    if not enabled:
        yield None
        return
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    names: dict[str, int] = {}
    with Progress(
        TextColumn("{task.description:<22}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("documents · ETA"),
        TimeRemainingColumn(),
        TextColumn("· elapsed"),
        TimeElapsedColumn(),
        transient=True,
        redirect_stderr=True,
        redirect_stdout=False,
    ) as bar:
        task = bar.add_task("reading the inputs", total=None)
        current = {"stage": ""}

        def update(stage: str, done: int, total: int) -> None:
            if stage != current["stage"]:
                current["stage"] = stage
                bar.reset(task)
            # not language: progress labels (interface text)
            label = {"read": "reading the inputs", "write": "writing the outputs"}.get(stage, stage)
            if not names and stage not in ("read", "write"):
                # The pipeline is imported by now (the bar is drawn before it is).
                from dossier.pipeline import DEFAULT_STAGES

                names.update((s.name, i + 1) for i, s in enumerate(DEFAULT_STAGES))
            if stage in names:
                label = f"{stage} ({names[stage]}/{len(names)})"
            bar.update(task, description=label, completed=done, total=total or None)

        yield update


def print_build_summary(
    corpus: Corpus, written: Sequence[tuple[str, Path]], out: TextIO | None = None
) -> None:
    """What was written where, and the case on one screen: counts, the largest stories,
    the dates they cover, what was rejected."""
    from rich.console import Console
    from rich.table import Table

    # No markup: titles and paths come from the inputs ("[bold]" is text, not a style), and
    # their control characters are shown escaped.
    console = Console(file=out or sys.stdout, highlight=False, soft_wrap=True, markup=False)
    statuses = {s: sum(1 for d in corpus.documents if d.status == s) for s in _STATUSES}
    console.print(
        f"{len(corpus.documents)} documents: {statuses['ok']} ok, "
        f"{statuses['duplicate']} duplicate, {statuses['rejected']} rejected; "
        f"{len(corpus.stories)} stor{'y' if len(corpus.stories) == 1 else 'ies'}"
    )
    if corpus.stories:
        table = Table(show_edge=False)
        table.add_column("story", no_wrap=True, overflow="ellipsis", max_width=TITLE_WIDTH)
        table.add_column("from – to", no_wrap=True, min_width=23)
        for name in ("docs", "entities", "events", "conflicts"):
            table.add_column(name, no_wrap=True, justify="right", min_width=len(name))
        # Titles are cut at a word to the room the other columns leave.
        room = max(12, min(TITLE_WIDTH, console.width - 68))
        ranked = sorted(corpus.stories, key=lambda s: -len(s.document_ids))
        for story in ranked[:SUMMARY_STORIES]:
            dates = sorted(e.date.value for e in story.events)
            span = f"{dates[0]} – {dates[-1]}" if dates else "-"
            table.add_row(
                terminal_safe(shorten(story.title, room)),
                span,
                str(len(story.document_ids)),
                str(len(story.entities)),
                str(len(story.events)),
                str(len(story.conflicts)),
            )
        console.print(table)
        if len(ranked) > SUMMARY_STORIES:
            console.print(
                f"… and {len(ranked) - SUMMARY_STORIES} smaller stories (all in the report)"
            )
    width = max(len(label) for label, _ in written)
    for label, path in written:
        console.print(f"{label + ':':<{width + 1}} {terminal_safe(str(path))}")


_STATUSES = ("ok", "duplicate", "rejected")
