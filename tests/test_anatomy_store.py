"""Per-article analyses stored with their article, re-run by `reanalyze` after an upgrade, and a story's anatomy
cached until a batch changes the story: through the Python API with a small deterministic analyser."""

import json
import re
from typing import ClassVar

from storyweave import Storyweave
from storyweave.analyze.anatomy import ANATOMY_VERSION
from storyweave.analyze.base import Analyser, ArticleText, Citation, Figure, Quote
from storyweave.config import Settings

# MEANTIME English (Wikinews, CC BY 2.5) sentences as article bodies; two outlets report the same event
ARTICLES = [
    {
        "id": "a1",
        "outlet": "Courier",
        "date": "2008-06-10",
        "title": "Apple launches the iPhone 3G",
        "text": "Apple launched the iPhone 3G on Monday. \"It's amazing that we're able to bring 3G to the iPhone "
        'at half the price," said Steve Jobs. The 8GB version will cost 199 dollars, Reuters reported.',
    },
    {
        "id": "a2",
        "outlet": "Herald",
        "date": "2008-06-11",
        "title": "iPhone 3G unveiled by Apple",
        "text": "Apple unveiled the iPhone 3G. \"It's amazing that we're able to bring 3G to the iPhone at half the "
        'price," Steve Jobs said at the conference. The 8GB version will cost 299 dollars.',
    },
]


class TinyFinder(Analyser):
    """Quotes in straight double quotes, "N dollars" figures, "Reuters" credits: enough to test the plumbing."""

    name: ClassVar[str] = "quotes"
    version: ClassVar[int] = 1

    def analyse(self, article: ArticleText) -> list:
        return [
            Quote(m.group(1).rstrip(","), m.start(1), m.end(1), "direct", "said", "Steve Jobs")
            for m in re.finditer(r'"([^"]+)"', article.text)
        ]


class TinyFigures(Analyser):
    name: ClassVar[str] = "figures"
    version: ClassVar[int] = 1

    def analyse(self, article: ArticleText) -> list:
        return [
            Figure(float(m.group(1)), "dollars", m.group(0), m.start(), m.end(), "USD")
            for m in re.finditer(r"(\d+) dollars", article.text)
        ]


class TinyCitations(Analyser):
    name: ClassVar[str] = "citations"
    version: ClassVar[int] = 1

    def analyse(self, article: ArticleText) -> list:
        i = article.text.find("Reuters")
        return [Citation("Reuters", article.text, i, i + 7, "reuters.com")] if i >= 0 else []


def ingest(tmp_path, analysers):
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8")
    settings = Settings(db=str(tmp_path / "s.db"), embedder="hashing", workers=0)
    sw = Storyweave(settings=settings, analysers=analysers)
    sw.ingest([str(src)])
    return sw, settings


def test_analyses_are_stored_with_the_article_and_shown_in_its_json(tmp_path):
    sw, _ = ingest(tmp_path, [TinyFinder(), TinyFigures(), TinyCitations()])
    with sw:
        a1 = next(a for a in sw.articles() if a.source_id == "a1")
        found = sw.analyses([a1.id])[a1.id]
        assert [q["speaker"] for q in found["quotes"]] == ["Steve Jobs"]
        q = found["quotes"][0]
        assert a1.text[q["start"] : q["end"]].startswith("It's amazing")
        assert found["figures"][0]["value"] == 199.0
        assert found["citations"][0]["outlet"] == "Reuters"


def test_story_anatomy_groups_quotes_flags_disagreeing_figures_and_lists_citations(tmp_path):
    sw, _ = ingest(tmp_path, [TinyFinder(), TinyFigures(), TinyCitations()])
    with sw:
        stories = sw.stories()
        assert len(stories) == 1, [s.article_ids for s in stories]
        anatomy = sw.anatomy(stories[0].id)
        assert set(anatomy) == {"quotes", "figures", "citations", "framing", "labels", "summary", "timeline"}
        (group,) = anatomy["quotes"]
        assert group["speaker"] == "Steve Jobs" and group["articles"] == 2
        assert [v["outlet"] for v in group["variants"]] == ["courier", "herald"]  # first report first
        (figure,) = anatomy["figures"]
        assert figure["disagreement"] is True
        assert sorted(v["value"] for v in figure["values"]) == [199.0, 299.0]
        assert anatomy["citations"] == [
            {
                "from_outlet": "courier",
                "to_outlet": "Reuters",
                "to_key": "reuters.com",
                "article_id": group["variants"][0]["article_id"],
                "evidence": anatomy["citations"][0]["evidence"],
            }
        ]
        assert [t["outlet"] for t in anatomy["timeline"]] == ["courier", "herald"]
        edges = sw.citations()
        assert [(e["from_outlet"], e["to_outlet"], e["articles"]) for e in edges] == [
            ("courier", "Reuters", 1)
        ]
        assert [q["outlet"] for q in sw.quotes(speaker="jobs", search="HALF THE PRICE")] == [
            "courier",
            "herald",
        ]


def test_anatomy_is_cached_and_rebuilt_when_the_story_changes(tmp_path):
    sw, settings = ingest(tmp_path, [TinyFinder(), TinyFigures()])
    with sw:
        story_id = sw.stories()[0].id
        first = sw.anatomy(story_id)
        assert sw.store.story_anatomy(story_id, ANATOMY_VERSION) is not None  # cached
        more = tmp_path / "more.jsonl"
        third = dict(ARTICLES[1], id="a3", outlet="Gazette", date="2008-06-12")
        more.write_text(json.dumps(third) + "\n", encoding="utf-8")
        sw.ingest([str(more)])
        sid = next(a.story_id for a in sw.articles() if a.source_id == "a3")
        assert sid == story_id
        assert sw.store.story_anatomy(story_id, ANATOMY_VERSION) is None  # the batch changed the story
        assert len(sw.anatomy(story_id)["timeline"]) == len(first["timeline"]) + 1


class TinyFinderV2(TinyFinder):
    version: ClassVar[int] = 2

    def analyse(self, article: ArticleText) -> list:
        return [Quote(q.text, q.start, q.end, q.type, q.cue, "Jobs") for q in super().analyse(article)]


def test_reanalyze_runs_newer_analysers_on_older_results_only(tmp_path):
    sw, settings = ingest(tmp_path, [TinyFinder()])
    sw.close()
    with Storyweave(settings=settings, analysers=[TinyFinderV2()]) as upgraded:
        done = upgraded.reanalyze()
        assert done == {"articles": 2, "analysers": ["quotes"]}
        ids = [a.id for a in upgraded.articles()]
        assert {q["speaker"] for found in upgraded.analyses(ids).values() for q in found["quotes"]} == {
            "Jobs"
        }
        assert upgraded.reanalyze()["articles"] == 0  # nothing older is left
