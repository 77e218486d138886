"""The online clusterer's settings: the scorer's weights and the memory bounds (see ``storyweave.cluster.online``
for what each weight does and how it was tuned)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClusterConfig:
    """The scorer's weights (a logit, see the module docstring) and the memory bounds."""

    bias: float = -9.5
    w_dense: float = 7.0
    w_terms: float = 12.7
    w_anchors: float = 6.5
    w_time: float = 0.7
    w_size: float = 0.3
    missing_terms: float = 0.5
    anchor_prior: float = 16.0
    quiet_days: float = 7.0
    quiet_margin: float = 2.0
    extend_days: float = 1.0
    extend_margin: float = 8.0
    merge_margin: float = 4.0
    candidates: int = 6
    anchor_candidates: int = 10
    prior_docs: float = 50.0  # background documents a TermPrior stands for in the IDF (0: none)
    max_posting: int = 20
    max_terms: int = 150
    article_terms: int = 64
    max_members: int = 200
    idf_bits: int = 20
    exact_limit: int = 1024
    hnsw_connectivity: int = (
        8  # a sparser usearch graph than its defaults: cheaper insertion, same F1 (tuning log)
    )
    hnsw_expansion_add: int = 32
    hnsw_expansion_search: int = 64
