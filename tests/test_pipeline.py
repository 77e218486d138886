"""The pipeline end to end through the Python API (hashing embedder, so it is fast)."""

import json

from storyweave import Storyweave
from storyweave.config import Settings

FOOTER = "Metropolis Evening Ledger serving the valley since 1921"
BODIES = [
    "The city council of Ashford approved a new budget for road repairs on Tuesday after a long debate about "
    "potholes on Mill Lane. Councillor Jane Okafor said the work would start in April.",
    "Firefighters rescued two hikers stranded on Kestrel Ridge after a sudden snowstorm closed the trail. Both "
    "were treated for mild hypothermia at a mountain hut, the rescue service said.",
    "Brookfield General Hospital opened a new maternity wing, doubling the number of beds available to families. "
    "Its director, Dr Samuel Reyes, said waiting lists should halve within a year.",
    "Hartley's Bakery won the national bread championship with a rye loaf made from a century-old recipe. Owner "
    "Ingrid Hartley credited her grandmother's sourdough starter.",
    "Police closed the Northgate harbour bridge for six hours after a lorry spilled its load of cabbages on the "
    "deck. No one was hurt, but traffic backed up to the ring road.",
    "Students at Pemberton Technical College built a solar car that will race across the Atacama desert next "
    "spring. The team of twelve raised the money from local firms.",
]
TITLES = [
    "Ashford approves road repair budget",
    "Hikers rescued in snowstorm",
    "Hospital doubles maternity beds",
    "Local bakery wins bread title",
    "Cabbage spill closes harbour bridge",
    "Students build solar racer",
]


def _rows(start, stop):
    return [
        {
            "id": f"ledger-{i}",
            "title": TITLES[i],
            "text": f"{BODIES[i]}\n{FOOTER}",
            "outlet": "Evening Ledger",
            "date": f"2020-03-0{i + 1}",
        }
        for i in range(start, stop)
    ]


def _write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return str(path)


def test_recurring_outlet_lines_are_learned_and_persist_across_runs(tmp_path):
    settings = Settings(db=str(tmp_path / "p.db"), embedder="hashing")
    with Storyweave(settings=settings) as sw:
        report = sw.ingest([_write(tmp_path / "a.jsonl", _rows(0, 4))])
        assert report.stored == 4
        first = sw.article("ledger-0")
        assert FOOTER in first.text  # nothing learned yet for the first article
    with Storyweave(settings=settings) as sw:  # a new process would start from the store like this
        sw.ingest([_write(tmp_path / "b.jsonl", _rows(4, 6))])
        late = sw.article("ledger-5")
    assert FOOTER not in late.text
    assert FOOTER in late.removed
    assert BODIES[5] in late.text


def test_recluster_keeps_every_id_resolvable(tmp_path):
    settings = Settings(db=str(tmp_path / "r.db"), embedder="hashing")
    with Storyweave(settings=settings) as sw:
        sw.ingest([_write(tmp_path / "a.jsonl", _rows(0, 6))])
        before = {a.id: a.story_id for a in sw.articles()}
        result = sw.recluster("2020-03-01", "2020-03-06")
        assert result["articles"] == 6
        after = {a.id: a.story_id for a in sw.articles()}
        assert set(after) == set(before) and all(after.values())
        for old in set(before.values()):
            assert sw.story(old).id in set(after.values())


def test_recluster_reuses_cached_embeddings(tmp_path, monkeypatch):
    from storyweave.embed.hashing import HashingEmbedder

    settings = Settings(db=str(tmp_path / "c.db"), embedder="hashing")
    with Storyweave(settings=settings) as sw:
        sw.ingest([_write(tmp_path / "a.jsonl", _rows(0, 6))])
        calls = []
        original = HashingEmbedder.embed
        monkeypatch.setattr(
            HashingEmbedder, "embed", lambda self, texts: calls.append(len(texts)) or original(self, texts)
        )
        sw.recluster("2020-03-01", "2020-03-06")
    assert sum(calls) == 0  # every vector came from the store


def test_copy_published_before_its_original_joins_the_original_story(tmp_path):
    body = (
        "Rescuers pulled survivors from the rubble on Tuesday after a strong earthquake struck the coast, "
        "killing at least forty people and toppling dozens of buildings in the port city, officials said. "
    )
    rows = [
        {"id": "orig", "title": "Quake kills forty", "text": body * 2, "date": "2020-05-02"},
        {
            "id": "copy",
            "title": "Quake kills 40",
            "text": body * 2 + "Reporting by a wire desk.",
            "date": "2020-05-01",
        },
    ]
    settings = Settings(db=str(tmp_path / "d.db"), embedder="hashing")
    with Storyweave(settings=settings) as sw:
        sw.ingest([_write(tmp_path / "d.jsonl", rows)])
        orig, copy = sw.article("orig"), sw.article("copy")
    assert copy.duplicate_of == orig.id
    assert copy.story_id == orig.story_id


def test_a_cluster_config_is_passed_in_not_patched(tmp_path):
    from storyweave.cluster.config import ClusterConfig

    sizes = {}
    for name, bias in (("lumper", 50.0), ("splitter", -50.0)):
        settings = Settings(db=str(tmp_path / f"{name}.db"), embedder="hashing")
        with Storyweave(settings=settings, cluster_config=ClusterConfig(bias=bias)) as sw:
            sw.ingest([_write(tmp_path / f"{name}.jsonl", _rows(0, 6))])
            sizes[name] = len(sw.stories())
    assert sizes == {"lumper": 1, "splitter": 6}
