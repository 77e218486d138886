"""The item count an ingest's progress bar shows as its total: counted before the ingest, equal to what it reads."""

import gzip
import json

from storyweave.cli import app
from storyweave.ingest.estimate import estimate_items

TEXTS = [
    "The council of Springfield closed the old bridge on Monday after engineers found cracks in two pillars.",
    "Heavy rain flooded the lower town of Shelbyville overnight and two hundred people left their homes.",
    "The mayor of Ogdenville opened a new library with forty thousand books and a room for children.",
]


def make_folder(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.jsonl").write_text("\n".join(json.dumps({"text": t}) for t in TEXTS) + "\n\n", encoding="utf-8")
    (src / "b.csv").write_text("title,text\n" + "\n".join(f"T{i},{t}" for i, t in enumerate(TEXTS)) + "\n")
    (src / "c.jsonl.gz").write_bytes(gzip.compress((json.dumps({"text": TEXTS[0]}) + "\n").encode()))
    (src / "page.txt").write_text(TEXTS[1], encoding="utf-8")
    (src / "photo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 16)
    return src


def test_estimate_equals_what_the_ingest_reads(runner, tmp_path):
    src = make_folder(tmp_path)
    assert estimate_items([str(src)]) == 3 + 3 + 1 + 1 + 1
    result = runner.invoke(app, ["--db", str(tmp_path / "s.db"), "ingest", str(src), "--json"])
    assert json.loads(result.stdout)["read"] == estimate_items([str(src)])


def test_estimate_follows_include_and_exclude(tmp_path):
    src = make_folder(tmp_path)
    assert estimate_items([str(src)], include=["*.csv"]) == 3
    assert estimate_items([str(src)], exclude=["*.jsonl", "*.gz"]) == 3 + 1 + 1


def test_estimate_is_unknown_for_standard_input_and_formats_that_need_a_parse(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text("<rss><channel><item><title>A</title></item></channel></rss>")
    assert estimate_items(["-"]) is None
    assert estimate_items([str(feed)]) is None
