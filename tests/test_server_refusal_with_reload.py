"""sweep 33 S2: `langgraph dev` as the README runs it (with its file-watching reloader, no --no-reload) and a
checkpointer the server refuses: the worker printed the one-line refusal and exited, and the reloader went on
waiting for file changes, so the command hung. It now ends within the start-up time with that one line. A real
`langgraph dev` on this repo's langgraph.json (made absolute in a temp folder, as evals.langgraph_dev does)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from evals.langgraph_dev import _config
from evals.stub_openai import free_port


@pytest.mark.parametrize("value", ["bogus", "mysql://x@127.0.0.1/db"])
def test_a_refused_checkpointer_ends_langgraph_dev_with_its_reloader(value: str, tmp_path: Path) -> None:
    env = {**os.environ, "LANGGRAPH_CLI_NO_ANALYTICS": "1", "LANGSMITH_TRACING": "false",
           "INTERVIEWER_CHECKPOINTER": value, "INTERVIEWER_DATA_DIR": str(tmp_path / "data")}  # fmt: skip
    cli = Path(sys.executable).with_name("langgraph")
    proc = subprocess.Popen([str(cli), "dev", "--config", str(_config(tmp_path)), "--port", str(free_port()),
                             "--no-browser"], cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)  # fmt: skip
    try:
        out, _ = proc.communicate(timeout=150)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        pytest.fail(f"langgraph dev still running 150 s after refusing the checkpointer:\n{out.decode()[-2000:]}")
    lines = out.decode(errors="replace").splitlines()
    said = [line for line in lines if line.startswith("interviewer: INTERVIEWER_CHECKPOINTER=")]
    assert len(said) == 1 and "is not a checkpointer this server opens" in said[0], lines[-8:]
    assert not any("Traceback" in line for line in lines), lines[-20:]
