"""Issue 19, defects 5 and 8: text utilities and the language stage's markup reader cost
what their input is long, whatever it holds (each under a deadline that only a return to
quadratic time would miss), and give the same answers as before on ordinary text."""

from __future__ import annotations

import re

import numpy as np
from hypothesis import example, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from deadline import deadline
from dossier.dedup.shingles import signature_matrix
from dossier.lang import load_language
from dossier.model import Document
from dossier.nlp.language import page_text
from dossier.text import break_long_lines, typographic_sentences


def test_sentences_of_one_very_long_line() -> None:
    line = "Mr. J. Smith met the U.S. envoy on Jan. 3 in Oslo. He left. " * 20_000  # 1.2 MB
    with deadline(30):
        spans = typographic_sentences(line, load_language("en").abbreviations)
    assert len(spans) == 40_000
    assert line[spans[0][0] : spans[0][1]] == "Mr. J. Smith met the U.S. envoy on Jan. 3 in Oslo."


@given(st.text(alphabet=st.sampled_from("ab .!?\nCD\t"), max_size=400), st.integers(5, 60))
@example("?????????? ", 5)  # one long word, then the line's only space: break there
@hsettings(max_examples=200, deadline=None)
def test_breaking_long_lines_only_turns_spaces_into_newlines(text: str, limit: int) -> None:
    broken = break_long_lines(text, limit)
    assert len(broken) == len(text)
    assert all(a == b or (a.isspace() and b == "\n") for a, b in zip(text, broken, strict=True))
    if "\n" not in text and "." not in text and "  " not in text and len(text) > 2 * limit:
        # one line of words: broken into lines no longer than the limit (or one word)
        assert all(len(line) <= limit or " " not in line for line in broken.split("\n"))


def test_long_lines_are_not_broken_after_an_abbreviation_of_the_language() -> None:
    sentence = "Dr. Amara Osei of the Mines Ministry told St. Clair council on Nov. 2 it must act. "
    line = sentence * 40
    abbreviations = load_language("en").abbreviations
    broken = break_long_lines(line, 200, abbreviations).split("\n")
    assert len(broken) > 1
    assert all(piece.endswith("act.") for piece in broken[:-1])
    # without the language's abbreviations, "Dr." and "St." end a sentence
    assert any(not p.endswith("act.") for p in break_long_lines(line, 200).split("\n")[:-1])


def test_breaking_a_three_megabyte_line_is_quick() -> None:
    text = "The court met. " * 200_000
    with deadline(60):
        broken = break_long_lines(text, 4000)
    assert broken.count("\n") == 200_000 - 1
    assert break_long_lines("short\nlines stay", 4000) == "short\nlines stay"


_OLD_INVISIBLE = re.compile(r"<(script|style|noscript)\b.*?</\1\s*>|<!--.*?-->", re.I | re.S)
_OLD_TAG = re.compile(r"<[^>]{0,2000}>")


def _html(text: str) -> Document:
    return Document(id="p", source="p", media_type="html", raw_text=text)


def test_markup_is_read_as_before_on_ordinary_pages() -> None:
    pages = [
        "<html><head><title>T</title><style>p{}</style></head><body><p>Hello <b>world</b>"
        "<!-- note --><script>var a = '<p>';</script> again</p></body></html>",
        "<SCRIPT type=x>x</script >after <noscript>n</noscript>text",
        "a < b and c > d <p>ok</p> <!-- open",
        "<script>never closed <p>text</p>",
    ]
    for page in pages:
        expected = _OLD_TAG.sub(" ", _OLD_INVISIBLE.sub(" ", page))
        assert page_text(_html(page), 200_000) == re.sub(r"&#?\w{1,10};", " ", expected)


def test_hostile_markup_is_read_in_linear_time() -> None:
    for junk in ("<script>", "<!--", "<", "<a b", "<style></stylex", "<noscript"):
        with deadline(20):
            page_text(_html(junk * (200_000 // len(junk))), 200_000)


def test_signatures_of_a_huge_set_match_the_direct_computation() -> None:
    rng = np.random.RandomState(3)
    items = frozenset(int(x) for x in rng.randint(0, 1 << 32, size=100_000, dtype=np.int64))
    (row,) = signature_matrix([items], 64)
    r = np.random.RandomState(1)
    a = r.randint(1, 1 << 31, size=64, dtype=np.int64).astype(np.uint64)[:, None]
    b = r.randint(0, 1 << 31, size=64, dtype=np.int64).astype(np.uint64)[:, None]
    values = np.fromiter(items, dtype=np.uint64)[None, :]
    mersenne, mask = np.uint64((1 << 61) - 1), np.uint64(0xFFFFFFFF)
    assert (row == (((a * values + b) % mersenne) & mask).min(axis=1)).all()


def test_a_told_credit_in_a_long_repetitive_text_is_checked_in_one_pass() -> None:
    """A source quoted as having "told X" credits X only if X appears nowhere else: each
    such name of a text counted by one pass over it, not one pass per "told" (3 MB of a
    paragraph told to names that recur took minutes)."""
    from dossier.dedup.credits import find_credit

    paragraph = (
        "A harbour official told Kessa Radio on Monday that the ferry would not sail. "
        "Kessa Radio said the ferry owner, Brant & Sons, told O'Hara on Tuesday.\n\n"
    )
    text = paragraph * 20_000  # 3 MB: every name recurs
    doc = Document(id="d", source="d.txt", clean_text=text)
    english = load_language("en")
    with deadline(60):
        assert find_credit(doc, english) is None
    once = Document(id="e", source="e.txt", clean_text=paragraph + "He told Velmar Post.")
    credit = find_credit(once, english)
    assert credit is not None and credit.name == "Velmar Post"
    # a name that is not one run of letters is counted as written
    apostrophe = Document(id="f", source="f.txt", clean_text="A clerk told O'Hara.")
    found = find_credit(apostrophe, english)
    assert found is not None and found.name == "O'Hara"
