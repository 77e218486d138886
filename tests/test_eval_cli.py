"""`storyweave eval` (scores, --no-cluster, --embed-only) and `eval-pairs` through the CLI, on small gold data."""

import csv
import json

import pytest

from storyweave.cli import app
from storyweave.store import SQLiteStore

EVENTS = {
    "quake": [
        "A strong earthquake struck Aleppo on Monday, killing 12 people and destroying 40 houses.",
        "Rescuers in Aleppo searched the rubble after Monday's earthquake killed 12 people.",
        "The Aleppo earthquake on Monday left 12 dead and 40 houses in ruins, officials said.",
    ],
    "budget": [
        "The Dutch parliament approved the 2021 budget on Tuesday after a debate of three days.",
        "After three days of debate, Dutch lawmakers passed the 2021 budget on Tuesday.",
    ],
    "race": ["Lewis Hamilton won the Monaco Grand Prix on Sunday ahead of Max Verstappen."],
}


@pytest.fixture
def corpus(tmp_path):
    rows = []
    for story, texts in EVENTS.items():
        for k, text in enumerate(texts):
            rows.append(
                {
                    "id": f"{story}-{k}",
                    "story": story,
                    "lang": "en",
                    "title": text.split(",")[0][:60],
                    "text": text,
                    "date": f"2021-05-0{k + 1}",
                    "outlet": f"outlet{k}",
                }
            )
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def _json(result):
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_eval_reports_every_metric_the_issue_names(runner, corpus):
    out = _json(runner.invoke(app, ["eval", str(corpus), "--json"]))
    for key in (
        "bcubed_precision",
        "bcubed_recall",
        "bcubed_f1",
        "pairwise_precision",
        "pairwise_recall",
        "pairwise_f1",
        "stories_gold",
        "stories_pred",
        "articles",
        "articles_per_second",
        "peak_rss_mb",
    ):
        assert key in out, key
    assert out["articles"] == 6 and out["stories_gold"] == 3
    assert 0.0 < out["bcubed_f1"] <= 1.0 and out["peak_rss_mb"] > 0
    assert out["language_accuracy"] == 1.0


def test_eval_embed_only_times_the_texts_the_pipeline_embeds(runner, corpus):
    out = _json(runner.invoke(app, ["eval", str(corpus), "--embed-only", "--json"]))
    assert out["articles"] == 6 and out["embedder"].startswith("hashing")
    assert out["articles_per_second"] > 0 and 40 < out["mean_chars"] < 120
    assert "bcubed_f1" not in out


def test_eval_names_the_bad_line(runner, tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "story": "s", "text": "x"}\n{"id": "b"\n')
    result = runner.invoke(app, ["eval", str(bad)])
    assert result.exit_code == 2
    assert "bad.jsonl:2" in result.output.replace("\n", "")


def test_eval_pairs_correlates_with_graded_labels(runner, tmp_path):
    texts = [t for ts in EVENTS.values() for t in ts]
    pairs = [
        (0, 1, 1.0),
        (0, 2, 1.0),
        (3, 4, 1.0),
        (1, 2, 1.25),
        (0, 3, 4.0),
        (1, 5, 4.0),
        (4, 5, 3.75),
        (2, 5, 4.0),
    ]
    path = tmp_path / "pairs.csv"
    with open(path, "w", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(["pair_id", "lang1", "lang2", "text1", "text2", "Overall"])
        for a, b, overall in pairs:
            writer.writerow([f"{a}_{b}", "en", "en", texts[a], texts[b], overall])
    out = _json(runner.invoke(app, ["eval-pairs", str(path), "--json"]))
    assert out["n"] == len(pairs) and set(out["by_lang_pair"]) == {"en-en"}
    assert out["pearson"] > 0.5  # same-event pairs must score above different-event pairs


def test_bench_scale_replicates_a_store_with_identities(runner, tmp_path):
    import random
    import sqlite3

    rng = random.Random(1)
    words = "river storm council vote market bridge fire school hospital police minister court".split()
    source = tmp_path / "c.jsonl"
    source.write_text(
        "".join(
            json.dumps(
                {
                    "id": f"a{i}",
                    "story": f"s{i % 8}",
                    "title": f"Report {i} {rng.choice(words)}",
                    "text": " ".join(rng.choice(words) for _ in range(40)) + ".",
                    "date": f"2021-01-{1 + i % 28:02d}",
                    "url": f"https://www.example{i % 3}.com/news/{i}",
                    "outlet": f"Example {i % 3} News",
                }
            )
            + "\n"
            for i in range(40)
        )
    )
    work = tmp_path / "w"
    result = runner.invoke(
        app, ["bench-scale", "--corpus", str(source), "--workdir", str(work), "--sizes", "20,100", "--json"]
    )
    assert result.exit_code == 0, result.output
    obj = json.loads(result.stdout.strip().splitlines()[-1])
    assert [r["stored_before"] for r in obj["runs"]] == [20, 100] and "throughput_ratio" in obj
    stores = sorted(work.rglob("*.db"))
    assert stores
    for store in stores:
        con = sqlite3.connect(store)
        assert con.execute("SELECT count(*) FROM articles WHERE identity IS NULL").fetchone()[0] == 0
        con.close()
    # each copy keeps its original's fields (outlet name, removed lines and their reasons)
    replicated = SQLiteStore(work / "store-100.db")
    try:
        articles = {a.id: a for a in replicated.articles()}
    finally:
        replicated.close()
    copies = [(a, articles[a.id.rsplit("r", 1)[0]]) for a in articles.values() if "r" in a.id]
    assert copies and all(a.outlet_name for a, _ in copies)
    for copy, original in copies:
        assert (copy.outlet, copy.outlet_name) == (original.outlet, original.outlet_name)
        assert (copy.removed, copy.removed_reasons) == (original.removed, original.removed_reasons)
