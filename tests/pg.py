"""A throwaway PostgreSQL cluster for the tests: ``initdb`` + ``pg_ctl start`` in a temporary folder, listening
only on a Unix socket there (no port is shared with anything else on the machine), stopped and deleted at the end.

As root (initdb refuses root) the cluster runs as the ``postgres`` user through ``runuser``. Nothing here needs a
PostgreSQL server installed as a service: Debian's ``postgresql`` package is enough (its binaries live in
``/usr/lib/postgresql/<version>/bin``).
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager


def pg_bin(name: str) -> str | None:
    """The path of a PostgreSQL server program: on PATH, else the newest Debian install."""
    found = shutil.which(name)
    if found:
        return found
    candidates = sorted(
        glob.glob(f"/usr/lib/postgresql/*/bin/{name}"),
        key=lambda p: int(p.split("/")[4]) if p.split("/")[4].isdigit() else 0,
    )
    return candidates[-1] if candidates else None


def missing_reason() -> str | None:
    """Why no throwaway cluster can start here, or None when one can."""
    for name in ("initdb", "pg_ctl"):
        if pg_bin(name) is None:
            return f"PostgreSQL's {name} not found (install Debian's postgresql package; .ci/run does)"
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return "psycopg is not installed (pip install -e '.[postgres]')"
    if os.geteuid() == 0 and shutil.which("runuser") is None:
        return "running as root without runuser: initdb refuses root"
    return None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Cluster:
    """A running cluster; :meth:`create_database` hands out a fresh database's URL."""

    def __init__(self, root: str, port: int, user: str):
        self.root = root
        self.port = port
        self.user = user
        self._count = 0

    def url(self, dbname: str) -> str:
        return f"postgresql://{self.user}@/{dbname}?host={self.root}&port={self.port}"

    def create_database(self, prefix: str = "t") -> str:
        import psycopg

        self._count += 1
        name = f"{prefix}{self._count}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as con:
            con.execute(f"CREATE DATABASE {name} TEMPLATE template0 STRATEGY file_copy")
        return self.url(name)


def _run(argv: list[str], user: str | None) -> None:
    if user is not None:
        argv = ["runuser", "-u", user, "--", *argv]
    done = subprocess.run(argv, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stdout}\n{done.stderr}")


@contextmanager
def cluster(durable: bool = False) -> Iterator[Cluster]:
    """Start a cluster; stop and delete it afterwards. ``durable=False`` (tests) turns fsync off."""
    initdb, pg_ctl = pg_bin("initdb"), pg_bin("pg_ctl")
    assert initdb and pg_ctl, missing_reason()
    as_user = "postgres" if os.geteuid() == 0 else None
    root = tempfile.mkdtemp(prefix="storyweave-pg-")
    if as_user is not None:
        shutil.chown(root, user=as_user)
    os.chmod(root, 0o755)
    data = os.path.join(root, "data")
    port = _free_port()
    options = f"-p {port} -k {root} -c listen_addresses=''"
    if not durable:
        options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
    started = False
    try:
        _run(
            [
                initdb,
                "-D",
                data,
                "-A",
                "trust",
                "-U",
                "postgres",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
                "--no-sync",
            ],
            as_user,
        )
        _run([pg_ctl, "-D", data, "-o", options, "-l", os.path.join(root, "log"), "-w", "start"], as_user)
        started = True
        yield Cluster(root, port, "postgres")
    finally:
        if started:
            _run([pg_ctl, "-D", data, "-m", "immediate", "-w", "stop"], as_user)
        shutil.rmtree(root, ignore_errors=True)
