"""`storyweave eval --json` reports the largest predicted stories (size, purity, gold stories, span in days)."""

import json

from storyweave.cli import app
from storyweave.evaluate.bench import render


def test_eval_reports_the_largest_stories(runner, tmp_path):
    texts = {
        "quake": [
            "A strong earthquake struck Aleppo on Monday, killing 12 people and destroying 40 houses.",
            "Rescuers in Aleppo searched the rubble after Monday's earthquake killed 12 people.",
        ],
        "race": ["Lewis Hamilton won the Monaco Grand Prix on Sunday ahead of Max Verstappen."],
    }
    rows = [
        {
            "id": f"{story}-{k}",
            "story": story,
            "title": text[:50],
            "text": text,
            "date": f"2021-05-0{2 * k + 1}",
        }
        for story, items in texts.items()
        for k, text in enumerate(items)
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = runner.invoke(app, ["eval", str(path), "--json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout.strip().splitlines()[-1])
    largest = out["largest_stories"]
    assert 1 <= len(largest) <= 3 and sum(s["size"] for s in largest) == 3
    assert [s["size"] for s in largest] == sorted((s["size"] for s in largest), reverse=True)
    for s in largest:
        assert set(s) == {"size", "purity", "gold_stories", "span_days"}
        assert 0.0 < s["purity"] <= 1.0 and s["gold_stories"] >= 1 and 0.0 <= s["span_days"] <= 2.0
    table = render({"machine": "m", "ingest": {}, "cluster": {"toy": out}, "pairs": None})
    assert "| toy | " + f"{largest[0]['size']} / " in table
