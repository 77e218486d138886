"""Runs the per-article analysers (quotes, figures, citations) on stored articles: one composition point for
ingest and ``reanalyze``. Each result is stored as JSON beside the analyser's name and version."""

from __future__ import annotations

import json
from collections.abc import Sequence

from storyweave.analyze.base import Analyser, ArticleText
from storyweave.models import Article


def article_text(article: Article) -> ArticleText:
    """What analysers read of a stored article."""
    return ArticleText(
        text=article.text,
        title=article.title,
        lang=article.lang,
        outlet=article.outlet,
        removed=tuple(article.removed),
        removed_reasons=tuple(article.removed_reasons),
        published=article.published,
    )


class AnalysisRunner:
    """``run(article)`` -> ``[(analyser name, version, findings as JSON)]`` for every analyser given."""

    def __init__(self, analysers: Sequence[Analyser]):
        self.analysers = tuple(analysers)

    @property
    def versions(self) -> dict[str, int]:
        return {a.name: a.version for a in self.analysers}

    def run(self, article: Article, only: Sequence[str] | None = None) -> list[tuple[str, int, str]]:
        return self.run_text(article_text(article), only)

    def run_text(self, text: ArticleText, only: Sequence[str] | None = None) -> list[tuple[str, int, str]]:
        out = []
        for analyser in self.analysers:
            if only is not None and analyser.name not in only:
                continue
            found = analyser.analyse(text)
            out.append(
                (
                    analyser.name,
                    analyser.version,
                    json.dumps([f.to_json() for f in found], ensure_ascii=False),
                )
            )
        return out
