"""Analysis steps that read an article's text: language-independent anchors (entities, places, numbers, dates)."""

from storyweave.analyze.anchors import AnchorExtractor

__all__ = ["AnchorExtractor"]
