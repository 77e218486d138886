"""The reads behind the views (listings, stories, outlets, counts) of :class:`~storyweave.store.postgres.PostgresStore`:
a mixin using the store's connection ``_db``, the counterpart of the reads in :mod:`storyweave.store.sqlite`, with
the same orders (NULLs placed where SQLite places them, ids compared byte-wise) and the same story summaries."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from storyweave.clean.outlet import name_key, outlet_key
from storyweave.errors import NotFoundError, QueryError
from storyweave.models import Article, Story
from storyweave.store.base import ArticleQuery, OutletSummary
from storyweave.store.postgres_search import tsquery
from storyweave.store.records import ARTICLE_COLUMNS, check_articles_query, row_to_article, story_from_rows
from storyweave.timeutil import to_timestamp


def _page(query: ArticleQuery) -> tuple[str, list[Any]]:
    """LIMIT/OFFSET as bound parameters; a limit of 0 or None lists everything, as in SQLite's -1."""
    if not query.limit and not query.offset:
        return "", []
    return " LIMIT %s OFFSET %s", [query.limit or None, query.offset]


class PostgresViews:
    _db: Any  # psycopg.Connection

    def _rows(self, sql: str, args: Sequence[Any]) -> list[dict[str, Any]]:
        """Rows as dicts; PostgreSQL rejecting the search becomes a QueryError, not a traceback."""
        import psycopg
        from psycopg.rows import dict_row

        try:
            with self._db.cursor(row_factory=dict_row) as cur:
                return cur.execute(sql, args).fetchall()
        except psycopg.errors.SyntaxError as exc:
            raise QueryError(f"the search is not valid full-text syntax ({str(exc).strip()})") from exc

    def get_article(self, article_id: str) -> Article:
        rows = self._rows(
            f"SELECT {ARTICLE_COLUMNS} FROM articles WHERE id = %s OR source_id = %s ORDER BY seq LIMIT 1",
            (article_id, article_id),
        )
        if not rows:
            raise NotFoundError(f"no article with id {article_id!r}; list ids with `storyweave articles`")
        return row_to_article(rows[0])

    def _where(self, query: ArticleQuery) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        args: list[Any] = []
        if query.lang:
            clauses.append("a.lang = %s")
            args.append(query.lang)
        if query.outlet:
            clauses.append("a.outlet = ANY(%s)")
            args.append(self._outlet_keys(query.outlet))
        if query.since:
            clauses.append("a.published_ts >= %s")
            args.append(to_timestamp(query.since))
        if query.until:
            clauses.append("a.published_ts < %s")
            args.append(to_timestamp(query.until, end_of_day=True))
        if query.story_id:
            clauses.append("a.story_id = %s")
            args.append(self.resolve_story(query.story_id))
        if query.search:
            clauses.append("a.search @@ to_tsquery('storyweave', %s)")
            args.append(tsquery(query.search))
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", args

    def _outlet_keys(self, value: str) -> list[str]:
        """The outlet keys an ``--outlet`` value names (as :meth:`SQLiteStore._outlet_keys`)."""
        given = " ".join(value.split())
        keys = {given, given.casefold(), outlet_key(given) or given}
        key_of_name = name_key(value)
        if key_of_name:
            rows = self._db.execute(
                "SELECT DISTINCT outlet FROM outlet_names WHERE name_key = %s", (key_of_name,)
            )
            keys.update(r[0] for r in rows)
        return sorted(keys)

    def outlets(self) -> list[OutletSummary]:
        names: dict[str, dict[str, int]] = {}
        for key, name, n in self._db.execute(
            "SELECT outlet, outlet_name, count(*) FROM articles WHERE outlet IS NOT NULL AND outlet_name IS NOT NULL"
            " GROUP BY outlet, outlet_name"
        ):
            names.setdefault(key, {})[name] = n
        found = []
        for key, articles, stories in self._db.execute(
            "SELECT outlet, count(*), count(DISTINCT story_id) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet"
        ):
            seen = sorted(names.get(key, {}).items(), key=lambda item: (-item[1], item[0]))
            found.append(
                OutletSummary(
                    key=key,
                    name=seen[0][0] if seen else None,
                    articles=int(articles),
                    stories=int(stories),
                    names=tuple(name for name, _ in seen),
                )
            )
        found.sort(key=lambda o: (-o.articles, o.key))
        return found

    def articles(self, query: ArticleQuery = ArticleQuery()) -> Iterator[Article]:
        check_articles_query(query)
        where, args = self._where(query)
        cols = ", ".join(f"a.{c.strip()}" for c in ARTICLE_COLUMNS.split(","))
        sql = f"SELECT {cols} FROM articles a{where} ORDER BY a.published_ts IS NULL, a.published_ts, a.id"
        page, page_args = _page(query)
        return (row_to_article(row) for row in self._rows(sql + page, args + page_args))

    def count_matching_articles(self, query: ArticleQuery = ArticleQuery()) -> int:
        check_articles_query(query)
        where, args = self._where(query)
        return int(self._rows(f"SELECT count(*) AS n FROM articles a{where}", args)[0]["n"])

    def count_articles(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM articles").fetchone()[0])

    def resolve_story(self, story_id: str) -> str:
        seen = {story_id}
        current = story_id
        while True:
            row = self._db.execute("SELECT new_id FROM story_merges WHERE old_id = %s", (current,)).fetchone()
            if row is None or row[0] in seen:
                return current
            current = row[0]
            seen.add(current)

    def _matching_stories(self, query: ArticleQuery) -> tuple[str, list[Any]]:
        """SELECT of (id, last_ts, size) of the stories with an article matching ``query``, ``min_size`` applied;
        ``size`` counts all of a story's articles, not only the matching ones."""
        where, args = self._where(query)
        extra = " AND " if where else " WHERE "
        size = "count(*)" if not where else "(SELECT count(*) FROM articles m WHERE m.story_id = a.story_id)"
        sql = (
            f"SELECT a.story_id AS id, max(a.published_ts) AS last_ts, {size} AS size FROM articles a"
            + where
            + extra
            + "a.story_id IS NOT NULL GROUP BY a.story_id"
        )
        if query.min_size is not None:
            sql = f"SELECT * FROM ({sql}) g WHERE size >= %s"
            args.append(query.min_size)
        return sql, args

    def count_matching_stories(self, query: ArticleQuery = ArticleQuery()) -> int:
        sql, args = self._matching_stories(query)
        return int(self._rows(f"SELECT count(*) AS n FROM ({sql}) s", args)[0]["n"])

    def stories(self, query: ArticleQuery = ArticleQuery()) -> list[Story]:
        sql, args = self._matching_stories(query)
        order = {
            "recent": "last_ts DESC NULLS LAST, id",  # SQLite sorts NULL lowest: last when descending
            "size": "size DESC, last_ts DESC NULLS LAST, id",
        }[query.sort]
        page, page_args = _page(query)
        ids = [
            r["id"] for r in self._rows(f"SELECT id FROM ({sql}) s ORDER BY {order}{page}", args + page_args)
        ]
        members: dict[str, list[dict[str, Any]]] = {i: [] for i in ids}
        rows = self._rows(
            "SELECT story_id, id, title, lang, outlet, published, published_ts FROM articles"
            " WHERE story_id = ANY(%s)",
            (ids,),
        )
        for row in rows:
            members[row["story_id"]].append(row)
        return [story_from_rows(i, members[i]) for i in ids]

    def story(self, story_id: str) -> Story:
        resolved = self.resolve_story(story_id)
        rows = self._rows(
            "SELECT id, title, lang, outlet, published, published_ts FROM articles WHERE story_id = %s",
            (resolved,),
        )
        if not rows:
            raise NotFoundError(f"no story with id {story_id!r}; list ids with `storyweave stories`")
        return story_from_rows(resolved, rows)

    def stats(self) -> dict[str, int]:
        row = self._db.execute(
            "SELECT count(*), count(*) FILTER (WHERE duplicate_of IS NOT NULL), count(DISTINCT story_id),"
            " count(DISTINCT outlet), count(DISTINCT lang) FROM articles"
        ).fetchone()
        keys = ("articles", "duplicates", "stories", "outlets", "languages")
        return {k: int(v) for k, v in zip(keys, row, strict=True)}
