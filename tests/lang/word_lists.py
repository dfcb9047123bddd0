"""Find what is English (or another language) in code outside the language layer.

Used by ``test_language_layer.py``: a stage module may hold no word list, no regular
expression over words, and no ASCII-only letter class for names; those live in
``dossier/lang/<code>/``. A table that is not language (HTML element names, file
extensions, SQL) says so with a comment ``# not language: <why>`` on the line it starts.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "dossier"
LANG = SRC / "lang"
MARKER = "# not language:"
MIN_WORDS = 5  # this many word-like strings make a word list

_WORD = re.compile(r"[a-z]{2,}(?:['’][a-z]+)?")
# An alternation of three or more words inside a pattern: (?:said|says|told ...
_WORD_ALTERNATION = re.compile(
    r"(?:\\b|\(\?:|\(|\|)([a-z]{3,}(?:\\s\+|\s)?[a-z]*)\|([a-z]{3,})\|([a-z]{3,})", re.I
)
_ASCII_CLASS = re.compile(r"\[(?:\^?)(?:A-Z|a-z)(?:a-z|A-Z)?[^\]]{0,20}\]")
_LANGUAGE_FOLDERS = "|".join(sorted(p.name for p in LANG.iterdir() if (p / "__init__.py").exists()))
# A language folder, or a stage's own lexicon module, imported directly.
_LEXICON_IMPORT = re.compile(
    rf"^dossier\.(?:lang\.(?:{_LANGUAGE_FOLDERS})(?:\.\w+)?|\w+\.lexicon)$"
)


@dataclass(frozen=True, slots=True, order=True)
class Finding:
    module: str  # path relative to src/dossier
    line: int
    kind: str  # "word list", "word pattern", "ascii letters", "lexicon import"
    name: str  # the assigned name or the imported module

    @property
    def key(self) -> str:
        return f"{self.module}::{self.name}::{self.kind}"


def _words_in(node: ast.AST) -> int:
    """Word-like string constants in ``node``, counting each word of a ``words("...")`` or
    ``"...".split()`` literal (a message with spaces in it is not a table)."""
    count = 0
    for child in ast.walk(node):
        if isinstance(child, ast.Call):
            count += _split_words(child)
        elif isinstance(child, ast.Constant) and isinstance(child.value, str):
            count += 1 if _WORD.fullmatch(child.value) else 0
    return count


def _split_words(call: ast.Call) -> int:
    func = call.func
    if isinstance(func, ast.Attribute) and func.attr == "split":
        literal = func.value
    elif isinstance(func, ast.Name) and func.id == "words" and call.args:
        literal = call.args[0]
    else:
        return 0
    if isinstance(literal, ast.Constant) and isinstance(literal.value, str):
        return sum(1 for w in literal.value.split() if _WORD.fullmatch(w))
    return 0


def _patterns_in(node: ast.AST) -> list[str]:
    out = []
    for child in ast.walk(node):
        if isinstance(child, ast.Constant) and isinstance(child.value, str):
            out.append(child.value)
    return out


def _target_name(node: ast.AST) -> str | None:
    if isinstance(node, ast.Assign) and node.targets:
        target = node.targets[0]
    elif isinstance(node, ast.AnnAssign):
        target = node.target
    else:
        return None
    return target.id if isinstance(target, ast.Name) else None


def _exempt(lines: list[str], node: ast.AST) -> bool:
    start = getattr(node, "lineno", 1) - 1
    window = lines[max(0, start - 2) : getattr(node, "end_lineno", start + 1)]
    return any(MARKER in line for line in window)


def scan_module(path: Path) -> list[Finding]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    module = str(path.relative_to(SRC))
    found: list[Finding] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and _LEXICON_IMPORT.match(node.module):
            found.append(Finding(module, node.lineno, "lexicon import", node.module))
        if isinstance(node, ast.Import):
            for alias in node.names:
                if _LEXICON_IMPORT.match(alias.name):
                    found.append(Finding(module, node.lineno, "lexicon import", alias.name))
        name = _target_name(node)
        if name is None or _exempt(lines, node):
            continue
        value = node.value  # type: ignore[attr-defined]
        if value is None or _is_record(value):
            continue
        if (_words_in(value) >= MIN_WORDS and not isinstance(value, ast.Call | ast.BinOp)) or (
            isinstance(value, ast.Call | ast.BinOp) and _is_word_table(value)
        ):
            found.append(Finding(module, node.lineno, "word list", name))
            continue
        texts = _patterns_in(value)
        if any(_WORD_ALTERNATION.search(t) for t in texts):
            found.append(Finding(module, node.lineno, "word pattern", name))
        elif any(_ASCII_CLASS.search(t) for t in texts):
            found.append(Finding(module, node.lineno, "ascii letters", name))
    return sorted(set(found))


def _is_record(value: ast.AST) -> bool:
    """A dict literal built from computed values (a JSON object, a row), not a table."""
    return isinstance(value, ast.Dict) and not all(
        isinstance(v, ast.Constant | ast.Tuple | ast.Set | ast.List) for v in value.values
    )


def _is_word_table(value: ast.AST) -> bool:
    """frozenset(...), set(...), words(...), dict(...) or "...".split() holding words."""
    if isinstance(value, ast.Call):
        func = value.func
        called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if called in {"frozenset", "set", "words", "split", "MappingProxyType", "dict", "tuple"}:
            return _words_in(value) >= MIN_WORDS
        return False
    return _words_in(value) >= MIN_WORDS


def scan() -> list[Finding]:
    found: list[Finding] = []
    for path in sorted(SRC.rglob("*.py")):
        if LANG in path.parents:
            continue
        found.extend(scan_module(path))
    return found
