"""Embed every corpus once (title + lead) into the /tmp cache: python scripts/embed_cache.py [lead_chars]."""

from __future__ import annotations

import sys
import time

from sw_data import CLUSTER_CORPORA, CachedEmbedder, load_corpus, load_pairs

from storyweave.cluster.represent import lead_text
from storyweave.embed.use import USEEmbedder

lead = int(sys.argv[1]) if len(sys.argv) > 1 else 300
emb = CachedEmbedder(USEEmbedder(threads=2))
for name in CLUSTER_CORPORA + ["semeval"]:
    rows = [r for p in load_pairs() for r in p[:2]] if name == "semeval" else load_corpus(name)
    t = time.time()
    emb.embed([lead_text(r.title, r.text, lead) for r in rows])
    emb.save()
    print(name, len(rows), f"{len(rows) / (time.time() - t):.0f}/s", flush=True)
