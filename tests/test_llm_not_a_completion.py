"""A model server (or a proxy in front of it) that answers 200 with a body that is not an OpenAI chat completion:
the session falls back to the offline critic with one line saying what came back (sweep43 F7: it said
"LLM unavailable (unexpected AttributeError)" on screen and in the report)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from evals.stub_openai import Action, StubOpenAI
from tests.conftest import REPO

PAGE = "<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>"


def _session(tmp_path: Path, stub: StubOpenAI) -> tuple[subprocess.CompletedProcess[str], str]:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(["I led the platform reorganisation; lead time fell from 9 days to 2 days."]))
    data = tmp_path / "data"
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "agent.session",
            "--role",
            "director",
            "--questions",
            "1",
            "--follow-ups",
            "0",
            "--embedder",
            "hashing",
            "--model",
            "stub-model",
            "--base-url",
            stub.url,
            "--answers",
            str(answers),
            "--data-dir",
            str(data),
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, "OPENAI_API_KEY": "sk-test-0000"},
        timeout=120,
    )
    report = "".join(p.read_text() for p in (data / "reports").glob("*.md"))
    return proc, report


def test_an_html_page_answered_with_200_is_called_not_json(tmp_path: Path) -> None:
    with StubOpenAI() as stub:
        stub.push(*[Action(body=PAGE) for _ in range(8)])
        proc, report = _session(tmp_path, stub)
    assert proc.returncode == 0, proc.stderr
    out = " ".join(proc.stdout.split())
    assert "LLM unavailable (the server's reply was not JSON" in out, out
    assert "not an OpenAI chat completion" in out
    assert "AttributeError" not in out + report and "Error" not in report
    assert "the model failed: the server's reply was not JSON" in " ".join(report.split())
    assert "Score" in out  # the offline critique still shows


def test_a_json_body_without_choices_is_called_not_a_chat_completion(tmp_path: Path) -> None:
    with StubOpenAI() as stub:
        stub.push(*[Action(body=json.dumps({"detail": "upstream unavailable"})) for _ in range(8)])
        proc, report = _session(tmp_path, stub)
    assert proc.returncode == 0, proc.stderr
    out = " ".join(proc.stdout.split())
    assert "LLM unavailable (the server's reply was not an OpenAI chat completion)" in out, out
    assert "Error" not in out + report
