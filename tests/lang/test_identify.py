"""Language identification per document, and what happens to a language Dossier does not read."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from dossier.lang import identify
from dossier.model import Document
from dossier.pipeline import run_pipeline
from dossier.resources import Resources
from dossier.settings import Settings

SNIPPETS = {
    "en": "The regional court adjourned the hearing after the defence asked for more time to "
    "examine the new evidence submitted by the prosecutors on Monday morning.",
    "ru": "Районный суд отложил заседание после того, как защита попросила больше времени, "
    "чтобы изучить новые доказательства, которые прокуроры представили в понедельник.",
    "kk": "Аудандық сот қорғаушылар дүйсенбі күні прокурорлар ұсынған жаңа дәлелдерді "
    "зерттеуге көбірек уақыт сұрағаннан кейін сот отырысын кейінге қалдырды.",
    "fr": "Le tribunal régional a ajourné l'audience après que la défense a demandé plus de "
    "temps pour examiner les nouvelles preuves présentées lundi matin par les procureurs.",
}


@pytest.mark.parametrize("code", sorted(SNIPPETS))
def test_snippets_are_identified(code: str, resources: Resources) -> None:
    found = identify(SNIPPETS[code], resources.identifier)
    assert found.code == code
    assert found.confidence > 0.9


def test_too_little_text_is_not_guessed(resources: Resources) -> None:
    assert identify("OK 2024 — 12:30", resources.identifier).code is None


def test_digits_urls_and_markup_do_not_decide(resources: Resources) -> None:
    text = SNIPPETS["ru"] + " https://example.com/news/2024/05/14/article-123 " * 5
    assert identify(text, resources.identifier).code == "ru"


def _article(code: str) -> str:
    body = "\n\n".join([SNIPPETS[code]] * 3)
    return f"{body}\n"


def test_russian_article_in_an_english_folder(
    tmp_path: Path, example_dir: Path, settings: Settings, resources: Resources
) -> None:
    """The Russian article is kept and flagged; the English ones build as without it."""
    folder = tmp_path / "mixed"
    folder.mkdir()
    for path in example_dir.iterdir():
        (folder / path.name).write_bytes(path.read_bytes())
    (folder / "zz_russian.txt").write_text(_article("ru"), encoding="utf-8")
    mixed = run_pipeline([folder], settings, resources)
    alone = run_pipeline([example_dir], settings, resources)
    russian = next(d for d in mixed.documents if d.id == "zz_russian")
    assert russian.ok and russian.language == "ru"
    kinds = [f.kind for f in russian.flags]
    assert kinds[0] == "unsupported-language" and kinds.count("unsupported-language") == 1
    # Cleaned without English tables, and saying so.
    assert "cleaned-language-neutral" in kinds
    assert "'ru'" in russian.flags[0].message and "leave it out" in russian.flags[0].message
    assert russian.parse is None and russian.mentions == () and russian.time_expressions == ()
    assert not any("zz_russian" in s.document_ids for s in mixed.stories)
    # The rest of the folder is unaffected (but for where it was read from).
    assert [replace(d, source="", sources=()) for d in mixed.documents if d.id != "zz_russian"] == [
        replace(d, source="", sources=()) for d in alone.documents
    ]
    assert mixed.stories == alone.stories


def test_every_english_document_of_the_example_is_english(
    example_dir: Path, settings: Settings, resources: Resources
) -> None:
    from dossier.nlp import identify_languages
    from dossier.pipeline import ingest

    docs = identify_languages(
        ingest([example_dir], settings).documents, settings.language, resources
    )
    assert {d.language for d in docs if d.ok} == {"en"}
    assert not any(f.kind.startswith("language") for d in docs for f in d.flags)


def test_a_page_too_short_to_tell_is_read_with_the_default_and_flagged(
    settings: Settings, resources: Resources
) -> None:
    from dossier.nlp import identify_languages

    doc = Document(id="x", source="x.txt", raw_text="Photo: 2024")
    (out,) = identify_languages([doc], settings.language, resources)
    assert out.language == "en" and [f.kind for f in out.flags] == ["language-uncertain"]


def test_short_english_scored_as_a_creole_is_read_as_english(
    settings: Settings, resources: Resources
) -> None:
    """py3langid scores some short English texts as Nigerian Pidgin; a serious supported
    candidate wins over an unsupported best guess, with a flag saying so."""
    from dossier.nlp import identify_languages

    text = "Dr. Hanna Ofori and Mr. J. Pellegrino met the U.S. envoy. They spoke for an hour."
    (out,) = identify_languages(
        [Document(id="x", source="x.txt", raw_text=text)], settings.language, resources
    )
    assert out.language == "en" and out.readable
    assert [f.kind for f in out.flags] == ["language-uncertain"]
    assert "best guess was pcm" in out.flags[0].message
