"""Wires the steps: read -> clean -> deduplicate -> represent -> cluster -> store. Orchestration only."""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

import numpy as np

from storyweave.analyze.runner import AnalysisRunner, article_text
from storyweave.cluster.base import Features, StoryState
from storyweave.config import Settings
from storyweave.dedup import MinHasher, content_hash
from storyweave.errors import InputError
from storyweave.models import Article, CleanResult, InputItem, ItemError, RawDocument, SkippedItem
from storyweave.recluster import plan_ids
from storyweave.report import IngestReport, count_skipped
from storyweave.store.base import Store, StoredArticle, WriteBatch
from storyweave.timeutil import to_timestamp
from storyweave.versions import VersionTracker
from storyweave.workers import EmbedWorker, WorkerError, limit_blas_threads
from storyweave.writer import BatchWriter

log = logging.getLogger(__name__)

_FAR_FUTURE = float("inf")


def article_id_for(source_id: str) -> str:
    """Stable short id of an article, derived from the id its input gave (or its path and line)."""
    return hashlib.blake2b(source_id.encode("utf-8"), digest_size=6).hexdigest()


def _sort_key(article: Article) -> tuple[float, str]:
    ts = to_timestamp(article.published)
    return (ts if ts is not None else _FAR_FUTURE, article.id)


