"""The analysers a ``Settings.analysers`` value names: the one place that knows them all."""

from __future__ import annotations

from storyweave.analyze.base import Analyser

NAMES = ("quotes", "figures", "citations")


def parse_names(setting: str) -> tuple[str, ...]:
    """``"all"`` -> every analyser; ``"none"`` or ``""`` -> none; else comma-separated names from :data:`NAMES`."""
    value = setting.strip().lower()
    if value == "all":
        return NAMES
    if value in ("", "none"):
        return ()
    names = tuple(dict.fromkeys(n.strip() for n in value.split(",") if n.strip()))
    unknown = [n for n in names if n not in NAMES]
    if unknown:
        raise ValueError(f"unknown analyser {', '.join(unknown)}; choose from all, none, {', '.join(NAMES)}")
    return names


def make_analysers(setting: str = "all") -> list[Analyser]:
    found: list[Analyser] = []
    for name in parse_names(setting):
        if name == "quotes":
            from storyweave.analyze.quotes import QuoteFinder

            found.append(QuoteFinder())
        elif name == "figures":
            from storyweave.analyze.figures import FigureFinder

            found.append(FigureFinder())
        elif name == "citations":
            from storyweave.analyze.citations import CitationFinder

            found.append(CitationFinder())
    return found
