"""Line formats are streamed: memory stays far below the size of the input."""

from __future__ import annotations

import gzip
import json
import tracemalloc
from pathlib import Path

from storyweave.ingest import read_paths
from storyweave.models import RawDocument

MB = 1_000_000


def _write_jsonl(path: Path, size: int, opener=open) -> int:  # type: ignore[no-untyped-def]
    line = (
        json.dumps({"id": "x", "title": "Headline", "text": "Lorem ipsum dolor sit amet. " * 180}) + "\n"
    ).encode()
    block = line * 200
    count = 0
    with opener(path, "wb") as out:
        while count * len(line) < size:
            out.write(block)
            count += 200
    return count


def _peak_while_reading(path: Path) -> tuple[int, int]:
    tracemalloc.start()
    try:
        count = 0
        for item in read_paths([str(path)]):
            assert isinstance(item, RawDocument)
            count += 1
        return count, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_50_mb_jsonl_is_streamed_with_bounded_memory(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl"
    lines = _write_jsonl(path, 50 * MB)
    assert path.stat().st_size >= 50 * MB
    count, peak = _peak_while_reading(path)
    assert count == lines
    assert peak < 5 * MB, f"peak {peak / MB:.1f} MB while reading a {path.stat().st_size / MB:.0f} MB file"


def test_gzipped_jsonl_is_streamed_too(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl.gz"
    lines = _write_jsonl(path, 20 * MB, opener=lambda p, m: gzip.open(p, m, compresslevel=1))
    count, peak = _peak_while_reading(path)
    assert count == lines
    assert peak < 5 * MB


def test_large_csv_is_streamed(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    row = ('x,"' + "Lorem ipsum, dolor sit amet.\n" * 40 + '"\n').encode()
    with open(path, "wb") as out:
        out.write(b"id,text\n")
        out.write(row * 5_000)
    count, peak = _peak_while_reading(path)
    assert count == 5_000
    assert peak < 5 * MB
