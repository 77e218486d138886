import os

# Tests never read a user's config or environment.
for key in list(os.environ):
    if key.startswith("STORYWEAVE_"):
        del os.environ[key]
