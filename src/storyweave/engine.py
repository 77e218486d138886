"""The Python API: one object that opens a store and runs the pipeline over it.

from storyweave import Storyweave
with Storyweave("news.db") as sw:
    report = sw.ingest(["articles/"])
    for story in sw.stories(lang="fr"):
        print(story.id, story.title, story.size)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, BinaryIO

from storyweave.analyze.base import Analyser
from storyweave.analyze.runner import AnalysisRunner
from storyweave.cluster.config import ClusterConfig
from storyweave.config import Settings
from storyweave.embed.factory import make_embedder
from storyweave.explain import Explanation
from storyweave.models import Article, InputItem, Story
from storyweave.pipeline import Pipeline
from storyweave.report import IngestReport
from storyweave.store import ArticleQuery, SQLiteStore, Store
from storyweave.store.base import Revision


def _open_store(db: str) -> Store:
    """A PostgreSQL store for a ``postgresql://`` (or ``postgres://``) URL, else the SQLite file at ``db``."""
    if db.startswith(("postgresql://", "postgres://")):
        from storyweave.store.postgres import PostgresStore

        return PostgresStore(db)
    return SQLiteStore(db)


class Storyweave:
    """Open (or create) a store; ingest into it; read articles and stories back."""

    def __init__(
        self,
        db: str | None = None,
        settings: Settings | None = None,
        store: Store | None = None,
        cluster: bool = True,
        cluster_config: ClusterConfig | None = None,
        analysers: Sequence[Analyser] | None = None,
    ):
        self.settings = settings or Settings()
        self.cluster = cluster
        self.cluster_config = cluster_config  # None: the tuned defaults (scripts pass others to tune them)
        if db is not None:
            self.settings = self.settings.merged({"db": db})
        self.store: Store = store if store is not None else _open_store(self.settings.db)
        self._pipeline: Pipeline | None = None
        self._analysers = analysers  # None: those ``settings.analysers`` names
        self._quote_embedder = None

    def __enter__(self) -> Storyweave:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._pipeline is not None:
            self._pipeline.close()
        self.store.close()

    @property
    def pipeline(self) -> Pipeline:
        if self._pipeline is None:
            from storyweave.clean import Cleaner, RecurrentLines
            from storyweave.clean.language import languages_from_setting

            recurrent = RecurrentLines.from_rows(self.store.line_counts())
            languages = languages_from_setting(self.settings.languages)
            self._pipeline = Pipeline(
                store=self.store,
                cleaner=Cleaner(recurrent=recurrent, languages=languages),
                representer=self._representer() if self.cluster else None,
                clusterer=self._clusterer() if self.cluster else None,
                settings=self.settings,
                recurrent=recurrent,
                worker_factory=self._worker_factory() if self.cluster else None,
                analysis=self.analysis_runner(),
                analysis_in_worker=self._analysers is None,  # the worker builds the analysers from settings
            )
        return self._pipeline

    def analysis_runner(self) -> AnalysisRunner | None:
        """The per-article analysers this store runs (None when there are none)."""
        from storyweave.analyze.registry import make_analysers

        analysers = (
            self._analysers if self._analysers is not None else make_analysers(self.settings.analysers)
        )
        return AnalysisRunner(analysers) if analysers else None

    def _representer(self):
        from storyweave.cluster.represent import Representer

        return Representer(make_embedder(self.settings))

    def _clusterer(self):
        """A fresh clusterer wired to this store (its stories come back through ``_state_source``)."""
        from storyweave.cluster.online import OnlineClusterer
        from storyweave.cluster.prior import BackgroundPrior

        return OnlineClusterer(
            self.cluster_config or ClusterConfig(), state_source=self._state_source, prior=BackgroundPrior()
        )

    def explain(self, article_id: str, story_id: str | None = None) -> Explanation:
        """Why the article is (or is not) in its story, or in ``story_id``: see ``storyweave.explain``."""
        from storyweave.explain import explain

        settings = self.settings
        return explain(
            self.store,
            self._representer(),
            self._clusterer(),
            article_id,
            story_id,
            max_stories=settings.max_active_stories,
            window_days=settings.active_days,
        )

    def _worker_factory(self):
        if self.settings.workers < 1:
            return None
        from storyweave.workers import EmbedWorker

        settings = self.settings
        return lambda: EmbedWorker(settings)

    def _state_source(self, since: float, until: float):
        import json

        from storyweave.cluster.base import StoryState

        return [StoryState.from_record(json.loads(s), b) for s, b in self.store.story_states(since, until)]

    def ingest(
        self,
        paths: Iterable[str],
        stdin: BinaryIO | None = None,
        progress: Callable[[IngestReport], None] | None = None,
        include: Sequence[str] = (),
        exclude: Sequence[str] = (),
    ) -> IngestReport:
        """Read ``paths`` (see :func:`storyweave.ingest.read_paths`; ``include``/``exclude`` filter the files found
        in folders) into the store. The store's own database files are skipped wherever they are."""
        from storyweave.ingest import read_paths
        from storyweave.ingest.skip import store_files

        items = read_paths(
            paths, stdin=stdin, include=include, exclude=exclude, skip_files=store_files(self.settings.db)
        )
        return self.pipeline.ingest(items, progress=progress)

    def ingest_documents(
        self,
        documents: Iterable[InputItem],
        progress: Callable[[IngestReport], None] | None = None,
    ) -> IngestReport:
        return self.pipeline.ingest(documents, progress=progress)

    def recluster(self, since: str, until: str) -> dict[str, int]:
        """Rebuild the stories of the articles published in [since, until], and of every story they touch, in one
        transaction. The same range twice gives the same stories with the same ids; see ``Pipeline.recluster``."""
        in_range = list(self.store.articles(ArticleQuery(since=since, until=until)))
        story_ids = sorted({a.story_id for a in in_range if a.story_id})
        members: dict[str, Article] = {a.id: a for a in in_range}
        for story_id in story_ids:
            for a in self.store.articles(ArticleQuery(story_id=story_id)):
                members[a.id] = a
        articles = list(members.values())
        if not articles:
            return {"articles": 0, "stories_before": 0, "stories_after": 0}
        if self._pipeline is not None:
            self._pipeline.close()
        self._pipeline = None  # a fresh clusterer restores the untouched stories from the store
        try:
            return self.pipeline.recluster(articles, story_ids)
        finally:
            if self._pipeline is not None:
                self._pipeline.close()
            self._pipeline = (
                None  # its memory holds ids before renaming: the next use restores from the store
            )

    def articles(self, **filters) -> Iterator[Article]:
        return self.store.articles(ArticleQuery(**filters))

    def article(self, article_id: str) -> Article:
        return self.store.get_article(article_id)

    def revisions(self, article_id: str) -> list[Revision]:
        """Earlier versions of an updated article, oldest first."""
        return self.store.revisions(self.store.get_article(article_id).id)

    def stories(self, **filters) -> list[Story]:
        return self.store.stories(ArticleQuery(**filters))

    def count_articles(self, **filters) -> int:
        """How many articles ``articles(**filters)`` lists before its limit and offset."""
        return self.store.count_matching_articles(ArticleQuery(**filters))

    def count_stories(self, **filters) -> int:
        """How many stories ``stories(**filters)`` lists before its limit and offset."""
        return self.store.count_matching_stories(ArticleQuery(**filters))

    def story(self, story_id: str) -> Story:
        return self.store.story(story_id)

    # --- story anatomy (issue 9) ---------------------------------------------------------------
    def analyses(self, article_ids: Sequence[str]) -> dict[str, dict[str, list[dict[str, Any]]]]:
        """``{article_id: {"quotes": [...], "figures": [...], "citations": [...]}}`` as stored."""
        return self.store.analyses(article_ids)

    def reanalyze(self, progress: Callable[[int], None] | None = None, chunk: int = 200) -> dict[str, Any]:
        """Run the configured analysers on every article whose stored results are missing or come from an older
        analyser version (after an upgrade); each chunk is written in one transaction. Returns what it did."""
        runner = self.analysis_runner()
        if runner is None:
            return {"articles": 0, "analysers": []}
        versions = runner.versions
        after, done = "", 0
        while ids := self.store.stale_analyses(versions, after, chunk):
            rows = [(aid, *found) for aid in ids for found in runner.run(self.store.get_article(aid))]
            self.store.write_analyses(rows)
            done += len(ids)
            after = ids[-1]
            if progress is not None:
                progress(done)
        return {"articles": done, "analysers": sorted(versions)}

    def anatomy(self, story_id: str) -> dict[str, Any]:
        """The story laid open (see :mod:`storyweave.analyze.anatomy`): built from the stored analyses of its
        articles on first read after a change, then served from the store."""
        import json

        from storyweave.analyze.anatomy import ANATOMY_VERSION, build_anatomy

        story = self.store.story(story_id)
        cached = self.store.story_anatomy(story.id, ANATOMY_VERSION)
        if cached is not None:
            return json.loads(cached)
        articles = [self.store.get_article(i) for i in story.article_ids]
        analyses = self.store.analyses(story.article_ids)
        framing, summary = _story_views()
        anatomy = build_anatomy(articles, analyses, encode=self._encoder(), framing=framing, summary=summary)
        self.store.save_story_anatomy(story.id, ANATOMY_VERSION, json.dumps(anatomy, ensure_ascii=False))
        return anatomy

    def quotes(
        self,
        speaker: str | None = None,
        search: str | None = None,
        lang: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> Iterator[dict[str, Any]]:
        """Every stored quote, in publish order, with its article, outlet, language and story: ``speaker`` and
        ``search`` match parts of the speaker's name and of the quote's text (case and accents ignored)."""
        from storyweave.analyze.anatomy import matches

        for page in in_pages(self.store.articles(ArticleQuery(lang=lang, since=since, until=until))):
            found = self.store.analyses([a.id for a in page])
            for a in page:
                for q in found.get(a.id, {}).get("quotes", []):
                    if speaker and not matches(q.get("speaker") or "", speaker):
                        continue
                    if search and not matches(q.get("text") or "", search):
                        continue
                    yield {
                        **q,
                        "article_id": a.id,
                        "published": a.published,
                        "lang": a.lang,
                        "outlet": a.outlet,
                        "story_id": a.story_id,
                    }

    def citations(
        self, since: str | None = None, until: str | None = None, examples: int = 3
    ) -> list[dict[str, Any]]:
        """Who cites whom over the store: one edge per (citing outlet, cited outlet) with the number of articles
        and up to ``examples`` pieces of evidence, most cited first."""
        from storyweave.analyze.anatomy import citation_edges

        edges: dict[tuple[str | None, str], dict[str, Any]] = {}
        for page in in_pages(self.store.articles(ArticleQuery(since=since, until=until))):
            found = self.store.analyses([a.id for a in page])
            for edge in citation_edges([a for a in page if not a.duplicate_of], found):
                key = (edge["from_outlet"], edge["to_outlet"])
                entry = edges.setdefault(
                    key,
                    {
                        "from_outlet": key[0],
                        "to_outlet": key[1],
                        "to_key": edge["to_key"],
                        "articles": 0,
                        "examples": [],
                    },
                )
                entry["articles"] += 1
                if len(entry["examples"]) < examples:
                    entry["examples"].append({"article_id": edge["article_id"], "evidence": edge["evidence"]})
        return sorted(edges.values(), key=lambda e: (-e["articles"], e["to_outlet"], e["from_outlet"] or ""))

    def _encoder(self):
        """The sentence encoder that links quotes across languages, loaded once per Storyweave."""
        if not self.cluster:
            return None
        if self._quote_embedder is None:
            self._quote_embedder = make_embedder(self.settings)
        embedder = self._quote_embedder
        return lambda texts: embedder.embed(texts)


def _story_views():
    """The story-level framing and summary functions."""
    from storyweave.analyze.framing import framing
    from storyweave.analyze.summary import summarise

    def summary(articles: Sequence[Article]) -> dict[str, Any] | None:
        return summarise(articles).to_json() if articles else None

    return framing, summary


def in_pages(articles: Iterable[Article], size: int = 500) -> Iterator[list[Article]]:
    """``articles`` in lists of ``size``: what reads their analyses a page at a time."""
    page: list[Article] = []
    for a in articles:
        page.append(a)
        if len(page) == size:
            yield page
            page = []
    if page:
        yield page
