"""What to do with each input item, given what the store already holds under its identity.

``VersionTracker.sort(raws)`` decides, before any cleaning, for each item of an ingest:

- ``unchanged``: this version (same identity, same input hash) is stored, or was read earlier in this ingest;
- ``new``: a new article; under a weak identity (a path, a line, standard input) that already holds other content,
  it is stored beside the earlier article under its own source id (different content is a different article);
- ``update``: a strong identity (an input id or URL) with new content: the new version replaces the stored one,
  which is kept as a revision.

An input ``id`` repeated with different content inside one ingest is probably an id collision (two articles given
the same id): both are stored, the later one under its own source id, and a warning names both places. A URL
repeated inside one ingest is a re-capture of one page (crawls and WARC files): stored as its own article, which
deduplication then links to the first capture.

Articles stored before identities were recorded carry no input hash; for them the decision ``check`` compares the
cleaned text (``legacy``: content hashes) after cleaning: the same text is unchanged, other text is new (weak) or an
update (strong).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from storyweave.identity import Identity, identity_of, raw_hash, version_key
from storyweave.models import Article, RawDocument
from storyweave.store.base import Store


@dataclass(frozen=True)
class Decision:
    kind: str  # "new", "update", "unchanged" or "check"
    identity: Identity
    digest: str  # the input hash of this version
    source_id: str  # the source id the article is (or would be) stored under
    replaces: Article | None = None  # update / check on a strong identity: the stored version
    legacy: frozenset[str] = frozenset()  # check: content hashes of stored versions without an input hash
    warning: str | None = None


@dataclass
class _Seen:
    digests: set[str] = field(default_factory=set)
    location: str = ""


class VersionTracker:
    """Sorts the items of one ingest into new, updated and unchanged (see the module docstring)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._seen: dict[str, _Seen] = {}

    def begin(self) -> None:
        """Start a new ingest: repeats are judged within one ingest."""
        self._seen = {}

    def sort(self, raws: Sequence[RawDocument]) -> list[Decision]:
        idents = [identity_of(raw) for raw in raws]
        digests = [raw_hash(raw) for raw in raws]
        stored = self.store.versions(sorted({i.key for i in idents}))
        extra_ids = [version_key(i, d) for i, d in zip(idents, digests, strict=True)]
        # a further version's source id can only be taken where the identity already holds something
        maybe = [e for i, e in zip(idents, extra_ids, strict=True) if i.key in stored or i.key in self._seen]
        taken = self.store.known_source_ids(maybe) if maybe else set()
        out = []
        for raw, ident, digest, extra in zip(raws, idents, digests, extra_ids, strict=True):
            out.append(self._decide(raw, ident, digest, extra, stored.get(ident.key, []), extra in taken))
        return out

    def _decide(
        self, raw: RawDocument, ident: Identity, digest: str, extra: str, stored: list, extra_taken: bool
    ) -> Decision:
        seen = self._seen.get(ident.key)
        if seen is not None:
            if digest in seen.digests:
                return Decision("unchanged", ident, digest, ident.key)
            seen.digests.add(digest)
            warning = None
            if ident.kind == "id":
                warning = (
                    f"{raw.location}: id {ident.key!r} was also given at {seen.location} with different"
                    f" content; stored as a separate article with source id {extra!r}"
                )
            return Decision("unchanged" if extra_taken else "new", ident, digest, extra, warning=warning)
        self._seen[ident.key] = _Seen({digest}, raw.location)
        if any(v.raw_hash == digest for v in stored):
            return Decision("unchanged", ident, digest, ident.key)
        if not stored:
            return Decision("new", ident, digest, ident.key)
        legacy = frozenset(v.content_hash for v in stored if v.raw_hash is None)
        if ident.strong:
            first = stored[0]
            current = self.store.get_article(first.article_id)
            return Decision(
                "check" if legacy else "update",
                ident,
                digest,
                first.source_id,
                replaces=current,
                legacy=legacy,
            )
        if extra_taken:
            return Decision("unchanged", ident, digest, extra)
        return Decision("check" if legacy else "new", ident, digest, extra, legacy=legacy)
