"""Exact and near-duplicate detection: a content hash for exact copies, MinHash + LSH bands for
syndicated copies (wire stories republished with a different headline, a trimmed ending, a byline).

The signature is 64 MinHash values (multiply-shift hashes) over 5-word shingles of the normalised text; 16 bands of 4 rows
make documents with Jaccard >= ~0.5 meet in some band with high probability, and a candidate counts as
a copy when its estimated Jaccard is >= ``threshold`` (0.7 by default: syndicated copies of one wire
story score 0.8-1.0, two different reports of one event rarely above 0.3).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterable

import numpy as np

_WORD = re.compile(r"\w+", re.UNICODE)
_SHIFT = np.uint64(32)
_MIX = np.uint64(0x9E3779B97F4A7C15)


def content_hash(text: str) -> str:
    """Hash of the text with case, punctuation and spacing folded."""
    norm = " ".join(_WORD.findall(text.lower()))
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=16).hexdigest()


class MinHasher:
    """Deterministic MinHash signatures and LSH band keys (same on every machine and run)."""

    def __init__(self, num_perm: int = 64, bands: int = 16, shingle: int = 5, threshold: float = 0.7):
        if num_perm % bands:
            raise ValueError("num_perm must be a multiple of bands")
        self.num_perm = num_perm
        self.bands = bands
        self.shingle = shingle
        self.threshold = threshold
        rng = np.random.default_rng(20161214)
        self._a = rng.integers(0, 2**64 - 1, size=num_perm, dtype=np.uint64, endpoint=True) | np.uint64(1)
        self._b = rng.integers(0, 2**64 - 1, size=num_perm, dtype=np.uint64, endpoint=True)

    def _shingles(self, text: str) -> np.ndarray:
        """Distinct hashes of the k-word shingles: a polynomial over the words' CRC32s, in numpy."""
        words = _WORD.findall(text.lower())
        if not words:
            return np.zeros(0, dtype=np.uint64)
        ids = np.fromiter((zlib.crc32(w.encode("utf-8")) for w in words), dtype=np.uint64, count=len(words))
        k = min(self.shingle, len(ids))
        n = len(ids) - k + 1
        grams = np.zeros(n, dtype=np.uint64)
        for j in range(k):  # wraps modulo 2**64, which is what we want
            grams = grams * _MIX + ids[j : j + n]
        return np.unique(grams)

    def signature(self, text: str) -> np.ndarray | None:
        """uint32 MinHash signature, or None for a text too short to compare."""
        shingles = self._shingles(text)
        if len(shingles) < 3:
            return None
        # multiply-shift hashing: the high 32 bits of a*x + b (mod 2**64) for odd random a
        hashed = (np.outer(self._a, shingles) + self._b[:, None]) >> _SHIFT
        return hashed.min(axis=1).astype(np.uint32)

    def band_keys(self, signature: np.ndarray) -> tuple[int, ...]:
        rows = self.num_perm // self.bands
        keys = []
        for band in range(self.bands):
            chunk = signature[band * rows : (band + 1) * rows].tobytes()
            digest = hashlib.blake2b(chunk, digest_size=7, person=bytes([band]) * 8).digest()
            keys.append(int.from_bytes(digest, "big"))
        return tuple(keys)

    @staticmethod
    def similarity(a: np.ndarray, b: np.ndarray) -> float:
        return float(np.mean(a == b))

    def best_match(self, signature: np.ndarray, candidates: Iterable[tuple[str, bytes]]) -> str | None:
        """The candidate id with the highest estimated Jaccard >= threshold (ties: first given)."""
        best, best_sim = None, -1.0
        for article_id, blob in candidates:
            other = np.frombuffer(blob, dtype=np.uint32)
            if other.shape != signature.shape:
                continue
            sim = self.similarity(signature, other)
            if sim >= self.threshold and sim > best_sim:
                best, best_sim = article_id, sim
        return best
