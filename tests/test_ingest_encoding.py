"""Decoding: UTF-8 first, byte order marks, then a detected legacy encoding."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyweave.errors import InputError
from storyweave.ingest import read_paths
from storyweave.ingest.decode import LineDecoder, decode_text, looks_binary
from storyweave.models import RawDocument

TEXTS = [
    ("cp1252", "Café"),
    ("cp1252", "L’été dernier, le « café » était “très” bon — dit-il. Naïve résumé, Noël à Paris.\n" * 3),
    ("latin-1", "Le café était très bon, à la française, dit le garçon.\n" * 3),
    ("cp1251", "Москва. Правительство России сегодня объявило о новых мерах поддержки экономики.\n" * 3),
    ("cp1250", "Příliš žluťoučký kůň úpěl ďábelské ódy. Vláda dnes schválila nový zákon.\n" * 3),
    ("shift_jis", "東京で本日、政府は新しい経済対策を発表しました。会議は午後に開かれた。\n" * 3),
    ("utf-8", "Ελληνικά, русский, 中文, עברית\n"),
    ("utf-8-sig", "With a byte order mark\n"),
    ("utf-16", "UTF-16 with its byte order mark\n"),
]


@pytest.mark.parametrize(("encoding", "text"), TEXTS, ids=[encoding for encoding, _ in TEXTS])
def test_text_files_in_many_encodings(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(text.encode(encoding))
    [doc] = read_paths([str(path)])
    assert isinstance(doc, RawDocument) and doc.text == text


def test_declared_charset_is_a_hint_after_utf8() -> None:
    assert decode_text("naïve".encode(), declared="iso-8859-1") == "naïve"  # valid utf-8 wins
    assert decode_text("naïve".encode("cp1252"), declared="cp1252") == "naïve"
    assert decode_text("Ωμέγα".encode("iso-8859-7"), declared="iso-8859-7") == "Ωμέγα"


def test_bad_bom_and_binary() -> None:
    with pytest.raises(InputError, match="^undecodable text: invalid utf-8 after the byte order mark$"):
        decode_text(b"\xef\xbb\xbfok \xff\xfe\xfa")
    with pytest.raises(InputError, match="^binary file, not text$"):
        decode_text(b"GIF89a\x01\x00\x01\x00")
    assert looks_binary(b"\x00\x01\x02")
    assert not looks_binary(b"plain text\twith tabs\r\n")
    assert not looks_binary("utf-16 text".encode("utf-16"))


def test_line_decoder_keeps_the_legacy_encoding_it_found() -> None:
    decoder = LineDecoder()
    lines = ["plain", "Café “quoted”", "Noël", "ascii again", "çà et là"]
    assert [decoder.decode(line.encode("cp1252"), n) for n, line in enumerate(lines, 1)] == lines
    assert LineDecoder().decode(b"\xef\xbb\xbf{}", 1) == "{}"
