"""The one interface every input reader implements."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import BinaryIO, ClassVar

from storyweave.models import InputItem

MB = 1_000_000


class Reader(ABC):
    """Turns one input stream into documents.

    ``read`` yields a :class:`RawDocument` per item and an :class:`ItemError` per item it cannot
    read, then goes on with the next item. A problem with the whole input (too large, not this
    format) may instead be raised as :class:`storyweave.errors.InputError`; the caller turns it into
    an ``ItemError``. ``stream`` is already decompressed; ``source`` is what errors and documents
    name as their origin.
    """

    format: ClassVar[str]
    extensions: ClassVar[tuple[str, ...]]  # lower-case, with the dot: (".jsonl", ".ndjson")
    binary: ClassVar[bool] = False  # True: the input may hold binary data (archives); no text check

    @abstractmethod
    def sniff(self, head: bytes) -> bool:
        """Whether ``head`` (the first bytes of a decompressed input) looks like this format."""
        raise NotImplementedError

    @abstractmethod
    def read(self, stream: BinaryIO, source: str) -> Iterator[InputItem]:
        """Yield the documents (and per-item errors, or a :class:`SkippedItem`) found in ``stream``."""
        raise NotImplementedError
