"""Stage 2, clean: article text, title, outlet, author, dates; every removal recorded.

Removal reasons (``Removal.reason``):

- ``navigation``: menus, section labels, "Accessibility links", "Breaking News" above the article
- ``masthead``: the outlet's name printed at the top of the page (also sets ``outlet``)
- ``title``: the headline and any repeat of it (the title goes to ``Document.title``;
  it is *not* part of ``clean_text``)
- ``caption``: a photo caption or credit line; ``caption-repeat``: the same caption printed again
- ``byline``: "By Jane Doe" (sets ``author``)
- ``page-date``: a date/time line printed on the page (the first one before the body goes
  verbatim to ``page_date_text``)
- ``share``: share/print/send/follow rows ("Send to a friend", "Follow us on Twitter")
- ``subscribe``: newsletter and subscription prompts
- ``related-links``: "See also" / "Related Articles" / "Read more" headers and their lists
- ``outlet-blurb``: the outlet describing itself ("X journalists report the news in ...")
- ``legal``: legal notices, cookie banners, "If you are in ..., please note ..."
- ``footer``: copyright lines and other page furniture after the article
- ``tags``: "Tags: ..." / "Topics: ..." lines
- ``media-placeholder``: "16x9 Image", "Video", "0:00"
- ``reader-comment``: a reader's comment under the article ("At 2:10 pm on 2 Jun 2009, user
  wrote: ...", "user_42 wrote: ...")
- ``advertisement``: "Advertisement", "Sponsored", "Story continues below advertisement"
- ``cross-document-repeat``: a short, non-sentence line printed verbatim in several input
  documents (shared page furniture)
- ``boilerplate``: inside the article's span, a line the block classifier scored as furniture

Plain-text lines no rule explains get the reason of their place: ``navigation`` above the
article, ``related-links`` (short link-like lines) or ``footer`` below it. HTML blocks
trafilatura dropped get the same reasons. Each removal carries the block classifier's best
score among its lines (``Removal.score``; ``dossier clean --explain`` prints it).

Rejections: ``too short to be an article`` (fewer than ``min_article_words`` words of
prose, default 25); ``no article text after cleaning`` (no line reads as prose). A page that
stops mid-article is kept and flagged ``truncated``; one where the classifier kept lines it
was unsure of, ``cleaning-uncertain``; one in a language without language tables is cleaned
with the language-neutral features and flagged ``cleaned-language-neutral``.

A dateline ("ZAISAN, Kazakhstan --") stays in the body; its place goes to
``dateline_place``. Paragraphs in ``clean_text`` are separated by a blank line;
whitespace inside a line is collapsed; hard-wrapped lines are joined.

Plain text: :mod:`dossier.clean.blocks` (the learned block classifier,
:mod:`dossier.clean.classifier`, over :mod:`dossier.clean.features` and the rule cues of
:mod:`dossier.clean.cues`, whose phrases are the language's ``Boilerplate``), with
:mod:`dossier.clean.lines` (line shapes), :mod:`dossier.clean.outlet` and
:mod:`dossier.clean.assemble`. HTML: :mod:`dossier.clean.html` (trafilatura + htmldate),
then rule-based labelling of the extracted text (:mod:`dossier.clean.plain`) and the blocks
trafilatura dropped, read from the page's select-all rendering (:mod:`dossier.clean.render`).
Removal offsets index ``raw_text`` for plain text and are -1 for HTML.
"""

from dossier.clean.api import (
    NO_TEXT_REASON,
    TOO_SHORT_REASON,
    clean_documents,
    clean_file,
    clean_with_context,
)
from dossier.clean.settings import CleanSettings

__all__ = [
    "NO_TEXT_REASON",
    "TOO_SHORT_REASON",
    "CleanSettings",
    "clean_documents",
    "clean_file",
    "clean_with_context",
]
