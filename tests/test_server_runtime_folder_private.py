"""sweep 33 S8: `langgraph dev` started under umask 022 made its runtime folder .langgraph_api/ (every thread's
state is kept in it) 0755 in its working folder, while the privacy promise is 0700 folders. A real `langgraph dev`
on this repo's langgraph.json (made absolute in a temp folder, as evals.langgraph_dev does)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from evals.langgraph_dev import _config
from evals.stub_openai import free_port


def test_langgraph_dev_keeps_its_runtime_folder_private_under_umask_022(tmp_path: Path) -> None:
    env = {**os.environ, "LANGGRAPH_CLI_NO_ANALYTICS": "1", "LANGSMITH_TRACING": "false",
           "INTERVIEWER_CHECKPOINTER": "memory:", "INTERVIEWER_DATA_DIR": str(tmp_path / "data")}  # fmt: skip
    cli = Path(sys.executable).with_name("langgraph")
    folder = tmp_path / ".langgraph_api"
    port = free_port()
    proc = subprocess.Popen([str(cli), "dev", "--config", str(_config(tmp_path)), "--port", str(port),
                             "--no-browser", "--no-reload"], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True,
                            preexec_fn=lambda: os.umask(0o022))  # fmt: skip
    try:
        deadline = time.monotonic() + 150
        while not _serving(port):  # started: its runtime folder is made and our app is loaded
            assert proc.poll() is None and time.monotonic() < deadline, "the server never answered"
            time.sleep(0.5)
        mode = folder.stat().st_mode & 0o777
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert mode == 0o700, oct(mode)


def _serving(port: int) -> bool:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/ok", timeout=2) as reply:
            return bool(reply.status == 200)
    except OSError:
        return False
