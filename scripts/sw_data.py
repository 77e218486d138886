"""Shared helpers for the tuning scripts: corpus loading and an on-disk embedding cache (tuning only)."""

from __future__ import annotations

import csv
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from storyweave.evaluate.bench import CLUSTER_CORPORA as BENCH_CORPORA

CORPORA = Path(os.environ.get("SW_CORPORA", "/work/shared/corpora"))
CACHE = Path(os.environ.get("SW_CACHE", "/tmp/sw_cache"))
CLUSTER_CORPORA = list(BENCH_CORPORA)


@dataclass(frozen=True)
class Row:
    id: str
    title: str | None
    text: str
    lang: str | None
    published: str | None
    story: str | None = None


def load_corpus(name: str) -> list[Row]:
    from storyweave.evaluate.metrics import stream_order

    with open(CORPORA / name / "articles.jsonl", encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    return [
        Row(str(r["id"]), r.get("title"), r.get("text") or "", r.get("lang"), r.get("date"), r.get("story"))
        for r in stream_order(rows)
    ]


def load_pairs() -> list[tuple[Row, Row, float]]:
    out = []
    with open(CORPORA / "semeval2022-pairs" / "pairs.csv", encoding="utf-8", newline="") as fh:
        for r in csv.DictReader(fh):
            a, b = r["pair_id"].split("_", 1)
            out.append(
                (
                    Row(a, None, r["text1"], r["lang1"], None),
                    Row(b, None, r["text2"], r["lang2"], None),
                    float(r["Overall"]),
                )
            )
    return out


class CachedEmbedder:
    """Wraps an embedder; vectors are kept on disk keyed by sha1 of the text (for fast tuning runs)."""

    def __init__(self, inner, tag: str = "") -> None:
        self.inner = inner
        self.name = inner.name
        self.dim = inner.dim
        self.path = CACHE / f"{inner.name}{tag}.npz"
        self._mem: dict[str, np.ndarray] = {}
        self._dirty = False
        if self.path.exists():
            data = np.load(self.path, allow_pickle=False)
            for k, v in zip(data["keys"], data["vecs"], strict=False):
                self._mem[str(k)] = v

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        keys = [hashlib.sha1(t.encode("utf-8")).hexdigest() for t in texts]
        todo = sorted({k: t for k, t in zip(keys, texts, strict=False) if k not in self._mem}.items())
        if todo:
            vecs = self.inner.embed([t for _, t in todo])
            for (k, _), v in zip(todo, vecs, strict=False):
                self._mem[k] = v
            self._dirty = True
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._mem[k] for k in keys])

    def save(self) -> None:
        if not self._dirty:
            return
        CACHE.mkdir(parents=True, exist_ok=True)
        keys = np.array(list(self._mem))
        vecs = np.stack(list(self._mem.values())).astype(np.float32)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=keys, vecs=vecs)
        os.replace(tmp, self.path)
        self._dirty = False
