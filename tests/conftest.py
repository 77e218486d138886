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


@pytest.fixture(scope="session")
def pg_cluster():
    """A throwaway PostgreSQL cluster for the whole session (tests/pg.py); the test is skipped, saying why, when
    none can start here (no initdb, no psycopg)."""
    import pg

    why = pg.missing_reason()
    if why:
        pytest.skip(why)
    with pg.cluster() as cluster:
        yield cluster


@pytest.fixture
def pg_url(pg_cluster):
    """The URL of a new, empty database in the session's cluster."""
    return pg_cluster.create_database()
