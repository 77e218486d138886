"""A worker process that embeds (the dense vectors of title + lead) while the main process cleans, describes,
clusters and stores: the two halves of the pipeline run on two cores.

The embedder's tokenizer is pure Python, as are cleaning and anchor extraction, so threads would share one
interpreter lock; a process does not. Embedding is the single largest step (about 3.8 ms of the ~8 ms an article
costs on one core), so it alone goes to the worker and the rest stays here, which balances the two processes.
The worker is ``python -m storyweave.workers`` started with ``subprocess`` (not ``multiprocessing``, which would
re-run an unguarded user script in the child). Messages are length-prefixed frames over its stdin/stdout: JSON
and raw float32 bytes, never pickle. Requests are answered in order; a receiving thread in the worker drains
requests while it computes, so neither side can block the other on a full pipe. If the worker dies,
``EmbedWorker.result`` raises ``WorkerError`` and the pipeline embeds that batch itself. The worker ends when
its stdin closes, i.e. when the parent closes it or goes away.
"""

from __future__ import annotations

import json
import logging
import os
import queue
import struct
import subprocess
import sys
import threading
from collections.abc import Sequence
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

import numpy as np

from storyweave.config import Settings

_HEADER = struct.Struct("<Q")


class WorkerError(RuntimeError):
    """The worker process failed or went away; the caller should compute the batch itself."""


def write_frame(out: IO[bytes], payload: bytes) -> None:
    out.write(_HEADER.pack(len(payload)))
    out.write(payload)


def read_frame(src: IO[bytes]) -> bytes:
    """One frame; EOFError when the other side has closed (also in the middle of a frame)."""
    head = src.read(_HEADER.size)
    if len(head) < _HEADER.size:
        raise EOFError("pipe closed")
    (size,) = _HEADER.unpack(head)
    payload = src.read(size)
    if len(payload) < size:
        raise EOFError("pipe closed in the middle of a frame")
    return payload


def serve(src: IO[bytes], out: IO[bytes]) -> None:  # pragma: no cover - runs in the worker process
    """The worker's loop: the first frame is the settings (JSON), then one reply per request, in order.

    A request is a JSON list of texts, or ``{"texts": [...], "articles": [...]}`` where the articles are
    :class:`~storyweave.analyze.base.ArticleText` fields for the analysers of ``settings.analysers``; the reply is
    a JSON header ``{"n", "dim"}`` (plus ``"analyses"``: per article, ``[name, version, findings JSON]`` rows) or
    ``{"error"}``, and the ``n x dim`` float32 matrix as raw bytes."""
    from storyweave.analyze.base import ArticleText
    from storyweave.analyze.registry import make_analysers
    from storyweave.analyze.runner import AnalysisRunner
    from storyweave.embed.factory import make_embedder

    settings = Settings(**json.loads(read_frame(src)))
    embedder = make_embedder(settings)
    runner: AnalysisRunner | None = None
    embedder.embed(["warm up"])  # load the model now, not on batch one
    inbox: queue.Queue[bytes | None] = queue.Queue()

    def receive() -> None:
        try:
            while True:
                inbox.put(read_frame(src))
        except (EOFError, OSError, ValueError):
            inbox.put(None)

    threading.Thread(target=receive, daemon=True).start()
    while True:
        message = inbox.get()
        if message is None:
            return
        try:
            request = json.loads(message)
            texts = request.get("texts") if isinstance(request, dict) else request
            if not isinstance(texts, list) or not all(isinstance(t, str) for t in texts):
                raise ValueError("a request must be a JSON list of strings or {texts, articles}")
            dense = np.ascontiguousarray(embedder.embed(texts), dtype=np.float32)
            reply: dict[str, Any] = {"n": int(dense.shape[0]), "dim": int(dense.shape[1])}
            if isinstance(request, dict) and request.get("articles") is not None:
                if runner is None:
                    runner = AnalysisRunner(make_analysers(settings.analysers))
                reply["analyses"] = [runner.run_text(ArticleText(**a)) for a in request["articles"]]
            head = json.dumps(reply).encode("utf-8")
            blob = dense.tobytes()
        except Exception as exc:  # report, keep serving: one bad batch must not end the worker
            head, blob = json.dumps({"error": f"{type(exc).__name__}: {exc}"}).encode("utf-8"), b""
        try:
            write_frame(out, head)
            write_frame(out, blob)
            out.flush()
        except (OSError, ValueError):
            return


