"""Turn raw bytes into text, and say how.

Order: byte-order mark, strict UTF-8, UTF-16 without BOM (NUL-byte pattern),
``charset_normalizer``'s best guess, then cp1252 and finally latin-1 (which
never fails). The name of the codec used is returned with the text so the
document records it.
"""

from __future__ import annotations

import codecs
import logging

logger = logging.getLogger(__name__)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


class BinaryContentError(ValueError):
    """The bytes are not text in any encoding we accept."""


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode ``data``; returns ``(text, encoding_label)``.

    Raises :class:`BinaryContentError` when the bytes contain NUL bytes that
    are not explained by a UTF-16/32 encoding.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), f"{codec} (BOM)"
            except UnicodeDecodeError:
                break
    if b"\x00" in data:
        utf16 = _guess_utf16(data)
        if utf16 is not None:
            try:
                return data.decode(utf16), f"{utf16} (no BOM)"
            except UnicodeDecodeError:
                pass
        raise BinaryContentError("contains NUL bytes (binary file)")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    guessed = _charset_normalizer_guess(data)
    if guessed is not None:
        return guessed
    try:
        return data.decode("cp1252"), "cp1252 (fallback)"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1 (fallback)"


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


def _charset_normalizer_guess(data: bytes) -> tuple[str, str] | None:
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # optional dependency (comes with requests/trafilatura)
        return None
    best = from_bytes(data[:200_000]).best()
    if best is None:
        return None
    encoding = str(best.encoding)
    try:
        return data.decode(encoding), f"{encoding} (detected)"
    except (UnicodeDecodeError, LookupError):
        logger.debug("charset_normalizer guessed %s but decoding failed", encoding)
        return None
