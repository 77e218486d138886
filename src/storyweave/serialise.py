"""One serialiser for what the CLI's ``--json`` and the REST API give: articles with their analyses, stories with
their anatomy."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from storyweave.models import Article, Story

ANALYSES = ("quotes", "figures", "citations")


def article_json(article: Article, analyses: dict[str, list[dict[str, Any]]] | None = None) -> dict[str, Any]:
    """``Article.to_json`` plus ``quotes``, ``figures`` and ``citations`` (empty lists when not analysed)."""
    data = article.to_json()
    found = analyses or {}
    for name in ANALYSES:
        data[name] = found.get(name, [])
    return data


def story_json(story: Story, members: Sequence[Article], anatomy: dict[str, Any] | None) -> dict[str, Any]:
    """``Story.to_json`` plus its articles grouped by outlet and language, and the anatomy keys (``quotes``,
    ``figures``, ``citations``, ``framing``, ``summary``, ``timeline``)."""
    groups: dict[tuple[str, str], list[Article]] = {}
    names: dict[str, str] = {}
    for a in members:
        groups.setdefault((a.outlet or "(unknown outlet)", a.lang or "?"), []).append(a)
        if a.outlet and a.outlet_name:
            names.setdefault(a.outlet, a.outlet_name)
    obj = story.to_json()
    obj["groups"] = [
        {
            "outlet": outlet,
            "outlet_name": names.get(outlet),
            "lang": lang,
            "articles": [
                {
                    "id": a.id,
                    "title": a.title,
                    "published": a.published,
                    "url": a.url,
                    "duplicate_of": a.duplicate_of,
                }
                for a in arts
            ],
        }
        for (outlet, lang), arts in groups.items()
    ]
    obj.update(anatomy or {})
    return obj
