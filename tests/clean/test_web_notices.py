"""Page furniture around embedded media, feeds and comments is not article text."""

from __future__ import annotations

import pytest

from dossier.clean.api import clean_documents
from dossier.clean.cues import Cues
from dossier.clean.settings import CleanSettings
from dossier.lang import load_language
from dossier.model import Document
from dossier.resources import Resources

RULES = Cues.of(load_language("en"))
NOTICES = [
    "In order to see this content you need to have both Javascript enabled and Flash installed.",
    "Visit Harbour Webwise for full instructions.",
    "If you're reading via RSS, you'll need to visit the blog to access this content.",
    "You can stay up to date with the Castrel Flood Blog via these feeds.",
    "Views expressed in the comments do not represent those of the Harbour Courier.",
    "You cannot play this video because Flash Player is required.",
]
ARTICLE_SENTENCES = [
    "The mayor said residents could watch the sea wall repairs from the promenade.",
    "Visitors were given instructions to leave the harbour by noon.",
    "Engineers will publish their views on the sea wall next week.",
]


@pytest.mark.parametrize("line", NOTICES)
def test_web_notices_are_recognised(line: str) -> None:
    assert RULES.has_interface_words(line)


@pytest.mark.parametrize("line", ARTICLE_SENTENCES)
def test_article_sentences_are_not_notices(line: str) -> None:
    assert not RULES.has_interface_words(line)


def test_notices_are_removed_with_their_reason(resources: Resources) -> None:
    page = (
        "Harbour Courier\n\nCastrel floods: mayor orders evacuation\n\n"
        "Floods swept through the port city of Castrel on Tuesday after three days of rain.\n\n"
        + "\n".join(NOTICES[:3])
        + "\n\nMayor Ilse Brandt ordered the evacuation of the harbour district.\n\n"
        "She said the sea wall could fail within days if the rain continued.\n"
    )
    (doc,) = clean_documents(
        [Document(id="flood", source="flood.txt", raw_text=page, language="en")],
        CleanSettings(),
        resources,
    )
    assert "Javascript" not in doc.clean_text and "RSS" not in doc.clean_text
    assert "Mayor Ilse Brandt ordered the evacuation" in doc.clean_text
    assert "the sea wall could fail" in doc.clean_text
    # Notices are reported as page furniture ("footer"), though they do not end the article.
    assert {r.reason for r in doc.removals if "Webwise" in r.text} == {"footer"}
