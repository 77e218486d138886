import os

import pytest

# Tests never read a user's config or environment.
for key in list(os.environ):
    if key.startswith("STORYWEAVE_"):
        del os.environ[key]


@pytest.fixture
def runner(monkeypatch):
    """typer's CLI runner with the fast hashing embedder."""
    from typer.testing import CliRunner

    monkeypatch.setenv("STORYWEAVE_EMBEDDER", "hashing")
    return CliRunner()
