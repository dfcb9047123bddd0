"""English news furniture, listings, bylines and sentence connectives."""

from __future__ import annotations

from dossier.lang.discourse import NewsText
from dossier.lang.en.boilerplate import READ_MORE, SHARE_PROMPTS, SUBSCRIBE_PROMPTS
from dossier.lang.language import words

# The page's own furniture (share and subscription prompts, "read more") is the cleaner's,
# written once in lang/en/boilerplate.py; these are the phrases only sentences need.
_BOILERPLATE = (
    *sorted(SUBSCRIBE_PROMPTS | SHARE_PROMPTS | READ_MORE),
    "click here",
    "cookie",
    "cookies",
    "all rights reserved",
    "copyright",
    "advertisement",
    "related article",
    "find out more",
    "terms of use",
    "privacy policy",
    "last updated",
    "page last updated",
    "uk time",
    "gmt",
    "live page",
    "have your say",
    "e mail this",
    "email this",
)

_LISTING = (
    "programme information",
    "programme guide",
    "transmission details",
    "radio schedule",
    "tv schedule",
    "tv listings",
    "radio listings",
    "schedule for",
    "what s on",
    "on air",
    "tune in",
    "listen again",
    "watch again",
    "episode guide",
    "network radio",
)

NEWS = NewsText(
    boilerplate=_BOILERPLATE,
    listing=_LISTING,
    byline_words=frozenset(words("by from")),
    byline_verbs=frozenset(words("writes reports")),
    connectives=frozenset(
        words(
            "but and or so yet however meanwhile also still instead moreover furthermore "
            "nevertheless nonetheless though although besides otherwise thus therefore hence "
            "then later earlier similarly likewise additionally indeed anyway"
        )
    ),
    back_reference_nouns=frozenset(
        words("pair two three couple trio latter former men women man woman group duo both")
    ),
)
