"""Quotes and speakers scored against gold (issue 9, item 8): the polnear / quotes-de-wikinews layout.

Rows are articles with ``text``, ``lang`` and gold ``quotes`` (``text``, ``start``, ``end``, optional ``spans``
for discontinuous quotes, ``type``, ``speaker``). How they are compared:

- **Match.** A predicted quote matches a gold quote of the same article when the token F1 of their texts is at
  least 0.6. Tokens are words after NFKD, accents removed and case folded; punctuation is ignored. A
  discontinuous gold quote is compared through its pieces (the frame between them, "she said", is not quote
  text). Matching is one-to-one and greedy: the best-F1 pair first.
- **Quote precision / recall / F1** over all quotes. **By type** (direct / indirect) each type is matched on its
  own: gold of that type against predictions of that type; a prediction that the overall matching paired with a
  gold quote of another type is left out of that type's precision (the type label, not the find, was wrong).
  Gold types map to ``direct`` or ``indirect``: German ``reported``, ``free_indirect`` and
  ``indirect_free_indirect`` are indirect. PolNeAR's ``mixed`` (a rule-derived label: quotation marks somewhere
  inside a paraphrase) is neither: its recall (any predicted type) is reported on its own, because the gold span
  is the whole paraphrase, which a finder may call direct or indirect with equal right.
- **Speaker accuracy** on the matched pairs whose gold speaker is a name. A gold speaker is a name when it starts
  with an upper-case letter and its first word is not a pronoun or determiner (``He``, ``The``, ``Der``, ``Ein``,
  ``Sie``, ``Le`` …): "the spokesman", "He", "Die Polizei", "Ein Sprecher" are not judged; "Donald Trump",
  "NY Daily News", "Merkel" are. A prediction is right when its normalised words equal the gold's or one is a
  whole-word run inside the other ("Trump" ~ "Donald J. Trump"); a missing predicted speaker is wrong.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from storyweave.analyze.base import Analyser, ArticleText, Quote

THRESHOLD = 0.6

_WORD = re.compile(r"\w+")
_NOT_NAME_FIRST = frozenset(
    """he she it they we i you his her their its our my this that these those the a an
    er sie es wir ich ihr der die das den dem des ein eine einer einem eines dieser diese dieses man
    il elle ils elles on le la les l un une des ce cette ces
    él ella ellos ellas el los las lo un una uno lui lei egli gli i ele ela eles elas o os as um uma
    он она они оно мы я hij zij ze het de een on ona oni one my ja o bu şu""".split()
)
_DIRECT = frozenset({"direct"})
_INDIRECT = frozenset({"indirect", "reported", "free_indirect", "indirect_free_indirect"})


def tokens(text: str | None) -> list[str]:
    if not text:
        return []
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return [w for w in _WORD.findall(folded) if w != "_"]


def token_f1(a: Sequence[str], b: Sequence[str]) -> float:
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def gold_text(row_text: str, q: dict[str, Any]) -> str:
    spans = q.get("spans")
    if spans:
        return " ".join(row_text[a:b] for a, b in spans)
    return str(q.get("text") or row_text[q["start"] : q["end"]])


def gold_kind(q: dict[str, Any]) -> str:
    kind = str(q.get("type") or "").lower()
    if kind in _DIRECT:
        return "direct"
    if kind in _INDIRECT:
        return "indirect"
    return "mixed" if kind == "mixed" else "indirect"


def is_name(speaker: str | None) -> bool:
    """The rule of the module docstring: upper-case start, first word neither pronoun nor determiner."""
    if not speaker or not speaker.strip():
        return False
    s = speaker.strip()
    if not s[0].isupper():
        return False
    first = tokens(s.split()[0])
    return bool(first) and first[0] not in _NOT_NAME_FIRST


_HONORIFICS = frozenset("mr mrs ms miss dr sir herr frau m mme monsieur madame sr sra senor senora".split())


def _speaker_words(speaker: str | None) -> list[str]:
    words = tokens(speaker.split(",")[0] if speaker else None)
    while words and words[0] in _HONORIFICS:
        words = words[1:]
    if words and words[-1] == "s" and speaker and re.search(r"['’]s\b", speaker):
        words = words[:-1]
    return words


def same_speaker(predicted: str | None, gold: str | None) -> bool:
    a, b = _speaker_words(predicted), _speaker_words(gold)
    if not a or not b:
        return False
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    k = len(short)
    return any(long_[i : i + k] == short for i in range(len(long_) - k + 1))


def match(gold: Sequence[list[str]], pred: Sequence[list[str]]) -> list[tuple[int, int]]:
    """Greedy one-to-one matching by best token F1 (>= THRESHOLD): ``[(gold index, predicted index)]``."""
    pairs = []
    for i, g in enumerate(gold):
        gs = set(g)
        for j, p in enumerate(pred):
            if gs.isdisjoint(p):
                continue
            f = token_f1(g, p)
            if f >= THRESHOLD:
                pairs.append((-f, i, j))
    pairs.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _, i, j in pairs:
        if i not in used_g and j not in used_p:
            used_g.add(i)
            used_p.add(j)
            out.append((i, j))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> dict[str, float | int]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return {
        "gold": n_gold,
        "predicted": n_pred,
        "matched": tp,
        "precision": round(p, 4),
        "recall": round(r, 4),
        "f1": round(2 * p * r / (p + r), 4) if p + r else 0.0,
    }


def _predict(row: dict[str, Any], finder: Analyser) -> list[Quote]:
    article = ArticleText(
        text=row.get("text") or "", title=row.get("title"), lang=row.get("lang"), outlet=row.get("outlet")
    )
    return list(finder.analyse(article))


class _Tally:
    def __init__(self) -> None:
        self.counts: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, predicted, gold
        self.mixed = [0, 0]  # matched, gold
        self.fine: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # gold type -> matched, gold
        self.speakers = [0, 0, 0]  # right, judged, predicted non-null among judged

    def add(self, row: dict[str, Any], found: Sequence[Quote]) -> None:
        text = row.get("text") or ""
        gold = list(row.get("quotes") or [])
        g_tok = [tokens(gold_text(text, q)) for q in gold]
        p_tok = [tokens(q.text) for q in found]
        kinds = [gold_kind(q) for q in gold]
        pairs = match(g_tok, p_tok)
        c = self.counts["all"]
        c[0] += len(pairs)
        c[1] += len(found)
        c[2] += len(gold)
        matched_gold = {i for i, _ in pairs}
        for i, q in enumerate(gold):
            fine = self.fine[str(q.get("type"))]
            fine[1] += 1
            fine[0] += i in matched_gold
            if kinds[i] == "mixed":
                self.mixed[1] += 1
                self.mixed[0] += i in matched_gold
        for i, j in pairs:
            if is_name(gold[i].get("speaker")):
                self.speakers[1] += 1
                self.speakers[0] += same_speaker(found[j].speaker, gold[i].get("speaker"))
                self.speakers[2] += found[j].speaker is not None
        other = {j: kinds[i] for i, j in pairs}
        for kind in ("direct", "indirect"):
            gi = [i for i in range(len(gold)) if kinds[i] == kind]
            pj = [j for j, q in enumerate(found) if q.type == kind and other.get(j, kind) == kind]
            sub = match([g_tok[i] for i in gi], [p_tok[j] for j in pj])
            c = self.counts[kind]
            c[0] += len(sub)
            c[1] += len(pj)
            c[2] += len(gi)

    def result(self) -> dict[str, Any]:
        out: dict[str, Any] = {k: _prf(*self.counts[k]) for k in ("all", "direct", "indirect")}
        if self.mixed[1]:
            out["mixed_recall"] = round(self.mixed[0] / self.mixed[1], 4)
        out["recall_by_gold_type"] = {
            k: {"gold": v[1], "recall": round(v[0] / v[1], 4)} for k, v in sorted(self.fine.items()) if v[1]
        }
        right, judged, named = self.speakers
        out["speaker"] = {
            "judged": judged,
            "accuracy": round(right / judged, 4) if judged else None,
            "predicted_share": round(named / judged, 4) if judged else None,
        }
        return out


def score_quotes(rows: Iterable[dict[str, Any]], finder: Analyser) -> dict[str, Any]:
    """Quote precision/recall/F1 (all, direct, indirect) and speaker accuracy: see the module docstring."""
    tally = _Tally()
    n = 0
    for row in rows:
        if not isinstance(row.get("quotes"), list):
            continue
        n += 1
        tally.add(row, _predict(row, finder))
    return {"articles": n, **tally.result()}


def score_direct_by_language(rows: Iterable[dict[str, Any]], finder: Analyser) -> dict[str, Any]:
    """Direct quotes only, per language: gold ``type == "direct"`` against predicted direct quotes (matched as
    above), with speaker accuracy on the matched pairs whose gold speaker is a name."""
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])  # tp, pred, gold, right, judged
    for row in rows:
        if not isinstance(row.get("quotes"), list):
            continue
        text = row.get("text") or ""
        gold = [q for q in row["quotes"] if gold_kind(q) == "direct"]
        found = [q for q in _predict(row, finder) if q.type == "direct"]
        pairs = match([tokens(gold_text(text, q)) for q in gold], [tokens(q.text) for q in found])
        c = per[str(row.get("lang") or "und")]
        c[0] += len(pairs)
        c[1] += len(found)
        c[2] += len(gold)
        for i, j in pairs:
            if is_name(gold[i].get("speaker")):
                c[4] += 1
                c[3] += same_speaker(found[j].speaker, gold[i].get("speaker"))
    return {
        lang: {**_prf(tp, n_pred, n_gold), "speaker_accuracy": round(right / judged, 4) if judged else None}
        for lang, (tp, n_pred, n_gold, right, judged) in sorted(per.items())
    }
