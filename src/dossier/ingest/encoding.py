"""Turn raw bytes into text, and say how.

Order: byte-order mark, UTF-16 without BOM (NUL-byte pattern), strict UTF-8,
*mostly* UTF-8 (repaired line by line, see :func:`_repair_utf8`),
``charset_normalizer``'s best guess, then cp1252 and finally latin-1 (which
never fails). The name of the codec used is returned with the text so the
document records it, with what had to be repaired.

Every step is linear in the length of the input.
"""

from __future__ import annotations

import codecs
import logging
import re
from dataclasses import dataclass

logger = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Bytes that could not be decoded, as ``surrogateescape`` leaves them (U+DC80..U+DCFF).
_ESCAPED = re.compile("[\udc80-\udcff]")
_ESCAPED_RUN = re.compile("[\udc80-\udcff]+")
_NON_ASCII = re.compile("[^\x00-\x7f\udc80-\udcff]")
# A text with NUL bytes is binary unless they are this rare (and not UTF-16/32).
MAX_NUL_SHARE = 0.01
_FEW_NULS = 8  # ... or this few, in a short text
_LEGACY_SAMPLE = 200_000  # bytes charset_normalizer looks at
_TIE_BREAK = "cp1252"  # windows-1252, what browsers read unlabelled legacy text as


class BinaryContentError(ValueError):
    """The bytes are not text in any encoding we accept."""


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text decoded from bytes, with the codec and what was repaired on the way."""

    text: str
    encoding: str
    repairs: tuple[str, ...] = ()  # one sentence per repair, e.g. "2 NUL bytes removed"


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding_label)`` (see :func:`decode`)."""
    decoded = decode(data)
    return decoded.text, decoded.encoding


def decode(data: bytes) -> Decoded:
    """Decode ``data`` into text.

    Raises :class:`BinaryContentError` when the bytes hold more NUL bytes than
    a text with a few stray ones (and are not UTF-16/32). Rare NUL bytes are
    removed and reported in ``repairs``.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data.decode(codec), f"{codec} (BOM)")
            except UnicodeDecodeError:
                break
    repairs: list[str] = []
    nuls = data.count(0)
    if nuls:
        utf16 = _guess_utf16(data)
        if utf16 is not None:
            try:
                return Decoded(data.decode(utf16), f"{utf16} (no BOM)")
            except UnicodeDecodeError:
                pass
        if nuls > max(_FEW_NULS, MAX_NUL_SHARE * len(data)):
            raise BinaryContentError(f"contains {nuls} NUL bytes (binary file)")
        data = data.replace(b"\x00", b"")
        repairs.append(f"{nuls} NUL byte{'s' if nuls != 1 else ''} removed")
    decoded = _decode_text(data)
    return Decoded(decoded.text, decoded.encoding, (*repairs, *decoded.repairs))


def _decode_text(data: bytes) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    escaped = data.decode("utf-8", "surrogateescape")
    if _mostly_utf8(escaped):
        return _repair_utf8(escaped)
    guessed = _charset_normalizer_guess(data)
    if guessed is not None:
        return guessed
    try:
        return Decoded(data.decode("cp1252"), "cp1252 (fallback)")
    except UnicodeDecodeError:
        return Decoded(data.decode("latin-1"), "latin-1 (fallback)")


def _mostly_utf8(escaped: str) -> bool:
    """At least as many well-formed multi-byte characters as stray bytes, or at least as many
    lines with non-ASCII text in valid UTF-8 as lines with stray bytes."""
    invalid = len(_ESCAPED.findall(escaped))
    if len(_NON_ASCII.findall(escaped)) >= invalid:
        return True
    good = bad = 0
    for line in escaped.split("\n"):
        if _ESCAPED.search(line):
            bad += 1
        elif _NON_ASCII.search(line):
            good += 1
    return good >= bad


def _repair_utf8(escaped: str) -> Decoded:
    """Keep every valid UTF-8 line; fix the lines that are not.

    A line with undecodable bytes and no valid multi-byte character is a line
    pasted from a single-byte code page: it is read as cp1252. Any other bad
    byte becomes U+FFFD. Both are counted in ``repairs``.
    """
    lines = escaped.split("\n")
    legacy = replaced = 0
    for i, line in enumerate(lines):
        if not _ESCAPED.search(line):
            continue
        if not _NON_ASCII.search(line):
            raw = line.encode("utf-8", "surrogateescape")
            lines[i] = raw.decode("cp1252", "replace")
            legacy += 1
        else:
            lines[i] = _ESCAPED_RUN.sub(_replace_run, line)
            replaced += len(_ESCAPED.findall(line))
    repairs = []
    if replaced:
        repairs.append(
            f"{replaced} byte{'s' if replaced != 1 else ''} that are not UTF-8 replaced with U+FFFD"
        )
    if legacy:
        repairs.append(f"{legacy} line{'s' if legacy != 1 else ''} not in UTF-8 read as cp1252")
    return Decoded("\n".join(lines), "utf-8 (repaired)", tuple(repairs))


def _replace_run(match: re.Match[str]) -> str:
    return "\ufffd" * len(match[0])


def _guess_utf16(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even_nuls = sample[0::2].count(0)
    odd_nuls = sample[1::2].count(0)
    half = len(sample) / 2
    if odd_nuls > 0.4 * half and even_nuls < 0.05 * half:
        return "utf-16-le"
    if even_nuls > 0.4 * half and odd_nuls < 0.05 * half:
        return "utf-16-be"
    return None


def _charset_normalizer_guess(data: bytes) -> Decoded | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional dependency (comes with requests/trafilatura)
        return None
    results = from_bytes(data[:_LEGACY_SAMPLE])
    best = results.best()
    if best is None:
        return None
    # Short texts often fit several code pages equally well (French in cp1250 reads "près" as
    # "prčs"): on a tie, the code page the web defaults to for legacy text (WHATWG) wins.
    tied = [m for m in results if (m.chaos, m.coherence) == (best.chaos, best.coherence)]
    best = next((m for m in tied if m.encoding == _TIE_BREAK), best)
    encoding = str(best.encoding)
    try:
        return Decoded(data.decode(encoding), f"{encoding} (detected)")
    except (UnicodeDecodeError, LookupError):
        logger.debug("charset_normalizer guessed %s but decoding failed", encoding)
        return None
