"""Online story clustering: each article joins the best-matching active story or opens a new one.

Decision
--------
Candidates for an article are the ``candidates`` active stories whose centroid is nearest to its dense vector,
plus the active stories that share one of its ``anchor_candidates`` rarest anchors (through an inverted index,
anchors mentioned by more than ``max_posting`` stories are skipped). For an article ``a`` and a candidate story
``S`` the scorer computes a logit

    z = bias + w_dense * cos(dense_a, centroid_S)
             + w_terms * cos_tfidf(terms_a, terms_S[lang_a])
             + w_anchors * cos_idf(anchors_a, anchors_S)        (smoothed, see below)
             - w_time * log1p(gap_days) - w_size * log(size_S)

where ``gap_days`` is the distance from the article's own publish time to the story's [first, last] span (0 inside
the span or when either time is unknown), so late arrivals are compared where they belong, not to "now".
IDF is learned online from hashed document frequencies, frozen at each refresh (every 25% growth, at least every
20,000 articles): a value is the same whenever it is computed within an epoch, so ``predict_one`` can look values
up without changing any later decision, and a store that keeps the frozen counts restores them exactly. With a
``TermPrior`` (the engine passes ``BackgroundPrior``: word frequencies per language) IDF counts ``prior_docs``
background documents besides the learned ones, a term in the share of them the prior says, an anchor in none:

    idf(key) = log((N + 1 + prior_docs) / (df(key) + 1 + prior_docs * share(key, lang))) + 1

so an empty store weighs "said" and "Aleppo" as a full one does (without it every key of an empty store weighs
the same and the first decisions differ from later ones). ``prior_docs`` 50 (from 0/50; through ``storyweave
eval``): newswcl50 0.954 -> 0.971, basil 0.936 -> 0.950, ecbplus 0.857 -> 0.865, og2021-titles 0.639 -> 0.644,
gva-longtail 0.885 -> 0.887, meantime equal; the prior on terms alone gave about half of that. The anchor cosine adds ``anchor_prior`` to both squared
norms (``dot / sqrt((|a|^2 + prior)(|S|^2 + prior))``), as if each side also held one anchor of IDF 4 that the
other lacks: two headlines whose only anchors are ubiquitous ones ("Juegos Olímpicos", "Tokio") no longer score a
perfect 1, while sharing a rare name (IDF 8: 64 / (64 + 16)) still counts almost fully. Terms are compared only
with the story's members in the article's language; when the story has none (a cross-lingual match) the missing
term similarity is imputed as
``missing_terms * cos(dense)``. The article joins the best story when ``z > 0``; a story whose span is more
than ``quiet_days`` away from the article needs ``z > quiet_margin``. When, after joining, the runner-up also
scores above ``merge_margin`` (the article is strong evidence that both stories are one), the younger story is
merged into the older one; the younger id stays resolvable through ``resolve``.

A story's span grows only on evidence of its own. An article more than ``extend_days`` before a story's first or
after its last member loses ``extend_margin * max(0, 1 - own)``, where ``own`` sums, over the anchors it shares
with the story, the share of each anchor that belongs to this story: the smaller of 1 / (active stories holding
it) and (members mentioning it) / (documents mentioning it, as frozen for IDF). A suspect's or a victim's name
carries a story on for months (the arrest, the trial); a neighbourhood, a hospital, a city or an outlet's
boilerplate, which look-alike events share, does not, and neither does a high dense or term similarity short of
a near-copy: this stopped one story from collecting the shootings of a Chicago neighbourhood over months. Undated
articles never extend a span. The runner-up's score includes the same penalty, so a merge does not chain either.

Tuned values (``ClusterConfig`` defaults): the weights come from a class-balanced logistic regression of "candidate
is the gold story" on oracle streams of the six clustering corpora pooled with equal weight
(``scripts/fit_scorer.py``: bias -7.9, dense 7.0, terms 12.7, anchors 4.3, time 0.7), then ``bias``, ``w_size`` and
``w_anchors`` were moved by a coordinate search on mean BCubed F1 over the six corpora
(``scripts/search_config.py``): bias -9.5, anchors 5.3, w_size 0.3. Then ``anchor_prior`` 16 (from 0/4/9/16/25)
with ``w_anchors`` raised to 6.5 (beat 5.3 and 7.5) to make up for the smaller cosines, by ``tune_cluster.py`` on
all six corpora: no corpus dropped, og2021-titles and basil gained most. Nine numbers in all (with
``missing_terms``, ``quiet_days``/``quiet_margin``, ``merge_margin``); the same for every corpus and language.
``candidates`` 6 (from 10/6, with ``anchor_candidates`` 10/6): og2021-titles 0.592 -> 0.602, gva-longtail
0.879 -> 0.878, the others equal, and fewer stories to score per article.
``extend_days`` 1 and ``extend_margin`` 8 (from 1/2 days and 0/3/5/8/12; ``tune_cluster.py --evict=0``, as the
product runs below ``max_active_stories``): gva-longtail 0.879 -> 0.882 (pairwise precision 0.72 -> 0.93; its five
largest stories, 27 articles of 24 shootings over 224 days and 17 of 13 over 1,052 days before, now pure),
og2021-titles 0.630 -> 0.643, the other four equal. Scoring extensions against a time-decayed sum of the recent
members' vectors instead of the centroid gained nothing on top (and cost basil 0.0025 alone).

Pair similarity
---------------
``pair_similarity(a, b)`` is not the clustering logit (which answers "does ``a`` join this story?" and is
dominated by its bias and time terms) but a graded similarity of two articles in [0, 1], symmetric in ``a`` and
``b``. It is one fixed linear function of three symmetric components, clipped and rescaled:

    g = PAIR_WEIGHTS . (1, cos(dense_a, dense_b), sqrt(cos_tfidf(terms_a, terms_b)),
                        sqrt(cos_idf(anchors_a, anchors_b)))
    similarity = (clip(g, lo, hi) - lo) / (hi - lo)            with (lo, hi) = PAIR_RANGE

Terms are compared over all words of both articles whatever their languages (names and numbers spelled alike
match across languages; different words simply do not). ``g`` is a least-squares estimate of ``-Overall`` on the
796 SemEval-2022 Task 8 training pairs (1 = same story .. 4 = unrelated); the clip saturates the estimate where the
graded scale does (everything predicted <= 1.8 is "the same story", >= 3.5 "unrelated"). Fitted once by
``scripts/fit_pairs.py``: 5-fold cross-validated Pearson 0.728 (clip chosen inside each fold; 0.695 unclipped)
against 0.662 for the dense cosine alone. Publish times are not used (the pairs carry none).

Memory
------
Only active stories live in memory (with a centroid index: exact numpy search, switching to a usearch HNSW index
above ``exact_limit`` stories). ``evict(before)`` hands back and forgets stories whose last member is older than
``before``; when an article's time falls within ``quiet_days`` of evicted time, ``state_source(since, until)``
is asked for the stories whose span meets ``[since, until]`` and they are restored.
"""

