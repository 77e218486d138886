"""storyweave: turn streams of multilingual news articles into stories."""

import logging

__version__ = "0.1.0"

logging.getLogger(__name__).addHandler(logging.NullHandler())
