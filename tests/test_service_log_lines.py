"""op37 O21: the server's log reads as failures where nothing failed. Another client's join_stream on a thread
(answered 404, as documented) was logged by the server as "Error streaming response" with the whole traceback, and
the first story index of every server process logged faiss's loader trying CPU builds it does not have
(`ModuleNotFoundError(... swigfaiss_avx512 ...)`). Now the first is one warning line and faiss's loader logs
warnings only (its lines came from the story-build thread on op37's server; this test's server did not log them
before either, so only the stream line is proven here).
A real `langgraph dev` with INTERVIEWER_AUTH_SECRET, driven through langgraph-sdk; its log read after."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from langgraph_sdk import get_sync_client

from agent.service_auth import SECRET_ENV, issue
from evals.langgraph_dev import langgraph_dev
from tests.service_threads import CONTEXT

SECRET = "a-long-operator-secret-for-the-log-line-test"
NOTES = "## Warehouse move\nI moved our stock counts to scanners over a quarter; miscounts fell from 6% to 1%.\n"


def as_user(url: str, user: str) -> Any:
    return get_sync_client(url=url, headers={"Authorization": f"Bearer {issue(user, SECRET)}"})


def test_a_refused_stream_and_the_first_index_log_no_traceback(tmp_path: Path) -> None:
    env = {"INTERVIEWER_DATA_DIR": str(tmp_path / "data"), "INTERVIEWER_EMBEDDER": "hashing", SECRET_ENV: SECRET}
    home = tmp_path / "server"
    with langgraph_dev(env, home=home) as url:
        alice, bob = as_user(url, "alice"), as_user(url, "bob")
        thread_id = alice.threads.create(metadata={"user_id": "alice"})["thread_id"]
        documents = [{"name": "notes.md", "text": NOTES}]
        run = alice.runs.create(thread_id, "interviewer", input={"documents": documents}, context=CONTEXT)
        events = list(bob.runs.join_stream(thread_id, run["run_id"]))
        assert [e.event for e in events] == ["error"] and "404" in str(events[0].data), events
        alice.runs.join(thread_id, run["run_id"])
        assert alice.threads.get_state(thread_id)["interrupts"][0]["value"]["kind"] == "question"
    log = (home / "server.log").read_text(errors="replace")
    assert "Traceback" not in log and "Error streaming response" not in log, log[-3000:]
    said = [line for line in log.splitlines() if "a client's stream was answered 404" in line]
    assert len(said) == 1 and "Thread not found" in said[0], said
    assert "swigfaiss" not in log and "Could not load library" not in log