from __future__ import annotations

import hashlib
import heapq
import math
import zlib
from collections.abc import Callable, Iterable
from typing import Any, Protocol

import numpy as np

from storyweave.cluster.base import Assignment, Candidate, Event, Features, StoryState
from storyweave.cluster.config import ClusterConfig
from storyweave.cluster.index import CentroidIndex

DAY = 86400.0
# pair_similarity (see the module docstring): bias, dense cosine, sqrt(term cosine), sqrt(anchor cosine)
PAIR_WEIGHTS = (-4.46, 2.26, 1.91, 0.28)
PAIR_RANGE = (-3.5, -1.8)
StateSource = Callable[[float, float], Iterable[StoryState]]
ANCHORS = "@"  # the IDF table of anchors; terms have one table per language ("?" when unknown)


class TermPrior(Protocol):
    """Background knowledge of how common a term is (``storyweave.cluster.prior.BackgroundPrior``)."""

    def doc_share(self, term: str, lang: str | None) -> float: ...


class _Memory:
    """All mutable state of one clusterer (built on first use, so the constructor only stores arguments)."""

    def __init__(self, dim: int, config: ClusterConfig) -> None:
        self.stories: dict[str, StoryState] = {}
        self.index = CentroidIndex(
            dim,
            config.exact_limit,
            (config.hnsw_connectivity, config.hnsw_expansion_add, config.hnsw_expansion_search),
        )
        self.alias: dict[str, str] = {}
        self.df = np.zeros(1 << config.idf_bits, dtype=np.int32)
        self.docs = 0
        self.dirty: set[str] = set()
        self.dead: dict[str, StoryState] = {}  # merged away, waiting for dirty_states()
        self.events: list[Event] = []
        self.evicted_before: float | None = None
        self.fetched: set[int] = set()
        self.epoch_docs = 0  # IDF is frozen between refreshes so story norms can be cached exactly
        self.df_epoch = (
            self.df.copy()
        )  # the document frequencies at the last refresh, which IDF is computed from
        self.idf: dict[
            str, dict[str, float]
        ] = {}  # part (a language, or ANCHORS) -> key -> IDF in this epoch
        self.anchor_docs: dict[str, int] = {}  # anchor -> documents mentioning it, in this epoch
        self.shares: dict[str, dict[str, float]] = {}  # language -> term -> the prior's document share
        self.buckets: dict[str, int] = {}  # memo of crc32 buckets, bounded
        self.postings: dict[
            str, set[str]
        ] = {}  # anchor -> active stories mentioning it (candidate generation)
        self.norms: dict[str, dict[str, float]] = {}  # story id -> part -> squared norm


