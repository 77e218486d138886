"""`storyweave bench` / `make bench`: every benchmark, each in its own process (so peak memory is its own),
written to one JSON file and printed as a Markdown table for docs/benchmarks.md."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from storyweave.errors import StoryweaveError

CLUSTER_CORPORA = ("ecbplus", "gva-longtail", "meantime", "newswcl50", "basil", "og2021-titles")


def _run(args: list[str]) -> dict[str, Any]:
    proc = subprocess.run(
        [sys.executable, "-m", "storyweave", *args, "--json"], capture_output=True, text=True
    )
    if proc.returncode != 0:
        raise StoryweaveError(f"storyweave {' '.join(args)} failed: {proc.stderr.strip()[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo") as fh:
            cpu = next((ln.split(":", 1)[1].strip() for ln in fh if ln.startswith("model name")), cpu)
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, Python {platform.python_version()}"


def pair_language_accuracy(pairs: Path) -> dict[str, Any]:
    """Language detection on the full texts of a SemEval-style pair file (lang1/lang2 are the gold)."""
    from storyweave.clean import Cleaner
    from storyweave.errors import InputError
    from storyweave.evaluate.pairs import load_pairs
    from storyweave.models import RawDocument

    cleaner = Cleaner()
    seen: dict[str, tuple[str, str | None]] = {}
    for number, row in enumerate(load_pairs(pairs), 2):
        for side in ("1", "2"):
            text = row.get(f"text{side}") or ""
            if text in seen:
                continue
            try:
                result = cleaner.clean(RawDocument(source=str(pairs), format="csv", line=number, text=text))
                seen[text] = (row[f"lang{side}"], result.lang)
            except InputError:
                seen[text] = (row[f"lang{side}"], None)
    correct = sum(1 for gold, found in seen.values() if gold == found)
    return {"texts": len(seen), "language_accuracy": round(correct / len(seen), 4) if seen else None}


def run_bench(corpora: str, output: str, echo: Callable[[str], None] = print) -> str:
    root = Path(corpora)
    if not root.is_dir():
        raise StoryweaveError(f"no corpora folder at {root}; pass --corpora PATH")
    results: dict[str, Any] = {"machine": machine(), "ingest": {}, "cluster": {}, "pairs": None}
    for name in ("gva-longtail", "meantime", "og2021-titles"):
        path = root / name / "articles.jsonl"
        if path.exists():
            echo(f"ingest only: {name}")
            results["ingest"][name] = _run(["eval", str(path), "--no-cluster"])
    for name in CLUSTER_CORPORA:
        path = root / name / "articles.jsonl"
        if path.exists():
            echo(f"cluster: {name}")
            results["cluster"][name] = _run(["eval", str(path)])
    pages = root / "aeb-pages"
    if (pages / "ground-truth.json").exists():
        results["extraction"] = {}
        for mode in ("html", "text"):
            echo(f"extraction: aeb-pages as {mode}")
            results["extraction"][mode] = _run(["eval-extraction", str(pages), "--mode", mode])
    anatomy = {
        "polnear": root / "polnear" / "articles.jsonl",
        "quotes-de-wikinews": root / "quotes-de-wikinews" / "articles.jsonl",
        "newsquant": root / "newsquant" / "sentences.jsonl",
        "quotekg": root / "quotekg" / "groups.jsonl",
    }
    for name, path in anatomy.items():
        if path.exists():
            echo(f"anatomy: {name}")
            results.setdefault("anatomy", {})[name] = _run(["eval-anatomy", str(path)])
    gva = root / "gva-longtail" / "articles.jsonl"
    if gva.exists():
        echo("embedding step alone: gva-longtail")
        results["embed_only"] = _run(["eval", str(gva), "--embed-only"])
    pairs = root / "semeval2022-pairs" / "pairs.csv"
    if pairs.exists():
        echo("language: semeval2022-pairs full texts")
        results["pair_language"] = pair_language_accuracy(pairs)
        echo("pairs: semeval2022-pairs")
        results["pairs"] = _run(["eval-pairs", str(pairs)])
    Path(output).parent.mkdir(parents=True, exist_ok=True)
    Path(output).write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return render(results)


def _largest_cell(story: dict[str, Any]) -> str:
    span = "-" if story["span_days"] is None else f"{story['span_days']:.0f}"
    return f"{story['size']} / {story['purity']:.2f} / {story['gold_stories']} / {span}"


def _anatomy_cells(r: dict[str, Any]) -> list[str]:
    q, f, c, links = r.get("quotes"), r.get("figures"), r.get("citations"), r.get("quote_links")
    return [
        f"{q['all']['f1']} / {q['direct']['f1']} / {q['indirect']['f1']}" if q else "-",
        str(q["speaker"]["accuracy"]) if q else "-",
        f"{f['f1']} / {f['unit_f1']}" if f else "-",
        f"{c['precision']} / {c['recall']} / {c['f1']}" if c else "-",
        f"{links['precision']} / {links['recall']} / {links['f1']}" if links else "-",
    ]


def render(results: dict[str, Any]) -> str:
    lines = [
        f"Machine: {results['machine']}",
        "",
        "Ingest, clean and describe (no clustering):",
        "",
        "| corpus | articles | language accuracy | articles/s | peak RSS MB |",
        "|---|---|---|---|---|",
    ]
    for name, r in results["ingest"].items():
        lines.append(
            f"| {name} | {r['articles']} | {r.get('language_accuracy', '-')} | "
            f"{r['articles_per_second']} | {r['peak_rss_mb']} |"
        )
    if results.get("pair_language"):
        pl = results["pair_language"]
        lines.append(
            f"| semeval2022-pairs (full texts, language only) | {pl['texts']} | "
            f"{pl['language_accuracy']} | - | - |"
        )
    lines += [
        "",
        "Whole pipeline (ingest, clean, describe, embed, cluster, store), online, one configuration:",
        "",
        "| corpus | articles | BCubed P | BCubed R | BCubed F1 | pairwise F1 | stories gold/pred | articles/s |"
        " peak RSS MB |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for name, r in results["cluster"].items():
        lines.append(
            f"| {name} | {r['articles']} | {r['bcubed_precision']} | {r['bcubed_recall']} | {r['bcubed_f1']} | "
            f"{r['pairwise_f1']} | {r['stories_gold']}/{r['stories_pred']} | {r['articles_per_second']} | "
            f"{r['peak_rss_mb']} |"
        )
    largest = {
        name: r["largest_stories"] for name, r in results["cluster"].items() if r.get("largest_stories")
    }
    if largest:
        lines += [
            "",
            "The five largest predicted stories (what a user sorting by size opens first): size, purity "
            "(share of the majority gold story), gold stories, span in days:",
            "",
            "| corpus | largest stories (size / purity / gold stories / days) |",
            "|---|---|",
        ]
        for name, stories in largest.items():
            cells = "; ".join(_largest_cell(s) for s in stories)
            lines.append(f"| {name} | {cells} |")
    if results.get("extraction"):
        lines += [
            "",
            "Article-body extraction (aeb-pages, the benchmark's shingle metric; html = the page, text = the page as "
            "scraped Markdown-like text):",
            "",
            "| input | pages | precision | recall | F1 | pages/s |",
            "|---|---|---|---|---|---|",
        ]
        for mode, r in results["extraction"].items():
            lines.append(
                f"| {mode} | {r['pages']} | {r['precision']} | {r['recall']} | {r['f1']} | {r['pages_per_second']} |"
            )
    if results.get("anatomy"):
        lines += [
            "",
            "Story anatomy per article (`storyweave eval-anatomy`): quote F1 all / direct / indirect, speaker accuracy;"
            " figures value F1 / value+unit F1; citations P / R / F1; quote links across languages P / R / F1:",
            "",
            "| corpus | quotes | speakers | figures | citations | quote links |",
            "|---|---|---|---|---|---|",
        ]
        for name, r in results["anatomy"].items():
            lines.append(f"| {name} | {' | '.join(_anatomy_cells(r))} |")
    embed = results.get("embed_only")
    whole = results["cluster"].get("gva-longtail")
    if embed and whole:
        ratio = whole["articles_per_second"] / embed["articles_per_second"]
        lines += [
            "",
            f"Embedding step alone on the same gva-longtail texts ({embed['embedder']}, {embed['threads']} "
            f"threads, title + lead, mean {embed['mean_chars']} chars): {embed['articles_per_second']} "
            f"articles/s; the whole pipeline runs at {ratio:.0%} of that.",
        ]
    if results.get("pairs"):
        p = results["pairs"]
        lines += ["", f"Pair similarity (semeval2022-pairs): Pearson {p['pearson']} over {p['n']} pairs", ""]
        lines += ["| language pair | n | Pearson |", "|---|---|---|"]
        for k, v in p["by_lang_pair"].items():
            lines.append(f"| {k} | {v['n']} | {v['pearson']} |")
    return "\n".join(lines)
