"""Detect temporal expressions with a precise regular grammar.

:func:`detect` returns :class:`~dossier.time.spec.RawTimex` records (span and parsed
meaning) without anchoring them to any date, using the rules of one language's
:class:`~dossier.time.grammar.Grammar`. Overlapping matches are resolved
leftmost-longest; "the start of", "early", "mid-" before a date widen it and make it
approximate.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from dossier.time.grammar import ASCII_LOWER, Grammar, norm
from dossier.time.spec import RawTimex, Spec


def _candidates(text: str, g: Grammar) -> Iterator[tuple[int, int, int, Spec]]:
    # Each rule scans ASCII-lowercased text case-sensitively (twice as fast as IGNORECASE);
    # at every hit the original pattern re-matches the original text, so handlers see its
    # case.
    lowered = text.translate(ASCII_LOWER)
    for rule in g.rules:
        for hit in rule.scanner.finditer(lowered):
            if hit.end() == hit.start():
                continue
            m = rule.pattern.match(text, hit.start())
            if m is None or m.end() == m.start():  # only with letters outside ASCII
                continue
            spec = rule.handler(m, text, g)
            if spec is None:
                continue
            if "core" in m.re.groupindex:
                yield m.start("core"), m.end("core"), rule.priority, spec
            else:
                yield m.start(), m.end(), rule.priority, spec


def _modifier_code(words: str, g: Grammar) -> str | None:
    """The TimeML mod of a modifier before a date ("the end of" -> END, "early" -> START)."""
    lowered = norm(words.replace("-", " "))
    for part, code in sorted(g.words.period_parts.items(), key=lambda kv: -len(kv[0])):
        if f" {part} " in f" {lowered} ":
            return code
    last = lowered.split()[-1] if lowered else ""
    if last == g.words.mid:
        return "MID"
    return g.words.edges.get(last)


def _with_modifier(text: str, start: int, spec: Spec, g: Grammar) -> tuple[int, Spec]:
    if spec.kind != "date" or spec.ref is not None or spec.decade is not None:
        return start, spec
    window_start = max(0, start - 40)
    m = g.modifier_before.search(text[window_start:start])
    if not m:
        return start, spec
    return window_start + m.start(), replace(spec, approx=True, mod=_modifier_code(m.group(0), g))


def detect(text: str, g: Grammar) -> tuple[RawTimex, ...]:
    """All temporal expressions in ``text``, leftmost-longest, in text order."""
    found = sorted(_candidates(text, g), key=lambda c: (c[0], -(c[1] - c[0]), c[2]))
    chosen: list[tuple[int, int, Spec]] = []
    taken_until = -1
    for start, end, _priority, spec in found:
        if start < taken_until:
            continue
        # Trim trailing punctuation captured by abbreviations ("Jan." at a sentence end).
        while end > start and text[end - 1] in ".,":
            if text[end - 1] == "." and g.abbreviation_before_stop(text[start:end]):
                break
            end -= 1
        chosen.append((start, end, spec))
        taken_until = end
    out: list[RawTimex] = []
    for start, end, spec in chosen:
        new_start, new_spec = _with_modifier(text, start, spec, g)
        if out and new_start < out[-1].end:
            new_start, new_spec = start, spec
        out.append(RawTimex(new_start, end, text[new_start:end], new_spec))
    return tuple(out)
