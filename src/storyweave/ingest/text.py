"""Plain text and Markdown: the whole file is one article."""

from __future__ import annotations

from collections.abc import Iterator
from typing import BinaryIO

from storyweave.ingest.base import MB, Reader
from storyweave.ingest.decode import decode_text, looks_binary
from storyweave.ingest.fragment import decode_entities
from storyweave.ingest.streams import read_limited
from storyweave.models import ItemError, RawDocument


class TextReader(Reader):
    """Decodes the file into ``text``, with the HTML entities scrapers leave (``Arnault&#8217;s``) as characters;
    cleaning boilerplate is the cleaner's job."""

    format = "text"
    extensions = (".txt", ".text", ".md", ".markdown")

    def __init__(self, max_bytes: int = 20 * MB) -> None:
        self.max_bytes = max_bytes

    def sniff(self, head: bytes) -> bool:
        return bool(head.strip()) and not looks_binary(head)

    def read(self, stream: BinaryIO, source: str) -> Iterator[RawDocument | ItemError]:
        data = read_limited(stream, self.max_bytes, "file for one article")
        yield RawDocument(
            source=source, format=self.format, text=decode_entities(decode_text(data), keep_markup=True)
        )