class OnlineClusterer:
    """``learn_one(features) -> story id``; ``predict_one(features) -> Assignment`` without side effects."""

    def __init__(
        self,
        config: ClusterConfig = ClusterConfig(),
        state_source: StateSource | None = None,
        prior: TermPrior | None = None,
    ) -> None:
        self.config = config
        self.state_source = state_source
        self.prior = prior
        self._mem: _Memory | None = None

    # ---------- public API ----------
    def predict_one(self, f: Features) -> Assignment:
        mem = self._memory(f.dense.shape[0])
        extra = self._fetch(mem, f.published, commit=False)
        if f.duplicate_story is not None:
            target = self._resolve(mem, f.duplicate_story)
            return Assignment(target, math.inf)
        return self._decide(mem, f, extra)

    def learn_one(self, f: Features) -> str:
        mem = self._memory(f.dense.shape[0])
        self._fetch(mem, f.published, commit=True)
        self._observe(mem, f)
        if f.duplicate_story is not None:
            target = self._resolve(mem, f.duplicate_story)
            story = mem.stories.get(target)
            if story is None:
                story = StoryState(id=target, centroid=np.zeros_like(f.dense, dtype=np.float32))
                mem.stories[target] = story
            self._add(mem, story, f)
            return target
        decision = self._decide(mem, f, {})
        if decision.story_id is None:
            story = StoryState(
                id=self._new_id(mem, f.article_id), centroid=np.zeros_like(f.dense, dtype=np.float32)
            )
            mem.stories[story.id] = story
            self._add(mem, story, f)
            return story.id
        story = mem.stories[decision.story_id]
        self._add(mem, story, f)
        runner = decision.runner_up
        margin = self.config.merge_margin
        strong = decision.score > margin and decision.runner_up_score is not None
        if runner is not None and strong and decision.runner_up_score > margin:  # type: ignore[operator]
            return self._merge(mem, story, mem.stories[runner], f.published)
        return story.id

    def forget_one(self, f: Features, story_id: str) -> bool:
        """Take an article's contribution out of its story (an updated article leaves before its new version is
        learned). Centroid, size, languages, anchors and terms are subtracted; the story's time span is kept.
        The story must be in memory (``restore`` it first). Returns True when the story is left empty: it is then
        gone from memory, and ``retire`` should point its id at wherever the article goes next."""
        mem = self._memory(f.dense.shape[0])
        sid = self._resolve(mem, story_id)
        story = mem.stories.get(sid)
        if story is None:
            return False
        if f.article_id in story.members:
            story.members.remove(f.article_id)
        story.size -= 1
        if story.size <= 0:
            del mem.stories[sid]
            mem.norms.pop(sid, None)
            mem.index.drop(sid)
            self._unpost(mem, story)
            return True
        story.centroid = story.centroid - f.dense.astype(np.float32)
        lang = f.lang or "?"
        if lang in story.langs:
            story.langs[lang] -= 1
            if story.langs[lang] <= 0:
                del story.langs[lang]
        top = self._top_terms(mem, f.terms, f.lang)
        bucket = story.terms.get(lang, {})
        norm = math.sqrt(sum(w * w for w in top.values())) or 1.0
        for key, w in top.items():
            if key in bucket:
                bucket[key] -= w / norm
                if bucket[key] <= 1e-6:
                    del bucket[key]
        for a in f.anchors:
            if a in story.anchors:
                story.anchors[a] -= 1.0
                if story.anchors[a] <= 0:
                    del story.anchors[a]
                    ids = mem.postings.get(a)
                    if ids is not None:
                        ids.discard(sid)
        mem.index.put(sid, story.centroid)
        mem.norms.pop(sid, None)
        mem.dirty.add(sid)
        return False

    def retire(self, old: str, new: str) -> None:
        """Record that story ``old`` (emptied by ``forget_one``) now lives on as ``new``: a merge event, so that
        every id ever shown still resolves."""
        mem = self._mem
        if mem is None or old == new:
            return
        mem.alias[old] = new
        mem.events.append(Event("merge", old, new))

    def resolve(self, story_id: str) -> str:
        """The id a story is known by now (itself unless it was merged into another)."""
        if self._mem is None:
            return story_id
        return self._resolve(self._mem, story_id)

    def drain_events(self) -> list[Event]:
        if self._mem is None:
            return []
        events, self._mem.events = self._mem.events, []
        return events

    def dirty_states(self) -> list[StoryState]:
        """Copies of the stories changed since the last call (merged-away ones carry ``merged_into``)."""
        if self._mem is None:
            return []
        mem = self._mem
        out = []
        for sid in sorted(mem.dirty):
            state = mem.stories.get(sid) or mem.dead.get(sid)
            if state is not None:
                out.append(state.copy())
        mem.dirty.clear()
        mem.dead.clear()
        return out

    def snapshot(self) -> list[StoryState]:
        """Copies of all stories in memory, by id (for inspection and tests)."""
        if self._mem is None:
            return []
        return [self._mem.stories[k].copy() for k in sorted(self._mem.stories)]

    def evict(self, before: float) -> list[StoryState]:
        """Forget stories whose last member was published before ``before``; returns them for the store."""
        if self._mem is None:
            return []
        mem = self._mem
        gone = [s for s in mem.stories.values() if s.last is not None and s.last < before]
        for s in gone:
            del mem.stories[s.id]
            mem.norms.pop(s.id, None)
            mem.index.drop(s.id)
            self._unpost(mem, s)
        mem.evicted_before = before if mem.evicted_before is None else max(before, mem.evicted_before)
        mem.fetched.clear()
        return [s.copy() for s in sorted(gone, key=lambda s: s.id)]

    def restore(self, states: Iterable[StoryState], evicted_before: float | None = None) -> None:
        """Put stories (from ``evict`` or a store) back into memory; merged ones only register their alias.

        ``evicted_before``: stories whose last member is older than this were left in the store (as ``evict``
        does), so an article near that time asks ``state_source`` for them."""
        for state in states:
            mem = self._memory(state.centroid.shape[0])
            if state.merged_into is not None:
                mem.alias[state.id] = state.merged_into
                continue
            if state.id in mem.stories or state.id in mem.alias:
                continue
            mem.stories[state.id] = state.copy()
            mem.index.put(state.id, state.centroid)
            for a in state.anchors:
                mem.postings.setdefault(a, set()).add(state.id)
        if evicted_before is not None and self._mem is not None:
            mem = self._mem
            mem.evicted_before = (
                evicted_before if mem.evicted_before is None else max(evicted_before, mem.evicted_before)
            )
            mem.fetched.clear()

    def story_ids(self) -> list[str]:
        """Ids of the stories held in memory now, sorted."""
        return [] if self._mem is None else sorted(self._mem.stories)

    def active_stories(self) -> int:
        """Stories held in memory now (the rest live in the store)."""
        return 0 if self._mem is None else len(self._mem.stories)

    def export_statistics(self) -> tuple[dict[str, Any], bytes]:
        """The learned document frequencies, for the store: a JSON-safe dict and the zlib-packed counts (the live
        ones, then the ones frozen at the last refresh)."""
        if self._mem is None:
            return {"docs": 0, "epoch_docs": 0, "dim": None}, b""
        mem = self._mem
        meta = {
            "docs": mem.docs,
            "epoch_docs": mem.epoch_docs,
            "dim": mem.index.dim,
            "bits": self.config.idf_bits,
            "frozen": True,
        }
        return meta, zlib.compress(mem.df.tobytes() + mem.df_epoch.tobytes(), 1)

    def import_statistics(self, meta: dict[str, Any], blob: bytes) -> None:
        """Take back what ``export_statistics`` gave, so a new process weighs terms as the old one did."""
        if not blob or meta.get("dim") is None or meta.get("bits") != self.config.idf_bits:
            return
        mem = self._memory(int(meta["dim"]))
        counts = np.frombuffer(zlib.decompress(blob), dtype=np.int32)
        size = mem.df.shape[0]
        if counts.shape[0] not in (size, 2 * size):
            return
        mem.df = counts[:size].copy()
        mem.df_epoch = (
            counts[size:].copy() if counts.shape[0] == 2 * size else mem.df.copy()
        )  # older stores: live
        mem.docs = int(meta["docs"])
        mem.epoch_docs = int(meta["epoch_docs"])
        mem.idf.clear()
        mem.anchor_docs.clear()
        mem.norms.clear()

    def unobserve(self, features: Iterable[Features]) -> None:
        """Take articles out of the document frequencies (a recluster counts them again as it learns them), then
        freeze the frequencies left: reclustering everything starts from the state of an empty store."""
        mem = None
        for f in features:
            mem = self._memory(f.dense.shape[0])
            self._unobserve(mem, f)
        if mem is not None:
            self._refresh(mem)

    def observe_one(self, f: Features) -> None:
        """Count an article in the document frequencies (IDF) without clustering it (e.g. before ``pair_similarity``)."""
        self._observe(self._memory(f.dense.shape[0]), f)

    def explain_one(self, f: Features, include: Iterable[str] = ()) -> list[Candidate]:
        """Every story ``predict_one`` would score for ``f`` (and the stories in ``include``), best first, each with
        the parts of its score (they add up to the score ``predict_one`` compares). No side effects."""
        mem = self._memory(f.dense.shape[0])
        cfg = self.config
        cands = dict(mem.index.search(f.dense, cfg.candidates))
        for sid in [*self._anchor_candidates(mem, f), *(self._resolve(mem, i) for i in include)]:
            if sid in mem.stories and sid not in cands:
                cands[sid] = mem.index.cosine(sid, f.dense)
        prep = self._prepare(mem, f)
        out = []
        for sid, cos in cands.items():
            story = mem.stories[sid]
            dense, terms, anchors, log_gap = self._components(mem, f, story, cos, prep)
            parts = {
                "bias": cfg.bias,
                "dense": cfg.w_dense * dense,
                "terms": cfg.w_terms * terms,
                "anchors": cfg.w_anchors * anchors,
                "time": -cfg.w_time * log_gap,
                "size": -cfg.w_size * math.log(max(story.size, 1)),
                **self._margins(mem, f, story),
            }
            out.append(
                Candidate(
                    story_id=sid,
                    score=sum(parts.values()),  # the logit of _score plus the margins _decide adds
                    dense=dense,
                    terms=terms,
                    anchors=anchors,
                    gap_days=self._gap_days(f.published, story),
                    size=story.size,
                    terms_imputed=not story.terms.get(f.lang or "?"),
                    shared_anchors=tuple(sorted(a for a in f.anchors if a in story.anchors)),
                    contributions=parts,
                )
            )
        return sorted(out, key=lambda c: (-c.score, c.story_id))

    def freeze(self) -> None:
        """Make IDF use every count observed so far (after observing a whole collection with ``observe_one``);
        otherwise it uses the counts frozen at the last refresh."""
        if self._mem is not None:
            self._refresh(self._mem)

    def pair_components(self, a: Features, b: Features) -> tuple[float, float, float]:
        """Symmetric (dense cosine, IDF-weighted term cosine over all words, IDF-weighted anchor cosine) of two
        articles, with the IDF learned so far."""
        mem = self._memory(a.dense.shape[0])
        terms = self._idf_cosine(mem, a.terms, b.terms, (a.lang or "?"), (b.lang or "?"))
        anchors = self._idf_cosine(
            mem, dict.fromkeys(a.anchors, 1.0), dict.fromkeys(b.anchors, 1.0), "@", "@"
        )
        return float(a.dense @ b.dense), terms, anchors

    def pair_similarity(self, a: Features, b: Features) -> float:
        """Graded similarity of two articles in [0, 1] (1: the same story), symmetric; see the module docstring.

        Uses the IDF learned so far: feed the articles through ``learn_one`` or ``observe_one`` first, or every
        term weighs the same."""
        dense, terms, anchors = self.pair_components(a, b)
        bias, w_dense, w_terms, w_anchors = PAIR_WEIGHTS
        g = (
            bias
            + w_dense * dense
            + w_terms * math.sqrt(max(terms, 0.0))
            + w_anchors * math.sqrt(max(anchors, 0.0))
        )
        lo, hi = PAIR_RANGE
        return (min(max(g, lo), hi) - lo) / (hi - lo)

    # ---------- internals ----------
    def _memory(self, dim: int) -> _Memory:
        if self._mem is None:
            self._mem = _Memory(dim, self.config)
        return self._mem

    @staticmethod
    def _resolve(mem: _Memory, story_id: str) -> str:
        seen = 0
        while story_id in mem.alias and seen < 1000:
            story_id = mem.alias[story_id]
            seen += 1
        return story_id

    def _new_id(self, mem: _Memory, article_id: str) -> str:
        base = "s" + hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:12]
        sid, n = base, 1
        while sid in mem.stories or sid in mem.alias:
            n += 1
            sid = f"{base}-{n}"
        return sid

    def _bucket(self, key: str) -> int:
        return zlib.crc32(key.encode("utf-8")) & ((1 << self.config.idf_bits) - 1)

    def _buckets(self, mem: _Memory, key: str) -> int:
        b = mem.buckets.get(key)
        if b is None:
            if len(mem.buckets) > 1_000_000:
                mem.buckets.clear()
            b = mem.buckets[key] = self._bucket(key)
        return b

    @staticmethod
    def _table(mem: _Memory, part: str) -> dict[str, float]:
        """The IDF values computed so far in this epoch for ``part`` (a language's terms, or ``ANCHORS``)."""
        table = mem.idf.get(part)
        if table is None:
            table = mem.idf[part] = {}
        return table

    def _idf(self, mem: _Memory, part: str, key: str) -> float:
        """IDF of a term of language ``part`` or of an anchor (``part`` = ``ANCHORS``), from the document
        frequencies frozen at the last refresh (so a value computed earlier, even by ``predict_one``, is the value
        computed now) plus ``prior_docs`` background documents from ``prior`` (see the module docstring)."""
        table = self._table(mem, part)
        value = table.get(key)
        if value is None:
            share = 0.0
            anchor = part == ANCHORS
            if self.prior is not None and not anchor:
                shares = mem.shares.get(part)
                if shares is None or len(shares) > 1_000_000:
                    shares = mem.shares[part] = {}
                share = shares.get(key, -1.0)
                if share < 0.0:  # the prior never changes: remembered across refreshes
                    share = shares[key] = self.prior.doc_share(key, part if part != "?" else None)
            prior = self.config.prior_docs if self.prior is not None else 0.0
            df = int(mem.df_epoch[self._buckets(mem, ANCHORS + key if anchor else key)])
            value = math.log((mem.epoch_docs + 1.0 + prior) / (df + 1.0 + prior * share)) + 1.0
            table[key] = value
        return value

    def _observe(self, mem: _Memory, f: Features) -> None:
        mem.docs += 1
        keys = [self._buckets(mem, key) for key in f.terms]
        keys.extend(self._buckets(mem, "@" + a) for a in f.anchors)
        np.add.at(mem.df, keys, 1)
        # refresh the frozen IDF every 25% growth (every article while the collection is tiny), at least every 20,000
        if mem.docs >= mem.epoch_docs * 1.25 or mem.docs - mem.epoch_docs >= 20000:
            self._refresh(mem)

    @staticmethod
    def _refresh(mem: _Memory) -> None:
        """Freeze the document frequencies seen so far as the ones IDF is computed from."""
        mem.epoch_docs = mem.docs
        mem.df_epoch = mem.df.copy()
        mem.idf.clear()
        mem.anchor_docs.clear()
        mem.norms.clear()

    def _unobserve(self, mem: _Memory, f: Features) -> None:
        mem.docs = max(0, mem.docs - 1)
        keys = [self._buckets(mem, key) for key in f.terms]
        keys.extend(self._buckets(mem, "@" + a) for a in f.anchors)
        np.subtract.at(mem.df, keys, 1)
        np.maximum(mem.df, 0, out=mem.df)

    def _fetch(self, mem: _Memory, t: float | None, commit: bool) -> dict[str, StoryState]:
        """Stories evicted near ``t`` that are not in memory, loaded from ``state_source``."""
        if self.state_source is None or t is None or mem.evicted_before is None:
            return {}
        window = self.config.quiet_days * DAY
        if t - window >= mem.evicted_before:
            return {}
        day = int(t // DAY)
        if day in mem.fetched:
            return {}
        found = {}
        for state in self.state_source(t - window, t + window):
            if state.merged_into is None and state.id not in mem.stories and state.id not in mem.alias:
                found[state.id] = state
        if commit:
            mem.fetched.add(day)
            self.restore(found.values())
            return {}
        return found

    def _decide(self, mem: _Memory, f: Features, extra: dict[str, StoryState]) -> Assignment:
        cfg = self.config
        cands = mem.index.search(f.dense, cfg.candidates)
        seen = {sid for sid, _ in cands}
        for sid in self._anchor_candidates(mem, f):
            if sid not in seen:
                seen.add(sid)
                cands.append((sid, mem.index.cosine(sid, f.dense)))
        for sid, state in extra.items():
            norm = float(np.linalg.norm(state.centroid))
            cands.append((sid, float(state.centroid @ f.dense) / norm if norm else 0.0))
        scored = []
        prep = self._prepare(mem, f)
        for sid, cos in cands:
            story = mem.stories.get(sid) or extra[sid]
            z = self._score(mem, f, story, cos, prep)
            if z > 0:  # margins only lower a score, and one at or below 0 can neither be joined nor merged
                z += sum(self._margins(mem, f, story).values())
            scored.append((z, sid))
        if not scored:
            return Assignment(None, -math.inf)
        scored.sort(key=lambda x: (-x[0], x[1]))
        best_z, best = scored[0]
        runner, runner_z = (scored[1][1], scored[1][0]) if len(scored) > 1 else (None, None)
        if best_z <= 0:
            return Assignment(None, best_z, best, best_z)
        return Assignment(best, best_z, runner, runner_z)

    def _anchor_candidates(self, mem: _Memory, f: Features) -> list[str]:
        """Active stories sharing one of the article's rarest anchors (a place, a name): the dense top-k alone
        misses the right story among many look-alikes (thousands of shooting reports)."""
        k = self.config.anchor_candidates
        if k <= 0 or not f.anchors:
            return []
        table = self._table(mem, ANCHORS)
        rare = sorted(f.anchors, key=lambda a: (-(table.get(a) or self._idf(mem, ANCHORS, a)), a))[:k]
        out: set[str] = set()
        for a in rare:
            ids = mem.postings.get(a)
            if ids and len(ids) <= self.config.max_posting:
                out.update(sid for sid in ids if sid in mem.stories)
        return sorted(out)

    @staticmethod
    def _unpost(mem: _Memory, story: StoryState) -> None:
        for a in story.anchors:
            ids = mem.postings.get(a)
            if ids is not None:
                ids.discard(story.id)
                if not ids:
                    del mem.postings[a]

    @staticmethod
    def _gap_days(t: float | None, story: StoryState) -> float:
        if t is None or story.first is None or story.last is None:
            return 0.0
        if t < story.first:
            return (story.first - t) / DAY
        if t > story.last:
            return (t - story.last) / DAY
        return 0.0

    def _margins(self, mem: _Memory, f: Features, story: StoryState) -> dict[str, float]:
        """What the decision adds to the logit (all negative; only those that apply): ``quiet`` for a story more
        than ``quiet_days`` away, ``extend`` for an article that would extend the story's span by more than
        ``extend_days`` without anchors of the story's own (see the module docstring)."""
        cfg = self.config
        gap = self._gap_days(f.published, story)
        out = {}
        if gap > cfg.quiet_days:
            out["quiet"] = -cfg.quiet_margin
        if gap > cfg.extend_days:
            missing = max(0.0, 1.0 - self._own_anchors(mem, f, story))
            if missing > 0.0:
                out["extend"] = -cfg.extend_margin * missing
        return out

    def _own_anchors(self, mem: _Memory, f: Features, story: StoryState) -> float:
        """Evidence that the article continues this story rather than a look-alike event: its anchors shared with
        the story, each counted by the share of it that belongs to this story, the smaller of 1 / (active stories
        holding it) and (story members mentioning it) / (documents mentioning it, as frozen for IDF), at most 1.
        A victim's or a suspect's name counts about 1; a neighbourhood, a hospital, a city or an outlet's
        boilerplate that other stories or many documents hold counts little."""
        own = 0.0
        for a in f.anchors:
            count = story.anchors.get(a)
            if count:
                holders = mem.postings.get(a, ())
                docs = self._anchor_docs(mem, a)
                own += min(1.0 / (len(holders) + (story.id not in holders)), count / max(docs, 1))
        return own

    def _anchor_docs(self, mem: _Memory, anchor: str) -> int:
        """Documents mentioning ``anchor``, as frozen at the last refresh (memoised until the next one)."""
        docs = mem.anchor_docs.get(anchor)
        if docs is None:
            docs = mem.anchor_docs[anchor] = int(mem.df_epoch[self._buckets(mem, ANCHORS + anchor)])
        return docs

    def _top_terms(self, mem: _Memory, terms: dict[str, float], lang: str | None) -> dict[str, float]:
        """The article's ``article_terms`` heaviest terms by tf * idf (all of them if fewer)."""
        if len(terms) <= self.config.article_terms:
            return terms
        part = lang or "?"
        table = self._table(mem, part)
        ranked = heapq.nlargest(
            self.config.article_terms,
            terms.items(),
            key=lambda kv: (kv[1] * (table.get(kv[0]) or self._idf(mem, part, kv[0])), kv[0]),
        )
        return dict(ranked)

    def _prepare(self, mem: _Memory, f: Features) -> tuple[dict[str, float], float, dict[str, float], float]:
        """The article side of both IDF cosines: weights times IDF squared, and the squared norm."""
        out: list[Any] = []
        for part, prefix in (
            (self._top_terms(mem, f.terms, f.lang), (f.lang or "?")),
            (dict.fromkeys(f.anchors, 1.0), "@"),
        ):
            table = self._table(mem, prefix)
            vec = {}
            norm = 0.0
            for key, w in part.items():
                i = table.get(key) or self._idf(mem, prefix, key)
                norm += (w * i) ** 2
                vec[key] = w * i * i
            out.extend((vec, norm))
        return out[0], out[1], out[2], out[3]

    def _components(
        self, mem: _Memory, f: Features, story: StoryState, dense_cos: float, prep: Any = None
    ) -> tuple[float, float, float, float]:
        """(dense cosine, term cosine or its imputation, anchor cosine, log1p of the time gap in days)."""
        terms_vec, terms_norm, anchor_vec, anchor_norm = prep or self._prepare(mem, f)
        lang = f.lang or "?"
        story_terms = story.terms.get(lang)
        if story_terms:
            terms = self._cosine(mem, terms_vec, terms_norm, story_terms, (lang or "?"), story.id, lang)
        else:
            terms = self.config.missing_terms * dense_cos
        anchors = self._cosine(mem, anchor_vec, anchor_norm, story.anchors, "@", story.id, "@")
        return dense_cos, terms, anchors, math.log1p(self._gap_days(f.published, story))

    def _score(
        self, mem: _Memory, f: Features, story: StoryState, dense_cos: float, prep: Any = None
    ) -> float:
        cfg = self.config
        d, t, a, g = self._components(mem, f, story, dense_cos, prep)
        return (
            cfg.bias
            + cfg.w_dense * d
            + cfg.w_terms * t
            + cfg.w_anchors * a
            - cfg.w_time * g
            - cfg.w_size * math.log(max(story.size, 1))
        )

    def _cosine(
        self,
        mem: _Memory,
        a: dict[str, float],
        na: float,
        s: dict[str, float],
        prefix: str,
        sid: str,
        part: str,
    ) -> float:
        """IDF-weighted cosine; the story side's norm is cached per (story, part) until the story or IDF changes."""
        if not a or not s:
            return 0.0
        dot = 0.0
        small, large = (a, s) if len(a) <= len(s) else (s, a)
        get = large.get
        for key, w in small.items():  # a loop over the smaller side: no intersection set to build
            other = get(key)
            if other is not None:
                dot += w * other
        if dot == 0.0:
            return 0.0
        live = sid in mem.stories
        cached = mem.norms.get(sid) if live else None
        ns = cached.get(part) if cached is not None else None
        if ns is None:
            table = self._table(mem, prefix)
            ns = 0.0
            for key, w in s.items():
                ws = w * (table.get(key) or self._idf(mem, prefix, key))
                ns += ws * ws
            if live:
                mem.norms.setdefault(sid, {})[part] = ns
        if prefix == "@" and self.config.anchor_prior > 0:
            prior = self.config.anchor_prior
            return dot / math.sqrt((na + prior) * (ns + prior))
        return dot / math.sqrt(na * ns)

    def _idf_cosine(
        self, mem: _Memory, a: dict[str, float], b: dict[str, float], prefix_a: str, prefix_b: str
    ) -> float:
        """Cosine of two weight dicts, each weight times the key's IDF (keys looked up with each side's prefix)."""
        common = a.keys() & b.keys()
        if not common:
            return 0.0

        def weigh(d: dict[str, float], part: str) -> dict[str, float]:
            table = self._table(mem, part)
            return {k: w * (table.get(k) or self._idf(mem, part, k)) for k, w in d.items()}

        wa, wb = weigh(a, prefix_a), weigh(b, prefix_b)
        na = math.sqrt(sum(w * w for w in wa.values()))
        nb = math.sqrt(sum(w * w for w in wb.values()))
        return sum(wa[k] * wb[k] for k in common) / (na * nb) if na and nb else 0.0

    def _accumulate(self, mem: _Memory, story: StoryState, f: Features) -> None:
        cfg = self.config
        story.centroid = story.centroid + f.dense.astype(np.float32)
        story.size += 1
        if f.published is not None:
            story.first = f.published if story.first is None else min(story.first, f.published)
            story.last = f.published if story.last is None else max(story.last, f.published)
        lang = f.lang or "?"
        story.langs[lang] = story.langs.get(lang, 0) + 1
        top = self._top_terms(mem, f.terms, f.lang)
        if top:
            norm = math.sqrt(sum(w * w for w in top.values())) or 1.0
            bucket = story.terms.setdefault(lang, {})
            for key, w in top.items():
                bucket[key] = bucket.get(key, 0.0) + w / norm
            if len(bucket) > 2 * cfg.max_terms:
                story.terms[lang] = self._prune(mem, bucket, (lang or "?"))
        for a in f.anchors:
            story.anchors[a] = story.anchors.get(a, 0.0) + 1.0
        if len(story.anchors) > 2 * cfg.max_terms:
            kept = self._prune(mem, story.anchors, "@")
            for a in story.anchors.keys() - kept.keys():
                ids = mem.postings.get(a)
                if ids is not None:
                    ids.discard(story.id)
                    if not ids:
                        del mem.postings[a]
            story.anchors = kept
        if len(story.members) < cfg.max_members:
            story.members.append(f.article_id)

    def _prune(self, mem: _Memory, weights: dict[str, float], prefix: str) -> dict[str, float]:
        ranked = sorted(weights.items(), key=lambda kv: (-kv[1] * self._idf(mem, prefix, kv[0]), kv[0]))
        return dict(ranked[: self.config.max_terms])

    def _add(self, mem: _Memory, story: StoryState, f: Features) -> None:
        self._accumulate(mem, story, f)
        if f.published is not None:
            story.touched = f.published if story.touched is None else max(story.touched, f.published)
        mem.index.put(story.id, story.centroid)
        mem.norms.pop(story.id, None)
        for a in f.anchors:
            mem.postings.setdefault(a, set()).add(story.id)
        mem.dirty.add(story.id)

    def _merge(self, mem: _Memory, a: StoryState, b: StoryState, t: float | None) -> str:
        def age(s: StoryState) -> tuple[float, str]:
            return (s.first if s.first is not None else math.inf, s.id)

        old, young = (a, b) if age(a) <= age(b) else (b, a)
        old.centroid = old.centroid + young.centroid
        old.size += young.size
        for when in (young.first, young.last):
            if when is not None:
                old.first = when if old.first is None else min(old.first, when)
                old.last = when if old.last is None else max(old.last, when)
        for lang, n in young.langs.items():
            old.langs[lang] = old.langs.get(lang, 0) + n
        for lang, terms in young.terms.items():
            bucket = old.terms.setdefault(lang, {})
            for key, w in terms.items():
                bucket[key] = bucket.get(key, 0.0) + w
            if len(bucket) > 2 * self.config.max_terms:
                old.terms[lang] = self._prune(mem, bucket, (lang or "?"))
        for key, w in young.anchors.items():
            old.anchors[key] = old.anchors.get(key, 0.0) + w
        if len(old.anchors) > 2 * self.config.max_terms:
            old.anchors = self._prune(mem, old.anchors, "@")
        room = self.config.max_members - len(old.members)
        old.members.extend(young.members[: max(0, room)])
        if t is not None:
            old.touched = t if old.touched is None else max(old.touched, t)
        young.merged_into = old.id
        mem.alias[young.id] = old.id
        del mem.stories[young.id]
        self._unpost(mem, young)
        for anchor in old.anchors:
            mem.postings.setdefault(anchor, set()).add(old.id)
        mem.norms.pop(young.id, None)
        mem.norms.pop(old.id, None)
        mem.index.drop(young.id)
        mem.index.put(old.id, old.centroid)
        mem.dead[young.id] = young
        mem.dirty.update((old.id, young.id))
        mem.events.append(Event("merge", young.id, old.id))
        return old.id
