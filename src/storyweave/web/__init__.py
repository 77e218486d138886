"""The pages of ``storyweave serve``: templates, static files and what they draw (see storyweave.api)."""
