"""Issue 19: random bodies to the build endpoint; every answer is a build or the API's one
documented error shape, never a 500."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from starlette.testclient import TestClient

texts = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200
) | st.sampled_from(["note.txt", "../x", "a/b", ".hidden", "x" * 300, "\ud800"])

DOCUMENTED = {400, 403, 408, 409, 413, 415, 421, 422}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(texts, inner, max_size=4),
    max_leaves=20,
)
bodies = (
    st.binary(max_size=300)
    | json_values.map(lambda v: json.dumps(v).encode())
    | st.builds(
        lambda articles: json.dumps({"articles": articles}).encode(),
        st.lists(st.fixed_dictionaries({"name": texts, "text": texts}), max_size=3),
    )
)


@given(body=bodies, content_type=st.sampled_from(["application/json", "text/plain", ""]))
@hsettings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_any_body_gets_a_build_or_the_error_shape(
    client: TestClient, body: bytes, content_type: str
) -> None:
    headers = {"content-type": content_type} if content_type else {}
    response = client.post("/api/build", content=body, headers=headers)
    data = response.json()
    if response.status_code == 200:
        assert data["ok"] is True
        return
    assert response.status_code in DOCUMENTED, response.text
    assert set(data) == {"ok", "error"} and data["ok"] is False
    assert data["error"]["status"] == response.status_code and data["error"]["message"]
