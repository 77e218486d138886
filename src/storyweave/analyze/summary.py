"""Summary and timeline, per story: a headline and a few sentences taken from the articles, the first report,
and how the story spread over outlets and languages in time.

``summarise(articles)`` works in one language (default: the story's most common one) and only on the articles in
it. Sentences are vectors of their content words (log term frequency times inverse sentence frequency within the
story; stop words are the language's most frequent words in wordfreq, as in :mod:`.framing`). A sentence's score
is its cosine with the story's centre (the mean of the articles' own unit vectors, so one long article does not
outweigh the rest) times a bonus for coming early in its article (``1 + POSITION_BONUS / (1 + index)``); the
summary takes the best sentences in turn, skipping any whose cosine with one already taken exceeds ``REDUNDANT``.
The headline is the title closest to the centre, or, without titles, the most central first sentence, short ones
preferred (cosine over the square root of the length: ROUGE-1 of the headline against BASIL's event descriptions
without titles 0.234 against 0.195 unweighted, lead baseline 0.199; ``scripts/eval_summary.py``). Only the
first ``SENTENCES_PER_ARTICLE`` sentences of each article are read: leads carry the story, and it keeps a
200-article story fast.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from storyweave.analyze.framing import content_tokens, stop_words
from storyweave.models import Article

SENTENCES_PER_ARTICLE = 12
POSITION_BONUS = 1.0
REDUNDANT = 0.5
HEADLINE_BREVITY = 0.5  # a headline candidate's score is its cosine over (its words ** this): short wins ties
MIN_WORDS = 6  # shorter lines are datelines, bylines and captions
MAX_WORDS = 60

# a sentence ends at . ! ? … (and closing quotes or brackets) before a space and a capital, digit or quote,
# but not after an initial or a short title ("U.S.", "Mr.", "Dr.", "Gen.")
_END = re.compile(r"(?<=[.!?…])[\"'”’»)\]]*\s+(?=[\"'“‘«(\[]?[^\W_a-z])")
_ABBREVIATION = re.compile(
    r"(?:\b[^\W\d_]|\b(?:[^\W\d_]\.)+[^\W\d_]|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Prof|Jr|Sr|"
    r"Sra|Inc|Co|Corp|No|Nr|Hr|Fr|Mme|Mgr|Dott|Sig|Bros|vs|etc|ca|bzw|usw|z\.B))\.$"
)
# "WASHINGTON —", "PARIS (Reuters) -", "March 01, 2008" before the first sentence
_DATELINE = re.compile(r"^[A-ZÀ-Þ][A-ZÀ-Þ .,'/-]{2,}(?:\([^)]{1,40}\))?\s*[—–-]+\s*")
_WORDS = re.compile(r"\w+")


@dataclass(frozen=True)
class SummarySentence:
    text: str
    article_id: str

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "article_id": self.article_id}


@dataclass(frozen=True)
class Summary:
    lang: str | None
    headline: str | None
    sentences: tuple[SummarySentence, ...] = ()
    headline_article_id: str | None = None  # the article the headline comes from

    def to_json(self) -> dict[str, Any]:
        return {
            "lang": self.lang,
            "headline": self.headline,
            "sentences": [s.to_json() for s in self.sentences],
        }


def split_sentences(text: str) -> list[str]:
    """The text's sentences, line by line (a line is a paragraph), a leading dateline removed."""
    out: list[str] = []
    for number, line in enumerate(text.splitlines()):
        line = line.strip()
        if number == 0 or not out:
            line = _DATELINE.sub("", line, count=1)
        start = 0
        for match in _END.finditer(line):
            piece = line[start : match.start()]
            if _ABBREVIATION.search(piece):
                continue
            out.append(piece.strip())
            start = match.end()
        if line[start:].strip():
            out.append(line[start:].strip())
    return [s for s in out if s]


def story_language(articles: Sequence[Article]) -> str | None:
    """The most common language of the articles (ties: the one the earliest article is in)."""
    counts = Counter(a.lang for a in articles if a.lang and a.lang != "und")
    if not counts:
        return None
    first: dict[str, int] = {}
    for a in sorted(articles, key=_when):
        if a.lang:
            first.setdefault(a.lang, len(first))
    return min(counts, key=lambda lang: (-counts[lang], first.get(lang, 0), lang))


def _when(a: Article) -> tuple[str, str]:
    return (a.published or "9999", a.id)


def _vector(tokens: list[str | None], idf: dict[str, float]) -> dict[str, float]:
    tf = Counter(t for t in tokens if t is not None)
    vec = {t: (1.0 + math.log(n)) * idf.get(t, 0.0) for t, n in tf.items()}
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def _cos(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())


