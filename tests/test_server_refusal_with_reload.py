"""sweep 33 S2: `langgraph dev` as the README runs it (with its file-watching reloader, no --no-reload) and a
checkpointer the server refuses: the worker printed the one-line refusal and exited, and the reloader went on
waiting for file changes, so the command hung. It now ends within the start-up time with that one line. A real
`langgraph dev` on this repo's langgraph.json (made absolute in a temp folder, as evals.langgraph_dev does)."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.langgraph_dev import langgraph_dev_reloading


@pytest.mark.parametrize("value", ["bogus", "mysql://x@127.0.0.1/db"])
def test_a_refused_checkpointer_ends_langgraph_dev_with_its_reloader(value: str, tmp_path: Path) -> None:
    env = {"INTERVIEWER_CHECKPOINTER": value, "INTERVIEWER_DATA_DIR": str(tmp_path / "data")}
    try:
        lines = langgraph_dev_reloading(env, tmp_path)
    except TimeoutError as exc:
        pytest.fail(f"after refusing the checkpointer: {exc}")
    said = [line for line in lines if line.startswith("interviewer: INTERVIEWER_CHECKPOINTER=")]
    assert len(said) == 1 and "is not a checkpointer this server opens" in said[0], lines[-8:]
    assert not any("Traceback" in line for line in lines), lines[-20:]
