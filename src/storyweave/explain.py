"""Why an article is (or is not) in a story: the clusterer's decision for it, laid open.

The stored stories are restored into a fresh clusterer as an ingest would restore them; the article is taken out
of its own story (``forget_one``), so the story is scored as it stood without it; then every candidate the
clusterer would consider, plus the stories asked about, is scored with each component of the logit shown.
Nothing is written.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import numpy as np

from storyweave.cluster.base import Candidate, StoryState
from storyweave.models import Article
from storyweave.store.base import Store
from storyweave.timeutil import to_timestamp


@dataclass(frozen=True)
class Explanation:
    article: Article
    story_id: str | None  # the story the article is in (resolved), None when it is in none
    asked: str | None  # the story asked about (resolved), when one was named
    candidates: list[Candidate]  # best first
    threshold: float  # an article joins the best story whose score is above this
    copy_of: str | None = (
        None  # the article is a copy: this is the decision for its original, which it follows
    )

    @property
    def decision(self) -> str | None:
        """The story the article would join now, None for a new story of its own."""
        best = self.candidates[0] if self.candidates else None
        return best.story_id if best is not None and best.score > self.threshold else None

    def to_json(self) -> dict[str, Any]:
        return {
            "article_id": self.article.id,
            "story_id": self.story_id,
            "asked": self.asked,
            "decision": self.decision,
            "threshold": self.threshold,
            "copy_of": self.copy_of,
            "candidates": [c.to_json() for c in self.candidates],
        }


def explain(
    store: Store,
    representer: Any,
    clusterer: Any,
    article_id: str,
    story_id: str | None = None,
    max_stories: int = 20000,
    window_days: float = 30.0,
) -> Explanation:
    """Explain the story decision for ``article_id`` (see the module docstring); ``clusterer`` is a fresh one.
    A store of more than ``max_stories`` stories restores those active within ``window_days`` of the article (and
    the stories asked about), as an ingest near the article's time would hold them."""
    article = store.get_article(article_id)
    own = store.resolve_story(article.story_id) if article.story_id else None
    asked = store.resolve_story(story_id) if story_id else None
    if asked is not None:
        store.story(asked)  # raises NotFoundError for an unknown id
    saved = store.clusterer_statistics()
    if saved is not None:
        clusterer.import_statistics(json.loads(saved[0]), saved[1])
    when = to_timestamp(article.published)
    if store.count_stories() > max_stories and when is not None:
        window = window_days * 86400
        rows = [
            *store.story_states(when - window, when + window),
            *store.story_states_by_id([s for s in (own, asked) if s]),
        ]
    else:
        rows = list(store.story_states())
    clusterer.restore(StoryState.from_record(json.loads(meta), blob) for meta, blob in rows)
    original = store.get_article(article.duplicate_of) if article.duplicate_of else article
    model = representer.embedder.name
    vectors = {
        k: np.frombuffer(v, dtype=np.float32) for k, v in store.embeddings([original.id], model).items()
    }
    features = representer.features([original], cached=vectors)[0]
    if own is not None:
        clusterer.forget_one(features, own)  # the story as it stood without this article
    wanted = [s for s in (own, asked) if s]
    return Explanation(
        article, own, asked, clusterer.explain_one(features, wanted), 0.0, copy_of=article.duplicate_of
    )
