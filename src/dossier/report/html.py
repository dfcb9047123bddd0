"""The HTML report: a folder of pages (the default) or one self-contained page.

* :func:`write_report` writes ``report.html`` (the index: the story itself when there
  is one, else the list of stories) and ``report/`` beside it: a page per story, per
  source and per story's full list of facts, and the stylesheet. The index stays small
  however many articles there are, and every page is plain HTML and CSS (no script),
  so it works from disk, in any browser, and under a strict Content-Security-Policy.
* :func:`render_report` returns one self-contained page with everything inline
  (``dossier build --single-file``); the web UI reuses the same pieces.

Every piece of source text is HTML-escaped; citation markers link to the quoted span in
the source's clean text (``doc-<id>-<start>``), where the quote is highlighted.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path

from dossier.model import Corpus, Document, Story
from dossier.report.html_facts import facts_table
from dossier.report.html_index import index_body, other_inputs
from dossier.report.html_source import source_article
from dossier.report.html_story import detail_citations, main_citations, story_body
from dossier.report.html_text import DocSpans, SourceLabels
from dossier.report.links import FOLDER, FolderPages, Links, page_name
from dossier.report.markup import esc
from dossier.report.policy import policy_meta, report_script, stylesheet

STYLESHEET = "report.css"
SCRIPT = "report.js"


def page(
    title: str,
    body: str,
    *,
    nav_html: str = "",
    head_html: str = "",
    assets: str | None = None,
) -> str:
    """A complete HTML page around ``body`` (trusted, already escaped HTML).

    The stylesheet and the report's script are inline unless ``assets`` says where their
    files are (``report/`` beside ``report.html``, ``""`` inside that folder, ``/static/`` in
    the web UI). The page carries the Content-Security-Policy of
    :mod:`dossier.report.policy`: anything inlined here (style or script) must be allowed there.
    """
    if assets is None:
        style = f"<style>{stylesheet()}</style><script>{report_script()}</script>"
    else:
        style = (
            f'<link rel="stylesheet" href="{esc(assets + STYLESHEET)}">'
            f'<script src="{esc(assets + SCRIPT)}" defer></script>'
        )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="en"><head><meta charset="utf-8">{policy_meta()}'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{esc(title)}</title>{style}{head_html}</head>\n"
        '<body id="top"><a class="skip" href="#main">Skip to the content</a>'
        f'{nav_html}<main id="main">{body}</main></body></html>\n'
    )


def cited_spans(stories: Sequence[Story]) -> dict[str, DocSpans]:
    """Per document, the spans the report links to."""
    strong: dict[str, set[tuple[int, int]]] = {}
    light: dict[str, set[tuple[int, int]]] = {}
    for story in stories:
        for c in main_citations(story):
            strong.setdefault(c.doc, set()).add((c.start, c.end))
        for c in detail_citations(story):
            light.setdefault(c.doc, set()).add((c.start, c.end))
    return {
        doc: DocSpans(tuple(sorted(strong.get(doc, ()))), tuple(sorted(light.get(doc, ()))))
        for doc in strong.keys() | light.keys()
    }


def duplicates_by_original(docs: Mapping[str, Document]) -> dict[str, list[Document]]:
    out: dict[str, list[Document]] = {}
    for doc in docs.values():
        if doc.duplicate_of:
            out.setdefault(doc.duplicate_of, []).append(doc)
    return out


def _header(corpus: Corpus, heading: str) -> str:
    statuses: dict[str, int] = {}
    for d in corpus.documents:
        statuses[d.status] = statuses.get(d.status, 0) + 1
    counts = ", ".join(f"{n} {status}" for status, n in sorted(statuses.items()))
    generated = f" · generated {esc(corpus.generated_at)}" if corpus.generated_at else ""
    if corpus.builds:
        generated += f" · build {corpus.builds[-1].id} of the case file"
    return (
        f'<header class="page"><p class="site">{esc(heading)}</p>'
        f'<p class="meta">{len(corpus.stories)} story(ies) from {len(corpus.documents)} '
        f"input(s) ({esc(counts or 'none')}){generated}</p></header>"
    )


def _footer(corpus: Corpus) -> str:
    if not corpus.stage_log:
        return ""
    log = "\n".join(corpus.stage_log)
    return (
        '<footer class="page"><details><summary>How this report was made</summary>'
        f"<pre>{esc(log)}</pre></details></footer>"
    )


# ---------------------------------------------------------------- one page


def render_report(
    corpus: Corpus, *, title: str | None = None, nav_html: str = "", head_html: str = ""
) -> str:
    """The whole corpus as one self-contained page (inline stylesheet, every source inline)."""
    links = Links()
    docs = corpus.by_id()
    spans = cited_spans(corpus.stories)
    dupes = duplicates_by_original(docs)
    single = len(corpus.stories) == 1
    tab = title or (corpus.stories[0].title if single else "Dossier")
    body = [_header(corpus, title or "Dossier")]
    if len(corpus.stories) > 1:
        body.append(index_body(corpus, links))
    if not corpus.stories:
        body.append('<p class="meta">No stories were found in these inputs.</p>')
    for story in corpus.stories:
        labels = SourceLabels(story.document_ids, docs, links)
        texts = "".join(
            source_article(
                docs[d], labels.number(d), spans.get(d, DocSpans()), dupes.get(d, []), docs, links
            )
            for d in story.document_ids
            if d in docs
        )
        body.append(
            story_body(
                story,
                docs,
                links,
                level=1 if single else 2,
                extra_sections=(("texts", "Source texts", texts),),
            )
        )
    body.append(other_inputs(corpus, links, spans))
    body.append(_footer(corpus))
    return page(tab, "\n".join(b for b in body if b), nav_html=nav_html, head_html=head_html)


# ---------------------------------------------------------------- a folder of pages


def report_pages(corpus: Corpus) -> dict[str, str]:
    """Every page of the report folder: ``{relative path: html}`` (``report.html`` is the
    index; the others are in ``report/``)."""
    docs = corpus.by_id()
    spans = cited_spans(corpus.stories)
    dupes = duplicates_by_original(docs)
    inside = FolderPages(here=FOLDER)
    top = FolderPages(here="")
    pages: dict[str, str] = {}
    single = corpus.stories[0] if len(corpus.stories) == 1 else None
    index = [_header(corpus, "Dossier")]
    if single is not None:
        here = FolderPages(here="", local_story=single.id)
        index.append(story_body(single, docs, here, level=1))
    elif corpus.stories:
        index.append(index_body(corpus, top))
    else:
        index.append('<p class="meta">No stories were found in these inputs.</p>')
    index += [other_inputs(corpus, top, spans, with_texts=False), _footer(corpus)]
    tab = single.title if single is not None else "Dossier"
    pages["report.html"] = page(tab, "\n".join(b for b in index if b), assets=FOLDER + "/")
    back = (
        '<header class="page"><nav class="site" aria-label="Site">'
        f'<a href="{inside.index()}">Dossier</a></nav></header>'
    )
    for story in corpus.stories:
        body = story_body(story, docs, inside, level=1)
        pages[f"{FOLDER}/{page_name('story', story.id)}"] = page(
            story.title, body, nav_html=back, assets=""
        )
        pages[f"{FOLDER}/{page_name('facts', story.id)}"] = _facts_page(story, docs, inside, back)
    in_story = {d: s for s in corpus.stories for d in s.document_ids}
    for doc in corpus.documents:
        home = in_story.get(doc.id)
        number = SourceLabels(home.document_ids, docs).number(doc.id) if home else doc.id
        up = f' · <a href="{inside.story(home.id)}">{esc(home.title)}</a>' if home else ""
        nav = back.replace("</nav>", up + "</nav>", 1)
        article = source_article(
            doc,
            number,
            spans.get(doc.id, DocSpans()),
            dupes.get(doc.id, []),
            docs,
            inside,
            level=1,
        )
        pages[f"{FOLDER}/{page_name('source', doc.id)}"] = page(
            doc.title or doc.id, article, nav_html=nav, assets=""
        )
    return pages


def _facts_page(story: Story, docs: Mapping[str, Document], links: FolderPages, nav: str) -> str:
    labels = SourceLabels(story.document_ids, docs, links)
    facts = story.corroborations
    body = (
        f"<h1>All facts: {esc(story.title)}</h1>"
        f'<p><a href="{links.story(story.id)}">Back to the story</a></p>'
        + facts_table(facts, labels, f"All {len(facts)} facts, most widely reported first", None)
    )
    return page(f"All facts: {story.title}", body, nav_html=nav, assets="")


def folder_files(corpus: Corpus) -> dict[str, str]:
    """Every file of the report's folder form, ``{path relative to OUT: text}``:
    ``report.html`` and, in ``report/``, the pages and what they load."""
    return {
        f"{FOLDER}/{STYLESHEET}": stylesheet(),
        f"{FOLDER}/{SCRIPT}": report_script(),
        **report_pages(corpus),
    }


def write_report(corpus: Corpus, out: Path, *, single_file: bool = False) -> list[Path]:
    """Write the report into ``out``: ``report.html`` and the ``report/`` folder, or with
    ``single_file`` one self-contained ``report.html``. Returns the paths written.

    Pages are written to a temporary folder first and then moved into place, so a failed
    run leaves the previous report as it was; pages of an earlier build that this one no
    longer has are removed with the old folder.
    """
    out.mkdir(parents=True, exist_ok=True)
    if single_file:
        _replace_file(out / "report.html", render_report(corpus))
        _remove_tree(out / FOLDER)
        return [out / "report.html"]
    files = folder_files(corpus)
    staging = Path(tempfile.mkdtemp(prefix=".report-", dir=out))
    try:
        (staging / FOLDER).mkdir()
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8")
        old = out / f".{FOLDER}-old"
        _remove_tree(old)
        if (out / FOLDER).exists():
            os.replace(out / FOLDER, old)
        os.replace(staging / FOLDER, out / FOLDER)
        os.replace(staging / "report.html", out / "report.html")
        _remove_tree(old)
    finally:
        _remove_tree(staging)
    return [out / "report.html", out / FOLDER]


def _replace_file(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def _remove_tree(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
