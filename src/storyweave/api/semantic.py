"""Cross-lingual semantic search: the query embedded with the configured sentence encoder, ranked against the
article vectors the store keeps (one per original article), by brute force over a matrix held in memory.

The matrix is read once and then extended by rowid with what later ingests stored, so a search costs one
matrix-vector product. The store interface has no "embeddings after rowid" read, so the index reads the
``embeddings`` table through a read-only connection of its own, opened and closed per refresh."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from storyweave.config import Settings
from storyweave.embed.base import Embedder
from storyweave.embed.factory import make_embedder


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

    def refresh(self) -> int:
        """Read the vectors stored since the last refresh; returns how many the index holds."""
        model = self.embedder.name
        with self._lock:
            rows = _rows_after(self.settings.db, model, self._last_rowid)
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

    def search(self, query: str, limit: int, offset: int = 0) -> list[Hit]:
        """The articles nearest ``query``, best first."""
        self.refresh()
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


def _rows_after(db: str, model: str, rowid: int) -> list[tuple[int, str, bytes]]:
    try:
        con = sqlite3.connect(Path(db).resolve().as_uri() + "?mode=ro", uri=True)
    except sqlite3.Error:
        return []
    try:
        con.execute("PRAGMA busy_timeout=30000")
        return [
            (int(r[0]), str(r[1]), bytes(r[2]))
            for r in con.execute(
                "SELECT rowid, article_id, vector FROM embeddings WHERE model = ? AND rowid > ? ORDER BY rowid",
                (model, rowid),
            )
        ]
    except sqlite3.Error:
        return []
    finally:
        con.close()
