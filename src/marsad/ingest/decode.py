"""Bytes to text: Arabic archives come in UTF-8, Windows-1256, UTF-16 and worse.

Decoding refuses what is not text (images, archives, PDFs) with a reason a user can act on,
instead of producing mojibake that would be analyzed as if it were Arabic.
"""

from __future__ import annotations

import codecs

from charset_normalizer import from_bytes

from marsad.errors import InputError

_MAGIC = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"%PDF", "a PDF file"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive that could not be read"),
    (b"BZh", "a bzip2 archive"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"ID3", "an MP3 file"),
)
_BOMS = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Encodings an Arabic archive plausibly uses, in the order charset-normalizer should try them.
_CANDIDATES = ["cp1256", "iso8859_6", "utf_16", "cp720", "mac_arabic", "cp1252", "latin_1"]


def _looks_like_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: every other byte is NUL for Latin text, or 0x06 for Arabic."""
    sample = data[:4000]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    for codec, high in (("utf-16-le", odd), ("utf-16-be", even)):
        if sum(b in (0, 6) for b in high) > 0.7 * len(high):
            return codec
    return None


def decode_bytes(data: bytes, where: str) -> str:
    """Decode a file's bytes, or raise :class:`InputError` saying why it is not a text document."""
    if not data.strip():
        raise InputError(where, "empty file")
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise InputError(where, f"binary file ({what}), not text")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data.decode(codec)
    utf16 = _looks_like_utf16(data)
    if utf16:
        return data.decode(utf16, errors="replace")
    if b"\x00" in data[:65536]:
        raise InputError(where, "binary file (contains NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        # Mostly UTF-8 with a few broken bytes (a truncated download, a bad copy): keep it, marking the damage.
        repaired = data.decode("utf-8", errors="replace")
        if repaired.count("\ufffd") <= max(3, len(repaired) // 200):
            return repaired
    best = from_bytes(data[:200_000], cp_isolation=_CANDIDATES).best()
    if best is None:
        raise InputError(where, "undecodable bytes: not UTF-8, Windows-1256 or UTF-16 text")
    return data.decode(best.encoding, errors="replace")
