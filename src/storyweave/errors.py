"""Exception types users see. Each message says what to do."""


class StoryweaveError(Exception):
    """Base class for errors storyweave reports to users."""


class InputError(StoryweaveError):
    """An input item could not be read. ``line`` is 1-based where the format has lines."""

    def __init__(self, reason: str, line: int | None = None):
        super().__init__(reason)
        self.reason = reason
        self.line = line


class StoreError(StoryweaveError):
    """The store could not be opened or written."""


class NotFoundError(StoryweaveError):
    """An article or story id does not exist."""


class QueryError(StoryweaveError):
    """A listing query or a search is not valid; the message names the valid forms."""
