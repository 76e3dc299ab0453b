"""`--embedder openai --base-url <a local server>` embeds the notes through that server, as text, and downloads
nothing at run time (sweep 35 B23: a tokenizer table was fetched from a public host, and offline the session crashed
after the first answer with a raw ConnectionError; every plain --resume then crashed the same way). A server that
cannot be reached turns dense search off with a notice: the session goes on and a plain --resume works."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTES = ("## Story: Cut the build time\n\nS: Builds took 40 minutes and blocked every release.\n"
         "A: I split the test suite across four runners.\nR: Builds take 9 minutes.\n")  # fmt: skip
ANSWER = "I split our test suite across four runners and builds went from 40 minutes to 9.\n"


class _Embeddings(BaseHTTPRequestHandler):
    """POST /v1/embeddings: one small vector per input, from its letters; every request body is kept."""

    seen: ClassVar[list[Any]] = []

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        type(self).seen.append(body)
        texts = body["input"] if isinstance(body["input"], list) else [body["input"]]
        data = [{"object": "embedding", "index": i, "embedding": _vector(t)} for i, t in enumerate(texts)]
        payload = json.dumps({"object": "list", "data": data, "model": body["model"],
                              "usage": {"prompt_tokens": 1, "total_tokens": 1}}).encode()  # fmt: skip
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, *args: Any) -> None:
        pass


def _vector(text: Any) -> list[float]:
    letters = str(text).lower()
    return [1.0 + letters.count(c) for c in "aeioustrnl"]


@pytest.fixture
def server() -> Iterator[str]:
    _Embeddings.seen.clear()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _Embeddings)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}/v1"
    httpd.shutdown()
    httpd.server_close()


def _session(tmp_path: Path, base_url: str, *extra: str) -> subprocess.CompletedProcess[str]:
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    answers = tmp_path / "answers.txt"
    answers.write_text(ANSWER, encoding="utf-8")
    env = {**os.environ, "OPENAI_API_KEY": "sk-test-local", "NO_COLOR": "1",
           # a tokenizer table already on disk would hide a fetch; a public host is unreachable through this proxy
           "TIKTOKEN_CACHE_DIR": str(tmp_path / "no-tiktoken-cache"), "HTTPS_PROXY": "http://127.0.0.1:9",
           "HTTP_PROXY": "http://127.0.0.1:9", "NO_PROXY": "127.0.0.1,localhost"}  # fmt: skip
    env.pop("OPENAI_BASE_URL", None)
    args = ["--role", "director", "--questions", "2", "--follow-ups", "0", "--seed", "3", "--offline",
            "--embedder", "openai", "--base-url", base_url, "--docs", str(notes), "--answers", str(answers),
            "--data-dir", str(tmp_path / "data"), *extra]  # fmt: skip
    return subprocess.run([sys.executable, "-m", "agent.session", *args], capture_output=True, text=True,
                          timeout=180, cwd=REPO, env=env, stdin=subprocess.DEVNULL)  # fmt: skip


def test_the_notes_are_embedded_through_the_given_server_as_text(tmp_path: Path, server: str) -> None:
    done = _session(tmp_path, server)
    assert done.returncode == 3, done.stderr  # one answer for two questions: saved, unfinished; no crash
    assert "Traceback" not in done.stderr and "tiktoken" not in done.stderr + done.stdout, done.stderr
    assert _Embeddings.seen, "the local server was never asked"
    sent = [body["input"] for body in _Embeddings.seen]
    inputs = [x for one in sent for x in (one if isinstance(one, list) else [one])]
    assert all(isinstance(x, str) for x in inputs), inputs[:3]  # text, not tiktoken token ids
    assert any("four runners" in x for x in inputs)


def test_a_server_that_cannot_be_reached_leaves_the_session_resumable(tmp_path: Path) -> None:
    closed = "http://127.0.0.1:9/v1"  # the discard port: nothing listens there
    first = _session(tmp_path, closed)
    assert first.returncode == 3, first.stderr
    out = first.stdout + first.stderr
    assert "Traceback" not in out and "ConnectionError" not in out, out[-2000:]
    assert "could not use http://127.0.0.1:9/v1" in out and "BM25" in out, out[-2000:]
    again = _session(tmp_path, closed, "--resume")
    assert again.returncode in (0, 3), again.stderr
    assert "Resuming session" in again.stdout, again.stdout[-2000:]
