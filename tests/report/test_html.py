"""The HTML report: escaping, working citation links, marks, and what each story shows."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from html.parser import HTMLParser
from urllib.parse import unquote

from hypothesis import given
from hypothesis import strategies as st

from dossier.model import Corpus, Document, Story
from dossier.report import render_report
from dossier.report.html_text import marked_text
from dossier.report.policy import report_script

from .sample import sample_corpus


class _Page(HTMLParser):
    """Collects element ids, fragment links, tags and the text inside each <mark>."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: list[str] = []
        self.links: list[str] = []
        self.tags: list[str] = []
        self.after_anchor: dict[str, str] = {}
        self._pending: str | None = None
        self._in_mark = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        a = dict(attrs)
        if a.get("id"):
            self.ids.append(a["id"] or "")
            if tag == "a" and a.get("class") == "anchor":
                self._pending = a["id"]
        if tag == "a" and (a.get("href") or "").startswith("#"):
            self.links.append(unquote((a["href"] or "")[1:]))
        if tag == "mark":
            self._in_mark = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            self._in_mark = False

    def handle_data(self, data: str) -> None:
        if self._pending and self._in_mark:
            self.after_anchor[self._pending] = data
            self._pending = None


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def test_every_citation_link_lands_on_its_highlighted_quote() -> None:
    corpus = sample_corpus()
    parsed = _parse(render_report(corpus))
    assert len(parsed.ids) == len(set(parsed.ids)), "element ids must be unique"
    missing = [link for link in parsed.links if link not in parsed.ids]
    assert missing == []
    story = corpus.stories[0]
    cites = [*story.headline.citations, *(c for e in story.events for c in e.citations)]
    for c in cites:
        anchor = f"doc-{c.doc}-{c.start}"
        assert anchor in parsed.links
        # the first marked segment after the anchor starts the quote
        assert c.quote.startswith(parsed.after_anchor[anchor])


def test_source_text_is_escaped_and_no_script_runs() -> None:
    evil = "<script>alert('x')</script> & <img src=x onerror=alert(1)>"
    corpus = sample_corpus()
    docs = list(corpus.documents)
    docs[4] = replace(
        docs[4],
        clean_text=docs[4].clean_text + "\n\n" + evil,
        title="<b>bold</b> title",
        outlet='"Coastal" <Times>',
    )
    docs[3] = replace(docs[3], reason="<script>bad()</script>")
    page = render_report(replace(corpus, documents=tuple(docs)))
    tags = set(_parse(page).tags)
    assert "img" not in tags and "b" not in tags
    # the one script is the report's own (outlining a cited passage), nothing from the sources
    assert page.count("<script>") == 1
    assert f"<script>{report_script()}</script>" in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "&lt;b&gt;bold&lt;/b&gt; title" in page
    assert "&quot;Coastal&quot; &lt;Times&gt;" in page
    assert page.lower().count("<script") == 1


def test_page_is_self_contained() -> None:
    page = render_report(sample_corpus())
    assert "<style>" in page
    # Nothing is loaded from elsewhere (links to the articles' own URLs are only links).
    assert not re.search(r"""src\s*=\s*["']?(https?:)?//""", page)
    assert "<link" not in page and "<script src" not in page


def test_story_sections_show_timeline_people_conflicts_matrix() -> None:
    page = render_report(sample_corpus())
    text = html.unescape(re.sub(r"<[^>]+>", " ", page))
    text = re.sub(r"\s+", " ", text)
    assert "A court in Oskholm sentenced journalist Mara Lindqvist to five years." in text
    assert "2021-07-12 The Oskholm District Court sentenced Lindqvist to five years." in text
    timeline = text[text.index("Date What happened Reported by") :]
    assert "Northern Ledger [ 1 ] , Baltic Wire [ 2 ]" in timeline
    assert "≈ 2021-07" in text  # approximate dates say so
    assert "age: 35 [ 2 ] / 34 [ 1 ] sources differ" in text
    assert "defence lawyer" in text and "judge" in text
    assert "Places" in text and "(also VESTRAVA)" in text
    assert "Outlets give different ages for Mara Lindqvist." in text
    assert "Who reports what" in text
    assert "What each outlet reports" in text
    assert (
        "Baltic Wire [2] 1 Lindqvist was sentenced to five years. 1 Brink plans to appeal. none"
        in text
    )
    assert "removed: related-links (4 lines), navigation (1 line)" in text
    assert "printed on the page as “13.07.2021”" in text
    assert "ambiguous-date-format : page date 13.07.2021 read as day-month" in text


def test_rejected_inputs_and_duplicates_are_listed_with_reasons() -> None:
    page = render_report(sample_corpus())
    section = page[page.index('id="other-inputs"') :]
    assert "rejected: empty file" in section
    assert 'duplicate of <a href="#doc-wire-0712">wire-0712</a>' in section
    assert "same text as wire-0712" in section


