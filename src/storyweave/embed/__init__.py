"""Embedders: turn texts into L2-normalised float32 vectors. One backend per module."""

from storyweave.embed.base import Embedder
from storyweave.embed.hashing import HashingEmbedder

__all__ = ["Embedder", "HashingEmbedder"]
