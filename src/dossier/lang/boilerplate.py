"""How a language's web pages word their furniture: the cleaner's language table.

Menus, share and subscription prompts, "related articles" headers, copyright and cookie
notices, photo credits, bylines, date lines, paywalls, outlet self-descriptions: the phrases
(matched against a line's comparison key, lower case, edge punctuation dropped) and the
patterns (compiled regular expressions over a line's text) that the cleaner's rule cues use.
The cues are features of the block classifier, not its decision (see
:mod:`dossier.clean.blocks`). A language without this table is cleaned with the
language-neutral features only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Needles:
    """Cheap substring tests (lower case) run before a slow pattern."""

    subscribe: tuple[str, ...]
    copyright: tuple[str, ...]
    policy: tuple[str, ...]
    cookie: tuple[str, ...]
    ui: tuple[str, ...]
    credit: tuple[str, ...]
    paywall: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Boilerplate:
    """Phrases and patterns of page furniture in one language."""

    # Whole lines (by comparison key): "home", "share this article", "newsletter", ...
    navigation: frozenset[str]
    share: frozenset[str]
    subscribe: frozenset[str]
    related_headers: frozenset[str]
    tag_headers: frozenset[str]
    # Controls that make up a share row together ("print this page", "text size", "a+").
    share_controls: tuple[str, ...]
    # Lines opening with these shapes.
    section_header: re.Pattern[str]  # "More from World", "Latest in Politics"
    reading_time: re.Pattern[str]  # "5 min read"
    related_prefix: re.Pattern[str]  # "Read more: ...", "See also » ..."
    follow: re.Pattern[str]  # "Follow us on ..."
    subscribe_prompt: re.Pattern[str]  # "Sign up for our newsletter ..."
    share_prompt: re.Pattern[str]  # "Share this story with a friend"
    share_row: re.Pattern[str]  # "Facebook Twitter Email"
    copyright: re.Pattern[str]  # "© 2020 ...", "All rights reserved"
    policy_links: re.Pattern[str]  # "Privacy policy | Terms of use"
    cookies: re.Pattern[str]  # "We use cookies ..."
    interface: re.Pattern[str]  # "click here", "enable JavaScript", "views expressed in comments"
    tags: re.Pattern[str]  # "Tags: ..."
    media: re.Pattern[str]  # "Video", "Play", "16x9 Image", "0:00"
    advert: re.Pattern[str]  # "Advertisement", "Story continues below"
    reader_comment: re.Pattern[str]  # "At 2:10 pm on 2 Jun 2009, user wrote:"
    comment_count: re.Pattern[str]  # "12 comments"
    credit: re.Pattern[str]  # "Photo: ...", "Getty Images", "/Reuters"
    credit_label: re.Pattern[str]  # a credit glued to the start of a line: "Photograph: "
    caption_position: re.Pattern[str]  # "(left)", "pictured"
    byline_start: re.Pattern[str]  # "By", "Written by", "Posted"
    byline: re.Pattern[str]  # "By Jane Doe, Staff reporter"; group ``name``
    dated_byline: re.Pattern[str]  # "Posted on <date> by <name>"; groups ``date``, ``name``
    byline_then_date: re.Pattern[str]  # "By <name> | <date>"
    paywall: re.Pattern[str]  # "Subscribe to read the rest", "This article is for subscribers"
    legal_words: re.Pattern[str]  # words of legal notices ("rights reserved", "prohibited")
    blurb_words: re.Pattern[str]  # words of an outlet describing itself ("journalists", "news")
    first_plural: re.Pattern[str]  # "we", "our", "us" (not "US")
    self_description: re.Pattern[str]  # "<Name> journalists report ..."; group ``name``
    copyright_name: re.Pattern[str]  # the name in a copyright line; group ``name``
    subscribe_name: re.Pattern[str]  # "Subscribe to <Name> updates"; group ``name``
    subscribe_tail: re.Pattern[str]  # " updates", " newsletter" after that name
    brand_words: re.Pattern[str]  # "news", "times", "herald": words of outlet names
    dateline: re.Pattern[str]  # "ZAISAN, Kazakhstan --"; groups ``place``, ``agency``, ``dash``
    # Words allowed in a line that is only a date besides the calendar's ("published", "gmt").
    date_words: frozenset[str]
    # A credit's agency words after the photographer ("Images", "AFP").
    agency_tail: frozenset[str]
    generic_agencies: frozenset[str]  # "agencies", "wires": not an outlet's name
    not_names: frozenset[str]  # "the", "this", "we": a self-description's subject, not a name
    name_joiners: frozenset[str]  # "the", "of", "de": small words inside an outlet's name
    needles: Needles
