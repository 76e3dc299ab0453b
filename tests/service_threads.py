"""Shared steps of the service tests that drive `langgraph dev` through langgraph-sdk: start a thread, send a move on
its own connection, and the check that a move behind an `end` is refused, never dropped. The in-memory and the
Postgres-backed servers run the same check (tests/test_service_moves.py, tests/test_service_shared_guards.py)."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import pytest

from evals.langgraph_dev import dev_client

CONTEXT = {"role": "director", "questions": 3, "follow_ups": 0, "seed": 8, "offline": True}
ANSWER = "I led the move of our billing to a new platform across three teams; cost fell 20% in two quarters."


def started(client: Any, user: str) -> str:
    thread_id = client.threads.create(metadata={"user_id": user})["thread_id"]
    client.runs.wait(thread_id, "interviewer", input={}, context=CONTEXT)
    return str(thread_id)


def sent_alone(url: str, thread_id: str, move: Any) -> str:
    """Send a move on its own connection (a second browser tab) and wait for its run: "queued" or "refused" (409)."""
    try:
        client: Any = dev_client(url)
        run = client.runs.create(thread_id, "interviewer", command={"resume": move}, context=CONTEXT,
                                 multitask_strategy="enqueue")  # fmt: skip
        client.runs.join(thread_id, run["run_id"])
        return "queued"
    except Exception as exc:
        said = f"{exc} {getattr(getattr(exc, 'response', None), 'text', '')}"
        assert getattr(exc, "status_code", None) == 409 and "has ended" in said, said
        return "refused"


def moves_behind_an_end_are_refused(url: str) -> None:
    """An `end` at the first of three questions, then a move queued behind it: refused (409), not run as a success
    on the ended interview. Then an answer and an end sent at once, three times: the answer is recorded before the
    end, or refused; never accepted and dropped."""
    client: Any = dev_client(url)
    thread_id = started(client, "queued-after-end")
    client.runs.create(thread_id, "interviewer", command={"resume": {"kind": "end", "step": 0}}, context=CONTEXT)
    with pytest.raises(Exception, match="the interview on this thread has ended") as late:
        client.runs.create(thread_id, "interviewer", command={"resume": "LATE: after the end."}, context=CONTEXT,
                           multitask_strategy="enqueue")  # fmt: skip
    assert getattr(late.value, "status_code", None) == 409
    values = client.threads.get_state(thread_id)["values"]
    assert "LATE" not in repr(values) and values["report"] is not None

    for n in range(3):
        thread_id = started(client, f"end-race-{n}")
        moves = [{"kind": "end", "step": 0}, f"RACE {n}: I led the billing move and cut cost by 20%."]
        with ThreadPoolExecutor(2) as pool:
            outcomes = list(pool.map(lambda move, t=thread_id: sent_alone(url, t, move), moves))
        values = client.threads.get_state(thread_id)["values"]
        recorded = f"RACE {n}" in repr(values.get("turns"))
        assert outcomes[1] == ("queued" if recorded else "refused"), (outcomes, recorded)
