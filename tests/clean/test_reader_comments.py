"""Readers' comments under an article are not article text."""

from __future__ import annotations

from dossier.clean.api import clean_documents
from dossier.clean.cues import Cues
from dossier.clean.settings import CleanSettings
from dossier.lang import load_language
from dossier.model import Document
from dossier.resources import Resources

PAGE = """Harbour Courier

Castrel floods: mayor orders evacuation

Floods swept through the port city of Castrel on Tuesday after three days of rain.

Mayor Ilse Brandt ordered the evacuation of the harbour district, saying the sea wall could fail.

In a letter to residents, she wrote: "We will not take risks with people's lives."

At 9:14 am on 04 Mar 2021 , harbourwatcher wrote : The sea wall has needed repairs for years .
At 9:40 am on 04 Mar 2021 , Kestrel_77 wrote : Stay safe everyone .
"""


RULES = Cues.of(load_language("en"))


def _is_comment(text: str) -> bool:
    assert RULES.boilerplate is not None
    return bool(RULES.boilerplate.reader_comment.match(text))


def test_comment_lines_are_recognised_and_body_quotes_are_not() -> None:
    assert _is_comment("At 2:10 pm on 02 Jun 2009 , someone wrote : text")
    assert _is_comment("reader_42 wrote: text")
    assert not _is_comment("Brandt wrote: the wall will hold")
    assert not _is_comment('In a letter to residents, she wrote: "We will"')


def test_comment_headers_with_a_month_first_date_or_a_full_name() -> None:
    assert _is_comment("At 6:53 P.M. on Sep 4 , 2018 , Marta Quiroga wrote : Thank you")
    assert _is_comment("At 9:05 am on March 3rd, 2021, Ana de Souza wrote: ok")
    # A sentence of the article dated the same way is not a comment.
    assert not _is_comment("At 10:00 on 5 May 2020, the minister wrote: a letter")
    assert not _is_comment("At 6:53 P.M. on Sep 4, 2018, the mayor of the town wrote: no")


def test_comments_are_removed_with_their_reason(resources: Resources) -> None:
    raw = Document(id="flood", source="flood.txt", raw_text=PAGE, language="en")
    (doc,) = clean_documents([raw], CleanSettings(), resources)
    assert "harbourwatcher" not in doc.clean_text
    assert "Stay safe everyone" not in doc.clean_text
    assert "she wrote:" in doc.clean_text
    reasons = {r.reason for r in doc.removals if "wrote :" in r.text}
    assert reasons == {"reader-comment"}
