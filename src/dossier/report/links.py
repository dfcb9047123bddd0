"""Where the report's links point: one page, a folder of pages, or the web UI's routes.

The HTML of a story, a source or the index is written once; a :class:`Links`
object says what each link's ``href`` is. Three kinds:

* :class:`SinglePage`: everything in one self-contained file; links are fragments.
* :class:`FolderPages`: ``report.html`` (the index) plus ``report/`` with one
  page per story, per source and per story's full fact list, and the stylesheet.
* :class:`UiRoutes` (in :mod:`dossier.web.ui`): the web UI's URLs.

Every ``href`` a :class:`Links` returns is already escaped for an attribute.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from urllib.parse import quote

from dossier.report.markup import doc_anchor, esc, href

# not language: characters safe in a file name
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
FOLDER = "report"  # the folder beside report.html that holds the other pages


def page_name(kind: str, key: str) -> str:
    """A file name for one page (``source-<id>.html``): safe characters only, and a short hash
    of the id when anything had to be replaced (so two ids never share a file)."""
    safe = _UNSAFE.sub("_", key).strip("._") or "x"
    if safe != key or len(safe) > 80:
        safe = f"{safe[:60]}-{hashlib.sha1(key.encode('utf-8')).hexdigest()[:8]}"
    return f"{kind}-{safe}.html"


class Links:
    """Fragment links inside one page (the self-contained report)."""

    single_page = True

    def index(self) -> str:
        return "#top"

    def story(self, story_id: str) -> str:
        return _fragment("story-" + story_id)

    def section(self, story_id: str, section: str) -> str:
        return _fragment(f"{section}-{story_id}")

    def source(self, doc_id: str, start: int | None = None) -> str:
        return _fragment(doc_anchor(doc_id, start))

    def entity(self, story_id: str, entity_id: str) -> str:
        return _fragment(f"entity-{story_id}-{entity_id}")

    def facts(self, story_id: str) -> str:
        return _fragment(f"all-facts-{story_id}")

    def asset(self, name: str) -> str:
        return esc(name)


SinglePage = Links


@dataclass(frozen=True, slots=True)
class FolderPages(Links):
    """Links between the pages of a report folder; ``here`` is the folder of the page being
    written relative to the output folder (``""`` for ``report.html``, ``FOLDER`` inside)."""

    here: str = ""
    # The story shown on this page itself (the index of a one-story report): its sections
    # and entities are fragments of this page.
    local_story: str | None = None
    single_page = False

    def _to(self, name: str, fragment: str = "") -> str:
        prefix = "" if self.here == FOLDER else FOLDER + "/"
        tail = "#" + quote(fragment, safe="-_.~!$'()*+,;=:@/") if fragment else ""
        return esc(prefix + quote(name) + tail)

    def index(self) -> str:
        return esc("../report.html" if self.here == FOLDER else "report.html")

    def story(self, story_id: str) -> str:
        return self._to(page_name("story", story_id))

    def section(self, story_id: str, section: str) -> str:
        if story_id == self.local_story:
            return _fragment(f"{section}-{story_id}")
        return self._to(page_name("story", story_id), f"{section}-{story_id}")

    def source(self, doc_id: str, start: int | None = None) -> str:
        return self._to(page_name("source", doc_id), doc_anchor(doc_id, start))

    def entity(self, story_id: str, entity_id: str) -> str:
        if story_id == self.local_story:
            return _fragment(f"entity-{story_id}-{entity_id}")
        return self._to(page_name("story", story_id), f"entity-{story_id}-{entity_id}")

    def facts(self, story_id: str) -> str:
        return self._to(page_name("facts", story_id))

    def asset(self, name: str) -> str:
        return self._to(name)


def _fragment(anchor: str) -> str:
    return href(anchor)
