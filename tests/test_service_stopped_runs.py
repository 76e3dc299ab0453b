"""A run of the interview service that stopped part-way, on a real `langgraph dev` driven through langgraph-sdk.

- A client cancels the run of its answer while the model grades it (sweep 39 SV14-SV16): the answer is not recorded
  (its run did not finish), and the next move for that prompt (an edited answer, a skip, a start run) is taken, never
  answered as if it were and dropped while the cancelled text is graded.
- The run that writes the report fails (the candidate's reports folder unusable, as a full disk makes it; SV19): once
  the folder is usable again, an `end` sent again (or a start run) writes the report; any other move is refused
  with one line.
- A thread whose checkpoints are gone (the default in-memory checkpointer after a restart, a SQLite checkpointer's
  file moved away; SV20/SV17): a move is refused with HTTP 409 and one line, and the server logs no traceback.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from evals.langgraph_dev import dev_client, langgraph_dev
from evals.stub_openai import Action, StubOpenAI

CONTEXT = {"role": "director", "questions": 2, "follow_ups": 0, "seed": 5, "offline": False}
FIRST = "I ran the cut-over of our ledger service to a new region; downtime stayed under 4 minutes across 9 teams."
EDITED = "I planned the ledger cut-over with 9 teams over two quarters, rehearsed it twice, and kept downtime to 4 min."
GRADING_S = 8.0  # the model's first reply to an answer takes this long: the run is cancelled while it waits


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path, StubOpenAI]]:
    data = tmp_path_factory.mktemp("stopped-runs-data")
    with StubOpenAI() as stub:
        env = {"INTERVIEWER_DATA_DIR": str(data), "INTERVIEWER_EMBEDDER": "hashing", "OPENAI_BASE_URL": stub.url,
               "OPENAI_API_KEY": "sk-test-stopped", "INTERVIEWER_MODEL": "stub-model"}  # fmt: skip
        with langgraph_dev(env) as url:
            yield url, data, stub


def _started(client: Any, user: str, context: dict[str, Any] = CONTEXT) -> tuple[str, dict[str, Any]]:
    thread_id = client.threads.create(metadata={"user_id": user})["thread_id"]
    values = client.runs.wait(thread_id, "interviewer", input={}, context=context)
    return str(thread_id), values["__interrupt__"][0]["value"]


def _answer(text: str, prompt: dict[str, Any], kind: str = "answer") -> dict[str, Any]:
    return {"kind": kind, "text": text, "step": prompt["step"], "question_id": prompt["question_id"],
            "turn_index": prompt["turn_index"]}  # fmt: skip


def _cancelled_while_graded(client: Any, stub: StubOpenAI, user: str) -> tuple[str, dict[str, Any]]:
    """A thread whose first answer's run was cancelled while the model graded it (the answer taken, not graded)."""
    thread_id, prompt = _started(client, user)
    stub.push(Action(status=500, delay=GRADING_S))
    run = client.runs.create(thread_id, "interviewer", command={"resume": _answer(FIRST, prompt)}, context=CONTEXT)
    deadline = time.monotonic() + 60
    while not (client.threads.get_state(thread_id)["values"].get("pending_answer") or {}).get("text"):
        assert time.monotonic() < deadline, "the answer was never taken"
        time.sleep(0.05)
    client.runs.cancel(thread_id, run["run_id"], wait=True, action="interrupt")
    state = client.threads.get_state(thread_id)
    assert not state["interrupts"] and state["values"]["turns"] == []  # between two prompts: the case at issue
    return thread_id, prompt


def _turns(client: Any, thread_id: str) -> list[tuple[str, bool]]:
    return [(t["answer"], t["skipped"]) for t in client.threads.get_state(thread_id)["values"]["turns"]]


def test_an_edited_answer_after_a_cancelled_grading_is_taken_and_the_cancelled_one_is_not(
    server: tuple[str, Path, StubOpenAI],
) -> None:
    client: Any = dev_client(server[0])
    thread_id, prompt = _cancelled_while_graded(client, server[2], "cancel-edit")
    values = client.runs.wait(thread_id, "interviewer", command={"resume": _answer(EDITED, prompt)}, context=CONTEXT)
    now = values["__interrupt__"][0]["value"]
    assert "refused" not in now and now["step"] == 1 and now["turn_index"] == 1  # the next question
    assert _turns(client, thread_id) == [(EDITED, False)]
    client.runs.wait(thread_id, "interviewer", command={"resume": _answer("", now, "end")}, context=CONTEXT)
    markdown = client.threads.get_state(thread_id)["values"]["report"]["markdown"]
    assert "ledger cut-over with 9 teams" in markdown and "cut-over of our ledger service" not in markdown