def test_empty_corpus_and_story_without_extras_render() -> None:
    page = render_report(Corpus(documents=()))
    assert "No stories were found" in page
    doc = Document(id="a b", source="a b.txt", clean_text="Plain text here.", outlet="X")
    story = Story(id="s1", title="Bare", document_ids=("a b",))
    page = render_report(Corpus(documents=(doc,), stories=(story,)))
    assert "No dated events found." in page and "Who reports what" not in page
    assert "facts-s1" not in page  # no contents entry for a section that is not there
    assert 'id="doc-a_b"' in page  # whitespace never reaches an id


def test_overlapping_spans_never_nest_marks() -> None:
    out = marked_text("abcdefgh", "d", [(1, 5), (3, 7)], light=[(6, 8)])
    assert out == (
        'a<a class="anchor" id="doc-d-1" data-len="4"></a><mark class="cited">bc</mark>'
        '<a class="anchor" id="doc-d-3" data-len="4"></a><mark class="cited">de</mark>'
        '<mark class="cited">f</mark>'
        '<a class="anchor" id="doc-d-6" data-len="2"></a><mark class="cited">g</mark>'
        '<span class="cited light">h</span>'
    )


def test_detail_citations_are_anchored_but_only_tinted() -> None:
    page = render_report(sample_corpus())
    # "Judge Tomas Rell" is cited only for a role: anchored and tinted, not highlighted
    assert (
        '<a class="anchor" id="doc-ledger-2021-07-13-99" data-len="16"></a>'
        '<span class="cited light">Judge Tomas Rell</span>'
    ) in page


@given(
    st.text(alphabet=st.sampled_from("ab<>&\"' \n"), max_size=40),
    st.lists(st.tuples(st.integers(0, 45), st.integers(0, 45)), max_size=6),
)
def test_marked_text_keeps_the_text_exactly(text: str, spans: list[tuple[int, int]]) -> None:
    out = marked_text(text, "x", spans[::2], shared=spans[:1], light=spans[1::2])
    assert html.unescape(re.sub(r"<[^>]*>", "", out)) == text
    assert "<" not in re.sub(r"</?(mark|span|a)\b[^>]*>", "", out)


def test_what_is_new_lists_the_store_s_change_log_latest_first() -> None:
    from dossier.model import Change

    corpus = sample_corpus()
    story = replace(
        corpus.stories[0],
        changes=(
            Change(1, "2021-07-13T10:00:00", "story-new", "s-lindqvist", "Story started."),
            Change(2, "2021-07-20T09:00:00", "document-new", "wire-0712", "New source: wire."),
        ),
    )
    page = render_report(replace(corpus, stories=(story, *corpus.stories[1:])))
    section = page[page.index('id="changes-s-lindqvist"') :]
    assert section.index("Build 2, 2021-07-20") < section.index("Build 1, 2021-07-13")
    assert "New source: wire." in section
    assert 'href="#changes-s-lindqvist">What is new</a>' in page
    assert "changes-s-harbour" not in page  # a story without a change log has no such section


def test_summary_sentences_are_dated_and_sources_say_why_they_are_in_the_story() -> None:
    from dossier.model import DateValue, Membership

    corpus = sample_corpus()
    story = corpus.stories[0]
    first, second = story.document_ids[:2]
    dated = tuple(
        replace(s, as_of=DateValue(day, "day"))
        for s, day in zip(story.summary, ("2021-03-05", "2021-07-13"), strict=True)
    )
    membership = (
        Membership(first, "founder", 0.62, ("Mara Lindqvist", "Vestrava"), ("court",)),
        Membership(second, "similar", 0.58, ("Mara Lindqvist",), ("sentence", "appeal")),
    )
    story = replace(story, summary=dated, membership=membership)
    page = render_report(replace(corpus, stories=(story, *corpus.stories[1:])))
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))
    assert "As of 2021-03-05: Mara Lindqvist was detained in Vestrava in March 2021." in text
    assert "As of 2021-07-13: Her lawyer plans to appeal." in text
    assert "Why in this story" in text
    assert "the story's first report (similarity 0.62 to the others)" in text
    assert "similarity 0.58 to the story's other reports; shares names Mara Lindqvist" in text


def test_a_summary_sentence_shows_when_what_it_reports_happened_before_its_report() -> None:
    from dossier.model import DateValue

    corpus = sample_corpus()
    story = corpus.stories[0]
    first, second = story.summary[:2]
    dated = (
        replace(
            first, as_of=DateValue("2021-07-13", "day"), event_date=DateValue("2021-03", "month")
        ),
        replace(
            second, as_of=DateValue("2021-07-13", "day"), event_date=DateValue("2021-07-13", "day")
        ),
    )
    page = render_report(
        replace(corpus, stories=(replace(story, summary=dated), *corpus.stories[1:]))
    )
    text = re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", page)))
    assert "2021-03 (as of 2021-07-13): Mara Lindqvist was detained in Vestrava" in text
    assert "As of 2021-07-13: Her lawyer plans to appeal." in text
