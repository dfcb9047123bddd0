"""Issue 12: outside the language layer a regular expression is about numbers, dates,
typography or syntax that is no language (file names, query syntax, markup), and it says
so: a comment on the statement that compiles it, or above it (one comment may head a run
of such statements). Words are matched by lemma and dependency patterns from the parse
and by the language's tables, not by patterns written into a stage."""

from __future__ import annotations

import ast
import io
import tokenize
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "dossier"


def _is_compile(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "compile"
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "re"
    )


def _comment_lines(source: str) -> set[int]:
    tokens = tokenize.generate_tokens(io.StringIO(source).readline)
    return {tok.start[0] for tok in tokens if tok.type == tokenize.COMMENT}


def _statements_compiling(tree: ast.AST) -> list[ast.stmt]:
    """The innermost statements that compile a pattern, in source order."""
    blocks = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.If, ast.For, ast.With)
    found: dict[int, ast.stmt] = {}
    for node in ast.walk(tree):
        simple = isinstance(node, ast.stmt) and not isinstance(node, blocks)
        if simple and any(_is_compile(child) for child in ast.walk(node)):
            found[node.lineno] = node
    return [found[line] for line in sorted(found)]


def unexplained(path: Path) -> list[int]:
    """Lines of ``path`` where a pattern is compiled with no comment saying why."""
    source = path.read_text(encoding="utf-8")
    comments = _comment_lines(source)
    lines = source.split("\n")
    statements = _statements_compiling(ast.parse(source))
    missing = []
    for stmt in statements:
        end = stmt.end_lineno or stmt.lineno
        if comments & set(range(stmt.lineno, end + 1)):
            continue
        line = stmt.lineno - 1  # walk up over a run of compiling statements to its comment
        while line >= 1 and line not in comments:
            if not lines[line - 1].strip() or not _inside_run(line, statements):
                break  # a blank line or other code ends the run
            line -= 1
        if line < 1 or line not in comments:
            missing.append(stmt.lineno)
    return missing


def _inside_run(line: int, statements: list[ast.stmt]) -> bool:
    return any(s.lineno <= line <= (s.end_lineno or s.lineno) for s in statements)


def test_every_regex_outside_the_language_layer_says_why() -> None:
    missing = [
        f"{path.relative_to(SRC)}:{line}"
        for path in sorted(SRC.rglob("*.py"))
        if "lang" not in path.relative_to(SRC).parts[:1]
        for line in unexplained(path)
    ]
    assert not missing, "regexes without a comment saying why they are not about words:\n" + (
        "\n".join(missing)
    )


def test_the_check_finds_an_unexplained_pattern(tmp_path: Path) -> None:
    module = tmp_path / "stage.py"
    module.write_text(
        "import re\n"
        "# typography: a run of spaces\n"
        "_SPACE = re.compile(r' +')\n"
        "_TAB = re.compile(r'\\t')\n"
        "\n"
        "_SAID = re.compile(r'\\bsaid\\b')\n"
        "def f(x):\n"
        "    return re.compile(x)  # the caller's own pattern\n",
        encoding="utf-8",
    )
    assert unexplained(module) == [6]


# --- regexes built from a language's words ------------------------------------------------

