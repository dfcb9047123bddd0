from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class IngestSettings:
    max_bytes: int = 20_000_000  # inputs larger than this are rejected
    extensions: tuple[str, ...] = (".txt", ".html", ".htm", ".xhtml")
    # A decoded text with more than this share of control/unprintable characters is binary.
    max_control_ratio: float = 0.05
    skip_hidden: bool = True  # folder walks skip files and folders whose name starts with "."
    # Sources files to consult before any sources.csv/sources.json found beside the articles.
    sources_files: tuple[str, ...] = ()
    # When set, only files inside these folders (after resolving links) are read; any other
    # file an input leads to is rejected. The web API sets it to the --allow-paths root.
    within: tuple[str, ...] = ()
