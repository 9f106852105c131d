"""Bytes to text: refuse binary files, decode UTF-8 (with or without BOM), UTF-16 and legacy encodings.

French files from old systems come as cp1252/Latin-1; a UTF-8 file may carry a few bad bytes. The
decoder never raises on text-like input: it reports what it had to do in `Decoded.warning`, and
raises `NotText` only for content that is not text at all (images, archives, executables, NULs).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

# Signatures of common binary formats that end up with a text extension by mistake.
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF87a", "GIF image"),
    (b"GIF89a", "GIF image"),
    (b"%PDF-", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or Office document)"),
    (b"\x1f\x8b", "gzip archive"),
    (b"BZh", "bzip2 archive"),
    (b"\xfd7zXZ\x00", "xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "7-Zip archive"),
    (b"Rar!\x1a\x07", "RAR archive"),
    (b"\x28\xb5\x2f\xfd", "zstd archive"),
    (b"\x7fELF", "executable"),
    (b"MZ", "Windows executable"),
    (b"II*\x00", "TIFF image"),
    (b"MM\x00*", "TIFF image"),
    (b"\x00\x00\x01\x00", "icon image"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"fLaC", "FLAC audio"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "legacy Office document"),
    (b"SQLite format 3\x00", "SQLite database"),
)
_SNIFF = 8192
# C0 control bytes that never occur in text (tab, newline, carriage return and form feed do).
_CONTROL = re.compile(rb"[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f]")
# A well-formed multi-byte UTF-8 sequence: evidence that the file really is UTF-8.
_UTF8_MULTIBYTE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
# Western encodings a French text may come in, tried in this order by charset-normalizer.
LEGACY_ENCODINGS = ["cp1252", "iso8859_15", "latin_1", "mac_roman"]


class NotText(ValueError):
    """The bytes are not a text document (binary file, image, archive, ...)."""


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding used, and what had to be repaired (None when nothing)."""

    text: str
    encoding: str
    warning: str | None = None


def sniff_binary(data: bytes) -> str | None:
    """A short description of the binary format of `data`, or None when it looks like text."""
    head = data[:_SNIFF]
    for magic, what in _MAGIC:
        if head.startswith(magic):
            return what
    if head[4:8] == b"ftyp":
        return "MP4/HEIC media"
    if head.startswith(b"RIFF") and head[8:12] in (b"WEBP", b"WAVE", b"AVI "):
        return f"RIFF {head[8:12].decode('ascii').strip()} media"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _looks_utf16(head):
        return None
    if b"\x00" in head:
        return "binary data (NUL bytes)"
    if head and len(_CONTROL.findall(head)) > 0.05 * len(head):
        return "binary data (control bytes)"
    return None


def _looks_utf16(head: bytes) -> bool:
    """UTF-16 without a BOM: Latin text has a NUL in every other byte."""
    if len(head) < 8:
        return False
    odd, even = head[1::2], head[0::2]
    return odd.count(0) > 0.4 * len(odd) or even.count(0) > 0.4 * len(even)


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """Decode a text file's bytes; `declared` is a charset named by the document itself (HTML meta).

    Order: BOMs, strict UTF-8, the declared charset, UTF-8 with a few bad bytes replaced (when the
    file is clearly UTF-8), then the best Western legacy encoding. Raises `NotText` for binary data.
    """
    what = sniff_binary(data)
    if what:
        raise NotText(f"not a text file: {what}")
    if data.startswith(codecs.BOM_UTF8):
        return _utf8(data[len(codecs.BOM_UTF8) :], "utf-8-sig")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return Decoded(data.decode("utf-16", errors="replace"), "utf-16")
    if _looks_utf16(data[:_SNIFF]):
        enc = "utf-16-le" if data[1::2][:_SNIFF].count(0) > data[0::2][:_SNIFF].count(0) else "utf-16-be"
        return Decoded(data.decode(enc, errors="replace"), enc)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    codec = _known_codec(declared) if declared else None
    if codec and codec != "utf-8":
        try:
            return Decoded(data.decode(codec), codec)
        except UnicodeDecodeError:
            pass
    return _utf8(data, "utf-8") if _mostly_utf8(data) else _legacy(data)


def _utf8(data: bytes, encoding: str) -> Decoded:
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    warning = f"{bad} undecodable byte sequence(s) replaced by U+FFFD ({encoding})" if bad else None
    return Decoded(text, encoding, warning)


def _mostly_utf8(data: bytes) -> bool:
    """More well-formed multi-byte UTF-8 sequences than stray high bytes: UTF-8 with a few bad bytes."""
    good = len(_UTF8_MULTIBYTE.findall(data))
    high = sum(1 for b in data if b >= 0x80)
    stray = high - sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    return good > 0 and good >= stray


def _legacy(data: bytes) -> Decoded:
    """Best Western single-byte encoding (charset-normalizer), cp1252 when it cannot tell."""
    encoding = "cp1252"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data, cp_isolation=LEGACY_ENCODINGS).best()
        if best is not None and best.encoding:
            encoding = best.encoding
    except Exception:  # noqa: BLE001 - detection is a nicety; cp1252 is the safe French default
        pass
    # cp1252 leaves five bytes undefined: fall back to Latin-1 for those rather than failing.
    text = data.decode(encoding, errors="latin1fallback")
    if not plausible_text(text):
        raise NotText("undecodable bytes: neither UTF-8 nor a Western legacy encoding (cp1252/Latin-1)")
    return Decoded(text, encoding)


def plausible_text(text: str) -> bool:
    """Legacy-decoded bytes look like Latin-script text: mostly ASCII letters, few symbols.

    French has well under 10 % accented letters; random or foreign bytes decoded as cp1252 give a
    soup of accented letters and symbols (`Ã©Â±Ì`) instead.
    """
    sample = text[:20_000]
    letters = [c for c in sample if c.isalpha()]
    if not letters:
        return not any(ord(c) > 127 for c in sample)
    non_ascii = sum(1 for c in letters if ord(c) > 127) / len(letters)
    odd = sum(1 for c in sample if not (c.isalnum() or c.isspace() or c in _COMMON_PUNCT)) / len(sample)
    return non_ascii <= 0.3 and odd <= 0.1


_COMMON_PUNCT = frozenset(".,;:!?'\"«»()[]{}-–—’‘“”…%€$£@#&*/+=_<>°|~^\\")


def _latin1_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    return exc.object[exc.start : exc.end].decode("latin-1"), exc.end


codecs.register_error("latin1fallback", _latin1_fallback)


def _known_codec(name: str) -> str | None:
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
