"""A newline, tab or other control character in --base-url or OPENAI_BASE_URL is refused at the start with one
line and exit 2, as other bad base URLs are (sweep 37 B35: the session started and a worker thread printed a
~30-line InvalidURL traceback). The real CLI, no server needed: the refusal comes before any request."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
URLS = ["http://127.0.0.1:9/v1\nX-Extra: 2", "http://127.0.0.1:9/v1\t", "http://127.0.0.1:9/\rv1", "http://h:9/\x07"]


def _session(tmp_path: Path, args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", "director", "--questions", "1", "--follow-ups", "0",
         "--data-dir", str(tmp_path / "data"), *args],
        input="", capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False,
        env={**os.environ, "PYTHONPATH": str(REPO), **env},
    )  # fmt: skip


def _refused_in_one_line(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: the base URL "), proc.stderr
    assert "control character" in lines[0] and "Traceback" not in proc.stderr
    assert proc.stdout == ""  # refused before the banner, the session never started


@pytest.mark.parametrize("url", URLS, ids=["newline", "tab", "return", "bell"])
def test_control_character_in_base_url_option(tmp_path: Path, url: str) -> None:
    _refused_in_one_line(_session(tmp_path, ["--base-url", url], {}))


def test_control_character_in_base_url_env(tmp_path: Path) -> None:
    env = {"OPENAI_BASE_URL": URLS[0], "OPENAI_API_KEY": "sk-test-not-real"}
    _refused_in_one_line(_session(tmp_path, [], env))
