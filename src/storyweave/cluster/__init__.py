"""Online story clustering: features per article, one learner that assigns them to stories."""

from storyweave.cluster.base import Assignment, Event, Features, StoryState

__all__ = ["Assignment", "Event", "Features", "StoryState"]
