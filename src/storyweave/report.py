"""What an ingest did with every item it read: the counts a user sees, one place for CLI and API."""

from __future__ import annotations

from dataclasses import dataclass, field

from storyweave.store.base import WriteBatch


@dataclass
class IngestReport:
    read: int = 0
    stored: int = 0
    duplicates: int = 0  # stored, linked to an earlier copy
    unchanged: int = 0  # already in the store: nothing written
    failed: int = 0
    updated: int = 0  # a new version of a stored article (same input id or URL, new content)
    skipped: int = 0  # inputs that are not articles (images, logs, the store itself): not failures
    errors: list[str] = field(default_factory=list)
    skips: list[str] = field(default_factory=list)  # one "path: skipped: reason" line per skipped input
    skipped_reasons: dict[str, int] = field(default_factory=dict)  # reason -> how many inputs
    warnings: list[str] = field(default_factory=list)
    merges: int = 0

    def to_json(self) -> dict[str, object]:
        return {
            "read": self.read,
            "stored": self.stored,
            "duplicates": self.duplicates,
            "updated": self.updated,
            "unchanged": self.unchanged,
            "failed": self.failed,
            "skipped": self.skipped,
            "merges": self.merges,
            "errors": list(self.errors),
            "skipped_reasons": dict(self.skipped_reasons),
            "skips": list(self.skips),
            "warnings": list(self.warnings),
        }


def count_skipped(skipped: list[str], batch: WriteBatch, report: IngestReport) -> None:
    """Articles another writer stored first were not written: count them as unchanged, not stored."""
    if not skipped:
        return
    gone = set(skipped)
    for s in batch.articles:
        if s.article.id in gone:
            report.stored -= 1
            report.unchanged += 1
            if s.article.duplicate_of:
                report.duplicates -= 1
