"""The interview service behind an auth handler, on a real `langgraph dev` driven through langgraph-sdk: the HTTP
checks in front of the runs read a thread as the caller may see it, so another user's thread answers 404 (as the
server itself does), never a 409 that tells them the thread exists and how far its interview got."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from langgraph_sdk import get_sync_client

from evals.langgraph_dev import REPO, langgraph_dev

CONTEXT = {"role": "director", "questions": 1, "follow_ups": 0, "seed": 5, "offline": True}
AUTH = f"{REPO}/tests/fixtures/auth/owner_auth.py:auth"


def status(exc: BaseException) -> int | None:
    """The HTTP status of the SDK's error (typed errors carry it; a plain httpx error has it on its response)."""
    return getattr(exc, "status_code", None) or getattr(getattr(exc, "response", None), "status_code", None)


def as_user(url: str, user: str) -> Any:
    return get_sync_client(url=url, headers={"Authorization": f"Bearer {user}"})


def test_another_users_thread_is_not_found_not_refused(tmp_path: Path) -> None:
    env = {"INTERVIEWER_DATA_DIR": str(tmp_path / "data"), "INTERVIEWER_EMBEDDER": "hashing"}
    with langgraph_dev(env, home=tmp_path / "server", auth=AUTH) as url:
        bob, eve = as_user(url, "bob"), as_user(url, "eve")
        thread_id = bob.threads.create()["thread_id"]
        bob.runs.wait(thread_id, "interviewer", input={}, context=CONTEXT)
        bob.runs.wait(thread_id, "interviewer", command={"resume": {"kind": "end", "step": 0}}, context=CONTEXT)
        for move in ({"command": {"resume": "EVE: an answer."}}, {"input": {}}):
            with pytest.raises(Exception) as refused:
                eve.runs.wait(thread_id, "interviewer", context=CONTEXT, **move)
            assert status(refused.value) == 404, refused.value
            assert "has ended" not in str(refused.value)
        # The owner still meets the check: their ended thread refuses a late answer with 409 and one line.
        with pytest.raises(Exception, match="has ended") as late:
            bob.runs.wait(thread_id, "interviewer", command={"resume": "BOB: late."}, context=CONTEXT)
        assert status(late.value) == 409
