"""Embedders: the offline MiniLM model (pinned and verified), the hashing embedder, and the fallbacks."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from knowledge import embedding_minilm
from knowledge.embedding_hashing import HashingEmbeddings
from knowledge.embedding_minilm import MODEL_SHA256, MiniLMEmbeddings, default_model_path
from knowledge.embeddings import EmbedderUnavailableError, load_embedder
from knowledge.index import StoryIndex
from knowledge.models import Story


def cosine(a: list[float], b: list[float]) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_hashing_embedder_is_deterministic_normalised_and_lexical() -> None:
    emb = load_embedder("hashing")
    assert (emb.name, emb.dimension) == ("hashing", 512)  # type: ignore[attr-defined]
    a, b, c = emb.embed_documents(["Migrating the billing pipelines", "We migrated billing pipeline jobs", "Hiring"])
    assert a == HashingEmbeddings().embed_query("Migrating the billing pipelines")
    assert np.linalg.norm(a) == pytest.approx(1.0, abs=1e-5)
    assert cosine(a, b) > 0.5 > cosine(a, c)
    assert np.linalg.norm(emb.embed_query("")) == 0.0  # nothing to say, no crash


def test_unknown_and_unconfigured_embedders_fail_with_one_line() -> None:
    with pytest.raises(ValueError, match="unknown embedder 'bert'; choose one of: minilm, hashing, openai"):
        load_embedder("bert")
    with pytest.raises(EmbedderUnavailableError, match="OPENAI_API_KEY") as info:
        load_embedder("openai")
    assert "\n" not in str(info.value)


def test_openai_embedder_builds_offline_when_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-not-used")
    emb = load_embedder("openai")
    assert (emb.name, emb.dimension) == ("openai", 1536)  # type: ignore[attr-defined]
    assert emb.model_hash == "openai-text-embedding-3-small"  # type: ignore[attr-defined]


def test_minilm_embeds_meaning(isolated_data_dir: Path) -> None:
    emb = load_embedder()
    assert isinstance(emb, MiniLMEmbeddings) and emb.notice is None
    assert emb.dimension == 384 and emb.model_hash == MODEL_SHA256
    outage, paraphrase, hiring = emb.embed_documents(
        [
            "The database went down during the sale and I led the incident response.",
            "Tell me about a production outage you handled.",
            "How do you grow and hire a team of engineers?",
        ]
    )
    assert len(outage) == 384 and np.linalg.norm(outage) == pytest.approx(1.0, abs=1e-4)
    assert cosine(outage, paraphrase) > cosine(outage, hiring) + 0.1
    # Batching by length must not change a text's vector.
    assert np.allclose(emb.embed_query("Tell me about a production outage you handled."), paraphrase, atol=1e-5)
    # Verification is cached in the data dir per (path, size, mtime).
    cache = json.loads((isolated_data_dir / "model-verified.json").read_text())
    assert cache[str(default_model_path().resolve())]["sha256"] == MODEL_SHA256


def test_minilm_verification_is_not_repeated(monkeypatch: pytest.MonkeyPatch) -> None:
    load_embedder()
    calls: list[Path] = []
    real = embedding_minilm._sha256

    def counting(path: Path) -> str:
        calls.append(path)
        return real(path)

    monkeypatch.setattr(embedding_minilm, "_sha256", counting)
    load_embedder()
    assert default_model_path() not in calls  # only the small tokenizer is re-hashed


def test_tampered_model_falls_back_to_lexical_with_notice(tmp_path: Path) -> None:
    tampered = tmp_path / "model.onnx"
    data = bytearray(default_model_path().read_bytes())
    data[len(data) // 2] ^= 0xFF
    tampered.write_bytes(bytes(data))
    emb = load_embedder("minilm", model_path=tampered)
    assert isinstance(emb, HashingEmbeddings)
    assert emb.notice and "sha256 mismatch" in emb.notice and "\n" not in emb.notice
    assert load_embedder("minilm", model_path=tmp_path / "gone.onnx").notice.startswith(  # type: ignore[attr-defined]
        "minilm embedder unavailable (minilm model not found"
    )


def test_index_searches_lexically_when_minilm_is_tampered(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    tampered = tmp_path / "model.onnx"
    tampered.write_bytes(default_model_path().read_bytes()[:-10] + b"0123456789")
    monkeypatch.setattr(embedding_minilm, "default_model_path", lambda: tampered)
    stories = [
        Story(id="s1", title="Kafka lag", text="Consumer lag on Kafka grew for hours.", source="x.md"),
        Story(id="s2", title="Hiring", text="I hired six engineers in a quarter.", source="x.md"),
    ]
    index = StoryIndex.open(stories, index_dir=tmp_path / "idx", embedder="minilm")
    [notice] = index.notices
    assert notice.startswith("minilm embedder unavailable (minilm model sha256 mismatch at ")
    assert notice.endswith("; using lexical search instead")
    assert index.embedder_name == "bm25"
    assert [h.story.id for h in index.search("kafka consumer lag")] == ["s1"]
    assert not (tmp_path / "idx").exists()  # no index is built for a model we cannot trust


def test_onnx_failure_at_first_use_degrades_to_bm25(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import onnxruntime

    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("[ONNXRuntimeError] : 1 : FAIL : Load model failed\n  at frame 0\n  at frame 1")

    monkeypatch.setattr(onnxruntime, "InferenceSession", broken)
    stories = [
        Story(id="s1", title="Kafka lag", text="Consumer lag on Kafka grew for hours.", source="x.md"),
        Story(id="s2", title="Hiring", text="I hired six engineers in a quarter.", source="x.md"),
    ]
    index = StoryIndex.open(stories, index_dir=tmp_path, embedder="minilm")
    assert index.embedder_name == "bm25"
    assert index.notices == [
        "dense retrieval off (could not load the minilm model: [ONNXRuntimeError] : 1 : FAIL : Load model failed); "
        "searching with BM25 only"
    ]
    assert [h.story.id for h in index.search("hiring engineers")] == ["s2"]
    assert not (tmp_path / "manifest.json").exists()  # nothing half-built is left to trust next time


def test_onnx_passes_at_once_are_bounded_however_many_threads_embed(isolated_data_dir: Path) -> None:
    """50 candidates embedding at once each held a pass's activations: the process grew past 1.6 GB."""
    import threading
    from concurrent.futures import ThreadPoolExecutor

    emb = MiniLMEmbeddings()
    emb.warm()
    real = emb._session
    running, peak, lock = 0, 0, threading.Lock()

    class Counting:  # the real session, with the passes in flight counted
        def __getattr__(self, name: str) -> object:
            return getattr(real, name)

        def run(self, *args: object) -> object:
            nonlocal running, peak
            with lock:
                running += 1
                peak = max(peak, running)
            try:
                return real.run(*args)
            finally:
                with lock:
                    running -= 1

    emb._session = Counting()
    texts = [f"I led incident {i}: the queue backed up and I moved traffic to the standby region." for i in range(24)]
    with ThreadPoolExecutor(max_workers=24) as pool:
        vectors = list(pool.map(lambda i: emb.embed_array(texts[i : i + 12]), range(24)))
    assert all(v.shape[1] == 384 and np.isfinite(v).all() for v in vectors)
    assert 1 <= peak <= 2 * embedding_minilm.MAX_WORKERS
