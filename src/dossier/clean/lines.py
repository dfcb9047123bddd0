"""Line shapes and boilerplate vocabularies for plain-text page dumps.

Everything here is generic web-page furniture (navigation, share rows,
subscription prompts, related-article lists, legal notices, media
placeholders); nothing is specific to one outlet.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_TERMINAL = re.compile(r"[.!?…](?:\s?[\"'”’»)\]`´]+)*$")
_OPENERS = "\"“‘'«([`„‚"


@dataclass(frozen=True, slots=True)
class Line:
    """One non-blank line of a page dump, with its position in the raw text."""

    index: int  # position among non-blank lines
    start: int  # offset of the first non-space character in the raw text
    end: int  # offset after the last non-space character
    text: str  # whitespace-normalised text
    block: int  # paragraph number (blank lines separate paragraphs)
    indent: int  # leading spaces in the raw line
    key: str  # line_key(text): comparison key across lines and documents
    words: int  # word count


_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
_WORD_CHAR = re.compile(r"[^\W_]")


def normalise_space(text: str) -> str:
    """Collapse every run of (Unicode) whitespace to one space; drop zero-width characters."""
    if _ZERO_WIDTH.search(text):
        text = _ZERO_WIDTH.sub("", text)
    return " ".join(text.split())


def split_lines(raw: str) -> list[Line]:
    """Non-blank lines with raw offsets; ``block`` increments at each blank line.

    A photo credit glued to the start of a long line ("Photograph: A Name/Agency The
    minister said ...", common in crawled text) is split off as a line of its own, so
    the credit can be removed without the sentence that follows it.
    """
    lines: list[Line] = []
    block = 0
    pos = 0
    previous_blank = True
    for piece in raw.split("\n"):
        text = normalise_space(piece)
        if not text:
            if not previous_blank:
                block += 1
            previous_blank = True
        else:
            lead = len(piece) - len(piece.lstrip())
            start, end = pos + lead, pos + len(piece.rstrip())
            for a, b in _credit_split(raw, start, end, text):
                part = normalise_space(raw[a:b])
                lines.append(
                    Line(
                        index=len(lines),
                        start=a,
                        end=b,
                        text=part,
                        block=block,
                        indent=lead,
                        key=_key(part),
                        words=word_count(part),
                    )
                )
            previous_blank = False
        pos += len(piece) + 1
    return lines


_CREDIT_LABEL = re.compile(
    r"^(?:photograph|photo(?:graph)?s?(?: credits?)?|pictures?(?: credit)?|image(?: credit)?|credit"
    r"|video)\s*:\s*\S",
    re.I,
)
_PAREN_CREDIT = re.compile(r"^(?:(?:\(|-LRB-)[^()]{1,100}?(?:\)|-RRB-)\s*)+")
_AGENCY_TAIL = frozenset(
    {
        "images",
        "features",
        "press",
        "photos",
        "pictures",
        "photo",
        "pool",
        "agency",
        "news",
        "afp",
        "ap",
        "reuters",
        "epa",
        "pa",
    }
)


def _credit_split(raw: str, start: int, end: int, text: str) -> list[tuple[int, int]]:
    """Split a leading photo credit off a long line; returns raw spans (one or two)."""
    if word_count(text) <= 25:
        return [(start, end)]
    tokens = text.split(" ")
    cut = 0
    paren = _PAREN_CREDIT.match(text)
    if paren and has_credit(paren.group()):
        cut = len(paren.group().split())
    elif _CREDIT_LABEL.match(text):
        for i, token in enumerate(tokens[:12]):
            if "/" in token:
                cut = i + 1
        while cut and cut < len(tokens) and tokens[cut].lower().strip(".,") in _AGENCY_TAIL:
            cut += 1
    if not 0 < cut < len(tokens) - 5:
        return [(start, end)]
    spans = [m.span() for m in re.finditer(r"\S+", raw[start:end])]
    if len(spans) != len(tokens):  # zero-width characters make token counts differ: no split
        return [(start, end)]
    middle_end = start + spans[cut - 1][1]
    middle_start = start + spans[cut][0]
    return [(start, middle_end), (middle_start, end)]


def line_key(text: str) -> str:
    """Key for cross-document comparison: case, bullets, edge punctuation ignored."""
    return _key(normalise_space(text))


def _key(normalised: str) -> str:
    first = _WORD_CHAR.search(normalised)
    if first is None:
        return ""
    last = _WORD_CHAR.search(normalised[::-1])
    assert last is not None
    return normalised[first.start() : len(normalised) - last.start()].lower()


def word_count(text: str) -> int:
    return len(_WORD.findall(text))


def ends_sentence(text: str) -> bool:
    return bool(_TERMINAL.search(text))


def is_sentence_like(text: str) -> bool:
    """Body prose: a complete sentence of some length, or a long run of words."""
    n = word_count(text)
    if n >= 20:
        return True
    first = text[:1]
    return (
        n >= 6 and ends_sentence(text) and (first.isupper() or first.isdigit() or first in _OPENERS)
    )


def is_prose(text: str) -> bool:
    """Stricter than :func:`is_sentence_like`: what a body paragraph looks like."""
    n = word_count(text)
    return (n >= 8 and ends_sentence(text)) or n >= 25


def is_headline_like(text: str) -> bool:
    n = word_count(text)
    if not 2 <= n <= 30:
        return False
    if text.endswith(".") and not text.endswith("..."):
        return False
    first = text.lstrip("\"“‘'«([")[:1]
    return first.isupper() or first.isdigit()


def _phrases(text: str) -> frozenset[str]:
    """A vocabulary written as "a|b|c" over several lines."""
    return frozenset(p.strip() for p in text.split("|") if p.strip())


# --- vocabularies (matched against line_key) ---------------------------------------------

NAVIGATION = _phrases(
    """accessibility links|skip to main content|skip to content|skip navigation|main menu|menu
    |home|homepage|search|breaking news|latest news|top stories|sections|log in|login|sign in
    |register|my account|back to top|next article|previous article|next|previous|close|x|×
    |toggle navigation|open menu|all news|news|more|view all|see all|show more|load more|latest
    |trending|watch live|live|listen|podcasts|languages|english|print edition|today's paper
    |go to|jump to|in this article|contents|table of contents|advertise|contact us|about us
    |about|help|faq|rss|site map|sitemap|opinion|world|politics|business|sport|sports
    |culture|video|videos|photos|multimedia|weather|home page"""
)

SHARE = _phrases(
    """share|share this|share this article|share this story|share this page|share article
    |tweet|email|e-mail|print|printable version|print this article|print this page|send to a friend
    |send by email|whatsapp|facebook|twitter|linkedin|telegram|reddit|pinterest|vk|copy link
    |copy link to clipboard|link copied|comments|comment|leave a comment|post a comment|0 comments
    |show comments|view comments|comments are closed|comments closed|comments are now closed
    |follow us|share on facebook|share on twitter|share via email
    |share via|font size|text size|listen to this article|save|bookmark|save article"""
)

SUBSCRIBE = _phrases(
    """subscribe|subscribe now|newsletter|newsletters|sign up|sign up now|sign up for free
    |get the newsletter|get our newsletter|join our mailing list|support us|donate|donate now
    |become a member|join now|register now|free trial|start free trial|unlock this article
    |already a subscriber|subscribe for full access|get alerts|notifications"""
)

RELATED_HEADERS = _phrases(
    """related|related articles|related stories|related news|related content|related posts
    |related reading|more reading|further reading|read next|keep reading|recommended reading
    |related coverage|related topics|related links|see also|read more|read also|also read
    |more on this|more on this story|more on this topic|more stories|more news|more from
    |more articles|recommended|recommended for you|recommended stories|you may also like
    |you might also like|you may be interested in|most read|most popular|most viewed
    |most shared|popular|popular stories|latest stories|latest articles|what to read next
    |further reading|editor's picks|editors picks|don't miss|also on|top news|more to explore
    |in other news|elsewhere|other stories|previous|next story|up next|watch next"""
)

_SHARE_PHRASES_LONGEST_FIRST = tuple(
    sorted(
        SHARE | {"text size", "font size", "a a a", "print this page", "a+", "a-"},
        key=len,
        reverse=True,
    )
)
_SECTION_HEADER = re.compile(
    r"^(?:more|latest|top|other|recent|most read) (?:from|in|on|stories|news|articles|headlines)\b",
    re.I,
)
_READING_TIME = re.compile(
    r"^(?:(?:estimated )?read(?:ing)? time\b|\d+\s*(?:min(?:ute)?s?|-minute) read\b)", re.I
)

TAG_HEADERS = _phrases("tags|tag|topics|keywords|tagged|tagged with|filed under|categories")

_RELATED_PREFIX = re.compile(
    r"^(?:(?:read more|read also|also read|see also|related|more|recommended|watch|listen)"
    r"\s*(?:[:>»|–—-])\s*\S|also on [\w.-]+\.[a-z]{2,}\b)",
    re.I,
)
_FOLLOW = re.compile(
    r"^(?:follow|like|find|join)\s+us\s+(?:on|at|@)|^follow\s+@|^connect with us", re.I
)
_SUBSCRIBE_PREFIX = re.compile(
    r"^(?:subscribe|sign up|get|receive)\b.{0,80}\b(?:newsletter|updates|alerts|inbox|digest)"
    r"|\b(?:sign up|subscribe)\b.{0,60}\bnewsletter\b|\bdelivered (?:straight )?to your inbox\b",
    re.I,
)
_SHARE_PROMPT = re.compile(
    r"\bshare (?:it|this(?: story| article)?) with (?:a|your) friends?\b"
    r"|^like this (?:story|article)\?",
    re.I,
)
_SHARE_ROW = re.compile(
    r"^(?:share(?: this)?(?: article| story)?\s*[:|]?\s*)?"
    r"(?:(?:facebook|twitter|x|whatsapp|linkedin|telegram|email|e-mail|print|reddit|pinterest|vk"
    r"|copy link|messenger)\s*[|•·,/]?\s*){2,}$",
    re.I,
)
_COPYRIGHT = re.compile(
    r"(?:^|\s)(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))|all rights reserved", re.I
)
_POLICY_LINKS = re.compile(
    r"\bterms (?:of (?:use|service)|and conditions)\b|\bprivacy (?:policy|notice|settings)\b"
    r"|\bcookie (?:policy|settings|preferences)\b|\bimprint\b|\bimpressum\b",
    re.I,
)
_COOKIES = re.compile(
    r"\b(?:we|this (?:site|website)|our (?:site|website|partners)) uses? cookies\b|"
    r"\baccept (?:all )?cookies\b|\bby continuing to (?:use|browse)\b|\bmanage (?:your )?cookies\b",
    re.I,
)
_SECOND_PERSON_UI = re.compile(
    r"\bclick here\b|\bplease note\b|\bto find out more\b"
    r"|\b(?:enable|turn on) (?:javascript|cookies)\b"
    r"|\bupgrade your browser\b|\byour browser (?:does not|doesn't)\b"
    # Page furniture around embedded media and feeds.
    r"|\bjavascript (?:enabled|disabled|is (?:required|disabled|turned off))\b"
    r"|\bflash (?:player )?(?:installed|is required|plug-?in)\b"
    r"|\b(?:to|can(?:not|'t| ?n ?'t)?) (?:see|view|watch|play|access) "
    r"this (?:content|video|media)\b"
    r"|\breading (?:this )?(?:via|in an?) (?:rss|feed reader)\b"
    r"|\bvia (?:these|our|the) (?:rss )?feeds?\b"
    r"|^visit\b.{0,60}\bfor (?:full |more )?instructions\b"
    # Comment-section disclaimers.
    r"|\bviews expressed (?:in|by) (?:the )?(?:comments|readers|users)\b",
    re.I,
)
_TAGS = re.compile(r"^(?:tags?|topics?|filed under|categories|category|keywords)\s*[:|]\s*\S", re.I)
_MEDIA = re.compile(
    r"^[\W_]*(?:\d+\s*x\s*\d+\s+)?(?:image|images|photo|photos|picture|video|audio|gallery"
    r"|play|play video|watch|watch video|listen|loading|embed|infographic|slideshow"
    r"|\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2})?)"
    r"[\W_]*$",
    re.I,
)
_CREDIT = re.compile(
    r"\b(?:photo(?:graph)?|image|picture|video|illustration|graphic|footage)s?\s*"
    r"(?:by\b|:|credit|courtesy)|\bcredit\s*:|\bgetty images\b|\bshutterstock\b|\bap photo\b"
    r"|\bafp photo\b|\breuters/|/reuters\b|/afp\b|\bafp via getty\b|\(file photo\)|^file photo\b",
    re.I,
)
_CAPTION_POSITION = re.compile(
    r"\((?:left|right|center|centre|front|back|top|bottom|l|r|c|pictured|second (?:left|right)"
    r"|far (?:left|right)|in (?:the )?(?:center|centre|foreground|background))\)"
    r"|\b(?:is|are) pictured\b",
    re.I,
)
_BYLINE = re.compile(
    r"^(?i:by|written by|words by|reporting by|author|authors|text)\s*[:\-]?\s+"
    r"(?P<name>[A-ZÀ-Ý][\w.'’-]+(?:\s+(?:[A-ZÀ-Ý][\w.'’-]+|van|von|de|da|del|al|bin|ibn)){0,4}"
    r"(?:\s*(?:,|and|&)\s*[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){0,3})*)"
    r"(?:\s*[,|/–—-]\s*.{0,60})?$"
)

_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_DATE_WORDS = re.compile(
    r"(?:" + _MONTHS + r"|mon(?:day)?|tue(?:s(?:day)?)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?"
    r"|fri(?:day)?|sat(?:urday)?|sun(?:day)?|published|updated|posted|last|modified|on|at|date"
    r"|am|pm|a\.m|p\.m|utc|gmt|est|edt|cet|cest|bst|msk|ist|local time|time|today|yesterday"
    r"|st|nd|rd|th|of|h|hrs|min|ago|hours?|minutes?)",
    re.I,
)
_DATE_TOKEN = re.compile(r"[^\W_]+")
_DIGIT = re.compile(r"\d")
_TIME = re.compile(r"\b\d{1,2}[:.h]\d{2}\b")
_YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
_DATE_SHAPE = re.compile(
    r"\b(?:" + _MONTHS + r")\b|\b\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}[:.]\d{2}\b"
    r"|\b\d+\s*(?:hours?|minutes?|mins?|h)\s+ago\b",
    re.I,
)


def is_date_line(text: str) -> bool:
    """A line that is only a date and/or time ("01/08/2020, 13.31", "Saturday, Feb 22, 2025")."""
    if len(text) > 80 or not _DIGIT.search(text):
        return False
    if _TIME.search(text) and _YEAR.search(text) and word_count(text) <= 12:
        return not ends_sentence(text) or text.endswith(".m.")  # any language: "… 2018 às 0:13"
    if not _DATE_SHAPE.search(text):
        return False
    tokens = _DATE_TOKEN.findall(text)
    if not tokens or len(tokens) > 10:
        return False
    has_date = False
    for token in tokens:
        if token.isdigit():
            has_date = True
            continue
        if re.fullmatch(r"\d{1,4}(?:st|nd|rd|th|h)?", token, re.I):
            has_date = True
            continue
        if not _DATE_WORDS.fullmatch(token):
            return False
    return has_date


def is_labelled_date_line(text: str, labels: frozenset[str]) -> bool:
    """A page-date line led by one of the language's date labels ("Published", "Posted on",
    "Last updated:") with a second date or where the page files it beside it: "Published 4
    June 2021, 08:15 GMT | Updated 4 June 2021", "Posted on 12 March 2024 in Business".
    Everything after the label up to the furniture must be a date line."""
    if not labels or len(text) > 160 or not _DIGIT.search(text) or dated_byline(text):
        return False
    lowered = text.lower()
    if not any(
        lowered.startswith(label) and not lowered[len(label) : len(label) + 1].isalpha()
        for label in labels
    ):
        return False
    words = text.split()
    for k in range(min(len(words), 12), 1, -1):
        if is_date_line(" ".join(words[:k])):
            return len(words) - k <= _DATE_LINE_TAIL_WORDS
    return False


# After a labelled date, the words a page adds beside it ("in Business, Ports", "| Updated").
_DATE_LINE_TAIL_WORDS = 6


def is_related_prefix(text: str) -> bool:
    return bool(_RELATED_PREFIX.match(text)) and word_count(text) <= 30


def is_follow(text: str) -> bool:
    return bool(_FOLLOW.match(text)) and word_count(text) <= 20


def is_subscribe_prompt(text: str) -> bool:
    return (
        _mentions(text, _SUBSCRIBE_NEEDLES)
        and word_count(text) <= 40
        and bool(_SUBSCRIBE_PREFIX.search(text))
    )


def is_share_prompt(text: str) -> bool:
    return "share" in text.lower() and word_count(text) <= 15 and bool(_SHARE_PROMPT.search(text))


def is_share_row(text: str) -> bool:
    """Social buttons ("Facebook Twitter Email") or a row of share/print/text-size controls
    ("Send to a friend   Print this page   Text size: A A A")."""
    if _SHARE_ROW.match(text):
        return True
    if text.count(" ") > 20:
        return False
    rest = " " + " ".join(_WORD.findall(line_key(text))) + " "
    found = 0
    for phrase in _SHARE_PHRASES_LONGEST_FIRST:
        if f" {phrase} " in rest:
            rest = rest.replace(f" {phrase} ", " ")
            found += 1
    leftover = [w for w in _WORD.findall(rest) if len(w) > 1]
    return found >= 2 and len(leftover) <= 1


def is_section_header(text: str) -> bool:
    """ "MORE FROM WORLD", "Latest in Politics": the header of a list of other articles."""
    return bool(_SECTION_HEADER.match(text)) and word_count(text) <= 5


def is_reading_time(text: str) -> bool:
    return bool(_READING_TIME.match(text)) and word_count(text) <= 8


def _mentions(text: str, needles: tuple[str, ...]) -> bool:
    """Cheap substring pre-filter before running a slow case-insensitive regex."""
    lower = text.lower()
    return any(needle in lower for needle in needles)


_SUBSCRIBE_NEEDLES = ("subscri", "sign up", "newsletter", "inbox", "updates", "alerts", "digest")
_BYLINE_START = re.compile(
    r"^(?i:by|written|words|reporting|author|authors|text|posted|published|updated)\b"
)
_COPYRIGHT_NEEDLES = ("©", "(c)", "copyright", "rights reserved")
_POLICY_NEEDLES = ("terms", "privacy", "cookie", "imprint", "impressum")
_COOKIE_NEEDLES = ("cookie", "by continuing")
_UI_NEEDLES = (
    "click here",
    "please note",
    "find out more",
    "javascript",
    "cookies",
    "browser",
    "flash",
    "this content",
    "this video",
    "this media",
    "rss",
    "feed",
    "instructions",
    "views expressed",
)
_CREDIT_NEEDLES = (
    "photo",
    "image",
    "picture",
    "video",
    "illustration",
    "graphic",
    "footage",
    "credit",
    "courtesy",
    "getty",
    "shutterstock",
    "reuters",
    "afp",
    "screen",
)


def is_copyright(text: str) -> bool:
    """A copyright line, or a short row of policy links ("Privacy policy | Terms of use")."""
    if _mentions(text, _COPYRIGHT_NEEDLES) and _COPYRIGHT.search(text) and word_count(text) <= 60:
        return True
    return (
        _mentions(text, _POLICY_NEEDLES)
        and word_count(text) <= 12
        and bool(_POLICY_LINKS.search(text))
        and not ends_sentence(text)
    )


def is_cookie_notice(text: str) -> bool:
    return _mentions(text, _COOKIE_NEEDLES) and bool(_COOKIES.search(text))


def has_second_person_ui(text: str) -> bool:
    return _mentions(text, _UI_NEEDLES) and bool(_SECOND_PERSON_UI.search(text))


def is_tags_line(text: str) -> bool:
    return bool(_TAGS.match(text))


_ADVERT = re.compile(
    r"^[\W_]*(?:advertisement|advertising|advert|ad|ads|sponsored|sponsored content|promoted"
    r"|story continues below(?: advertisement)?|continue reading below)[\W_]*$",
    re.I,
)
# A reader's comment under the article: "At 2:10 pm on 02 Jun 2009, someuser wrote: ..." or a
# user handle (lower-case start, or digits/underscores in it) followed by "wrote:".
_READER_COMMENT = re.compile(
    r"^(?:at\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:on\s+)?\d{1,2}(?:st|nd|rd|th)?\s+[^\W\d_]{3,9}"
    r"\s+\d{4}\s*,\s*\S{2,40}|(?-i:[a-z])\S{1,39}|\S*[\d_]\S*)\s+wrote\s*:",
    re.I,
)
_COMMENT_COUNT = re.compile(r"^\d+\s+(?:comments?|replies|responses|shares)$", re.I)
_BREADCRUMB = re.compile(r"\s(?:>|»|›|/|\|)\s")


def is_advert(text: str) -> bool:
    return bool(_ADVERT.match(text))


def is_reader_comment(text: str) -> bool:
    return bool(_READER_COMMENT.match(text))


def is_comment_count(text: str) -> bool:
    return bool(_COMMENT_COUNT.match(text))


def is_breadcrumb(text: str) -> bool:
    """ "Home > World > Asia", "About us | Contact | Privacy": short segments between separators."""
    if text.startswith("|") or text.endswith("|"):
        return False  # a table row (HTML tables are rendered "| a | b |")
    parts = _BREADCRUMB.split(text)
    if len(parts) < 3 or ends_sentence(text):
        return False
    return all(1 <= word_count(p) <= 4 for p in parts)


def is_media_placeholder(text: str) -> bool:
    return bool(_MEDIA.match(text))


def has_credit(text: str) -> bool:
    return _mentions(text, _CREDIT_NEEDLES) and bool(_CREDIT.search(text))


def has_caption_position(text: str) -> bool:
    if "(" not in text and "pictured" not in text:
        return False
    return bool(_CAPTION_POSITION.search(text))


def byline_name(text: str) -> str | None:
    if not _BYLINE_START.match(text) or word_count(text) > 14:
        return None
    dated = dated_byline(text)
    if dated:
        return dated[1]
    match = _BYLINE.match(text)
    return match.group("name").strip() if match else None


_DATED_BYLINE = re.compile(
    r"^(?i:posted|published|written|updated)(?i: on)?\s+(?P<date>.{4,40}?)\s+(?i:by)\s+"
    r"(?P<name>[A-ZÀ-Ý][\w.'’-]+(?:\s+[A-ZÀ-Ý][\w.'’-]+){0,4})\s*$"
)
_BYLINE_THEN_DATE = re.compile(r"^(?i:by)\s+(?P<name>[^,|]{3,60}?)\s*[,|–—-]\s*(?P<date>.{4,40})$")


def dated_byline(text: str) -> tuple[str, str] | None:
    """``(date, name)`` from "Posted on 26 March 2027 by Jo Ek" or "By Jo Ek | March 3, 2021"."""
    if word_count(text) > 14:
        return None
    match = _DATED_BYLINE.match(text)
    if match and is_date_line(match.group("date")):
        return match.group("date"), match.group("name")
    match = _BYLINE_THEN_DATE.match(text)
    if match and is_date_line(match.group("date")) and _BYLINE.match(f"By {match.group('name')}"):
        return match.group("date"), match.group("name").strip()
    return None
