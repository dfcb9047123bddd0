"""Where an HTML page says it lives and who publishes it: canonical link, og:url, og:site_name.

Read from the page's ``<head>`` with the standard library's tolerant HTML
parser (malformed markup never raises); only the first
:data:`HEAD_LIMIT` characters are looked at.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

HEAD_LIMIT = 300_000


@dataclass(frozen=True, slots=True)
class PageMeta:
    canonical: str | None = None
    og_url: str | None = None
    site_name: str | None = None


class _HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.canonical: str | None = None
        self.og_url: str | None = None
        self.site_name: str | None = None
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.done:
            return
        if tag == "body":
            self.done = True
            return
        a = {k.lower(): (v or "").strip() for k, v in attrs}
        if tag == "link" and "canonical" in a.get("rel", "").lower().split():
            self.canonical = self.canonical or a.get("href") or None
        elif tag == "meta":
            key = (a.get("property") or a.get("name") or "").lower()
            if key == "og:url":
                self.og_url = self.og_url or a.get("content") or None
            elif key == "og:site_name":
                self.site_name = self.site_name or " ".join(a.get("content", "").split()) or None


def page_meta(html: str) -> PageMeta:
    """The canonical URL, og:url and og:site_name of a page (each ``None`` when absent or not
    an absolute http(s) URL; a relative canonical link is resolved against og:url)."""
    parser = _HeadParser()
    try:
        parser.feed(html[:HEAD_LIMIT])
        parser.close()
    except (AssertionError, ValueError):  # HTMLParser gives up on some broken markup
        pass
    og_url = _absolute(parser.og_url)
    canonical = parser.canonical
    if canonical and og_url and not urlsplit(canonical).scheme:
        canonical = urljoin(og_url, canonical)
    return PageMeta(_absolute(canonical), og_url, parser.site_name)


def _absolute(url: str | None) -> str | None:
    if not url:
        return None
    if url.startswith("//"):
        url = "https:" + url
    parts = urlsplit(url)
    if parts.scheme.lower() not in {"http", "https"} or not parts.netloc:
        return None
    return url
