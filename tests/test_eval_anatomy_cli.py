"""`storyweave eval-anatomy` through the CLI: quote linking on quotekg-style groups, and clear errors."""

import json

from storyweave.cli import app

# Wikiquote (CC BY-SA), Marie Curie and Alan Turing: two variants of one quotation, and one other quotation each
GROUPS = [
    {
        "group_id": "curie-1",
        "speaker": "Marie Curie",
        "quotes": [
            {"lang": "en", "text": "Nothing in life is to be feared, it is only to be understood."},
            {"lang": "en", "text": "Nothing in life is to be feared, it is only to be understood. Now is the time to understand more."},
        ],
    },
    {"group_id": "curie-2", "speaker": "Marie Curie", "quotes": [{"lang": "en", "text": "One never notices what has been done; one can only see what remains to be done."}]},
    {"group_id": "turing-1", "speaker": "Alan Turing", "quotes": [{"lang": "en", "text": "We can only see a short distance ahead, but we can see plenty there that needs to be done."}]},
]  # fmt: skip


def test_eval_anatomy_scores_quote_links(runner, tmp_path):
    path = tmp_path / "groups.jsonl"
    path.write_text("\n".join(json.dumps(g) for g in GROUPS) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval-anatomy", str(path), "--json"])
    assert result.exit_code == 0, result.output
    links = json.loads(result.stdout)["quote_links"]
    assert (links["pairs_gold"], links["pairs_predicted"], links["f1"]) == (1, 1, 1.0)


def test_eval_anatomy_without_gold_says_so(runner, tmp_path):
    path = tmp_path / "plain.jsonl"
    path.write_text(json.dumps({"id": "1", "text": "Hello there, a plain article."}) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["eval-anatomy", str(path)])
    assert result.exit_code == 2 and "no gold" in " ".join(result.output.split())
    missing = runner.invoke(app, ["eval-anatomy", str(tmp_path / "nope.jsonl")])
    assert missing.exit_code == 2 and "no such file" in " ".join(missing.output.split())
