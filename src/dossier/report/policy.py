"""What a Dossier page may load and run: the one Content-Security-Policy, and the other
security headers, used by the report file and by the web app alike.

A page loads nothing from elsewhere and runs no script but the web UI's own file
(``/static/ui.js``, same origin, for the review buttons; it talks to the same
server only). Inline ``<style>`` and ``<script>`` blocks are allowed only by the
SHA-256 of their exact text, so a
page that inlines something must list it here: the report's stylesheet is
:func:`stylesheet`, and inline scripts go in :data:`INLINE_SCRIPTS`. The
report file carries the policy in a ``<meta>`` tag (:func:`policy_meta`); the
web app sends the same policy as a header on every response
(:func:`security_headers`), so a page looks and behaves the same in both.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Iterable
from importlib import resources

from dossier.report.markup import esc


def stylesheet() -> str:
    """The report's stylesheet (inlined in the one-page report, a file elsewhere)."""
    return resources.files("dossier.report").joinpath("report.css").read_text(encoding="utf-8")


def report_script() -> str:
    """The report's one script (outlines a cited passage; inlined in the one-page report)."""
    return resources.files("dossier.report").joinpath("report.js").read_text(encoding="utf-8")


# Inline scripts a page may carry (exact text between <script> and </script>).
INLINE_SCRIPTS: tuple[str, ...] = (report_script(),)


def source_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline block."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(
    styles: Iterable[str] | None = None, scripts: Iterable[str] | None = None
) -> str:
    """The policy: nothing from elsewhere; inline blocks only by hash.

    ``styles`` and ``scripts`` default to what the pages inline (:func:`stylesheet`,
    :data:`INLINE_SCRIPTS`); pass others only to check a policy in a test.
    """
    style_list = [stylesheet()] if styles is None else list(styles)
    script_list = list(INLINE_SCRIPTS) if scripts is None else list(scripts)
    directives = [
        "default-src 'none'",
        "style-src 'self' " + " ".join(source_hash(s) for s in style_list),
        "img-src 'self'",
        "script-src 'self' " + " ".join(source_hash(s) for s in script_list),
        "connect-src 'self'",
        "form-action 'self'",
        "base-uri 'none'",
        "frame-ancestors 'none'",
    ]
    return "; ".join(d.strip() for d in directives)


def policy_meta() -> str:
    """The policy as a ``<meta>`` tag for a page opened from a file (``frame-ancestors``
    only works as a header, so it is left out here)."""
    policy = "; ".join(
        d for d in content_security_policy().split("; ") if not d.startswith("frame-ancestors")
    )
    return f'<meta http-equiv="Content-Security-Policy" content="{esc(policy)}">'


def security_headers() -> dict[str, str]:
    """The headers the web app adds to every response."""
    return {
        "Content-Security-Policy": content_security_policy(),
        "X-Content-Type-Options": "nosniff",
        "Referrer-Policy": "no-referrer",
        "X-Frame-Options": "DENY",
        "Cross-Origin-Opener-Policy": "same-origin",
        "Cross-Origin-Resource-Policy": "same-origin",
    }
