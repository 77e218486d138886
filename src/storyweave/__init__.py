"""storyweave: turn streams of multilingual news articles into stories."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Storyweave", "__version__"]

logging.getLogger(__name__).addHandler(logging.NullHandler())

if TYPE_CHECKING:
    from storyweave.engine import Storyweave


def __getattr__(name: str) -> Any:
    # imported on first use, so that `import storyweave` stays cheap
    if name == "Storyweave":
        from storyweave.engine import Storyweave

        return Storyweave
    raise AttributeError(f"module 'storyweave' has no attribute {name!r}")
