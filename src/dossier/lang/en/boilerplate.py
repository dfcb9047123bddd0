"""English page furniture: the phrases and patterns of the cleaner's rule cues."""

from __future__ import annotations

import re

from dossier.lang.boilerplate import Boilerplate, Needles
from dossier.lang.language import words


def _phrases(text: str) -> frozenset[str]:
    """A vocabulary written as "a|b|c" over several lines."""
    return frozenset(p.strip() for p in text.split("|") if p.strip())


# Furniture that makes a whole sentence furniture wherever it occurs in it, not only a line
# that is nothing else: part of the line vocabularies below, and of the news table's
# boilerplate phrases (story titles and summary sentences, lang/en/news.py). Written once.
SUBSCRIBE_PROMPTS = _phrases("subscribe|newsletter|sign up")
SHARE_PROMPTS = _phrases("share this|send to a friend|printable version|follow us")
READ_MORE = _phrases("read more|related articles|see also")

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

SHARE = SHARE_PROMPTS | _phrases(
    """share|share this article|share this story|share this page|share article
    |tweet|email|e-mail|print|print this article|print this page
    |send by email|whatsapp|facebook|twitter|linkedin|telegram|reddit|pinterest|vk|copy link
    |copy link to clipboard|link copied|comments|comment|leave a comment|post a comment|0 comments
    |show comments|view comments|comments are closed|comments closed|comments are now closed
    |share on facebook|share on twitter|share via email
    |share via|font size|text size|listen to this article|save|bookmark|save article"""
)

SUBSCRIBE = SUBSCRIBE_PROMPTS | _phrases(
    """subscribe now|newsletters|sign up now|sign up for free
    |get the newsletter|get our newsletter|join our mailing list|support us|donate|donate now
    |become a member|join now|register now|free trial|start free trial|unlock this article
    |already a subscriber|subscribe for full access|get alerts|notifications"""
)

RELATED_HEADERS = READ_MORE | _phrases(
    """related|related stories|related news|related content|related posts
    |related reading|more reading|further reading|read next|keep reading|recommended reading
    |related coverage|related topics|related links|read also|also read
    |more on this|more on this story|more on this topic|more stories|more news|more from
    |more articles|recommended|recommended for you|recommended stories|you may also like
    |you might also like|you may be interested in|most read|most popular|most viewed
    |most shared|popular|popular stories|latest stories|latest articles|what to read next
    |further reading|editor's picks|editors picks|don't miss|also on|top news|more to explore
    |in other news|elsewhere|other stories|previous|next story|up next|watch next"""
)

TAG_HEADERS = _phrases("tags|tag|topics|keywords|tagged|tagged with|filed under|categories")

# Longest first (a row's "print this page" before its "print"); ties alphabetically, so the
# order does not change with the process's string hashing.
_SHARE_CONTROLS = tuple(
    sorted(
        SHARE | {"text size", "font size", "a a a", "print this page", "a+", "a-"},
        key=lambda phrase: (-len(phrase), phrase),
    )
)

_UPPER = "A-ZÀ-Ý"  # capitals of the Latin script as English pages print names

