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


def test_openai_base_url_from_the_environment_reaches_a_real_server(tmp_path: Path) -> None:
    """No --base-url and no --model: OPENAI_BASE_URL alone puts the session in LLM mode against that server."""
    from agent.llm.question_facts import level_expectation
    from evals.stub_openai import StubOpenAI
    from knowledge.roles import load_role

    answer = "I split the on-call rota across two teams and cut pages per week from 30 to 8 within a quarter."
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps([answer]))
    env = {k: v for k, v in os.environ.items() if k not in ("OPENAI_API_KEY", "INTERVIEWER_MODEL")}
    with StubOpenAI() as stub:
        env["OPENAI_BASE_URL"] = stub.url
        proc = subprocess.run(
            [sys.executable, "-m", "agent.session", "--role", "director", "--questions", "1", "--follow-ups", "0",
             "--embedder", "hashing", "--answers", str(answers)],
            capture_output=True, text=True, cwd=REPO, env=env, timeout=120,
        )
        requests = list(stub.requests)
    assert proc.returncode == 0, proc.stderr
    assert f"@ {stub.url}" in proc.stdout  # the mode line names the server taken from the environment
    assert len(requests) == 1  # one call for the one answered turn, at the server
    prompt = next(m["content"] for m in requests[0]["messages"] if m["role"] == "user")
    assert f"<answer>\n{answer}\n</answer>" in prompt
    assert "(numbered):\n1. " in prompt  # the planned question's signals went in
    assert level_expectation(load_role("director")) in prompt  # the director pack's level expectation went in
