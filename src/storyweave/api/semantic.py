"""Cross-lingual semantic search: the query embedded with the configured sentence encoder, ranked against the
article vectors the store keeps (one per original article), by brute force over a matrix held in memory.

The matrix is read once and then extended with what later ingests stored (``Store.embeddings_after``, read on from
the last position seen, through the store handle of the request that searches), so a search costs one
matrix-vector product."""

from __future__ import annotations

import threading
from dataclasses import dataclass

import numpy as np

from storyweave.config import Settings
from storyweave.embed.base import Embedder
from storyweave.embed.factory import make_embedder
from storyweave.store.base import Store

_READ = 10_000  # vectors read per query while refreshing (about 20 MB of 512-dimension vectors)


@dataclass(frozen=True)
class Hit:
    article_id: str
    score: float  # cosine of the query and the article's vector


class VectorIndex:
    """Article vectors of one embedder model; thread-safe. Constructing it does no I/O."""

    def __init__(self, settings: Settings, embedder: Embedder | None = None):
        self.settings = settings
        self._embedder = embedder
        self._lock = threading.Lock()
        self._embed_lock = threading.Lock()
        self._ids: list[str] = []
        self._row_of: dict[str, int] = {}
        self._matrix = np.zeros((0, 0), dtype=np.float32)
        self._last_rowid = 0

    @property
    def embedder(self) -> Embedder:
        with self._embed_lock:
            if self._embedder is None:
                self._embedder = make_embedder(self.settings)
            return self._embedder

    def embed(self, text: str) -> np.ndarray:
        embedder = self.embedder
        with self._embed_lock:  # an encoder session is not promised to be safe across threads
            return np.asarray(embedder.embed([text])[0], dtype=np.float32)

    def refresh(self, store: Store) -> int:
        """Read the vectors ``store`` holds since the last refresh; returns how many the index holds."""
        model = self.embedder.name
        with self._lock:
            rows: list[tuple[int, str, bytes]] = []
            while True:
                after = rows[-1][0] if rows else self._last_rowid
                page = store.embeddings_after(model, after, _READ)
                rows.extend(page)
                if len(page) < _READ:
                    break
            if not rows:
                return len(self._ids)
            dim = len(rows[0][2]) // 4
            matrix = self._matrix if self._matrix.shape[1] == dim else np.zeros((0, dim), dtype=np.float32)
            added: list[np.ndarray] = []
            for rowid, article_id, blob in rows:
                self._last_rowid = max(self._last_rowid, rowid)
                vector = np.frombuffer(blob, dtype=np.float32)
                if vector.shape[0] != dim:
                    continue
                row = self._row_of.get(article_id)
                if row is not None and row < matrix.shape[0]:
                    matrix[row] = vector  # a replaced vector (an updated article)
                    continue
                self._row_of[article_id] = len(self._ids)
                self._ids.append(article_id)
                added.append(vector)
            if added:
                matrix = np.vstack([matrix, np.stack(added)]) if matrix.size else np.stack(added)
            self._matrix = np.ascontiguousarray(matrix, dtype=np.float32)
            return len(self._ids)

    def search(self, store: Store, query: str, limit: int, offset: int = 0) -> list[Hit]:
        """The articles of ``store`` nearest ``query``, best first."""
        self.refresh(store)
        vector = self.embed(query)
        with self._lock:
            matrix, ids = self._matrix, list(self._ids)
        if not ids or matrix.shape[1] != vector.shape[0]:
            return []
        scores = matrix @ vector
        wanted = min(len(ids), offset + limit)
        if wanted <= 0:
            return []
        top = np.argpartition(-scores, wanted - 1)[:wanted] if wanted < len(ids) else np.arange(len(ids))
        order = top[np.argsort(-scores[top], kind="stable")]
        return [Hit(ids[i], float(scores[i])) for i in order[offset : offset + limit]]
