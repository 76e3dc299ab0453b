"""`python -m evals.load --server URL` against a running `langgraph dev`, as an operator runs it: the figures come
back, and the CPU it cannot measure (a server it did not start) is said in words, not as a bare None."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from evals.langgraph_dev import langgraph_dev


def test_the_load_tool_says_in_words_that_a_servers_cpu_is_not_measured(tmp_path: Path) -> None:
    env = {"INTERVIEWER_DATA_DIR": str(tmp_path / "data"), "INTERVIEWER_EMBEDDER": "hashing",
           "INTERVIEWER_OFFLINE": "1"}
    with langgraph_dev(env) as url:
        command = [sys.executable, "-m", "evals.load", "--users", "2", "--turns", "1", "--think", "0", "--server", url]
        text = subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)
        as_json = subprocess.run([*command, "--json"], cwd=tmp_path, capture_output=True, text=True, timeout=300)
    assert text.returncode == 0, text.stdout + text.stderr
    assert "cpu_ms_per_turn=not-measured" in text.stdout and "None" not in text.stdout
    assert "note: the server's CPU is not measured with --server" in text.stdout
    [row] = json.loads(as_json.stdout)
    assert row["cpu_ms_per_turn"] is None and row["cpu_note"].startswith("the server's CPU is not measured")
    assert row["errors"] == row["lost"] == row["crossed"] == 0

