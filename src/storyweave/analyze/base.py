"""The per-article analysers of story anatomy (issue 9): what they read, what they find, and their interface.

An analyser is a pure function of one article: the same :class:`ArticleText` in, the same findings out, no state,
no I/O after its tables are loaded. Each has a ``name`` (the key its findings are stored and shown under:
``quotes``, ``figures``, ``citations``) and a ``version``: the store keeps the version that produced each result,
and ``storyweave reanalyze`` re-runs an analyser on the articles whose stored version is older. Findings are
frozen dataclasses with ``to_json``/``from_json``; offsets index ``ArticleText.text`` (the clean body) unless said
otherwise.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar


@dataclass(frozen=True)
class ArticleText:
    """What an analyser reads: the clean body and what describes it, and the lines cleaning removed with their
    reasons (a removed source credit or embedded post can hold a citation or a quote)."""

    text: str  # the clean body, one paragraph per line
    title: str | None = None
    lang: str | None = None  # ISO 639-1, or "und" / None when unknown
    outlet: str | None = None  # the article's own outlet key (a registered domain, else a name key)
    removed: Sequence[str] = ()
    removed_reasons: Sequence[str] = ()
    published: str | None = None  # ISO 8601 date or datetime


@dataclass(frozen=True)
class Quote:
    text: str  # the quoted words, without the quotation marks
    start: int  # character span of ``text`` in the body
    end: int
    type: str  # "direct" (in quotation marks or a transcript) or "indirect" (reported speech)
    cue: str | None = None  # the reporting verb or phrase ("said", "a déclaré", "sagte", "according to")
    speaker: str | None = (
        None  # a name as the article gives it (pronouns and roles resolved), None rather than a guess
    )

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "type": self.type,
            "cue": self.cue,
            "speaker": self.speaker,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Quote:
        return cls(
            data["text"], data["start"], data["end"], data["type"], data.get("cue"), data.get("speaker")
        )


@dataclass(frozen=True)
class Figure:
    value: float  # the number as a value (100.000 in German -> 100000.0; "six" -> 6.0; "58%" -> 58.0)
    what: (
        str | None
    )  # what it counts, as written and lower-cased ("civilians", "fighters", "people"); None if unclear
    text: str  # the figure as written ("6,000 civilians", "100.000 Einwohner", "$40 billion")
    start: int
    end: int
    unit: str | None = None  # "%", a currency code ("USD", "EUR"), a measure ("km", "t"), or None for a count

    def to_json(self) -> dict[str, Any]:
        return {
            "value": self.value,
            "what": self.what,
            "unit": self.unit,
            "text": self.text,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Figure:
        return cls(
            float(data["value"]), data.get("what"), data["text"], data["start"], data["end"], data.get("unit")
        )


@dataclass(frozen=True)
class Citation:
    outlet: str  # the cited outlet's canonical name ("Reuters", "Associated Press", "RT", "dpa")
    evidence: str  # the sentence or line that credits it
    start: int | None = None  # span of the credit in the body; None when the evidence is a removed line
    end: int | None = None
    key: str | None = None  # the cited outlet's key (its registered domain, e.g. "reuters.com") when known

    def to_json(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet,
            "key": self.key,
            "evidence": self.evidence,
            "start": self.start,
            "end": self.end,
        }

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Citation:
        return cls(data["outlet"], data["evidence"], data.get("start"), data.get("end"), data.get("key"))


class Analyser(ABC):
    """``analyse(article) -> list of findings``: pure, deterministic, safe to call from several threads."""

    name: ClassVar[str]
    version: ClassVar[int]

    @abstractmethod
    def analyse(self, article: ArticleText) -> list[Any]: ...
