"""The tense of the event a date expression dates, read from the parse: what happened,
what is to happen (however the verb is inflected), and dates that only bound."""

from __future__ import annotations

import pytest

from dossier.model import DateValue, Document
from dossier.nlp import read_documents
from dossier.resources import Resources
from dossier.time import TimeSettings
from dossier.time.tense import TenseOf, tense_reader
from dossier.time.timex import tag_detailed


@pytest.mark.parametrize(
    ("sentence", "date", "tense"),
    [
        ("The ferry operator suspended all crossings on 12 March.", "12 March", "past"),
        ("The inquiry will open on 4 September in Harlow.", "4 September", "future"),
        (
            # The date hangs from a verb without tense of its own (an infinitive of purpose),
            # deep in its object: the verb it depends on has the tense.
            "Guards fired rubber bullets to disperse a protest of unpaid miners in Station "
            "Square on 3 May.",
            "3 May",
            "past",
        ),
        ("The next hearing has been set for 5 April.", "5 April", "future"),
        ("The vote was scheduled for 9 June, officials said.", "9 June", "future"),
        ("Two councillors are expected to testify on 3 May.", "3 May", "future"),
        # A perfect infinitive under an expectation cue estimates what happened before it.
        ("Forty sheep are expected to have drowned in the flood on 2 May.", "2 May", "past"),
        ("The cargo is likely to have been stolen on 14 June, insurers say.", "14 June", "past"),
        # A future perfect is still the future.
        ("The plant will have closed on 1 July, the owners say.", "1 July", "future"),
        ("The judge adjourned the case until 21 January.", "21 January", None),
        ("Repairs must be finished by 30 November, the regulator said.", "30 November", None),
    ],
)
def test_tense_of_a_dated_event(
    sentence: str, date: str, tense: str | None, resources: Resources
) -> None:
    (doc,) = read_documents(
        [Document(id="t", source="t.txt", raw_text=sentence, clean_text=sentence)], resources
    )
    grammar = resources.time_grammar("en")
    assert grammar is not None and doc.parse is not None
    tense_of = tense_reader(doc.clean_text, doc.parse, grammar)
    start = sentence.index(date)
    assert tense_of(start, start + len(date)) == tense


def test_a_year_less_date_takes_its_year_from_the_parse_tense(resources: Resources) -> None:
    # The words around "4 January" hold a past form ("cancelled", in a relative clause); the
    # verb the date modifies ("resumes") is not past, so the nearer January is meant, as the
    # parse says. Read from the words, the date would go back nine months.
    sentence = (
        "The ferry operator, which cancelled sailings in the autumn, resumes crossings on "
        "4 January."
    )
    (doc,) = read_documents(
        [Document(id="f", source="f.txt", raw_text=sentence, clean_text=sentence)], resources
    )
    grammar = resources.time_grammar("en")
    assert grammar is not None and doc.parse is not None
    anchor = DateValue("2020-10-01", "day")
    tense_of = tense_reader(doc.clean_text, doc.parse, grammar)

    def value(reader: TenseOf | None) -> DateValue | None:
        tags = tag_detailed(sentence, anchor, TimeSettings(), grammar, tense_of=reader)
        (day,) = [t for t in tags if t.raw.text == "4 January"]
        return day.resolved.value

    assert value(tense_of) == DateValue("2021-01-04", "day")
    assert value(None) == DateValue("2020-01-04", "day")  # what the words alone would give
