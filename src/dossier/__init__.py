"""Dossier: turn scattered news coverage of a story into one cross-checked, cited case file."""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