@dataclass
class _Candidate:
    text: str
    article_id: str
    position: int
    tokens: list[str | None]
    vector: dict[str, float] | None = None
    score: float = 0.0


def summarise(articles: Sequence[Article], lang: str | None = None, sentences: int = 4) -> Summary:
    """A headline and up to ``sentences`` sentences (see the module), from the articles in ``lang`` (default:
    the story's most common language)."""
    lang = lang or story_language(articles)
    chosen = [a for a in articles if a.lang == lang] if lang else list(articles)
    stops = stop_words(lang)
    candidates: list[_Candidate] = []
    titles: list[_Candidate] = []
    for a in sorted(chosen, key=_when):
        if a.title and len(_WORDS.findall(a.title)) >= 3:
            titles.append(_Candidate(a.title.strip(), a.id, -1, content_tokens(a.title, stops)))
        position = 0
        for sentence in split_sentences(a.text):
            if position >= SENTENCES_PER_ARTICLE:
                break
            n = len(_WORDS.findall(sentence))
            if n < MIN_WORDS:
                continue
            if n <= MAX_WORDS:
                candidates.append(_Candidate(sentence, a.id, position, content_tokens(sentence, stops)))
            position += 1
    if not candidates and not titles:
        return Summary(lang, None)
    df: Counter[str] = Counter()
    for c in (*candidates, *titles):
        df.update({t for t in c.tokens if t is not None})
    n_docs = len(candidates) + len(titles)
    idf = {t: math.log((1 + n_docs) / (1 + k)) + 1.0 for t, k in df.items()}
    per_article: dict[str, Counter[str]] = {}
    for c in candidates:
        per_article.setdefault(c.article_id, Counter()).update(t for t in c.tokens if t is not None)
    centre: Counter[str] = Counter()
    for counts in per_article.values():
        vec = _vector(list(counts.elements()), idf) if counts else {}
        centre.update(vec)
    centre_vec = _vector([], {}) if not centre else _unit(dict(centre))
    for c in (*candidates, *titles):
        c.vector = _vector(c.tokens, idf)
        c.score = _cos(c.vector, centre_vec)
    headline = _headline(titles, candidates)
    picked: list[_Candidate] = []
    ranked = sorted(
        (c for c in candidates if c is not headline),
        key=lambda c: (-c.score * (1.0 + POSITION_BONUS / (1 + c.position)), c.position, c.article_id),
    )
    for c in ranked:
        if len(picked) >= sentences:
            break
        assert c.vector is not None
        vec = c.vector
        if headline is not None and headline.vector is not None and _cos(vec, headline.vector) > 0.9:
            continue  # the headline's own sentence again
        if any(_cos(vec, p.vector or {}) > REDUNDANT for p in picked):
            continue
        picked.append(c)
    return Summary(
        lang,
        headline.text if headline else None,
        tuple(SummarySentence(c.text, c.article_id) for c in picked),
        headline.article_id if headline else None,
    )


def _unit(vec: dict[str, float]) -> dict[str, float]:
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in vec.items()} if norm else {}


def _headline(titles: list[_Candidate], candidates: list[_Candidate]) -> _Candidate | None:
    pool = titles or [c for c in candidates if c.position == 0] or candidates
    if not pool:
        return None
    return max(pool, key=lambda c: (c.score / len(c.tokens) ** HEADLINE_BREVITY, -len(c.text)))


def timeline(articles: Sequence[Article]) -> list[dict[str, Any]]:
    """The articles in publishing order (undated last): ``[{published, article_id, outlet, lang}]``."""
    return [
        {"published": a.published, "article_id": a.id, "outlet": a.outlet, "lang": a.lang}
        for a in sorted(articles, key=_when)
    ]


def first_report(articles: Sequence[Article]) -> dict[str, Any] | None:
    """The earliest dated article: ``{published, article_id, outlet, lang, title}``; None when none is dated."""
    dated = [a for a in articles if a.published]
    if not dated:
        return None
    a = min(dated, key=_when)
    return {
        "published": a.published,
        "article_id": a.id,
        "outlet": a.outlet,
        "lang": a.lang,
        "title": a.title,
    }


def spread(articles: Sequence[Article]) -> dict[str, Any]:
    """How the story spread: per outlet and per language, when it first wrote about it and how many articles."""
    out: dict[str, Any] = {"outlets": {}, "languages": {}}
    for a in sorted(articles, key=_when):
        for key, value in (("outlets", a.outlet), ("languages", a.lang)):
            if value:
                entry = out[key].setdefault(value, {"first": a.published, "articles": 0})
                entry["articles"] += 1
    return out
