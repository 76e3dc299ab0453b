"""LLM mode through the whole CLI: the mode line, and a dead server falling back to the offline critic on screen."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from evals.stub_openai import free_port
from tests.conftest import REPO


def test_dead_server_falls_back_per_turn_with_a_notice_and_the_session_completes(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(json.dumps(["I led the migration and cut costs from $40K to $25K a month within a quarter."]))
    url = f"http://127.0.0.1:{free_port()}/v1"
    proc = subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", "director", "--questions", "1", "--follow-ups", "0",
         "--embedder", "hashing", "--model", "stub-model", "--base-url", url, "--answers", str(answers)],
        capture_output=True, text=True, cwd=REPO, env={**os.environ, "OPENAI_API_KEY": "sk-test-never-written"},
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout
    assert f"stub-model @ {url}" in out  # the screen says which mode is active
    assert "offline" in out.lower() and "Score" in out  # the notice names the fallback; the critique still shows
    data_dir = Path(os.environ["INTERVIEWER_DATA_DIR"])
    for path in data_dir.rglob("*"):
        if path.is_file():
            assert b"sk-test-never-written" not in path.read_bytes(), f"API key written to {path}"
