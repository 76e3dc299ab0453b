"""Start a real LangGraph Server (`langgraph dev`, langgraph-cli[inmem]) serving this repo's interview graph.

Used by the service tests and `python -m evals.load --spawn-server`. The server runs from a temp folder with
its own langgraph.json (absolute paths into this repo), so several servers (parallel tests) never share the
dev server's `.langgraph_api` folder, and nothing lands in the repo.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from evals.stub_openai import free_port

REPO = Path(__file__).resolve().parent.parent


def _config(folder: Path, auth: str | None = None) -> Path:
    """The repo's langgraph.json (what a deployment serves), its relative paths made absolute; `auth`: an auth
    handler ("path/to/module.py:auth") to serve with, as a deployment that configures auth does."""
    config = json.loads((REPO / "langgraph.json").read_text(encoding="utf-8"))
    if auth:
        config["auth"] = {**config.get("auth", {}), "path": auth}

    def absolute(ref: str) -> str:
        return f"{REPO}/{ref.removeprefix('./')}" if ref.startswith("./") else ref

    config["dependencies"] = [str(REPO)]
    config["graphs"] = {name: absolute(ref) for name, ref in config["graphs"].items()}
    if "checkpointer" in config:
        config["checkpointer"]["path"] = absolute(config["checkpointer"]["path"])
    if "http" in config:
        config["http"]["app"] = absolute(config["http"]["app"])
    if "auth" in config:
        config["auth"]["path"] = absolute(config["auth"]["path"])
    path = folder / "langgraph.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    return path


@contextmanager
def langgraph_dev(
    env: dict[str, str], jobs: int = 20, home: Path | None = None, auth: str | None = None
) -> Iterator[str]:
    """Yield the base URL of a running `langgraph dev`; `env` is added to this process's environment (the
    server's configuration: INTERVIEWER_DATA_DIR, OPENAI_*, INTERVIEWER_CHECKPOINTER ...). Stopped on exit.

    home: the server's working folder (its thread records); a later server with the same home is a restart.
    auth: an auth handler to serve with (langgraph.json's `auth.path`)."""
    with langgraph_dev_process(env, jobs, home, auth=auth) as (url, _):
        yield url


@contextmanager
def langgraph_dev_process(
    env: dict[str, str], jobs: int = 20, home: Path | None = None, timeout: float = 180.0, auth: str | None = None
) -> Iterator[tuple[str, int]]:
    """As langgraph_dev, yielding (base URL, the server's process group id)."""
    folder = home or Path(tempfile.mkdtemp(prefix="interviewer-server-"))
    folder.mkdir(parents=True, exist_ok=True)
    port = free_port()
    cli = Path(sys.executable).with_name("langgraph")
    full_env = {**os.environ, "LANGGRAPH_CLI_NO_ANALYTICS": "1", "LANGSMITH_TRACING": "false", **env}
    log = (folder / "server.log").open("ab")
    proc = subprocess.Popen(
        [str(cli), "dev", "--config", str(_config(folder, auth)), "--port", str(port), "--no-browser", "--no-reload",
         "--n-jobs-per-worker", str(jobs)],
        cwd=folder, env=full_env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(url, proc, folder / "server.log", timeout)
        yield url, proc.pid  # start_new_session: the pid is the group id
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait()
        log.close()
        if home is None:
            shutil.rmtree(folder, ignore_errors=True)


def langgraph_dev_reloading(env: dict[str, str], folder: Path, timeout: float = 150.0) -> list[str]:
    """Run `langgraph dev` as the README does (its file-watching reloader on) until the command ends, `env` added to
    this process's environment; its output lines. For a server that refuses to start: TimeoutError, with the
    output's tail, when the command is still running after `timeout` s (it is killed then)."""
    full_env = {**os.environ, "LANGGRAPH_CLI_NO_ANALYTICS": "1", "LANGSMITH_TRACING": "false", **env}
    cli = Path(sys.executable).with_name("langgraph")
    proc = subprocess.Popen([str(cli), "dev", "--config", str(_config(folder)), "--port", str(free_port()),
                             "--no-browser"], cwd=folder, env=full_env, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        raise TimeoutError(f"langgraph dev still running after {timeout:.0f} s:\n{out.decode()[-2000:]}") from None
    return out.decode(errors="replace").splitlines()


TEST_TOKEN = "interviewer-test-client-token"  # a server without INTERVIEWER_AUTH_SECRET takes any token this long


def dev_client(url: str, token: str = TEST_TOKEN) -> Any:
    """A langgraph-sdk sync client that signs in with `token` (agent.service_auth: every request needs one)."""
    from langgraph_sdk import get_sync_client

    return get_sync_client(url=url, headers={"Authorization": f"Bearer {token}"})


def wait_warm(client: Any, role: str, timeout: float = 180.0) -> str:
    """Wait until the server's critic warm-up for `role` is over (GET /interviewer/warm-up, agent.service_warm:
    a session of the pack starts it); its end state, "ready" or "failed". The warm-up loads ~200 MB the process
    keeps: a measurement of the server's memory or first turns starts after it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        state = (client.http.get("/interviewer/warm-up").get("packs") or {}).get(role)
        if state in ("ready", "failed"):
            return str(state)
        time.sleep(0.2)
    raise TimeoutError(f"the server's critic warm-up for {role} did not end in {timeout:.0f} s")


def _wait_ready(url: str, proc: subprocess.Popen[bytes], log: Path, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"langgraph dev exited ({proc.returncode}):\n{log.read_text(errors='replace')[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/ok", timeout=2) as reply:
                if reply.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    raise RuntimeError(f"langgraph dev did not answer in {timeout:.0f} s:\n{log.read_text(errors='replace')[-3000:]}")
