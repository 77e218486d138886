"""Run Representer + OnlineClusterer over the corpora in stream order and print scores.

    PYTHONPATH=src:scripts python scripts/tune_cluster.py                    # default ClusterConfig
    PYTHONPATH=src:scripts python scripts/tune_cluster.py bias=-8 w_terms=5  # override fields
    PYTHONPATH=src:scripts python scripts/tune_cluster.py --grid bias=-8,-9,-10 w_anchors=2,4
    --evict=DAYS (default 30; 0 = never evict) applies to all modes. The product evicts only above
    Settings.max_active_stories (20,000), so on these corpora --evict=0 is what `storyweave eval` does.
For gva-longtail it also prints the five largest predicted stories as size/purity/gold stories/span in days
(a story that chains unrelated shootings is impure and spans months).

Embeddings come from the /tmp cache (scripts/embed_cache.py fills it); gold labels are used only for scoring.
"""

from __future__ import annotations

import dataclasses
import itertools
import sys
import time

from sw_data import CLUSTER_CORPORA, CachedEmbedder, load_corpus, load_pairs

from storyweave.cluster.base import StoryState
from storyweave.cluster.online import ClusterConfig, OnlineClusterer
from storyweave.cluster.represent import Representer
from storyweave.embed.use import USEEmbedder
from storyweave.evaluate.metrics import bcubed, largest_stories, pairwise, pearson


def parse(args: list[str]) -> dict[str, list[float]]:
    out = {}
    for a in args:
        key, vals = a.split("=", 1)
        out[key] = [float(v) for v in vals.split(",")]
    return out


def make_config(over: dict[str, float]) -> ClusterConfig:
    fields = {f.name: f.type for f in dataclasses.fields(ClusterConfig)}
    kw = {k: (int(v) if fields[k] in ("int", int) else v) for k, v in over.items()}
    return ClusterConfig(**kw)


EVICT_DAYS = float(next((a.split("=")[1] for a in sys.argv if a.startswith("--evict=")), "30"))


def cluster(config: ClusterConfig, feats) -> tuple[dict[str, str], float]:
    """Learn in stream order, evicting stories quiet for EVICT_DAYS into a dict 'store' as the pipeline would."""
    store: dict[str, StoryState] = {}

    def source(since: float, until: float) -> list[StoryState]:
        return [s for s in store.values() if s.first is not None and s.last >= since and s.first <= until]

    clu = OnlineClusterer(config, state_source=source)
    t = time.perf_counter()
    raw = {}
    latest = None
    for n, f in enumerate(feats):
        raw[f.article_id] = clu.learn_one(f)
        if f.published is not None:
            latest = f.published if latest is None else max(latest, f.published)
        if n % 100 == 99:
            for s in clu.dirty_states():
                store[s.id] = s
            if latest is not None and EVICT_DAYS > 0:
                for s in clu.evict(latest - EVICT_DAYS * 86400):
                    store[s.id] = s
    dt = time.perf_counter() - t
    return {k: clu.resolve(v) for k, v in raw.items()}, len(feats) / dt


def semeval(config: ClusterConfig, pairs) -> float:
    clu = OnlineClusterer(config)
    for a, b, _ in pairs:
        clu.observe_one(a)
        clu.observe_one(b)
    sims = [clu.pair_similarity(a, b) for a, b, _ in pairs]
    return pearson(sims, [-y for _, _, y in pairs])


def main() -> None:
    args = sys.argv[1:]
    grid_mode = "--grid" in args
    args = [a for a in args if not a.startswith("--")]
    names = [a for a in args if "=" not in a] or CLUSTER_CORPORA
    over = parse([a for a in args if "=" in a])
    emb = CachedEmbedder(USEEmbedder(threads=2))
    rep = Representer(emb)
    data = {}
    t0 = time.perf_counter()
    for name in names:
        if name == "semeval":
            pairs = load_pairs()
            fa = rep.features([p[0] for p in pairs])
            fb = rep.features([p[1] for p in pairs])
            data[name] = (None, [(a, b, p[2]) for a, b, p in zip(fa, fb, pairs, strict=False)])
        else:
            rows = load_corpus(name)
            data[name] = ({r.id: r.story for r in rows}, rep.features(rows))
    if "semeval" not in names and not grid_mode or "semeval" in names:
        if "semeval" not in data:
            pairs = load_pairs()
            fa = rep.features([p[0] for p in pairs])
            fb = rep.features([p[1] for p in pairs])
            data["semeval"] = (None, [(a, b, p[2]) for a, b, p in zip(fa, fb, pairs, strict=False)])
    emb.save()
    print(f"features in {time.perf_counter() - t0:.1f}s", flush=True)
    keys = list(over)
    for combo in itertools.product(*(over[k] for k in keys)):
        cfg = make_config(dict(zip(keys, combo, strict=False)))
        line = []
        f1s = []
        for name, (gold, feats) in data.items():
            if name == "semeval":
                r = semeval(cfg, feats)
                line.append(f"semeval r={r:.3f}")
                continue
            pred, rate = cluster(cfg, feats)
            p, r, f = bcubed(gold, pred)
            pp, pr, pf = pairwise(gold, pred)
            f1s.append(f)
            largest = ""
            if name == "gva-longtail":
                top = largest_stories(gold, pred, {x.article_id: x.published for x in feats})
                largest = " ".join(
                    f"{s['size']}/{s['purity']:.2f}/{s['gold_stories']}/{s['span_days'] or 0:.0f}d"
                    for s in top
                )
            if grid_mode:
                line.append(f"{name[:6]} {f:.4f}" + (f" [{largest}]" if largest else ""))
            else:
                print(
                    f"{name:15s} B3 P={p:.3f} R={r:.3f} F1={f:.3f} | pair P={pp:.3f} R={pr:.3f} F1={pf:.3f}"
                    f" | {len(set(pred.values()))} stories (gold {len(set(gold.values()))}) | {rate:.0f} art/s",
                    flush=True,
                )
                if largest:
                    print(f"{'':15s} largest (size/purity/gold stories/span): {largest}", flush=True)
        head = " ".join(f"{k}={v:g}" for k, v in zip(keys, combo, strict=False))
        mean = sum(f1s) / len(f1s) if f1s else 0.0
        print(f"[{head}] mean B3F1={mean:.4f} " + " | ".join(line), flush=True)


if __name__ == "__main__":
    main()
