"""A numeric INTERVIEWER_* setting given a value it does not accept (INTERVIEWER_LLM_THREADS=0, INTERVIEWER_LLM_TIMEOUT
or INTERVIEWER_INDEX_CACHE_MB of letters) is refused at start with one line naming the variable and what it accepts,
by the server and by the terminal, as a short INTERVIEWER_AUTH_SECRET is (sweep 37 V21: the server started without
a word and used the default; 0 threads silently meant 32). Unset or empty is still the default. A real `langgraph dev`
on this repo's langgraph.json, and the real CLI in a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from agent import env_settings
from evals.langgraph_dev import langgraph_dev_process

REPO = Path(__file__).resolve().parents[1]
SERVER_CASES = [("INTERVIEWER_LLM_TIMEOUT", "abc", "a number of seconds above 0"),
                ("INTERVIEWER_LLM_THREADS", "0", "a whole number of model calls at once, 1 or more"),
                ("INTERVIEWER_INDEX_CACHE_MB", "abc", "a whole number of megabytes, 1 or more")]  # fmt: skip


@pytest.mark.parametrize(("name", "given", "accepts"), SERVER_CASES, ids=[c[0] for c in SERVER_CASES])
def test_server_refuses_a_bad_value_in_one_line(name: str, given: str, accepts: str, tmp_path: Path) -> None:
    home = tmp_path / "server"
    env = {"INTERVIEWER_DATA_DIR": str(tmp_path / "data"), "INTERVIEWER_EMBEDDER": "hashing", name: given}
    with pytest.raises(RuntimeError, match=r"langgraph dev exited \(2\)"), langgraph_dev_process(env, home=home):
        pass
    lines = (home / "server.log").read_text(errors="replace").splitlines()
    said = [line for line in lines if line.startswith("interviewer: ")]
    assert len(said) == 1 and said[0].startswith(f"interviewer: {name}={given} is not accepted"), lines[-8:]
    assert accepts in said[0] and not any("Traceback" in line for line in lines), lines[-20:]


CLI_CASES = [("INTERVIEWER_LLM_THREADS", "-4"), ("INTERVIEWER_INDEX_CACHE_MB", "lots"),
             ("INTERVIEWER_PG_POOL", "5000")]  # fmt: skip


@pytest.mark.parametrize(("name", "given"), CLI_CASES, ids=[c[0] for c in CLI_CASES])
def test_terminal_refuses_a_bad_value_in_one_line(name: str, given: str, tmp_path: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", "director", "--questions", "1",
         "--data-dir", str(tmp_path / "data")],
        input="", capture_output=True, text=True, cwd=tmp_path, timeout=120, check=False,
        env={**os.environ, "PYTHONPATH": str(REPO), name: given},
    )  # fmt: skip
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.strip().splitlines() == [
        f"error: {name}={given} is not accepted: give {env_settings.SETTINGS[name].accepts}, or leave it unset"
    ]
    assert proc.stdout == ""  # refused before the banner


def test_unset_empty_and_good_values() -> None:
    """Empty is the default, as unset is; a good value is used as given (the documented ranges)."""
    env = {"INTERVIEWER_LLM_TIMEOUT": " ", "INTERVIEWER_LLM_THREADS": "4", "INTERVIEWER_INDEX_CACHE_MB": "1",
           "INTERVIEWER_PG_POOL": "1000"}  # fmt: skip
    assert env_settings.problem(env_settings.SERVER_SETTINGS, env) is None
    assert [env_settings.value(name, env) for name in env] == [30.0, 4, 1, 1000]
    assert env_settings.value("INTERVIEWER_LLM_TIMEOUT", {"INTERVIEWER_LLM_TIMEOUT": "2.5"}) == 2.5
    for name, given in [("INTERVIEWER_LLM_TIMEOUT", "inf"), ("INTERVIEWER_LLM_TIMEOUT", "0"),
                        ("INTERVIEWER_PG_POOL", "0"), ("INTERVIEWER_LLM_THREADS", "2.5")]:  # fmt: skip
        assert env_settings.problem((name,), {name: given}) is not None, (name, given)
