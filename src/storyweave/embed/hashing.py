"""A tiny deterministic embedder from hashed character n-grams: for fast tests, not for quality."""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np

from storyweave.embed.base import l2_normalise


class HashingEmbedder:
    """Bag of hashed character n-grams (lower-cased), signed, L2-normalised.

    Deterministic across processes (crc32, not Python's salted ``hash``).
    """

    def __init__(self, dim: int = 256, ngram: int = 3) -> None:
        self.dim = dim
        self.ngram = ngram
        self.name = f"hashing-{dim}-{ngram}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        n = self.ngram
        for row, text in enumerate(texts):
            padded = f" {text.lower()} "
            for i in range(max(1, len(padded) - n + 1)):
                code = zlib.crc32(padded[i : i + n].encode("utf-8"))
                out[row, code % self.dim] += 1.0 if (code >> 31) & 1 else -1.0
        return l2_normalise(out)
