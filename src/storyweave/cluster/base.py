"""What the online clusterer reads (``Features``), keeps per story (``StoryState``) and answers (``Assignment``)."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import numpy as np


@dataclass(frozen=True)
class Features:
    """One article as the clusterer sees it.

    ``dense``: L2-normalised float32 vector of title + lead. ``terms``: sub-linear term frequencies of the
    normalised words of title and body (IDF is learned online by the clusterer). ``anchors``: language-independent
    anchors (see ``storyweave.analyze.anchors``). ``duplicate_story``: set by the pipeline when the article is a
    near-duplicate of an article already clustered into that story; the clusterer then puts it there.
    """

    article_id: str
    published: float | None
    lang: str | None
    dense: np.ndarray
    terms: dict[str, float] = field(default_factory=dict)
    anchors: frozenset[str] = frozenset()
    duplicate_story: str | None = None


@dataclass(frozen=True)
class Assignment:
    """``story_id`` is None when the article would open a new story; ``score`` is the best story's logit."""

    story_id: str | None
    score: float
    runner_up: str | None = None
    runner_up_score: float | None = None


@dataclass(frozen=True)
class Event:
    """Something the pipeline should record: ``("merge", old, new)`` means story ``old`` now lives in ``new``."""

    kind: str
    old: str
    new: str


@dataclass
class StoryState:
    """Everything needed to persist one story and restore it later.

    ``centroid`` is the (unnormalised) sum of member dense vectors; ``terms`` maps language -> term -> summed
    weight (top terms only); ``anchors`` maps anchor -> number of members that mention it; ``langs`` counts
    members per language; ``first``/``last`` span the members' publish times (None when no member had one).
    """

    id: str
    centroid: np.ndarray
    size: int = 0
    first: float | None = None
    last: float | None = None
    terms: dict[str, dict[str, float]] = field(default_factory=dict)
    anchors: dict[str, float] = field(default_factory=dict)
    langs: dict[str, int] = field(default_factory=dict)
    members: list[str] = field(default_factory=list)
    merged_into: str | None = None
    touched: float | None = None  # last publish time of any member (or of the article that merged it)

    def to_record(self) -> tuple[dict[str, Any], bytes]:
        """A JSON-safe dict and the centroid as raw float32 bytes."""
        meta = {
            "id": self.id,
            "dim": int(self.centroid.shape[0]),
            "size": self.size,
            "first": self.first,
            "last": self.last,
            "terms": self.terms,
            "anchors": self.anchors,
            "langs": self.langs,
            "members": self.members,
            "merged_into": self.merged_into,
            "touched": self.touched,
        }
        json.dumps(meta)  # fail here, not in the store, if something is not JSON-safe
        return meta, np.ascontiguousarray(self.centroid, dtype=np.float32).tobytes()

    @classmethod
    def from_record(cls, meta: dict[str, Any], blob: bytes) -> StoryState:
        centroid = np.frombuffer(blob, dtype=np.float32).copy()
        if centroid.shape[0] != meta["dim"]:
            raise ValueError(
                f"story {meta['id']}: centroid has {centroid.shape[0]} values, record says {meta['dim']}"
            )
        return cls(
            id=meta["id"],
            centroid=centroid,
            size=int(meta["size"]),
            first=meta["first"],
            last=meta["last"],
            terms={lang: dict(t) for lang, t in meta["terms"].items()},
            anchors=dict(meta["anchors"]),
            langs=dict(meta["langs"]),
            members=list(meta["members"]),
            merged_into=meta["merged_into"],
            touched=meta.get("touched"),
        )

    def copy(self) -> StoryState:
        return StoryState(
            id=self.id,
            centroid=self.centroid.copy(),
            size=self.size,
            first=self.first,
            last=self.last,
            terms={lang: dict(t) for lang, t in self.terms.items()},
            anchors=dict(self.anchors),
            langs=dict(self.langs),
            members=list(self.members),
            merged_into=self.merged_into,
            touched=self.touched,
        )


@dataclass(frozen=True)
class Candidate:
    """One story scored for one article, every part of the logit shown: ``contributions`` (bias, dense, terms,
    anchors, time, size and any margin) add up to ``score``; ``dense``/``terms``/``anchors`` are the cosines,
    ``terms_imputed`` says the story has no member in the article's language (the term cosine is then imputed from
    the dense one), ``gap_days`` the distance from the article's time to the story's span."""

    story_id: str
    score: float
    dense: float
    terms: float
    anchors: float
    gap_days: float
    size: int
    terms_imputed: bool
    shared_anchors: tuple[str, ...]
    contributions: dict[str, float]

    def to_json(self) -> dict[str, Any]:
        return {
            "story_id": self.story_id,
            "score": round(self.score, 4),
            "dense": round(self.dense, 4),
            "terms": round(self.terms, 4),
            "anchors": round(self.anchors, 4),
            "gap_days": round(self.gap_days, 2),
            "size": self.size,
            "terms_imputed": self.terms_imputed,
            "shared_anchors": list(self.shared_anchors),
            "contributions": {k: round(v, 4) for k, v in self.contributions.items()},
        }
