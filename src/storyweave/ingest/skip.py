"""Inputs that are not articles: what a scrape folder holds besides them, by name and by magic bytes.

Such inputs are skipped with a reason, never failed. The name decides first (``photo.jpg``); the content's
first bytes decide only where the name says nothing (no extension, or one no reader or rule knows), except
for SQLite databases, recognised by their header whatever their name.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable

IMAGE = "image"
MEDIA = "audio or video"
DOCUMENT = "pdf or office document"
ARCHIVE = "archive of a kind not read (only .gz is)"
LOG = "log file"
SQLITE = "sqlite database"
STORE = "the store's own file"
JUNK = "editor or os junk"
WEB_ASSET = "stylesheet or script"
PROGRAM = "program or font"
BINARY_UNKNOWN = "binary file of unknown kind"

SQLITE_HEADER = b"SQLite format 3\x00"
STORE_SUFFIXES = ("", "-wal", "-shm", "-journal")

_BY_EXTENSION: dict[str, str] = {
    **dict.fromkeys(
        (".jpg", ".jpeg", ".jpe", ".png", ".gif", ".webp", ".bmp", ".tif", ".tiff", ".ico", ".svg", ".svgz")
        + (".avif", ".heic", ".heif", ".jxl", ".psd", ".raw", ".cr2", ".nef"),
        IMAGE,
    ),
    **dict.fromkeys(
        (".mp3", ".m4a", ".aac", ".ogg", ".oga", ".opus", ".flac", ".wav", ".wma", ".mid", ".midi")
        + (".mp4", ".m4v", ".mov", ".avi", ".mkv", ".webm", ".wmv", ".flv", ".mpg", ".mpeg", ".3gp"),
        MEDIA,
    ),
    **dict.fromkeys(
        (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".odt", ".ods", ".odp", ".rtf", ".epub")
        + (".pages", ".numbers", ".key"),
        DOCUMENT,
    ),
    **dict.fromkeys(
        (".zip", ".tar", ".tgz", ".tbz", ".tbz2", ".txz", ".7z", ".rar", ".bz2", ".xz", ".lz", ".lzma")
        + (".zst", ".z", ".cab", ".iso", ".dmg", ".jar", ".war"),
        ARCHIVE,
    ),
    ".log": LOG,
    **dict.fromkeys((".db", ".sqlite", ".sqlite3", ".db3"), SQLITE),
    **dict.fromkeys((".swp", ".swo", ".swx", ".tmp", ".temp", ".bak", ".part", ".crdownload"), JUNK),
    **dict.fromkeys((".css", ".js", ".mjs", ".map"), WEB_ASSET),
    **dict.fromkeys((".exe", ".dll", ".so", ".dylib", ".woff", ".woff2", ".ttf", ".otf", ".eot"), PROGRAM),
}
_JUNK_NAMES = frozenset({"thumbs.db", "ehthumbs.db", "desktop.ini", "icon\r"})
_ROTATED_LOG = re.compile(r"\.log(\.\d+)*(\.gz)?$")  # app.log.1, app.log.2.gz
_SQLITE_SIBLING = re.compile(r"\.(db|sqlite3?|db3)-(wal|shm|journal)$")

# (offset, bytes, reason); looked for in the first bytes, before and after gunzipping
_MAGIC: tuple[tuple[int, bytes, str], ...] = (
    (0, SQLITE_HEADER, SQLITE),
    (0, b"\x37\x7f\x06\x82", SQLITE),  # write-ahead log
    (0, b"\x37\x7f\x06\x83", SQLITE),
    (0, b"\xff\xd8\xff", IMAGE),
    (0, b"\x89PNG\r\n\x1a\n", IMAGE),
    (0, b"GIF87a", IMAGE),
    (0, b"GIF89a", IMAGE),
    (0, b"II*\x00", IMAGE),
    (0, b"MM\x00*", IMAGE),
    (0, b"\x00\x00\x01\x00", IMAGE),  # .ico
    (0, b"\xff\x0a", IMAGE),  # JPEG XL
    (0, b"8BPS", IMAGE),
    (0, b"%PDF-", DOCUMENT),
    (0, b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", DOCUMENT),  # old Office (OLE2)
    (0, b"{\\rtf", DOCUMENT),
    (0, b"PK\x03\x04", ARCHIVE),  # zip, and so docx, xlsx, odt, epub
    (0, b"PK\x05\x06", ARCHIVE),  # empty zip
    (0, b"7z\xbc\xaf\x27\x1c", ARCHIVE),
    (0, b"Rar!\x1a\x07", ARCHIVE),
    (0, b"\xfd7zXZ\x00", ARCHIVE),
    (0, b"\x28\xb5\x2f\xfd", ARCHIVE),  # zstd
    (4, b"1AY&SY", ARCHIVE),  # bzip2: "BZh" + level + block magic
    (257, b"ustar", ARCHIVE),  # tar
    (0, b"ID3", MEDIA),
    (0, b"OggS", MEDIA),
    (0, b"fLaC", MEDIA),
    (0, b"\x1a\x45\xdf\xa3", MEDIA),  # matroska, webm
    (0, b"FLV\x01", MEDIA),
    (0, b"\xff\xfb", MEDIA),  # mp3 frames
    (0, b"\xff\xf3", MEDIA),
    (0, b"\xff\xf2", MEDIA),
    (0, b"\x7fELF", PROGRAM),
    (0, b"MZ\x90\x00", PROGRAM),
    (0, b"\xcf\xfa\xed\xfe", PROGRAM),  # Mach-O
    (0, b"wOFF", PROGRAM),
    (0, b"wOF2", PROGRAM),
)


def by_name(name: str) -> str | None:
    """Why a file of this name is not an article, or None where the name does not say."""
    base = os.path.basename(name).lower()
    if base in _JUNK_NAMES or base.endswith("~") or (base.startswith("#") and base.endswith("#")):
        return JUNK
    if _ROTATED_LOG.search(base):
        return LOG
    if _SQLITE_SIBLING.search(base):
        return SQLITE
    if base.endswith(".gz"):
        base = base[:-3]
    return _BY_EXTENSION.get(os.path.splitext(base)[1])


def by_content(head: bytes) -> str | None:
    """Why input starting with ``head`` is not an article, by its magic bytes; None if they say nothing."""
    for offset, magic, reason in _MAGIC:
        if head[offset : offset + len(magic)] == magic:
            return reason
    if head[8:12] == b"WEBP" and head.startswith(b"RIFF"):
        return IMAGE
    if head.startswith(b"RIFF") and head[8:12] in (b"WAVE", b"AVI "):
        return MEDIA
    if head[4:8] == b"ftyp":  # ISO media: pictures (avif, heic) or movies and sound (mp4, mov, m4a)
        return IMAGE if head[8:12] in (b"avif", b"avis", b"heic", b"heix", b"mif1", b"msf1") else MEDIA
    return None


def is_sqlite(head: bytes) -> bool:
    return head.startswith(SQLITE_HEADER)


def store_files(db: str | os.PathLike[str] | None) -> frozenset[str]:
    """The resolved paths of the SQLite store ``db`` and its ``-wal``, ``-shm`` and ``-journal`` siblings."""
    if db is None:
        return frozenset()
    path = os.path.realpath(os.fspath(db))
    return frozenset(path + suffix for suffix in STORE_SUFFIXES)


def matches(relative: str, patterns: Iterable[str]) -> bool:
    """Whether a glob in ``patterns`` matches ``relative`` (``/``-separated) or its last part.

    Case-sensitive; ``*`` and ``?`` also match ``/``, so ``raw/*`` matches everything under ``raw``.
    """
    from fnmatch import fnmatchcase

    name = relative.rsplit("/", 1)[-1]
    return any(fnmatchcase(relative, pattern) or fnmatchcase(name, pattern) for pattern in patterns)