BOILERPLATE = Boilerplate(
    navigation=NAVIGATION,
    share=SHARE,
    subscribe=SUBSCRIBE,
    related_headers=RELATED_HEADERS,
    tag_headers=TAG_HEADERS,
    share_controls=_SHARE_CONTROLS,
    section_header=re.compile(
        r"^(?:more|latest|top|other|recent|most read) (?:from|in|on|stories|news|articles"
        r"|headlines)\b",
        re.I,
    ),
    reading_time=re.compile(
        r"^(?:(?:estimated )?read(?:ing)? time\b|\d+\s*(?:min(?:ute)?s?|-minute) read\b)", re.I
    ),
    related_prefix=re.compile(
        r"^(?:(?:read more|read also|also read|see also|related|more|recommended|watch|listen)"
        r"\s*(?:[:>»|–—-])\s*\S|also on [\w.-]+\.[^\W\d_]{2,}\b)",
        re.I,
    ),
    follow=re.compile(
        r"^(?:follow|like|find|join)\s+us\s+(?:on|at|@)|^follow\s+@|^connect with us", re.I
    ),
    subscribe_prompt=re.compile(
        r"^(?:subscribe|sign up|get|receive)\b.{0,80}\b(?:newsletter|updates|alerts|inbox|digest)"
        r"|\b(?:sign up|subscribe)\b.{0,60}\bnewsletter\b"
        r"|\bdelivered (?:straight )?to your inbox\b",
        re.I,
    ),
    share_prompt=re.compile(
        r"\bshare (?:it|this(?: story| article)?) with (?:a|your) friends?\b"
        r"|^like this (?:story|article)\?",
        re.I,
    ),
    share_row=re.compile(
        r"^(?:share(?: this)?(?: article| story)?\s*[:|]?\s*)?"
        r"(?:(?:facebook|twitter|x|whatsapp|linkedin|telegram|email|e-mail|print|reddit|pinterest"
        r"|vk|copy link|messenger)\s*[|•·,/]?\s*){2,}$",
        re.I,
    ),
    copyright=re.compile(
        r"(?:^|\s)(?:©|\(c\)\s*\d{4}|copyright\s*(?:©|\(c\)|\d{4}))|all rights reserved", re.I
    ),
    policy_links=re.compile(
        r"\bterms (?:of (?:use|service)|and conditions)\b|\bprivacy (?:policy|notice|settings)\b"
        r"|\bcookie (?:policy|settings|preferences)\b|\bimprint\b|\bimpressum\b",
        re.I,
    ),
    cookies=re.compile(
        r"\b(?:we|this (?:site|website)|our (?:site|website|partners)) uses? cookies\b|"
        r"\baccept (?:all )?cookies\b|\bby continuing to (?:use|browse)\b"
        r"|\bmanage (?:your )?cookies\b",
        re.I,
    ),
    interface=re.compile(
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
    ),
    tags=re.compile(
        r"^(?:tags?|topics?|filed under|categories|category|keywords)\s*[:|]\s*\S", re.I
    ),
    media=re.compile(
        r"^[\W_]*(?:\d+\s*x\s*\d+\s+)?(?:image|images|photo|photos|picture|video|audio|gallery"
        r"|play|play video|watch|watch video|listen|loading|embed|infographic|slideshow"
        r"|\d{1,2}:\d{2}(?::\d{2})?(?:\s*/\s*\d{1,2}:\d{2})?)"
        r"[\W_]*$",
        re.I,
    ),
    advert=re.compile(
        r"^[\W_]*(?:advertisement|advertising|advert|ad|ads|sponsored|sponsored content|promoted"
        r"|story continues below(?: advertisement)?|continue reading below)[\W_]*$",
        re.I,
    ),
    # "At 2:10 pm on 02 Jun 2009, someuser wrote: ...", "At 6:53 P.M. on Jan 13, 2010, Ana
    # de Souza wrote: ..." (a handle, or a name of two or three words, the first and last
    # capitalised), or a user handle (lower-case start, or digits/underscores in it) followed
    # by "wrote:".
    reader_comment=re.compile(
        r"^(?:at\s+\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*(?:on\s+)?"
        r"(?:\d{1,2}(?:st|nd|rd|th)?\s+[^\W\d_]{3,9}\.?"
        r"|[^\W\d_]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?\s*,?)\s+\d{4}\s*,\s*"
        r"(?:\S{2,40}|(?-i:[A-Z])[^\s,:]{0,20}(?:\s+[^\s,:]{1,20})?\s+(?-i:[A-Z])[^\s,:]{1,20})"
        r"|(?-i:[a-z])\S{1,39}|\S*[\d_]\S*)\s+wrote\s*:",
        re.I,
    ),
    comment_count=re.compile(r"^\d+\s+(?:comments?|replies|responses|shares)$", re.I),
    credit=re.compile(
        r"\b(?:photo(?:graph)?|image|picture|video|illustration|graphic|footage)s?\s*"
        r"(?:by\b|:|credit|courtesy)|\bcredit\s*:|\bgetty images\b|\bshutterstock\b|\bap photo\b"
        r"|\bafp photo\b|\breuters/|/reuters\b|/afp\b|\bafp via getty\b|\(file photo\)"
        r"|^file photo\b",
        re.I,
    ),
    credit_label=re.compile(
        r"^(?:photograph|photo(?:graph)?s?(?: credits?)?|pictures?(?: credit)?|image(?: credit)?"
        r"|credit|video)\s*:\s*\S",
        re.I,
    ),
    caption_position=re.compile(
        r"\((?:left|right|center|centre|front|back|top|bottom|l|r|c|pictured|second (?:left"
        r"|right)|far (?:left|right)|in (?:the )?(?:center|centre|foreground|background))\)"
        r"|\b(?:is|are) pictured\b",
        re.I,
    ),
    byline_start=re.compile(
        r"^(?i:by|written|words|reporting|author|authors|text|posted|published|updated)\b"
    ),
    byline=re.compile(
        r"^(?i:by|written by|words by|reporting by|author|authors|text)\s*[:\-]?\s+"
        rf"(?P<name>[{_UPPER}][\w.'’-]+(?:\s+(?:[{_UPPER}][\w.'’-]+|van|von|de|da|del|al|bin"
        rf"|ibn)){{0,4}}(?:\s*(?:,|and|&)\s*[{_UPPER}][\w.'’-]+(?:\s+[{_UPPER}][\w.'’-]+){{0,3}})*)"
        r"(?:\s*[,|/–—-]\s*.{0,60})?$"
    ),
    dated_byline=re.compile(
        r"^(?i:posted|published|written|updated)(?i: on)?\s+(?P<date>.{4,40}?)\s+(?i:by)\s+"
        rf"(?P<name>[{_UPPER}][\w.'’-]+(?:\s+[{_UPPER}][\w.'’-]+){{0,4}})\s*$"
    ),
    byline_then_date=re.compile(
        r"^(?i:by)\s+(?P<name>[^,|]{3,60}?)\s*[,|–—-]\s*(?P<date>.{4,40})$"
    ),
    paywall=re.compile(
        r"\b(?:subscribe|sign up|register|log in|become a (?:member|subscriber))\b.{0,40}"
        r"\b(?:to (?:read|continue|keep reading|unlock|access)|for (?:full|unlimited) access)\b"
        r"|\b(?:to )?continue reading\b.{0,40}\b(?:subscribe|subscription|subscribers?|log in)\b"
        r"|\bthis (?:article|story|content) is (?:for|only available to|exclusive to)"
        r" (?:subscribers|members|premium)\b"
        r"|\b(?:subscribers?|members?)[- ]only (?:content|article|story)\b"
        r"|\byou have reached (?:your|the) (?:limit|maximum) of (?:free )?articles\b"
        r"|\bthe rest of this (?:article|story) is (?:for|available to) (?:subscribers|members)\b",
        re.I,
    ),
    legal_words=re.compile(
        r"\b(?:rights reserved|copyright|terms|privacy|cookies?|declared|prohibited|liab\w+"
        r"|disclaim\w*|fines?|imprisonment|laws?|legal\w*|licen[cs]\w+|reproduc\w+|permission"
        r"|undesirable|foreign agent|passport)\b",
        re.I,
    ),
    blurb_words=re.compile(
        r"\b(?:news|journalis\w+|report\w*|media|coverage|independent|audience|stories|languages"
        r"|editorial|press|information|broadcast\w*|outlet|platform|headquartered|employs"
        r"|employees|subsidiaries|founded|listed on|stock exchange|leading|provider|worldwide"
        r"|global)\b",
        re.I,
    ),
    first_plural=re.compile(r"\b(?:[Ww]e|[Oo]ur|us)\b"),  # not "US"
    self_description=re.compile(
        rf"^(?P<name>[{_UPPER}0-9][\w/&.+-]*(?:\s+(?:[{_UPPER}0-9][\w/&.+-]*|of|the|for|and))"
        r"{0,5}?)"
        rf"(?:['’]s\s+(?:[{_UPPER}][\w-]*\s+){{0,3}})?\s*"
        r"(?:(?:journalists?|reporters?|correspondents?|staff|team)\s+"
        r"(?:report|cover|provide|bring|work|deliver)s?"
        r"|offers|provides|is an?|is the|is part of|delivers|covers|brings|publishes"
        r"|was founded|produces|aims)\b"
    ),
    copyright_name=re.compile(
        r"(?:©|\(c\)|copyright\s*©?)\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*,?\s*"
        rf"(?P<name>[{_UPPER}][\w&'’./+-]*(?:\s+[{_UPPER}][\w&'’./+-]*|\s+(?:of|the|and|for)){{0,5}})",
        re.I,
    ),
    subscribe_name=re.compile(
        rf"^subscribe to (?:the )?(?P<name>[{_UPPER}][\w&'’.-]*(?:\s+[{_UPPER}][\w&'’.-]*){{0,3}})"
    ),
    subscribe_tail=re.compile(r"\s+(?:updates|newsletter|news alerts|alerts|all|and)$", re.I),
    brand_words=re.compile(
        r"\b(?:news|post|times|herald|daily|tribune|journal|gazette|press|radio|tv|online|today"
        r"|telegraph|guardian|observer|monitor|review|chronicle|express|mail|agency|wire|media"
        r"|report|star|sun|world|insider|week|weekly|standard|courier|globe|dispatch|ledger"
        r"|bulletin|examiner|inquirer|mirror|record|reporter|sentinel|voice)\b",
        re.I,
    ),
    dateline=re.compile(
        rf"^(?P<place>[{_UPPER}][\w’'.-]+(?:[ -][{_UPPER}][\w’'.-]+){{0,3}}"
        rf"(?:,\s+[{_UPPER}][\w.-]+(?:\s+[{_UPPER}][\w.-]+){{0,2}})?)"
        rf"(?:,\s+[{_UPPER}][^\W\d_]{{2,8}}\.?\s+\d{{1,2}})?"
        r"\s*(?:\((?P<agency>[^()]{2,60})\))?\s*(?P<dash>--|—|–|-)\s+(?=\S)"
    ),
    date_words=frozenset(
        words(
            """published updated posted last modified on at date am pm a.m p.m utc gmt est edt
            cet cest bst msk ist local time today yesterday st nd rd th of h hrs min ago hour
            hours minute minutes"""
        )
    ),
    agency_tail=frozenset(
        words("images features press photos pictures photo pool agency news afp ap reuters epa pa")
    ),
    generic_agencies=frozenset(
        {"agencies", "agency", "wires", "staff", "wire services", "news agencies"}
    ),
    not_names=frozenset(words("the a an this that it he she they we there which who")),
    name_joiners=frozenset(words("the of and for de la le el al")),
    needles=Needles(
        subscribe=("subscri", "sign up", "newsletter", "inbox", "updates", "alerts", "digest"),
        copyright=("©", "(c)", "copyright", "rights reserved"),
        policy=("terms", "privacy", "cookie", "imprint", "impressum"),
        cookie=("cookie", "by continuing"),
        ui=(
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
        ),
        credit=(
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
        ),
        paywall=(
            "subscri",
            "continue reading",
            "members",
            "log in",
            "sign up",
            "register",
            "limit",
        ),
    ),
)
