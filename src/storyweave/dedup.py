"""Exact and near-duplicate detection: a content hash for exact copies, MinHash + LSH bands for
syndicated copies (wire stories republished with a different headline, a trimmed ending, a byline).

The signature is 64 MinHash values over 5-word shingles of the normalised text; 16 bands of 4 rows
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
_PRIME = np.uint64((1 << 61) - 1)
_MAX32 = np.uint64(0xFFFFFFFF)


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
        self._a = rng.integers(1, (1 << 61) - 1, size=num_perm, dtype=np.uint64)
        self._b = rng.integers(0, (1 << 61) - 1, size=num_perm, dtype=np.uint64)

    def _shingles(self, text: str) -> np.ndarray:
        words = _WORD.findall(text.lower())
        k = self.shingle
        if len(words) < k:
            grams = [" ".join(words)] if words else []
        else:
            grams = [" ".join(words[i : i + k]) for i in range(len(words) - k + 1)]
        return np.fromiter((zlib.crc32(g.encode("utf-8")) for g in set(grams)), dtype=np.uint64)

    def signature(self, text: str) -> np.ndarray | None:
        """uint32 MinHash signature, or None for a text too short to compare."""
        shingles = self._shingles(text)
        if len(shingles) < 3:
            return None
        # (a*x + b) mod p in uint64 wraps on overflow; still a fine hash family for our purpose.
        hashed = (np.outer(self._a, shingles) + self._b[:, None]) % _PRIME
        return (hashed.min(axis=1) & _MAX32).astype(np.uint32)

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
