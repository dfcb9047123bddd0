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
