"""OPENAI_BASE_URL that is not an http(s) URL (file:///etc/passwd) is refused when the server starts, in one line,
as the terminal refuses it (sweep 40 V14: the server started, graded every answer offline and blamed "cannot
connect to the model server", a connection problem, for a setting it never could use). A real `langgraph dev` on
this repo's langgraph.json, and the real CLI in a subprocess, given the same value."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from evals.langgraph_dev import langgraph_dev_process

REPO = Path(__file__).resolve().parents[1]
BAD = "file:///etc/passwd"
MODEL = {"OPENAI_BASE_URL": BAD, "INTERVIEWER_MODEL": "gpt-x", "OPENAI_API_KEY": "sk-test-base-url"}


def test_the_server_refuses_a_base_url_the_terminal_refuses(tmp_path: Path) -> None:
    home = tmp_path / "server"
    env = {"INTERVIEWER_DATA_DIR": str(tmp_path / "data"), "INTERVIEWER_EMBEDDER": "hashing", **MODEL}
    with pytest.raises(RuntimeError, match=r"langgraph dev exited \(2\)"), langgraph_dev_process(env, home=home):
        pass
    lines = (home / "server.log").read_text(errors="replace").splitlines()
    said = [line for line in lines if line.startswith("interviewer: ")]
    assert len(said) == 1 and f"invalid base URL '{BAD}'" in said[0] and "OPENAI_BASE_URL" in said[0], lines[-8:]
    assert "http(s)://" in said[0] and not any("Traceback" in line for line in lines), lines[-20:]
    cli = subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", "director", "--questions", "1",
         "--data-dir", str(tmp_path / "cli")],
        input="", capture_output=True, text=True, cwd=REPO, timeout=120, check=False, env={**os.environ, **MODEL},
    )  # fmt: skip
    assert cli.returncode == 2 and f"invalid base URL '{BAD}'" in cli.stderr, cli.stdout + cli.stderr