class EmbedWorker:
    """One child process embedding batches of texts, answered in submission order.

    ``submit(texts)`` returns a ticket; ``result(ticket)`` blocks until that batch's vectors arrive (tickets
    are redeemed in order). ``threads``: the threads that embed in the worker, each on one BLAS thread (the parent keeps a core busy).
    """

    def __init__(self, settings: Settings, threads: int = 1) -> None:
        worker_settings = {**asdict(settings), "threads": threads}
        package_root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join(p for p in (package_root, env.get("PYTHONPATH")) if p)
        for var in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):  # before numpy loads there
            env[var] = str(threads)
        self._process = subprocess.Popen(
            [sys.executable, "-m", "storyweave.workers"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        assert self._process.stdin is not None and self._process.stdout is not None
        self._stdin: IO[bytes] = self._process.stdin
        self._stdout: IO[bytes] = self._process.stdout
        self._sent = 0
        self._received = 0
        self._send(json.dumps(worker_settings).encode("utf-8"))

    def wait_ready(self) -> None:
        """Block until the worker has loaded its model (an empty round trip)."""
        self.result(self.submit([]))

    @property
    def outstanding(self) -> int:
        """Batches submitted whose result has not been taken."""
        return self._sent - self._received

    @property
    def alive(self) -> bool:
        return self._process.poll() is None

    def _send(self, payload: bytes) -> None:
        try:
            write_frame(self._stdin, payload)
            self._stdin.flush()
        except (OSError, ValueError) as exc:
            raise WorkerError(
                f"embedding worker unavailable (exit code {self._process.poll()}): {exc}"
            ) from exc

    def submit(self, texts: Sequence[str], articles: Sequence[dict[str, Any]] | None = None) -> int:
        """Queue a batch: ``texts`` to embed and, when given, ``articles`` (ArticleText fields) to analyse."""
        payload: Any = list(texts) if articles is None else {"texts": list(texts), "articles": list(articles)}
        self._send(json.dumps(payload, ensure_ascii=False).encode("utf-8"))
        self._sent += 1
        return self._sent - 1

    def result(self, ticket: int) -> np.ndarray:
        """The ``len(texts) x dim`` float32 matrix for the batch of ``ticket``."""
        return self.fetch(ticket)[0]

    def fetch(self, ticket: int) -> tuple[np.ndarray, list[list[list[Any]]] | None]:
        """The batch of ``ticket``: its vectors, and per article its analyses rows when articles were sent."""
        if ticket != self._received:
            raise ValueError(f"tickets must be redeemed in order: expected {self._received}, got {ticket}")
        self._received += 1
        try:
            head = json.loads(read_frame(self._stdout))
            blob = read_frame(self._stdout)
        except (EOFError, OSError, ValueError) as exc:
            raise WorkerError(f"embedding worker went away (exit code {self._process.poll()})") from exc
        if "error" in head:
            raise WorkerError(f"embedding worker failed on a batch: {head['error']}")
        vectors = np.frombuffer(blob, dtype=np.float32).reshape(head["n"], head["dim"]).copy()
        return vectors, head.get("analyses")

    def close(self) -> None:
        for stream in (self._stdin, self._stdout):
            try:
                stream.close()
            except OSError:
                pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait(timeout=10)


def main() -> None:  # pragma: no cover - runs in the worker process
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle; we stop when it closes
    src, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # a stray print must not corrupt the frames
    logging.basicConfig(level=logging.WARNING, format="storyweave worker: %(message)s")
    serve(src, out)


def limit_blas_threads(threads: int) -> Any:
    """A context manager holding this process's BLAS to ``threads`` threads (a no-op without threadpoolctl):
    while the worker embeds on one core, BLAS here must not spin on that core too."""
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # pragma: no cover - threadpoolctl is a dependency
        import contextlib

        return contextlib.nullcontext()
    return threadpool_limits(limits=threads, user_api="blas")


if __name__ == "__main__":  # pragma: no cover
    main()
