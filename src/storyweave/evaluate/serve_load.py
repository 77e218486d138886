"""`storyweave bench-serve`: do the pages and the API stay fast while an ingest writes into the same store?

A store of N articles is built (or reused) by :func:`storyweave.evaluate.scale.build_store`. The second half of the
corpus (new ids, later dates) is ingested once into a copy of it with nothing else running; then ``storyweave
serve``'s app is started with uvicorn in its own process on a free localhost port over a fresh copy, C client
threads (one keep-alive connection each) request a random mix of the river (``/``), story pages
(``/stories/ID`` of stored stories) and ``/api/stories`` while the same ingest runs into that copy in a third
process. The load lasts ``seconds`` and, when the ingest is slower, until it ends, so that all of the ingest runs
under load. Any answer but a 2xx, and any exception, is a failure.
"""

from __future__ import annotations

import http.client
import json
import random
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict, replace
from pathlib import Path
from typing import Any

from storyweave.config import Settings
from storyweave.evaluate.scale import build_store

GOAL_P95_MS = 100.0
ENDPOINTS = ("/", "/stories/{id}", "/api/stories")
_SAMPLE_STORIES = 2000  # story ids the clients pick from
_FAILURE_EXAMPLES = 5


def percentile(values: Sequence[float], q: float) -> float:
    """The nearest-rank ``q``-th percentile (0 < q <= 100) of ``values``; 0.0 when there are none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * q // 100))
    return ordered[int(rank) - 1]


class _Tally:
    """Latencies and failures per endpoint, shared by the client threads."""

    def __init__(self, names: Sequence[str]):
        self.latencies: dict[str, list[float]] = {name: [] for name in names}
        self.failures: dict[str, int] = dict.fromkeys(names, 0)
        self.examples: list[str] = []
        self._lock = threading.Lock()

    def record(self, name: str, seconds: float, failure: str | None) -> None:
        with self._lock:
            self.latencies[name].append(seconds)
            if failure is not None:
                self.failures[name] += 1
                if len(self.examples) < _FAILURE_EXAMPLES and failure not in self.examples:
                    self.examples.append(failure)

    def summary(self, wall: float) -> dict[str, Any]:
        def stats(latencies: list[float], failures: int) -> dict[str, Any]:
            ms = [1000 * s for s in latencies]
            return {
                "requests": len(ms),
                "failures": failures,
                "p50_ms": round(percentile(ms, 50), 1),
                "p95_ms": round(percentile(ms, 95), 1),
                "p99_ms": round(percentile(ms, 99), 1),
                "max_ms": round(max(ms, default=0.0), 1),
            }

        endpoints = {name: stats(self.latencies[name], self.failures[name]) for name in self.latencies}
        every = [s for values in self.latencies.values() for s in values]
        total = stats(every, sum(self.failures.values()))
        total["requests_per_second"] = round(len(every) / wall, 1) if wall > 0 else 0.0
        return {"endpoints": endpoints, "total": total, "failure_examples": list(self.examples)}


def run_load(
    host: str,
    port: int,
    paths: dict[str, Callable[[random.Random], str]],
    clients: int,
    keep_going: Callable[[float], bool],
    seed: int = 0,
) -> dict[str, Any]:
    """``clients`` threads, each on its own keep-alive connection, request a path of a random endpoint of
    ``paths`` (name -> path maker) back to back while ``keep_going(seconds since the start)``; per endpoint the
    requests, failures (non-2xx answers and exceptions) and latency percentiles."""
    names = list(paths)
    tally = _Tally(names)
    started = time.perf_counter()

    def client(number: int) -> None:
        rng = random.Random(seed * 1000 + number)
        conn: http.client.HTTPConnection | None = None
        while keep_going(time.perf_counter() - started):
            name = rng.choice(names)
            path = paths[name](rng)
            t0 = time.perf_counter()
            failure: str | None = None
            try:
                if conn is None:
                    conn = http.client.HTTPConnection(host, port, timeout=60)
                conn.request("GET", path, headers={"Connection": "keep-alive"})
                response = conn.getresponse()
                response.read()
                if not 200 <= response.status < 300:
                    failure = f"{response.status} {name}"
                if response.will_close:
                    conn.close()
                    conn = None
            except (OSError, http.client.HTTPException) as exc:
                failure = f"{type(exc).__name__} {name}: {exc}"
                if conn is not None:
                    conn.close()
                conn = None
            tally.record(name, time.perf_counter() - t0, failure)
        if conn is not None:
            conn.close()

    threads = [threading.Thread(target=client, args=(k,), daemon=True) for k in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - started
    return {"seconds": round(wall, 1), **tally.summary(wall)}


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def serve_main() -> None:
    """The server process: ``python -c '...serve_main()' SETTINGS_JSON DB PORT``."""
    import uvicorn

    from storyweave.api import create_app

    settings = replace(Settings(**json.loads(sys.argv[1])), db=sys.argv[2])
    uvicorn.run(create_app(settings), host="127.0.0.1", port=int(sys.argv[3]), log_level="warning")


def ingest_main() -> None:
    """The ingest process: ``python -c '...ingest_main()' SETTINGS_JSON DB CORPUS``; one JSON line on stdout."""
    from storyweave.evaluate.scale import probe

    settings = Settings(**json.loads(sys.argv[1]))
    sys.stdout.write(json.dumps(probe(sys.argv[2], sys.argv[3], settings)) + "\n")


def _python(function: str, *args: str) -> list[str]:
    return [
        sys.executable,
        "-c",
        f"from storyweave.evaluate.serve_load import {function}; {function}()",
        *args,
    ]


def _start(log: Path, function: str, *args: str) -> subprocess.Popen[str]:
    """A child process whose standard error goes to ``log`` (a pipe nobody reads could fill and stall it)."""
    with open(log, "w", encoding="utf-8") as fh:
        return subprocess.Popen(_python(function, *args), stdout=subprocess.PIPE, stderr=fh, text=True)


def _ingest_result(proc: subprocess.Popen[str], log: Path) -> dict[str, Any]:
    out, _ = proc.communicate()
    if proc.returncode != 0:
        errors = log.read_text(encoding="utf-8", errors="replace").strip()[-2000:]
        raise RuntimeError(f"the ingest process failed (exit {proc.returncode}): {errors}")
    found: dict[str, Any] = json.loads(out.strip().splitlines()[-1])
    return found


def _wait_ready(host: str, port: int, server: subprocess.Popen[str], limit: float = 120.0) -> None:
    deadline = time.monotonic() + limit
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"the server exited (status {server.returncode}) before answering")
        try:
            conn = http.client.HTTPConnection(host, port, timeout=5)
            conn.request("GET", "/api/status")
            if conn.getresponse().status == 200:
                conn.close()
                return
            conn.close()
        except OSError:
            pass
        time.sleep(0.2)
    raise RuntimeError(f"the server did not answer within {limit:.0f} s")


def _story_ids(db: Path) -> list[str]:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT id FROM stories ORDER BY random() LIMIT ?", (_SAMPLE_STORIES,)).fetchall()
        return [str(r[0]) for r in rows]
    finally:
        con.close()


def _count(db: Path, table: str) -> int:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # noqa: S608 (fixed names)
    finally:
        con.close()


def _remove(db: Path) -> None:
    for leftover in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
        leftover.unlink(missing_ok=True)


def run_serve_load(
    corpus: str,
    articles: int,
    clients: int,
    seconds: float,
    settings: Settings,
    workdir: str | None = None,
    echo: Callable[[str], None] = print,
) -> dict[str, Any]:
    from urllib.parse import quote

    tmp = Path(workdir or tempfile.mkdtemp(prefix="storyweave-serve-"))
    tmp.mkdir(parents=True, exist_ok=True)
    store = build_store(corpus, articles, tmp, settings, echo=echo)
    child = json.dumps(asdict(replace(settings, token=None)))
    trial = tmp / "serve-trial.db"  # the ingest writes: the built store stays reusable
    ingest_log = tmp / "serve-ingest.log"
    host = "127.0.0.1"
    result: dict[str, Any] = {"corpus": corpus, "clients": clients}
    try:
        echo("ingesting the second half of the corpus alone")
        _remove(trial)
        shutil.copy(store, trial)
        alone = _ingest_result(_start(ingest_log, "ingest_main", child, str(trial), corpus), ingest_log)
        _remove(trial)
        shutil.copy(store, trial)
        result["articles"] = _count(trial, "articles")
        result["stories"] = _count(trial, "stories")
        ids = _story_ids(trial)
        port = free_port()
        server = _start(tmp / "serve-server.log", "serve_main", child, str(trial), str(port))
        ingest: subprocess.Popen[str] | None = None
        try:
            try:
                _wait_ready(host, port, server)
            except RuntimeError as exc:
                log = (tmp / "serve-server.log").read_text(encoding="utf-8", errors="replace")
                raise RuntimeError(f"{exc}: {log.strip()[-2000:]}") from exc
            paths: dict[str, Callable[[random.Random], str]] = {
                "/": lambda rng: "/",
                "/stories/{id}": lambda rng: "/stories/" + quote(rng.choice(ids), safe=""),
                "/api/stories": lambda rng: "/api/stories",
            }
            run_load(host, port, paths, 1, lambda t: t < 0.5)  # first requests open connections, fill caches
            echo(f"{clients} clients for {seconds:g} s (or until the ingest ends) while the same ingest runs")
            ingest = _start(ingest_log, "ingest_main", child, str(trial), corpus)
            running = ingest
            load = run_load(host, port, paths, clients, lambda t: t < seconds or running.poll() is None)
            under = _ingest_result(ingest, ingest_log)
        finally:
            for proc in (ingest, server):
                if proc is not None and proc.poll() is None:
                    proc.terminate()
                    try:
                        proc.communicate(timeout=30)
                    except subprocess.TimeoutExpired:
                        proc.kill()
                        proc.communicate()
    finally:
        _remove(trial)
    result.update(load)
    keep = ("articles", "seconds", "articles_per_second")
    result["ingest_alone"] = {k: alone[k] for k in keep}
    result["ingest_under_load"] = {k: under[k] for k in keep}
    result["ingest_ratio"] = round(under["articles_per_second"] / alone["articles_per_second"], 3)
    worst = max((e["p95_ms"] for e in load["endpoints"].values()), default=0.0)
    result["goal"] = {
        "p95_ms_below": GOAL_P95_MS,
        "met": worst < GOAL_P95_MS and load["total"]["failures"] == 0,
    }
    return result