def test_a_skip_after_a_cancelled_grading_is_made(server: tuple[str, Path, StubOpenAI]) -> None:
    client: Any = dev_client(server[0])
    thread_id, prompt = _cancelled_while_graded(client, server[2], "cancel-skip")
    values = client.runs.wait(thread_id, "interviewer", command={"resume": _answer("", prompt, "skip")},
                              context=CONTEXT)  # fmt: skip
    now = values["__interrupt__"][0]["value"]
    assert "refused" not in now and now["step"] == 1 and now["turn_index"] == 1
    assert _turns(client, thread_id) == [("", True)]


def test_a_start_run_after_a_cancelled_grading_asks_the_question_again_with_nothing_pending(
    server: tuple[str, Path, StubOpenAI],
) -> None:
    client: Any = dev_client(server[0])
    thread_id, prompt = _cancelled_while_graded(client, server[2], "cancel-start")
    values = client.runs.wait(thread_id, "interviewer", input={}, context=CONTEXT)
    assert values["__interrupt__"][0]["value"]["step"] == prompt["step"] == 0
    assert values.get("pending_answer") is None  # the cancelled answer is not kept half-recorded
    client.runs.wait(thread_id, "interviewer", command={"resume": _answer(EDITED, prompt)}, context=CONTEXT)
    assert _turns(client, thread_id) == [(EDITED, False)]


def _candidate_folder(data: Path, before: set[Path]) -> Path:
    (made,) = set((data / "candidates").iterdir()) - before
    return made


def test_an_end_whose_report_failed_can_be_sent_again_and_writes_the_report(
    server: tuple[str, Path, StubOpenAI],
) -> None:
    client: Any = dev_client(server[0])
    data = server[1]
    offline = {**CONTEXT, "offline": True}
    for again in ("end", "start"):
        before = set((data / "candidates").iterdir()) if (data / "candidates").is_dir() else set()
        thread_id, prompt = _started(client, f"report-failed-{again}", offline)
        values = client.runs.wait(thread_id, "interviewer", command={"resume": _answer(FIRST, prompt)},
                                  context=offline)  # fmt: skip
        now = values["__interrupt__"][0]["value"]
        in_the_way = _candidate_folder(data, before) / "reports"
        in_the_way.write_text("a file where the reports folder goes")  # as a full disk: the report cannot be written
        with pytest.raises(Exception, match="the server failed at wrap_up"):
            client.runs.wait(thread_id, "interviewer", command={"resume": _answer("", now, "end")}, context=offline,
                             raise_error=True)  # fmt: skip
        in_the_way.unlink()  # space freed
        with pytest.raises(Exception, match="409") as refused:  # no prompt waits: an answer is not dropped silently
            client.runs.wait(thread_id, "interviewer", command={"resume": _answer(EDITED, now)}, context=offline)
        assert "its report was not written" in " ".join(refused.value.__notes__)
        if again == "end":
            client.runs.wait(thread_id, "interviewer", command={"resume": _answer("", now, "end")}, context=offline)
        else:
            client.runs.wait(thread_id, "interviewer", input={}, context=offline)
        values = client.threads.get_state(thread_id)["values"]
        assert values["report"] is not None and "ledger service" in values["report"]["markdown"], again
        assert [t["answer"] for t in values["turns"]] == [FIRST]
        assert len(list(in_the_way.glob("*.md"))) == 1


@pytest.mark.parametrize("checkpointer", ["in memory", "a SQLite file moved away"])
def test_a_thread_whose_checkpoints_are_gone_is_refused_with_one_line(checkpointer: str, tmp_path: Path) -> None:
    home, data, sqlite = tmp_path / "server", tmp_path / "data", tmp_path / "checkpoints.sqlite"
    env = {"INTERVIEWER_DATA_DIR": str(data), "INTERVIEWER_EMBEDDER": "hashing"}  # the in-memory checkpointer
    if checkpointer != "in memory":
        env["INTERVIEWER_CHECKPOINTER"] = str(sqlite)
    offline = {**CONTEXT, "offline": True}
    with langgraph_dev(env, home=home) as url:
        client: Any = dev_client(url)
        thread_id, prompt = _started(client, "restarted", offline)
        values = client.runs.wait(thread_id, "interviewer", command={"resume": _answer(FIRST, prompt)}, context=offline)
        now = values["__interrupt__"][0]["value"]
    for file in tmp_path.glob("checkpoints.sqlite*"):  # an operator restoring another file, or none
        file.rename(tmp_path / f"moved-{file.name}")
    log = home / "server.log"
    before = len(log.read_text(errors="replace").splitlines())
    with langgraph_dev(env, home=home) as url:  # a graceful restart: the thread's record stays, its checkpoints not
        client = dev_client(url)
        with pytest.raises(Exception, match="409") as refused:
            client.runs.wait(thread_id, "interviewer", command={"resume": _answer(EDITED, now)}, context=offline)
        assert "this thread has no interview yet" in " ".join(refused.value.__notes__)
        added = log.read_text(errors="replace").splitlines()[before:]
        assert not [line for line in added if "Traceback" in line or "TypeError" in line], added[-20:]
        assert len([line for line in added if "refused: this thread has no interview yet" in line]) == 1
