"""`storyweave bench-serve` with tiny sizes through typer's runner (the JSON it reports), and the load generator
counting every non-2xx answer and every broken connection as a failure."""

import json
import random
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from storyweave.cli import app
from storyweave.evaluate.serve_load import ENDPOINTS, percentile, run_load

TOPICS = [
    (
        "flood",
        "Heavy rain flooded the river valley on {day}, and {n} families left their homes near the dam.",
    ),
    (
        "strike",
        "Rail workers walked out on {day} over pay; {n} trains were cancelled across the northern lines.",
    ),
    ("vote", "The council voted on {day} to close the old library, with {n} members in favour of the plan."),
    (
        "fire",
        "A fire destroyed a timber warehouse on {day}; {n} firefighters worked through the night to stop it.",
    ),
]


def _corpus(path, rows=24):
    with open(path, "w", encoding="utf-8") as fh:
        for k in range(rows):
            story, sentence = TOPICS[k % len(TOPICS)]
            day = 1 + k // len(TOPICS)
            text = " ".join(sentence.format(day=f"March {day}", n=10 + k + i) for i in range(3))
            row = {
                "id": f"a{k:03d}",
                "story": story,
                "title": f"{story.title()} news {k}",
                "text": text,
                "date": f"2021-03-{day:02d}T{k % 24:02d}:00:00Z",
                "outlet": f"outlet{k % 3}.example",
            }
            fh.write(json.dumps(row) + "\n")
    return str(path)


@pytest.mark.slow
def test_bench_serve_reports_latency_failures_and_ingest_speed(runner, monkeypatch, tmp_path):
    monkeypatch.setenv("STORYWEAVE_ANALYSERS", "none")
    corpus = _corpus(tmp_path / "corpus.jsonl")
    args = ["bench-serve", "--articles", "200", "--clients", "2", "--seconds", "2"]
    result = runner.invoke(app, [*args, "--workdir", str(tmp_path / "w"), "--corpus", corpus, "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["articles"] >= 200 and report["stories"] >= 1 and report["clients"] == 2
    assert report["seconds"] >= 2
    assert set(report["endpoints"]) == set(ENDPOINTS)
    for row in [*report["endpoints"].values(), report["total"]]:
        assert set(row) >= {"requests", "failures", "p50_ms", "p95_ms", "p99_ms", "max_ms"}
        assert row["requests"] > 0 and row["failures"] == 0
        assert 0 < row["p50_ms"] <= row["p95_ms"] <= row["p99_ms"] <= row["max_ms"]
    assert report["total"]["requests"] == sum(r["requests"] for r in report["endpoints"].values())
    assert report["failure_examples"] == []
    for key in ("ingest_alone", "ingest_under_load"):
        assert report[key]["articles"] == 12 and report[key]["articles_per_second"] > 0
    assert report["ingest_ratio"] > 0
    assert report["goal"]["p95_ms_below"] == 100
    # the built store is reused, the store the ingest wrote into is gone
    names = sorted(p.name for p in (tmp_path / "w").iterdir() if p.suffix == ".db")
    assert names == ["base.db", "store-200.db"]


def test_bench_serve_without_the_corpus_is_exit_2(runner, tmp_path):
    result = runner.invoke(
        app,
        [
            "bench-serve",
            "--articles",
            "10",
            "--workdir",
            str(tmp_path),
            "--corpus",
            str(tmp_path / "no.jsonl"),
        ],
    )
    assert result.exit_code == 2
    assert "no.jsonl" in result.stderr


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"  # keep-alive

    def do_GET(self):
        if self.path == "/drop":
            self.close_connection = True  # no answer: the client sees the connection closed
            return
        status = 200 if self.path == "/ok" else 404
        body = b"x"
        self.send_response(status)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def stub_server():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()
    thread.join()


def test_run_load_counts_non_2xx_and_broken_connections_as_failures(stub_server):
    paths = {"ok": lambda rng: "/ok", "missing": lambda rng: "/missing", "drop": lambda rng: "/drop"}
    report = run_load("127.0.0.1", stub_server, paths, 3, lambda t: t < 0.5)
    rows = report["endpoints"]
    assert rows["ok"]["requests"] > 0 and rows["ok"]["failures"] == 0
    assert rows["missing"]["requests"] > 0 and rows["missing"]["failures"] == rows["missing"]["requests"]
    assert rows["drop"]["requests"] > 0 and rows["drop"]["failures"] == rows["drop"]["requests"]
    assert report["total"]["failures"] == rows["missing"]["requests"] + rows["drop"]["requests"]
    assert "404 missing" in report["failure_examples"]
    assert any(e.startswith("RemoteDisconnected drop") for e in report["failure_examples"])


def test_percentile_is_nearest_rank():
    values = list(range(1, 101))
    random.Random(1).shuffle(values)
    assert [percentile(values, q) for q in (50, 95, 99, 100)] == [50, 95, 99, 100]
    assert percentile([7.0], 99) == 7.0
    assert percentile([], 50) == 0.0
