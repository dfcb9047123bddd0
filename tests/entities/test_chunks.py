from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from dossier.nlp import text_chunks


@given(st.text(alphabet="ab .\n", max_size=3000), st.integers(min_value=20, max_value=400))
def test_chunks_cover_the_text_in_order_within_the_limit(text: str, limit: int) -> None:
    spans = text_chunks(text, limit)
    assert "".join(text[a:b] for a, b in spans) == text
    assert all(b - a <= limit for a, b in spans)
    assert all(spans[i][1] == spans[i + 1][0] for i in range(len(spans) - 1))


def test_chunks_end_at_paragraph_breaks_when_there_are_any() -> None:
    paragraph = "Judge Ilse Brandt opened the hearing in Castrel. " * 3
    text = "\n\n".join([paragraph] * 6)
    spans = text_chunks(text, 400)
    assert len(spans) > 1
    assert all(text[b - 2 : b] == "\n\n" for _, b in spans[:-1])
