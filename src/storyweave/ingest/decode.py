"""Bytes to text: UTF-8 first, then a detected legacy encoding; binary input is refused."""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

from storyweave.errors import InputError

BINARY = "binary file, not text"
UNDECODABLE = "undecodable text: not utf-8 and no other encoding fits"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_MAGIC = (b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"%PDF-", b"PK\x03\x04", b"\x7fELF", b"\x00\x00\x01\x00")
# C0 control bytes other than \t \n \f \r and ESC (ANSI colour codes): rare in real text
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))
_PREFERRED = "cp1252"  # the web's most common legacy encoding; wins ties in guess_encoding
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.IGNORECASE)


def bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(head: bytes) -> bool:
    """NUL bytes, a known binary signature, or many control characters (unless a UTF-16/32 BOM)."""
    if not head or bom_encoding(head) not in (None, "utf-8-sig"):
        return False
    if head.startswith(_MAGIC) or b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL))
    return controls / len(head) > 0.05


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML page declares in a ``<meta>`` tag, if Python knows it."""
    match = _META_CHARSET.search(head[:8192])
    return known_encoding(match.group(1).decode("ascii", "replace")) if match else None


def known_encoding(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def guess_encoding(data: bytes) -> str | None:
    """charset-normalizer's best guess, with two corrections for short inputs.

    UTF-16/32 without a byte order mark is ruled out (it would put NULs in ASCII text), and
    cp1252, the web's most common legacy encoding, wins whenever it fits as well as the best
    guess: on a few words "Café" is as likely big5 or cp1250 to the detector.
    """
    results = [match for match in from_bytes(data) if not match.encoding.startswith(("utf_16", "utf_32"))]
    if not results:
        return None
    best = results[0]
    for match in results:
        if (
            match.chaos <= best.chaos + 1e-9
            and match.coherence >= best.coherence - 1e-9
            and _PREFERRED in (match.encoding, *match.could_be_from_charset)
        ):
            return _PREFERRED
    return best.encoding


def decode_text(data: bytes, declared: str | None = None) -> str:
    """Decode a whole document; raise :class:`InputError` for binary or undecodable bytes."""
    bom = bom_encoding(data)
    if bom is not None:
        try:
            return data.decode(bom)
        except UnicodeDecodeError:
            name = bom.removesuffix("-sig")
            raise InputError(f"undecodable text: invalid {name} after the byte order mark") from None
    if looks_binary(data[:8192]):
        raise InputError(BINARY)
    for encoding in ("utf-8", known_encoding(declared)):
        if encoding:
            try:
                return data.decode(encoding)
            except UnicodeDecodeError:
                pass
    guessed = guess_encoding(data)
    if guessed is not None:
        try:
            return data.decode(guessed)
        except UnicodeDecodeError:
            pass
    raise InputError(UNDECODABLE)


class LineDecoder:
    """Decodes the lines of one input, one at a time.

    Tries UTF-8, then the legacy encoding an earlier line of the same input needed, then a fresh
    guess; so a cp1252 file costs one detection, not one per line. Make one per input.
    """

    def __init__(self) -> None:
        self._fallback: str | None = None

    def decode(self, line: bytes, lineno: int) -> str:
        if lineno == 1 and line.startswith(codecs.BOM_UTF8):
            line = line[len(codecs.BOM_UTF8) :]
        try:
            return line.decode("utf-8")
        except UnicodeDecodeError:
            pass
        if b"\x00" in line:
            raise InputError(BINARY, lineno)
        for encoding in (self._fallback, guess_encoding(line)):
            if encoding:
                try:
                    text = line.decode(encoding)
                except UnicodeDecodeError:
                    continue
                self._fallback = encoding
                return text
        raise InputError(UNDECODABLE, lineno)
