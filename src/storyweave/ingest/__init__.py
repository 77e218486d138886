"""Input readers: one per format, and ``read_paths`` to pick them for files, directories and stdin."""

from storyweave.ingest.base import Reader
from storyweave.ingest.detect import default_readers, read_file, read_paths, read_stream

__all__ = ["Reader", "default_readers", "read_file", "read_paths", "read_stream"]
