"""The web UI and HTTP API over a store (see ``docs/api.md``)."""

from dossier.web.app import create_app
from dossier.web.server import serve

__all__ = ["create_app", "serve"]
