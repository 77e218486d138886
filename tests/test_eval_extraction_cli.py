"""`storyweave eval-extraction DIR` through the CLI on a tiny benchmark folder in the article-extraction-benchmark
layout, and the metric itself on hand-counted cases."""

import gzip
import json

import pytest

from storyweave.cli import app
from storyweave.evaluate.extraction import page_scores

BODY = (
    "The council of Springfield closed the old bridge on Monday after engineers found deep cracks in two of its "
    "pillars.\n\nRepairs will take at least six months and cost about four million dollars, the mayor said."
)
PAGE_TEXT = "\n\n".join(
    [
        "  * [Home](https://courier.example/)",
        "  * [Local](https://courier.example/local)",
        "  * [Weather](https://courier.example/weather)",
        "# Springfield closes the old bridge",
        BODY,
        "## More from the Courier",
        "  * [A new school opens its doors to four hundred pupils in the north of the city](https://courier.example/s)",
        "© 2024 The Springfield Courier",
    ]
)
PAGE_HTML = (
    "<html><head><title>Springfield closes the old bridge</title></head><body><nav><a href='/'>Home</a></nav>"
    "<article><h1>Springfield closes the old bridge</h1>"
    + "".join(f"<p>{p}</p>" for p in BODY.split("\n\n"))
    + "</article><footer>© 2024 The Springfield Courier</footer></body></html>"
)


@pytest.fixture
def bench(tmp_path):
    root = tmp_path / "pages"
    (root / "text").mkdir(parents=True)
    (root / "html").mkdir()
    truth = {"k1": {"articleBody": BODY, "url": "https://courier.example/bridge"}}
    (root / "ground-truth.json").write_text(json.dumps(truth), encoding="utf-8")
    (root / "text" / "k1.txt.gz").write_bytes(gzip.compress(PAGE_TEXT.encode()))
    (root / "html" / "k1.html.gz").write_bytes(gzip.compress(PAGE_HTML.encode()))
    return root


def test_metric_counts_shingles_as_the_benchmark_does():
    assert page_scores("a b c d e", "a b c d e") == (1.0, 1.0)
    assert page_scores("", "") == (1.0, 1.0)  # nothing predicted, nothing expected
    assert page_scores("", "a b c d") == (0.0, 0.0)
    # predicted holds the gold's 2 shingles and 2 more: precision 2/4, recall 2/2
    assert page_scores("a b c d e f g", "a b c d e") == (0.5, 1.0)


@pytest.mark.parametrize("mode", ["text", "html"])
def test_eval_extraction_scores_the_cleaned_body(runner, bench, mode):
    result = runner.invoke(app, ["eval-extraction", str(bench), "--mode", mode, "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["pages"] == 1 and data["failed"] == 0 and data["mode"] == mode
    assert data["precision"] == 1.0 and data["recall"] == 1.0 and data["f1"] == 1.0


def test_eval_extraction_details_and_errors(runner, bench, tmp_path):
    result = runner.invoke(app, ["eval-extraction", str(bench), "--details"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["per_page"] == [{"key": "k1", "precision": 1.0, "recall": 1.0}]
    missing = runner.invoke(app, ["eval-extraction", str(tmp_path / "nowhere")])
    assert missing.exit_code == 2 and "ground-truth.json" in "".join(missing.output.split())
    wrong = runner.invoke(app, ["eval-extraction", str(bench), "--mode", "pdf"])
    assert wrong.exit_code == 2 and "html, text" in " ".join(wrong.output.split())
