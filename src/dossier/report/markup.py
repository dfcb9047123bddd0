"""HTML escaping and the element ids and fragment links of cited spans: the primitives
every report and UI page builds on."""

from __future__ import annotations

import html
import re
from urllib.parse import quote as url_quote

# typography: any run of white space
_SPACE = re.compile(r"\s+")


def esc(text: object) -> str:
    """Escape any text for HTML content or a double-quoted attribute."""
    return html.escape(str(text), quote=True)


def doc_anchor(doc_id: str, start: int | None = None) -> str:
    """The element id of a document (``doc-<id>``) or of a cited span (``doc-<id>-<start>``)."""
    base = "doc-" + _SPACE.sub("_", doc_id)
    return base if start is None else f"{base}-{start}"


def href(anchor: str) -> str:
    """A fragment link to ``anchor``, escaped for an attribute."""
    return esc("#" + url_quote(anchor, safe="-_.~!$'()*+,;=:@/"))
