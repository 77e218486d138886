"""Article identity through the CLI: nothing lost as "unchanged", updates kept as revisions, one path spelling."""

import json
import os

from storyweave.cli import app

BRIDGE = (
    "The council of Springfield closed the old bridge on Monday after engineers found deep cracks in two of "
    "its piers, and drivers were sent on a long detour through the industrial district."
)
FIRE = (
    "Firefighters in Shelbyville fought a warehouse blaze through the night, and officials said on Tuesday that "
    "the cause of the fire at the paper depot was still unknown."
)
FLOOD = (
    "Heavy rain flooded the low streets of Ogdenville on Wednesday; the mayor opened two school gyms as "
    "shelters and asked residents near the river to leave their homes."
)


def _json_lines(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def _ingest(runner, db, *args, stdin=None):
    return runner.invoke(app, ["--db", db, "ingest", "--json", *map(str, args)], input=stdin)


def _articles(runner, db):
    return _json_lines(runner.invoke(app, ["--db", db, "articles", "--json"]).stdout)


def test_every_document_piped_through_stdin_is_stored(runner, tmp_path):
    db = str(tmp_path / "p.db")
    for text in (BRIDGE, FIRE):
        result = _ingest(runner, db, "-", stdin=json.dumps({"title": "A", "text": text}) + "\n")
        assert result.exit_code == 0, result.output
        assert _json_lines(result.stdout)[0]["stored"] == 1
    assert sorted(a["text"] for a in _articles(runner, db)) == sorted([BRIDGE, FIRE])
    again = _ingest(runner, db, "-", stdin=json.dumps({"title": "A", "text": FIRE}) + "\n")
    assert _json_lines(again.stdout)[0]["unchanged"] == 1


def test_a_rewritten_file_without_ids_keeps_old_and_adds_new_articles(runner, tmp_path):
    db = str(tmp_path / "p.db")
    latest = tmp_path / "latest.jsonl"
    latest.write_text(
        json.dumps({"title": "Bridge", "text": BRIDGE})
        + "\n"
        + json.dumps({"title": "Fire", "text": FIRE})
        + "\n"
    )
    assert _json_lines(_ingest(runner, db, latest).stdout)[0]["stored"] == 2
    # the scraper rewrites the file: line 1 now holds another article, line 2 is as before
    latest.write_text(
        json.dumps({"title": "Flood", "text": FLOOD})
        + "\n"
        + json.dumps({"title": "Fire", "text": FIRE})
        + "\n"
    )
    report = _json_lines(_ingest(runner, db, latest).stdout)[0]
    assert (report["stored"], report["unchanged"], report["updated"]) == (1, 1, 0)
    assert sorted(a["title"] for a in _articles(runner, db)) == ["Bridge", "Fire", "Flood"]


def test_an_id_repeated_with_other_content_in_one_input_is_reported_and_both_are_stored(runner, tmp_path):
    db = str(tmp_path / "p.db")
    rows = tmp_path / "basil.jsonl"
    rows.write_text(
        "\n".join(
            json.dumps(r)
            for r in [
                {"id": "empty", "title": "Bridge", "text": BRIDGE},
                {"id": "x", "title": "Fire", "text": FIRE},
                {"id": "empty", "title": "Flood", "text": FLOOD},
                {"id": "empty", "title": "Bridge", "text": BRIDGE},  # an exact repeat is the same article
            ]
        )
        + "\n"
    )
    result = _ingest(runner, db, rows)
    assert result.exit_code == 0
    report = _json_lines(result.stdout)[0]
    assert (report["read"], report["stored"], report["unchanged"]) == (4, 3, 1)
    assert f"{rows}:3: id 'empty' was also given at {rows}:1" in result.stderr
    assert sorted(a["title"] for a in _articles(runner, db)) == ["Bridge", "Fire", "Flood"]
    assert (
        json.loads(runner.invoke(app, ["--db", db, "article", "empty", "--json"]).stdout)["title"] == "Bridge"
    )


def test_a_corrected_article_is_an_update_with_its_revision_kept(runner, tmp_path):
    db = str(tmp_path / "p.db")
    first = {"id": "fire-1", "title": "Warehouse fire", "text": FIRE, "date": "2021-05-04"}
    path = tmp_path / "a.jsonl"
    path.write_text(json.dumps(first) + "\n")
    assert _json_lines(_ingest(runner, db, path).stdout)[0]["stored"] == 1
    corrected = {**first, "text": FIRE + " Two firefighters were treated for smoke inhalation."}
    path.write_text(json.dumps(corrected) + "\n")
    result = _ingest(runner, db, path)
    assert result.exit_code == 0
    report = _json_lines(result.stdout)[0]
    assert (report["stored"], report["updated"], report["unchanged"]) == (0, 1, 0)
    shown = json.loads(runner.invoke(app, ["--db", db, "article", "fire-1", "--revisions", "--json"]).stdout)
    assert shown["text"].endswith("smoke inhalation.")
    assert [(r["revision"], r["text"]) for r in shown["revisions"]] == [(1, FIRE)]
    assert len(_articles(runner, db)) == 1
    text = runner.invoke(app, ["--db", db, "article", "fire-1", "--revisions"]).stdout
    assert "revision 1" in text and "current version (revision 2)" in text
    # the same corrected input again changes nothing
    assert _json_lines(_ingest(runner, db, path).stdout)[0]["unchanged"] == 1


def test_an_update_revisits_the_story_decision(runner, tmp_path):
    db = str(tmp_path / "p.db")
    path = tmp_path / "a.jsonl"
    rows = [
        {"id": "b1", "title": "Springfield bridge closed", "text": BRIDGE, "date": "2021-05-03"},
        {
            "id": "b2",
            "title": "Springfield bridge shut after cracks found",
            "text": BRIDGE.replace("Monday", "Sunday"),
            "date": "2021-05-03",
        },
        {"id": "f1", "title": "Warehouse fire in Shelbyville", "text": FIRE, "date": "2021-05-03"},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    assert _ingest(runner, db, path).exit_code == 0
    stories = {a["source_id"]: a["story_id"] for a in _articles(runner, db)}
    assert stories["b1"] == stories["b2"] != stories["f1"]
    old_fire_story = stories["f1"]
    # f1 was filed with the wrong text: its correction is about the bridge
    path.write_text(
        json.dumps({**rows[2], "title": "Springfield bridge closed for repairs", "text": BRIDGE}) + "\n"
    )
    report = _json_lines(_ingest(runner, db, path).stdout)[0]
    assert report["updated"] == 1
    after = {a["source_id"]: a["story_id"] for a in _articles(runner, db)}
    assert after["f1"] == after["b1"]
    # the story the old version was alone in is gone, and its id still leads somewhere
    shown = runner.invoke(app, ["--db", db, "story", old_fire_story, "--json"])
    assert shown.exit_code == 0 and json.loads(shown.stdout)["id"] == after["b1"]


def test_urls_with_tracking_parameters_are_one_page(runner, tmp_path):
    db = str(tmp_path / "p.db")
    path = tmp_path / "crawl.jsonl"
    page = {
        "title": "Bridge",
        "text": BRIDGE,
        "url": "https://www.example.com/news/bridge?utm_source=rss#top",
    }
    path.write_text(json.dumps(page) + "\n")
    assert _json_lines(_ingest(runner, db, path).stdout)[0]["stored"] == 1
    path.write_text(json.dumps({**page, "url": "http://example.com/news/bridge/?fbclid=abc"}) + "\n")
    assert _json_lines(_ingest(runner, db, path).stdout)[0]["unchanged"] == 1
    path.write_text(
        json.dumps(
            {**page, "url": "http://example.com/news/bridge", "text": BRIDGE + " It may reopen in May."}
        )
        + "\n"
    )
    assert _json_lines(_ingest(runner, db, path).stdout)[0]["updated"] == 1
    assert len(_articles(runner, db)) == 1


def test_recaptures_of_one_url_in_one_input_are_duplicates_not_failures(runner, tmp_path):
    db = str(tmp_path / "p.db")
    path = tmp_path / "crawl.jsonl"
    captures = [
        {
            "title": "Bridge",
            "text": BRIDGE + f"\nMost read: item {k}",
            "url": f"https://example.com/b?utm_medium={k}",
        }
        for k in range(6)
    ]
    path.write_text("\n".join(json.dumps(c) for c in captures) + "\n")
    result = _ingest(runner, db, path)
    assert result.exit_code == 0, result.output
    report = _json_lines(result.stdout)[0]
    assert report["failed"] == 0 and report["stored"] == 6 and report["duplicates"] == 5
    assert "warning" not in result.stderr


def test_the_same_files_under_another_path_spelling_are_unchanged(runner, tmp_path, monkeypatch):
    db = str(tmp_path / "p.db")
    folder = tmp_path / "scrape"
    folder.mkdir()
    (folder / "bridge.txt").write_text("Bridge closed\n\n" + BRIDGE + "\n")
    (folder / "fire.txt").write_text("Warehouse fire\n\n" + FIRE + "\n")
    link = tmp_path / "link"
    os.symlink(folder, link)
    monkeypatch.chdir(tmp_path)
    assert _json_lines(_ingest(runner, db, "scrape").stdout)[0]["stored"] == 2
    for spelling in (str(folder), "link", "./scrape/../scrape", str(folder / "fire.txt")):
        report = _json_lines(_ingest(runner, db, spelling).stdout)[0]
        assert report["stored"] == 0 and report["unchanged"] == report["read"] > 0, spelling
    stories = _json_lines(runner.invoke(app, ["--db", db, "stories", "--json"]).stdout)
    assert sum(s["size"] for s in stories) == 2


BACKGROUND = (
    "The bridge, built in 1931, carries about 40,000 vehicles a day and was last inspected in 2019, when "
    "engineers rated two of its piers as poor."
)
QUOTE = "\u201cThis closure was avoidable,\u201d said Maria Lopez, a spokeswoman for the opposition group on the council."
FOOTER = "Springfield Daily is an independent newsroom founded in 1998 and funded by its readers."
UPDATES = [
    "Engineers began drilling core samples from the damaged pier on {day}.",
    "The council voted on {day} to spend 12 million dollars on emergency repairs.",
    "Traffic on the detour route doubled on {day}, city data showed.",
    "A second crack was found on the east pier on {day}, inspectors said.",
    "Federal officials visited the site on {day} and promised help.",
    "The mayor said on {day} that the bridge could reopen by the autumn.",
]
OTHER = [
    "Hartley's Bakery on Main Street opened a second shop on {day}, drawing long queues of customers. The "
    "family firm has baked rye bread in the town since 1952. Its new oven came from a supplier in Bavaria.",
    "The Westfield High School football team won its regional final against Ogdenville on {day}. Quarterback "
    "Tom Reyes threw three touchdown passes. The team now plays for the state title in November.",
    "Librarians at the Carnegie branch on {day} announced longer opening hours for the summer months. A grant "
    "from the Mellon fund pays for two extra staff. Reading clubs for children start in July.",
    "A water main burst under Elm Street on {day}, flooding the basements of three family homes. Crews from "
    "the utility worked overnight. Residents were told to boil their tap water until Friday.",
    "The Shelbyville zoo welcomed two red pandas from Rotterdam on {day}, its first in a decade. Keepers "
    "named them Mei and Bao. Visitors can see them from the new bamboo walk from next week.",
]


def test_background_and_quotes_repeated_across_follow_ups_stay(runner, tmp_path):
    db = str(tmp_path / "p.db")
    rows = []
    for k, update in enumerate(UPDATES):  # the bridge story is most of what the outlet publishes these days
        day = f"2021-06-{k + 1:02d}"
        rows.append(
            {
                "id": f"bridge-{k}",
                "title": f"Bridge closure, day {k + 1}",
                "date": day,
                "outlet": "Springfield Daily",
                "text": "\n".join([update.format(day=day), BACKGROUND, QUOTE, FOOTER]),
            }
        )
        if k < len(OTHER):
            other = OTHER[k]
            rows.append(
                {
                    "id": f"other-{k}",
                    "title": other.split(" on ")[0].split(".")[0],
                    "date": day,
                    "outlet": "Springfield Daily",
                    "text": "\n".join([other.format(day=day), FOOTER]),
                }
            )
    late = {
        "id": "other-late",
        "title": "Museum reopens",
        "date": "2021-06-20",
        "outlet": "Springfield Daily",
        "text": "The history museum reopened on Sunday after a two-year renovation.\n" + FOOTER,
    }
    path = tmp_path / "daily.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows + [late]) + "\n")
    monkey_batch = {"STORYWEAVE_BATCH_SIZE": "2"}  # learn from each batch before cleaning the next
    result = runner.invoke(app, ["--db", db, "ingest", "--json", str(path)], env=monkey_batch)
    assert result.exit_code == 0, result.output
    for k in range(6):
        text = json.loads(runner.invoke(app, ["--db", db, "article", f"bridge-{k}", "--json"]).stdout)["text"]
        assert BACKGROUND in text and QUOTE in text, k
    last = json.loads(runner.invoke(app, ["--db", db, "article", "other-late", "--json"]).stdout)
    assert FOOTER not in last["text"] and FOOTER in [r["line"] for r in last["removed"]]
