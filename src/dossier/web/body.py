"""Reading a write's JSON body: every way it can be wrong is a ``400`` naming the problem.

The guard (:mod:`dossier.web.guard`) has already refused bodies that are too large,
too slow or not ``application/json``; what is left is the JSON itself.
"""

from __future__ import annotations

import json
import re

from starlette.requests import Request

from dossier.web.errors import ApiError

# not words: lone UTF-16 surrogates, which JSON may carry but text must not
_SURROGATE = re.compile("[\ud800-\udfff]")


async def json_body(request: Request) -> object:
    """The request's body as JSON (``null`` when empty)."""
    body = await request.body()
    try:
        data = json.loads(body or b"null")
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise ApiError(400, f"the body is not valid JSON: {exc}") from None
    except RecursionError:
        raise ApiError(400, "the body is not usable JSON: it is nested too deeply") from None
    where = _lone_surrogate(data)
    if where is not None:
        raise ApiError(
            400, f"the body is not valid Unicode: {where} holds a lone surrogate (\\ud800-\\udfff)"
        )
    return data


def _lone_surrogate(data: object) -> str | None:
    """Where the first string holding a lone UTF-16 surrogate is (``articles[0].text``)."""
    stack: list[tuple[str, object]] = [("the body", data)]
    while stack:
        where, value = stack.pop()
        if isinstance(value, str):
            if _SURROGATE.search(value):
                return where
        elif isinstance(value, dict):
            for key, item in value.items():
                if _SURROGATE.search(key):
                    return f"a field name in {where}"
                stack.append((key if where == "the body" else f"{where}.{key}", item))
        elif isinstance(value, list):
            stack.extend((f"{where}[{i}]", item) for i, item in enumerate(value))
    return None
