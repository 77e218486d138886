"""Nearest story centroids by cosine: exact numpy search for few stories, a usearch HNSW graph above a limit."""

from __future__ import annotations

from typing import Any

import numpy as np


class CentroidIndex:
    """Nearest centroids by cosine over active stories: exact numpy below ``exact_limit``, usearch above."""

    def __init__(self, dim: int, exact_limit: int, hnsw: tuple[int, int, int] = (8, 32, 64)) -> None:
        self.dim = dim
        self.exact_limit = exact_limit
        self.hnsw = hnsw
        self.matrix = np.zeros((64, dim), dtype=np.float32)
        self.live = np.zeros(64, dtype=bool)
        self.slot: dict[str, int] = {}
        self.ids: list[str | None] = [None] * 64
        self.free: list[int] = list(range(63, -1, -1))
        self.ann: Any = None

    def __len__(self) -> int:
        return len(self.slot)

    def put(self, story_id: str, vector: np.ndarray) -> None:
        norm = float(np.linalg.norm(vector))
        unit = vector / norm if norm > 0 else vector
        k = self.slot.get(story_id)
        if k is None:
            if not self.free:
                self._grow()
            k = self.free.pop()
            self.slot[story_id] = k
            self.ids[k] = story_id
        elif self.ann is not None:
            self.ann.remove(k)
        self.matrix[k] = unit
        self.live[k] = True
        if self.ann is None and len(self.slot) > self.exact_limit:
            self._build_ann()
        elif self.ann is not None:
            self.ann.add(k, self.matrix[k], threads=1)

    def cosine(self, story_id: str, query: np.ndarray) -> float:
        return float(self.matrix[self.slot[story_id]] @ query)

    def drop(self, story_id: str) -> None:
        k = self.slot.pop(story_id, None)
        if k is None:
            return
        self.live[k] = False
        self.ids[k] = None
        self.free.append(k)
        if self.ann is not None:
            self.ann.remove(k)

    def search(self, query: np.ndarray, count: int) -> list[tuple[str, float]]:
        if not self.slot:
            return []
        if self.ann is not None:
            found = self.ann.search(query, count, threads=1)
            keys = [int(k) for k in found.keys]
            return [(self.ids[k], float(self.matrix[k] @ query)) for k in keys if self.live[k]]  # type: ignore[misc]
        n = len(self.ids)
        sims = self.matrix[:n] @ query
        sims[~self.live[:n]] = -np.inf
        count = min(count, len(self.slot))
        top = np.argpartition(-sims, count - 1)[:count]
        top = top[np.lexsort((top, -sims[top]))]
        return [(self.ids[k], float(sims[k])) for k in top]  # type: ignore[misc]

    def _grow(self) -> None:
        old = len(self.ids)
        self.matrix = np.vstack([self.matrix, np.zeros((old, self.dim), dtype=np.float32)])
        self.live = np.concatenate([self.live, np.zeros(old, dtype=bool)])
        self.ids.extend([None] * old)
        self.free.extend(range(2 * old - 1, old - 1, -1))

    def _build_ann(self) -> None:
        from usearch.index import Index

        connectivity, expansion_add, expansion_search = self.hnsw
        self.ann = Index(
            ndim=self.dim,
            metric="cos",
            dtype="f32",
            connectivity=connectivity,
            expansion_add=expansion_add,
            expansion_search=expansion_search,
        )
        keys = np.fromiter(self.slot.values(), dtype=np.uint64, count=len(self.slot))
        self.ann.add(keys, self.matrix[keys.astype(np.int64)], threads=1)
