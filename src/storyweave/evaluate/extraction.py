"""`storyweave eval-extraction DIR`: article-body extraction scored as the article-extraction-benchmark does.

DIR holds ``ground-truth.json`` (``{KEY: {"articleBody": ..., "url": ...}}``) and the pages as ``html/KEY.html.gz``
and/or ``text/KEY.txt.gz`` (plain ``.html`` / ``.txt`` files are read too). Each page goes through the Cleaner as
the readers hand it over (an HTML page with its URL, or scraped plain text alone) and the body text it keeps is
scored against the gold body.

Metric (the benchmark's): tokens are ``\\w+`` runs; a text becomes the multiset of its 4-token shingles; per page
tp = shared shingles (multiset minimum), fp = predicted only, fn = gold only, each divided by tp + fp + fn;
precision and recall are averaged over pages (a page with nothing predicted and nothing expected counts as 1);
F1 = 2PR / (P + R) of the two averages.
"""

from __future__ import annotations

import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyweave.errors import InputError, StoryweaveError
from storyweave.models import RawDocument

_TOKEN = re.compile(r"\w+")
MODES = ("html", "text")


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(0, len(tokens) - n + 1)))


def page_scores(predicted: str, gold: str) -> tuple[float, float]:
    """(precision, recall) of one page as the benchmark defines them."""
    pred, true = shingles(predicted), shingles(gold)
    tp = sum((pred & true).values())
    fp = sum(pred.values()) - tp
    fn = sum(true.values()) - tp
    total = tp + fp + fn
    if total == 0:
        return 1.0, 1.0
    tp_r, fp_r, fn_r = tp / total, fp / total, fn / total
    precision = tp_r / (tp_r + fp_r) if tp_r + fp_r else 0.0
    recall = tp_r / (tp_r + fn_r) if tp_r + fn_r else 0.0
    return precision, recall


def _read(path: Path) -> str:
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    return data.decode("utf-8", errors="replace")


def _page(root: Path, mode: str, key: str) -> Path | None:
    folder, ext = ("html", ".html") if mode == "html" else ("text", ".txt")
    for name in (f"{key}{ext}.gz", f"{key}{ext}"):
        path = root / folder / name
        if path.exists():
            return path
    return None


def pages(root: Path, mode: str) -> Iterator[tuple[str, Path, dict[str, Any]]]:
    truth_path = root / "ground-truth.json"
    if not truth_path.exists():
        raise StoryweaveError(
            f"{truth_path}: not found (an extraction benchmark folder holds ground-truth.json)"
        )
    try:
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise StoryweaveError(f"{truth_path}: not readable JSON: {exc}") from exc
    for key in sorted(truth):
        path = _page(root, mode, key)
        if path is not None:
            yield key, path, truth[key]


def evaluate_extraction(folder: str, mode: str = "text", details: bool = False) -> dict[str, Any]:
    """Score the Cleaner's body text on every page of ``folder`` read as ``mode`` ('html' or 'text')."""
    from storyweave.clean import Cleaner

    if mode not in MODES:
        raise StoryweaveError(f"unknown mode {mode!r}; choose one of {', '.join(MODES)}")
    root = Path(folder)
    cleaner = Cleaner()
    precisions: list[float] = []
    recalls: list[float] = []
    per_page: list[dict[str, Any]] = []
    failed = 0
    seconds = 0.0
    for key, path, gold in pages(root, mode):
        content = _read(path)
        raw = (
            RawDocument(source=str(path), format="html", html=content, url=gold.get("url"))
            if mode == "html"
            else RawDocument(source=str(path), format="text", text=content)
        )
        start = time.perf_counter()
        try:
            predicted = cleaner.clean(raw).text
        except InputError:
            predicted = ""
            failed += 1
        seconds += time.perf_counter() - start
        p, r = page_scores(predicted, gold.get("articleBody") or "")
        precisions.append(p)
        recalls.append(r)
        if details:
            per_page.append({"key": key, "precision": round(p, 4), "recall": round(r, 4)})
    if not precisions:
        raise StoryweaveError(f"{root}: no {mode} pages named in ground-truth.json were found")
    precision = sum(precisions) / len(precisions)
    recall = sum(recalls) / len(recalls)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    result: dict[str, Any] = {
        "folder": str(root),
        "mode": mode,
        "pages": len(precisions),
        "failed": failed,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "f1": round(f1, 4),
        "pages_per_second": round(len(precisions) / seconds, 1) if seconds else None,
    }
    if details:
        result["per_page"] = per_page
    return result
