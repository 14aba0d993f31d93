"""Plain-text reading in any common encoding (charset-normalizer), with BOMs and UTF-16 handled."""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


LATIN_FAMILY = ("cp125", "iso8859", "latin", "windows125", "macroman", "cp850", "cp437")


def _clean_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:
        return False
    return True


def _mostly_ascii(data: bytes, share: float = 0.9) -> bool:
    """Whether nearly all bytes are ASCII: Latin text with a few accents, not a CJK or Cyrillic text.

    Short English texts with one accented letter are often guessed as a CJK multi-byte encoding.
    """
    sample = data[:200_000]
    return bool(sample) and sum(1 for b in sample if b < 0x80) / len(sample) >= share


def decode_text(data: bytes) -> tuple[str, str]:
    r"""Decode bytes of unknown encoding.

    Args:
        data: File bytes.

    Returns:
        ``(text, encoding)``; text has Windows and old-Mac line ends normalised to ``\n``.

    Raises:
        UnicodeError: When no encoding gives text (binary data).
    """
    encoding = None
    for bom, name in BOMS:
        if data.startswith(bom):
            encoding = name
            break
    if encoding is None:
        try:
            text = data.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError:
            best = from_bytes(data[:2_000_000]).best()
            if best is None:
                raise UnicodeError("cannot determine the text encoding (binary data?)") from None
            encoding = best.encoding
            latin = encoding.replace("_", "").startswith(LATIN_FAMILY)
            if (latin or _mostly_ascii(data)) and _clean_cp1252(data):
                # Single-byte Latin code pages are hard to tell apart on short texts; for statements written
                # in English (and French) Windows-1252 is by far the likeliest, and it keeps £, € and curly quotes.
                encoding = "cp1252"
    if encoding != "utf-8":
        text = data.decode(encoding, errors="replace")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return text, encoding
