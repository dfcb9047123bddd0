"""docs/api.md must document every route the app serves."""

from __future__ import annotations

from pathlib import Path

from starlette.routing import Mount, Route

from dossier.web.app import routes

DOC = Path(__file__).resolve().parents[2] / "docs" / "api.md"


def _documented_forms() -> list[str]:
    forms = []
    for route in routes():
        if isinstance(route, Mount):
            forms.append(f"`GET {route.path}/{{file}}`")
            continue
        assert isinstance(route, Route)
        path = route.path.replace(":str}", "}").replace("{story_id}", "{id}")
        path = path.replace("{doc_id}", "{id}")
        methods = sorted((route.methods or {"GET"}) - {"HEAD"})
        forms.extend(f"`{method} {path}" for method in methods)
    return forms


def test_every_route_is_documented() -> None:
    text = DOC.read_text(encoding="utf-8")
    missing = [form for form in _documented_forms() if form not in text]
    assert missing == []


def test_the_error_shape_is_documented() -> None:
    assert '{"ok": false, "error": {"status": 404, "message":' in DOC.read_text(encoding="utf-8")
