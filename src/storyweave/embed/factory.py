"""The one place that turns the ``embedder`` setting into an Embedder."""

from __future__ import annotations

from storyweave.config import Settings
from storyweave.embed.base import Embedder


def make_embedder(settings: Settings) -> Embedder:
    if settings.embedder == "use":
        from storyweave.embed.use import USEEmbedder

        return USEEmbedder(threads=settings.threads)
    if settings.embedder == "hashing":
        from storyweave.embed.hashing import HashingEmbedder

        return HashingEmbedder()
    from storyweave.errors import StoryweaveError

    raise StoryweaveError(f"unknown embedder {settings.embedder!r}; choose 'use' or 'hashing'")
