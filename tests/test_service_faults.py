"""What an operator and a client meet when the server's own side fails, on a real `langgraph dev` driven through
langgraph-sdk: a data folder the server cannot use stops it at start with one line; a failure inside a run tells
the client one line that names no server path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from evals.langgraph_dev import dev_client, langgraph_dev, langgraph_dev_process

CONTEXT = {"role": "director", "questions": 2, "follow_ups": 0, "seed": 3, "offline": True}


def stopped(env: dict[str, str], home: Path) -> list[str]:
    """Start the server with this environment; it must exit (status 2). Returns its log's lines."""
    exited = pytest.raises(RuntimeError, match=r"langgraph dev exited \(2\)")
    with exited, langgraph_dev_process({"INTERVIEWER_OFFLINE": "1", **env}, home=home, timeout=120):
        pass
    return (home / "server.log").read_text(errors="replace").splitlines()


@pytest.mark.parametrize("case", ["a file", "a link to nothing", "a parent that cannot be made"])
def test_an_unusable_data_dir_stops_the_server_with_one_line(case: str, tmp_path: Path) -> None:
    if case == "a file":
        value = tmp_path / "data"
        value.write_text("not a folder")
    elif case == "a link to nothing":  # the CLI's entry points: tests/test_bad_data_folder_entry_points.py
        value = tmp_path / "data"
        value.symlink_to(tmp_path / "gone")
    else:
        value = Path("/proc/interviewer-no-such/data")
    lines = stopped({"INTERVIEWER_DATA_DIR": str(value)}, tmp_path / "server")
    said = [line for line in lines if line.startswith("interviewer: INTERVIEWER_DATA_DIR=")]
    assert len(said) == 1 and said[0].startswith(f"interviewer: INTERVIEWER_DATA_DIR={value} cannot be used: "), lines
    assert not any("Traceback" in line for line in lines)


def test_a_failure_inside_a_run_tells_the_client_one_line_without_a_server_path(tmp_path: Path) -> None:
    data, home = tmp_path / "data", tmp_path / "server"
    with langgraph_dev({"INTERVIEWER_DATA_DIR": str(data), "INTERVIEWER_EMBEDDER": "minilm"}, home=home) as url:
        (data / "candidates").write_text("in the way")  # the candidates' folder goes bad after the server started
        client: Any = dev_client(url)
        thread_id = client.threads.create(metadata={"user_id": "fault"})["thread_id"]
        run = client.runs.create(thread_id, "interviewer", input={}, context=CONTEXT)
        client.runs.join(thread_id, run["run_id"])
        assert client.runs.get(thread_id, run["run_id"])["status"] == "error"
        with pytest.raises(Exception) as failed:
            client.runs.wait(thread_id, "interviewer", input={}, context=CONTEXT, raise_error=True)
        said = " ".join([str(failed.value), *getattr(failed.value, "__notes__", [])])
        assert "the server failed at plan_interview (NotADirectoryError)" in said
        assert str(tmp_path) not in said and "/candidates" not in said
    assert str(data) in (home / "server.log").read_text(errors="replace")  # the operator's log has the details