class Pipeline:
    """Ingest documents into a store, clustering them into stories as they arrive.

    Every step is an object passed in; swapping an embedder or a store means passing another object.
    """

    def __init__(
        self,
        store: Store,
        cleaner,
        representer,
        clusterer,
        settings: Settings = Settings(),
        recurrent=None,
        hasher: MinHasher | None = None,
        worker_factory: Callable[[], EmbedWorker] | None = None,
        analysis: AnalysisRunner | None = None,
        analysis_in_worker: bool = False,
    ):
        self.store = store
        self.cleaner = cleaner
        self.representer = representer
        self.clusterer = clusterer
        self.settings = settings
        self.recurrent = recurrent
        self.hasher = hasher or MinHasher(threshold=settings.dedup_threshold)
        self.versions = VersionTracker(store)
        self._restored = False
        self._newest: float | None = None
        self._worker_factory = (
            worker_factory  # started by the first ingest, so a pipeline that never ingests spawns nothing
        )
        self._worker: EmbedWorker | None = None
        self._writer: BatchWriter | None = None
        self.analysis = analysis  # per-article anatomy, stored with the article in the same transaction
        # the embedding worker runs the same analysers (those of ``settings.analysers``) beside the embedder
        self.analysis_in_worker = analysis_in_worker and analysis is not None

    # --- public -------------------------------------------------------------------------------
    def ingest(
        self, items: Iterable[InputItem], progress: Callable[[IngestReport], None] | None = None
    ) -> IngestReport:
        """Clean, deduplicate, cluster and store ``items`` batch by batch.

        With an embedding worker, batch N is embedded in the worker while this process cleans batch N + 1;
        batch N is then deduplicated, described and clustered before batch N + 1, and committed by the writing
        thread while batch N + 1 is prepared (deduplication sees it meanwhile), so the result is the same as with
        ``workers = 0``. Every batch is committed when this returns.
        """
        report = IngestReport()
        self.versions.begin()
        self._restore()
        parallel = self._embed_worker() is not None
        limit = limit_blas_threads(1) if parallel else contextlib.nullcontext()
        if parallel and self._writer is None:
            handle = self.store.open_writer()
            self._writer = BatchWriter(handle) if handle is not None else None
        with limit:
            try:
                self._ingest(items, report, progress)
            except BaseException:
                if self._worker is not None and self._worker.outstanding:  # a batch was embedded for nothing:
                    self._worker.close()  # a fresh worker for the next ingest, in step with its tickets
                    self._worker = None
                raise
            finally:
                if self._writer is not None:
                    self._writer.wait()  # every batch is committed when ingest returns; raises a failed write
        return report

    def _ingest(
        self,
        items: Iterable[InputItem],
        report: IngestReport,
        progress: Callable[[IngestReport], None] | None,
    ) -> None:
        pending: _Batch | None = None
        buffer: list[RawDocument] = []
        for item in items:
            report.read += 1
            if isinstance(item, ItemError):
                report.failed += 1
                report.errors.append(str(item))
            elif isinstance(item, SkippedItem):
                report.skipped += 1
                report.skips.append(str(item))
                report.skipped_reasons[item.reason] = report.skipped_reasons.get(item.reason, 0) + 1
            else:
                buffer.append(item)
            if len(buffer) >= self.settings.batch_size:
                pending = self._advance(pending, buffer, report, progress)
                buffer = []
        if buffer:
            pending = self._advance(pending, buffer, report, progress)
        if pending is not None:
            self._finish(pending, report)
        if progress:
            progress(report)

    def close(self) -> None:
        """End the embedding worker and the writing thread, if they run."""
        if self._worker is not None:
            self._worker.close()
            self._worker = None
        if self._writer is not None:
            self._writer.close()
            self._writer = None

    def _advance(
        self,
        pending: _Batch | None,
        raws: Sequence[RawDocument],
        report: IngestReport,
        progress: Callable[[IngestReport], None] | None,
    ) -> _Batch | None:
        """Prepare ``raws``; finish the batch before it (which overlapped with this one in the worker)."""
        batch = self._prepare(raws, report, pending)
        if pending is not None:
            self._finish(pending, report)
            if progress:
                progress(report)
        if batch is not None and batch.ticket is None:  # computed here: nothing to overlap with
            self._finish(batch, report)
            if progress:
                progress(report)
            return None
        return batch

    def warm_up(self) -> None:
        """Load every model and table now rather than on the first articles (for honest timings): the language
        detector, the HTML extractor, the embedder and the place tables (the embedder in the worker when one runs)."""
        samples = [
            RawDocument(
                source="warm-up",
                format="text",
                text="Firefighters said on Monday, 3 May 2021, that the "
                "fire in Aleppo was under control.\nRead more: example.com",
            ),
            RawDocument(
                source="warm-up",
                format="html",
                html="<html><head><title>Incendie</title></head><body>"
                "<article><p>Les pompiers ont dit lundi que l'incendie était maîtrisé.</p></article></body></html>",
            ),
            RawDocument(
                source="warm-up", format="text", text="Пожарные заявили в понедельник, что пожар потушен."
            ),
        ]
        for raw in samples:
            try:
                self.cleaner.clean(raw)  # no side effects: nothing is learned from these
            except InputError:
                pass
        if self.representer is None:
            return
        worker = self._embed_worker()
        cached = {}
        if worker is not None:
            try:
                worker.wait_ready()
                cached = {
                    "warm-up": np.zeros(self.representer.embedder.dim, dtype=np.float32)
                }  # embedded there
            except WorkerError as exc:
                self._drop_worker(exc)
        self.representer.features(
            [
                Article(
                    id="warm-up",
                    source_id="warm-up",
                    title="Fire in Aleppo",
                    text=samples[0].text or "",
                    lang="en",
                    published=None,
                    outlet=None,
                )
            ],
            cached=cached,
        )

    # --- steps --------------------------------------------------------------------------------
    def _restore(self, exclude: frozenset[str] = frozenset()) -> None:
        """Load the clusterer's stories from the store (once per pipeline), as one long run would hold them: all of
        them while there are at most ``max_active_stories``; above that, those active in the last ``active_days``,
        and the older ones come back when an article near their time arrives (as after an eviction)."""
        if self._restored or self.clusterer is None:
            return
        self._restored = True

        saved = self.store.clusterer_statistics()
        if saved is not None:
            self.clusterer.import_statistics(json.loads(saved[0]), saved[1])
        newest = self.store.latest_story_time()
        if self.store.count_stories() <= self.settings.max_active_stories:
            since = None
        elif newest is not None:
            since = newest - self.settings.active_days * 86400
        else:
            since = None
        states = [
            StoryState.from_record(json.loads(s), blob) for s, blob in self.store.story_states(since=since)
        ]
        self.clusterer.restore([s for s in states if s.id not in exclude], evicted_before=since)
        self._newest = newest

    def _clean(self, raws: Sequence[RawDocument], report: IngestReport) -> list[_Item]:
        """Cleaned articles of ``raws`` that are new or updated (see ``storyweave.versions``)."""
        out: list[_Item] = []
        for raw, decision in zip(raws, self.versions.sort(raws), strict=True):
            if decision.warning:
                report.warnings.append(decision.warning)
            if decision.kind == "unchanged":
                report.unchanged += 1
                continue
            try:
                result = self.cleaner.clean(raw)
            except InputError as exc:
                report.failed += 1
                report.errors.append(str(ItemError(raw.source, exc.reason, exc.line or raw.line)))
                continue
            except Exception as exc:  # a bug on one item must not stop the rest
                log.exception("cleaning %s failed", raw.location)
                report.failed += 1
                report.errors.append(str(ItemError(raw.source, f"internal error: {exc}", raw.line)))
                continue
            old = decision.replaces
            if decision.kind == "check" and content_hash(result.text) in decision.legacy:
                report.unchanged += 1  # stored before input hashes were kept, with this very text
                continue
            if old is not None and _same_version(old, result):
                report.unchanged += 1  # the input changed (markup, a tracking parameter) but not the article
                continue
            source_id = old.source_id if old is not None else decision.source_id
            article = Article(
                id=old.id if old is not None else article_id_for(source_id),
                source_id=source_id,
                title=result.title,
                text=result.text,
                lang=result.lang,
                published=result.published,
                outlet=result.outlet,
                authors=tuple(result.authors),
                url=result.url,
                removed=tuple(result.removed),
                removed_reasons=tuple(result.removed_reasons),
                extra=dict(raw.extra),
                outlet_name=result.outlet_name,
            )
            out.append(_Item(article, decision.identity.key, decision.digest, old, result))
        return out

    def _deduplicate(self, items: list[_Item]) -> list[StoredArticle]:
        articles = [item.article for item in items]
        hashes = [content_hash(a.text) for a in articles]
        earlier = self.store.find_by_content_hash(hashes)
        signatures = [self.hasher.signature(a.text) for a in articles]
        bands = [self.hasher.band_keys(sig) if sig is not None else () for sig in signatures]
        # one store query for the whole batch: earlier articles sharing an LSH band with any of them
        wanted = {b for keys in bands for b in keys}
        stored_candidates = self.store.near_duplicate_candidates(sorted(wanted))
        inflight = self._writer.inflight if self._writer is not None else None
        if (
            inflight is not None
        ):  # the batch being committed counts as stored (it is newer than everything there)
            for digest, first in inflight.hashes.items():
                earlier.setdefault(digest, first)
            stored_candidates = stored_candidates + [
                (i, sig) for i, sig, keys in inflight.signatures if wanted.intersection(keys)
            ]
        stored: list[StoredArticle] = []
        batch_sigs: list[tuple[str, bytes, tuple[int, ...]]] = []
        for item, digest, signature, keys in zip(items, hashes, signatures, bands, strict=True):
            article = item.article
            original = earlier.get(digest)
            if original == article.id:  # an update whose text did not change is no copy of itself
                original = None
            if original is None and signature is not None:
                band_set = set(keys)
                candidates = stored_candidates + [
                    (i, s) for i, s, b in batch_sigs if band_set.intersection(b)
                ]
                original = self.hasher.best_match(signature, [c for c in candidates if c[0] != article.id])
            if original is None:
                earlier[digest] = article.id
                if signature is not None:
                    batch_sigs.append((article.id, signature.tobytes(), keys))
            else:
                article = replace(article, duplicate_of=original)
                keys = ()  # copies never serve as originals
            stored.append(
                StoredArticle(
                    article=article,
                    content_hash=digest,
                    signature=signature.tobytes() if signature is not None else None,
                    bands=keys,
                    identity=item.identity,
                    raw_hash=item.digest,
                    replaces=item.replaces,
                )
            )
        return stored

    def _cluster(
        self,
        stored: list[StoredArticle],
        batch: WriteBatch,
        reuse: bool = False,
        dense: dict[str, np.ndarray] | None = None,
        features: dict[str, Features] | None = None,
        cached: dict[str, np.ndarray] | None = None,
    ) -> list[StoredArticle]:
        """Assign stories in publish order; ``reuse``: take dense vectors cached in the store (already stored
        articles); ``dense``: vectors computed before (by the embedding worker) for these articles; ``features``
        and ``cached``: the originals' features computed before, and the vectors of theirs the store holds."""
        stored = sorted(stored, key=lambda s: _sort_key(s.article))
        articles = [s.article for s in stored]
        originals = [a for a in articles if a.duplicate_of is None]
        model = self.representer.embedder.name
        fresh = dense or {}
        cached = cached or {}
        if features is None:
            cached = (
                {
                    k: np.frombuffer(v, dtype=np.float32)
                    for k, v in self.store.embeddings([a.id for a in originals], model).items()
                }
                if reuse
                else {}
            )
            features = {
                f.article_id: f for f in self.representer.features(originals, cached={**fresh, **cached})
            }
        # the story of each original copied from an earlier batch, resolved through merges
        dup_parents = {a.duplicate_of for a in articles if a.duplicate_of} - set(features)
        parent_story = self.store.story_of(sorted(p for p in dup_parents if p)) if dup_parents else {}
        inflight = self._writer.inflight if self._writer is not None else None
        if inflight is not None:
            for parent in dup_parents:
                if parent and parent not in parent_story and parent in inflight.stories:
                    parent_story[parent] = inflight.stories[parent]
        emptied = self._forget_replaced(stored)
        assigned: dict[str, str] = {}
        out: list[StoredArticle] = []
        # originals first (in publish order), then copies, which follow their original wherever it went
        for item in [s for s in stored if s.article.duplicate_of is None] + [
            s for s in stored if s.article.duplicate_of
        ]:
            article = item.article
            if article.duplicate_of is None:
                feats = features[article.id]
                story_id = self.clusterer.learn_one(feats)
                if article.id not in cached:
                    batch.embeddings.append(
                        (article.id, model, np.asarray(feats.dense, dtype=np.float32).tobytes())
                    )
            else:
                parent = article.duplicate_of
                story_id = assigned.get(parent) or parent_story.get(parent)
                if story_id is None:
                    feats = self.representer.features([article], cached=fresh)[0]
                    story_id = self.clusterer.learn_one(feats)
                else:
                    story_id = self.clusterer.resolve(story_id)
            old_story = emptied.get(article.id)
            if (
                old_story is not None
            ):  # an update left its old story empty: the old id now means the new story
                self.clusterer.retire(old_story, story_id)
            assigned[article.id] = story_id
            ts = to_timestamp(article.published)
            if ts is not None:
                self._newest = ts if self._newest is None else max(self._newest, ts)
            out.append(replace(item, article=replace(article, story_id=story_id)))
        for event in self.clusterer.drain_events():
            if event.kind == "merge":
                batch.merges.append((event.old, event.new))
        # resolve assignments made before a merge in this batch
        out = [
            replace(s, article=replace(s.article, story_id=self.clusterer.resolve(s.article.story_id)))
            for s in out
        ]
        states = list(self.clusterer.dirty_states())
        if self._newest is not None and self.clusterer.active_stories() > self.settings.max_active_stories:
            # memory is bounded: stories quiet for active_days leave memory (they stay in the store)
            states += list(self.clusterer.evict(self._newest - self.settings.active_days * 86400))
        meta, blob = self.clusterer.export_statistics()
        batch.statistics = (json.dumps(meta), blob)
        latest = {}
        for state in states:
            latest[state.id] = state
        for state in latest.values():
            record, blob = state.to_record()
            last = record.get("last") if record.get("last") is not None else record.get("touched")
            batch.story_states.append((state.id, json.dumps(record), blob, last))
        return out

    def _forget_replaced(self, stored: list[StoredArticle]) -> dict[str, str]:
        """Take the replaced versions of updated articles out of their stories; returns article id -> old story id
        for the stories that this left empty."""
        olds = [
            s.replaces
            for s in stored
            if s.replaces is not None and s.replaces.story_id and s.replaces.duplicate_of is None
        ]  # a copy followed its original without being learned
        if not olds:
            return {}
        story_ids = sorted({self.clusterer.resolve(o.story_id) for o in olds if o.story_id})
        self.clusterer.restore(
            StoryState.from_record(json.loads(meta), blob)
            for meta, blob in self.store.story_states_by_id(story_ids)
        )
        model = self.representer.embedder.name
        vectors = {
            k: np.frombuffer(v, dtype=np.float32)
            for k, v in self.store.embeddings([o.id for o in olds], model).items()
        }
        emptied = {}
        for old in olds:
            if old.id not in vectors:
                continue
            feats = self.representer.features([old], cached=vectors)[0]
            story_id = self.clusterer.resolve(old.story_id or "")
            if self.clusterer.forget_one(feats, story_id):
                emptied[old.id] = story_id
        return emptied

    def recluster(self, articles: Sequence[Article], old_story_ids: Sequence[str]) -> dict[str, int]:
        """Cluster stored ``articles`` again, their old stories (``old_story_ids``) set aside, and write the result
        in one transaction. Ids stay stable (``storyweave.recluster.plan_ids``); the learned term statistics are
        not saved (these articles were counted when first ingested), so the same recluster twice decides the
        same. Returns what changed, in counts."""
        self._restore(exclude=frozenset(old_story_ids))
        untouched = set(self.clusterer.story_ids())
        batch = WriteBatch()
        stored = [StoredArticle(article=replace(a, story_id=None), content_hash="") for a in articles]
        originals = [a for a in articles if a.duplicate_of is None]
        model = self.representer.embedder.name
        cached = {
            k: np.frombuffer(v, dtype=np.float32)
            for k, v in self.store.embeddings([a.id for a in originals], model).items()
        }
        features = self.representer.features(originals, cached=cached)
        self.clusterer.unobserve(features)  # learning them again counts them again
        done = self._cluster(stored, batch, features={f.article_id: f for f in features}, cached=cached)
        new_of = {s.article.id: s.article.story_id for s in done if s.article.story_id}
        fresh = set(new_of.values()) - untouched
        taken = untouched | set(self.store.merged_story_ids())
        plan = plan_ids(new_of, {a.id: a.story_id for a in articles}, fresh, taken - set(old_story_ids))
        live = set(new_of.values())
        states = []
        for sid, record, blob, last in batch.story_states:
            if sid not in live:
                continue  # merged away during the recluster, or evicted unchanged: nothing new to store
            meta = json.loads(record)
            meta["id"] = plan.rename.get(sid, sid)
            states.append((meta["id"], json.dumps(meta), blob, last))
        batch.story_states = states
        batch.drop_stories = sorted(set(old_story_ids))
        batch.merges = plan.merges
        batch.story_assignments = [(a, plan.rename.get(s, s)) for a, s in new_of.items()]
        batch.statistics = None
        self.store.write_batch(batch)
        return plan.report

    def _embed_worker(self):
        if self._worker is None and self._worker_factory is not None and self.clusterer is not None:
            try:
                self._worker = self._worker_factory()
            except Exception as exc:  # no worker is slower, not wrong
                self._worker_factory = None  # a failed start is not retried
                log.warning("embedding worker did not start (%s); embedding in this process", exc)
        return self._worker

    def _prepare(
        self, raws: Sequence[RawDocument], report: IngestReport, pending: _Batch | None
    ) -> _Batch | None:
        """Clean ``raws`` and hand their articles to the embedding worker (when one runs)."""
        items = self._clean(raws, report)
        if not items:
            return None
        articles = [item.article for item in items]
        ticket = None
        worker = self._embed_worker()
        if worker is not None and self.representer is not None:
            texts = [self.representer.dense_text(a) for a in articles]
            sent = [asdict(article_text(a)) for a in articles] if self.analysis_in_worker else None
            try:
                ticket = worker.submit(texts, sent)
            except WorkerError as exc:
                self._drop_worker(exc)
        return _Batch(items=items, ticket=ticket)

    def _learn_lines(self, items: list[_Item], batch: WriteBatch) -> None:
        """Feed the cleaned lines of a batch to the recurrent-line learner with the story each article went to (a
        line recurring within one story is background, across many stories boilerplate); its changes go into
        the batch's transaction."""
        story_of = {s.article.id: s.article.story_id for s in batch.articles}
        for item in items:
            if item.cleaned is not None:
                self.cleaner.learn_one(item.cleaned, story_of.get(item.article.id))
        batch.line_counts = self.recurrent.drain_changes() if self.recurrent is not None else []

    def _drop_worker(self, exc: Exception) -> None:
        log.warning("%s; embedding in this process from now on", exc)
        if self._worker is not None:
            self._worker.close()
        self._worker = None
        self._worker_factory = None  # a worker that failed is not started again

    def _finish(self, pending: _Batch, report: IngestReport) -> None:
        """Deduplicate, cluster and write one prepared batch in one transaction."""
        dense = None
        found: dict[str, list[list[Any]]] = {}  # analyses the worker computed, by article id
        if pending.ticket is not None and self._worker is not None:
            try:
                vectors, analyses = self._worker.fetch(pending.ticket)
                dense = {item.article.id: vectors[k] for k, item in enumerate(pending.items)}
                if analyses is not None:
                    found = {item.article.id: analyses[k] for k, item in enumerate(pending.items)}
            except WorkerError as exc:
                self._drop_worker(exc)
        stored = self._deduplicate(pending.items)
        batch = WriteBatch()
        batch.articles = self._cluster(stored, batch, dense=dense) if self.clusterer is not None else stored
        self._learn_lines(pending.items, batch)
        if self.analysis is not None:
            batch.analyses = [
                (s.article.id, str(name), int(version), str(result))
                for s in batch.articles
                for name, version, result in (
                    found[s.article.id] if s.article.id in found else self.analysis.run(s.article)
                )
            ]
        if self._writer is not None:
            self._writer.write(batch, report)  # committed while the next batch is prepared
        else:
            count_skipped(self.store.write_batch(batch), batch, report)
        report.updated += sum(1 for s in batch.articles if s.replaces is not None)
        report.stored += sum(1 for s in batch.articles if s.replaces is None)
        report.duplicates += sum(1 for s in batch.articles if s.article.duplicate_of and s.replaces is None)
        report.merges += len(batch.merges)


@dataclass(frozen=True)
class _Item:
    """A cleaned article with what the store records beside it: its identity, input hash, and the version it
    replaces (an update)."""

    article: Article
    identity: str
    digest: str
    replaces: Article | None = None
    cleaned: CleanResult | None = (
        None  # what cleaning made of it: its lines are learned once its story is known
    )


@dataclass
class _Batch:
    """A cleaned batch waiting for its vectors from the worker: the unit written in one transaction."""

    items: list[_Item]
    ticket: int | None


def _same_version(old: Article, result: CleanResult) -> bool:
    """Whether a cleaned new version says what the stored one says (title, text and every description; the URL
    may be spelled another way)."""
    return (old.title, old.text, old.lang, old.published, old.outlet, tuple(old.authors)) == (
        result.title,
        result.text,
        result.lang,
        result.published,
        result.outlet,
        tuple(result.authors),
    )