# Stages that still build a regular expression out of the language's word tables, each with
# why it is kept. The list may only shrink: a new one fails the test below, and an entry
# whose code is gone fails the one after it (so the list stays the true remainder).
WORD_ALTERNATIONS_KEPT = {
    "time/grammar.py::alternation": "dates: the helper the date grammar builds its patterns with",
    "time/grammar.py::_pieces": "dates: month and weekday names, numbers written as words",
    "time/grammar.py::Grammar._compile_cues": (
        "dates: page-date labels, clock prepositions and period parts around a date; the"
        " tense words beside a date are read on raw text where no parse is at hand"
    ),
    "time/rules.py::_calendar_rules": "dates: calendar dates with their clock times",
    "time/rules.py::_loose_rules": "dates: a year or a month alone ('last May')",
    "time/rules.py::_relative_rules": "dates: relative dates and seasons ('last week')",
    "time/rules.py::_duration_rules": "dates: durations and ages ('three years')",
    "time/rules.py::_other_rules": "dates: quarters and recurring times ('every Monday')",
    "store/spellings.py::hit_spans": "not the language's words: one entity's own spellings",
    "entities/context.py::_alternation": "debt: the helper the role patterns below use",
    "entities/context.py::ContextReader.__init__": (
        "debt: left_role and right_role read titles and appositions on raw text; they need"
        " the sentence's Doc (callers have it) to become token patterns"
    ),
    "entities/spans.py::SpanRules.__init__": (
        "debt: the titled-name and organisation-noun rule candidates, to become Matcher"
        " patterns in lang/en/patterns.py"
    ),
}


def _qualname(stack: list[ast.AST]) -> str:
    names = [n.name for n in stack if isinstance(n, ast.FunctionDef | ast.ClassDef)]
    return ".".join(names) or "<module>"


def _is_pipe_join(node: ast.Call) -> bool:
    func = node.func
    return (
        isinstance(func, ast.Attribute)
        and func.attr == "join"
        and isinstance(func.value, ast.Constant)
        and func.value.value == "|"
    )


def word_alternations(path: Path) -> set[str]:
    """Where ``path`` builds an alternation for a regular expression: a function named for
    alternations (defined or called), or ``"|".join`` inside a ``re.compile``."""
    found: set[str] = set()

    def visit(node: ast.AST, stack: list[ast.AST], in_compile: bool) -> None:
        if isinstance(node, ast.FunctionDef) and node.name.endswith("alternation"):
            found.add(_qualname([*stack, node]))
        if isinstance(node, ast.Call):
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if name.endswith("alternation") or (in_compile and _is_pipe_join(node)):
                found.add(_qualname(stack))
            in_compile = in_compile or _is_compile(node)
        inner = [*stack, node] if isinstance(node, ast.FunctionDef | ast.ClassDef) else stack
        for child in ast.iter_child_nodes(node):
            visit(child, inner, in_compile)

    visit(ast.parse(path.read_text(encoding="utf-8")), [], False)
    return found


def _outside_lang() -> set[str]:
    return {
        f"{path.relative_to(SRC).as_posix()}::{where}"
        for path in sorted(SRC.rglob("*.py"))
        if "lang" not in path.relative_to(SRC).parts[:1]
        for where in word_alternations(path)
    }


def test_no_new_regex_is_built_from_words_outside_the_language_layer() -> None:
    new = sorted(_outside_lang() - set(WORD_ALTERNATIONS_KEPT))
    assert not new, (
        "regexes built from word alternations outside lang/ (read words by lemma, the parse"
        " or a table lookup instead):\n" + "\n".join(new)
    )


def test_the_list_of_kept_word_regexes_is_the_true_remainder() -> None:
    gone = sorted(set(WORD_ALTERNATIONS_KEPT) - _outside_lang())
    assert not gone, "no longer built from words, take off the list:\n" + "\n".join(gone)


def test_the_check_finds_a_regex_built_from_words(tmp_path: Path) -> None:
    module = tmp_path / "stage.py"
    module.write_text(
        "import re\n"
        "ROLES = ('judge', 'lawyer')\n"
        "# typography around a title\n"
        "_TITLE = re.compile(r'\\b(?:' + '|'.join(ROLES) + r')\\s')\n"
        "_KEYS = '|'.join(ROLES)  # a key, no pattern\n"
        "class Reader:\n"
        "    def __init__(self, words):\n"
        "        cues = _alternation(words)\n"
        "        # typography\n"
        "        self.cue = re.compile(cues)\n",
        encoding="utf-8",
    )
    assert word_alternations(module) == {"<module>", "Reader.__init__"}
