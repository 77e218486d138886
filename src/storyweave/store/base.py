"""The Store interface: what the pipeline and the views need from persistence.

SQLite implements it (``sqlite.py``); a PostgreSQL implementation fills the same methods later.
Every write goes through :meth:`Store.write_batch`, one transaction per batch, so a killed process
leaves either the whole batch or none of it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from storyweave.errors import QueryError
from storyweave.models import Article, Story

STORY_SORTS = ("recent", "size")  # the orders Store.stories knows


@dataclass(frozen=True)
class ArticleQuery:
    lang: str | None = None
    outlet: str | None = None
    since: str | None = None  # ISO date or datetime, inclusive
    until: str | None = None  # inclusive
    search: str | None = None  # full-text query in the language of storyweave.store.search
    story_id: str | None = None
    limit: int | None = None
    sort: str = "recent"  # stories only: "recent" (newest activity first) or "size" (largest first)
    min_size: int | None = None  # stories only: at least this many articles
    offset: int = 0  # skip this many before the first one returned

    def __post_init__(self) -> None:
        if self.sort not in STORY_SORTS:
            raise QueryError(f"unknown sort {self.sort!r}; choose one of: {', '.join(STORY_SORTS)}")
        if self.offset < 0:
            raise QueryError(f"offset must be 0 or more, not {self.offset}")
        if self.min_size is not None and self.min_size < 1:
            raise QueryError(f"min_size must be 1 or more, not {self.min_size}")
        if self.limit is not None and self.limit < 0:
            raise QueryError(f"limit must not be negative, not {self.limit}")


@dataclass(frozen=True)
class OutletSummary:
    """One outlet as ``storyweave outlets`` lists it."""

    key: str  # the registered domain, or the name key when no domain is known (storyweave.clean.outlet)
    name: str | None  # the display name its articles carry most often; None when only the domain is known
    articles: int
    stories: int  # distinct stories its articles are in
    names: tuple[str, ...] = ()  # every display name its articles carry, most frequent first

    def to_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "name": self.name,
            "articles": self.articles,
            "stories": self.stories,
            "names": list(self.names),
        }


@dataclass(frozen=True)
class StoredArticle:
    """An article plus what the store keeps beside it for later steps."""

    article: Article
    content_hash: str
    signature: bytes | None = None  # MinHash signature for near-duplicate checks
    bands: tuple[int, ...] = ()  # LSH band keys of the signature
    identity: str | None = None  # the identity key the input gave it (storyweave.identity)
    raw_hash: str | None = None  # hash of the input version stored
    replaces: Article | None = None  # an update: the version stored before, kept as a revision


@dataclass(frozen=True)
class StoredVersion:
    """What the store holds under one identity: enough to tell whether an input item is new, unchanged or an
    update without reading the article."""

    article_id: str
    source_id: str
    raw_hash: str | None  # None for articles stored before identities were recorded
    content_hash: str


@dataclass(frozen=True)
class Revision:
    """An earlier version of an updated article."""

    number: int  # 1 for the first version
    replaced_at: str  # when the next version replaced it (UTC, ISO 8601)
    article: Article


@dataclass
class WriteBatch:
    """Everything one ingest batch changes, written atomically."""

    articles: list[StoredArticle] = field(default_factory=list)
    embeddings: list[tuple[str, str, bytes]] = field(default_factory=list)  # (article_id, model, vector)
    story_states: list[tuple[str, str, bytes, float | None]] = field(
        default_factory=list
    )  # (id, json, blob, last_ts)
    merges: list[tuple[str, str]] = field(default_factory=list)  # (old story id, surviving id)
    line_counts: list[tuple] = field(
        default_factory=list
    )  # (outlet, line hash, count[, stories]); count 0 deletes
    story_assignments: list[tuple[str, str]] = field(default_factory=list)  # (article_id, story_id) updates
    drop_stories: list[str] = field(
        default_factory=list
    )  # story states deleted first (a recluster rebuilds them)
    statistics: tuple[str, bytes] | None = None  # the clusterer's learned term statistics (json, blob)
    analyses: list[tuple[str, str, int, str]] = field(
        default_factory=list
    )  # (article_id, analyser, version, findings JSON): replaces what the article had from that analyser

    def __len__(self) -> int:
        return len(self.articles)


class Store(ABC):
    """Persistence for articles, stories and the learned state of the pipeline."""

    @abstractmethod
    def close(self) -> None: ...

    @abstractmethod
    def write_batch(self, batch: WriteBatch) -> list[str]:
        """Write the whole batch in one transaction, or nothing. New articles whose source id another writer stored
        meanwhile are left out (the first one stays); their ids are returned, so the caller counts them as
        unchanged."""

    def open_writer(self) -> Store | None:
        """Another handle on the same store for ``write_batch`` calls from a background thread while this one
        keeps reading (None: this store cannot, and the pipeline writes in its own thread)."""
        return None

    @abstractmethod
    def known_source_ids(self, source_ids: Sequence[str]) -> set[str]: ...

    @abstractmethod
    def versions(self, identities: Sequence[str]) -> dict[str, list[StoredVersion]]:
        """identity -> the articles stored under it, oldest first."""

    @abstractmethod
    def revisions(self, article_id: str) -> list[Revision]:
        """Earlier versions of an article, oldest first (empty when it was never updated)."""

    @abstractmethod
    def story_states_by_id(self, story_ids: Sequence[str]) -> list[tuple[str, bytes]]:
        """(json, blob) of the named stories that are stored."""

    @abstractmethod
    def count_stories(self) -> int:
        """How many story states are stored (merged-away ones excluded)."""

    @abstractmethod
    def find_by_content_hash(self, hashes: Sequence[str]) -> dict[str, str]:
        """content hash -> id of the first article with that clean text."""

    @abstractmethod
    def near_duplicate_candidates(self, bands: Sequence[int]) -> list[tuple[str, bytes]]:
        """(article id, signature) of original articles sharing any of the LSH band keys, oldest first."""

    @abstractmethod
    def get_article(self, article_id: str) -> Article: ...

    @abstractmethod
    def articles(self, query: ArticleQuery = ArticleQuery()) -> Iterator[Article]: ...

    @abstractmethod
    def count_articles(self) -> int: ...

    @abstractmethod
    def count_matching_articles(self, query: ArticleQuery = ArticleQuery()) -> int:
        """How many articles :meth:`articles` lists for ``query`` before its ``limit`` and ``offset``."""

    @abstractmethod
    def count_matching_stories(self, query: ArticleQuery = ArticleQuery()) -> int:
        """How many stories :meth:`stories` lists for ``query`` before its ``limit`` and ``offset``."""

    @abstractmethod
    def story_of(self, article_ids: Sequence[str]) -> dict[str, str]: ...

    @abstractmethod
    def embeddings(self, article_ids: Sequence[str], model: str) -> dict[str, bytes]: ...

    @abstractmethod
    def embeddings_after(self, model: str, after_rowid: int, limit: int) -> list[tuple[int, str, bytes]]:
        """(position, article id, vector) of at most ``limit`` vectors of ``model`` written after position
        ``after_rowid``, in the order written; positions only grow (0 is before the first), and a replaced vector
        comes again at a new position. Readers keep the last position seen and read on from there."""

    @abstractmethod
    def story_states(
        self, since: float | None = None, until: float | None = None
    ) -> Iterable[tuple[str, bytes]]:
        """(json, blob) of stories whose last activity lies in [since, until] (unbounded where None)."""

    @abstractmethod
    def clusterer_statistics(self) -> tuple[str, bytes] | None:
        """What the last batch saved of the clusterer's learned statistics, None before any."""

    @abstractmethod
    def latest_story_time(self) -> float | None:
        """The latest activity time (unix seconds) over all stored stories, None when there are none."""

    @abstractmethod
    def merged_story_ids(self) -> list[str]:
        """Ids recorded as merged into another story (never handed out again for a new story)."""

    @abstractmethod
    def line_counts(self) -> list[tuple[str, str, int, str]]:
        """(outlet, line hash, count, stories) rows of the learned recurrent lines."""

    @abstractmethod
    def resolve_story(self, story_id: str) -> str:
        """Follow recorded merges to the story id in use now."""

    @abstractmethod
    def stories(self, query: ArticleQuery = ArticleQuery()) -> list[Story]:
        """Stories with an article matching ``query``, ordered by ``query.sort``: "recent" newest activity
        first, "size" largest first (ties newest first); ``min_size`` counts all of a story's articles."""

    @abstractmethod
    def story(self, story_id: str) -> Story: ...

    @abstractmethod
    def outlets(self) -> list[OutletSummary]:
        """Every outlet with its key, display name and counts of articles and stories, most articles first."""

    @abstractmethod
    def stats(self) -> dict[str, int]: ...

    # --- story anatomy (issue 9) ------------------------------------------------------------------
    @abstractmethod
    def analyses(self, article_ids: Sequence[str]) -> dict[str, dict[str, list[dict[str, Any]]]]:
        """``{article_id: {analyser: findings}}`` for the articles that have any."""

    @abstractmethod
    def stale_analyses(self, versions: dict[str, int], after: str = "", limit: int = 500) -> list[str]:
        """Ids of articles (in id order, after ``after``) missing a result of one of ``versions``' analysers or
        holding an older version of it: what ``reanalyze`` re-runs."""

    @abstractmethod
    def write_analyses(self, rows: Sequence[tuple[str, str, int, str]]) -> None:
        """Replace analyses (``(article_id, analyser, version, JSON)``) in one transaction; the anatomy of the
        stories of those articles is rebuilt on its next read."""

    @abstractmethod
    def story_anatomy(self, story_id: str, version: int) -> str | None:
        """The anatomy JSON of a story as last built by anatomy ``version``, or None (never built, changed since,
        or built by another version)."""

    @abstractmethod
    def save_story_anatomy(self, story_id: str, version: int, anatomy: str) -> None: ...
