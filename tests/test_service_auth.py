"""Threads belong to their candidate: the interview service as shipped (langgraph.json's `auth`,
agent/service_auth.py) on a real `langgraph dev` driven through langgraph-sdk. Another client's thread answers 404 to
every move, as a thread that does not exist does (never a 409 that tells them it exists and how far it got); a
request without a token, with a forged one, or with Studio's header instead of one is refused with 401."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from langgraph_sdk import get_sync_client

from agent.service_auth import issue
from evals.langgraph_dev import langgraph_dev

CONTEXT = {"role": "director", "questions": 1, "follow_ups": 0, "seed": 5, "offline": True}
SECRET = "an-operator-secret-for-the-auth-test"


def status(exc: BaseException) -> int | None:
    """The HTTP status of the SDK's error (typed errors carry it; a plain httpx error has it on its response)."""
    return getattr(exc, "status_code", None) or getattr(getattr(exc, "response", None), "status_code", None)


def as_user(url: str, user: str) -> Any:
    return get_sync_client(url=url, headers={"Authorization": f"Bearer {issue(user, SECRET)}"})


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("auth")
    env = {"INTERVIEWER_DATA_DIR": str(tmp / "data"), "INTERVIEWER_EMBEDDER": "hashing",
           "INTERVIEWER_AUTH_SECRET": SECRET}  # fmt: skip
    with langgraph_dev(env, home=tmp / "server") as url:
        yield url


def refused(call: Any, code: int = 404) -> str:
    with pytest.raises(Exception) as caught:
        call()
    assert status(caught.value) == code, caught.value
    response = getattr(caught.value, "response", None)
    return f"{caught.value} {getattr(response, 'text', '')}"


def test_another_clients_thread_is_not_found_for_every_move(server: str) -> None:
    bob, eve = as_user(server, "bob"), as_user(server, "eve")
    thread_id = bob.threads.create(metadata={"user_id": "bob-candidate"})["thread_id"]
    first = bob.runs.wait(thread_id, "interviewer", input={}, context=CONTEXT)
    assert first["__interrupt__"][0]["value"]["kind"] == "question"

    refused(lambda: eve.threads.get(thread_id))
    refused(lambda: eve.threads.get_state(thread_id))
    refused(lambda: eve.threads.get_history(thread_id))
    refused(lambda: eve.threads.update_state(thread_id, {"report": {"markdown": "# FORGED 5/5"}}), 403)  # any thread
    refused(lambda: eve.threads.delete(thread_id))
    refused(lambda: eve.runs.list(thread_id))
    for move in ({"command": {"resume": "EVE: an answer."}}, {"input": {}}):
        assert "has ended" not in refused(lambda m=move: eve.runs.wait(thread_id, "interviewer", context=CONTEXT, **m))
    assert thread_id not in {t["thread_id"] for t in eve.threads.search(limit=100)}
    assert thread_id in {t["thread_id"] for t in bob.threads.search(limit=100)}
    # A client cannot stamp itself the owner of what it creates, nor touch the served assistants.
    forged = eve.threads.create(metadata={"owner": "bob"})["thread_id"]
    refused(lambda: bob.threads.get(forged))
    assistant = bob.assistants.search(graph_id="interviewer")[0]["assistant_id"]
    refused(lambda: eve.assistants.delete(assistant), 403)

    # The owner's thread is as it was: the same question waits, nothing forged or recorded by eve.
    state = bob.threads.get_state(thread_id)
    assert "report" not in state["values"] and not state["values"].get("turns")
    assert state["interrupts"][0]["value"]["step"] == 0
    # and the owner still meets the service's own checks: an ended thread refuses a late answer with 409.
    bob.runs.wait(thread_id, "interviewer", command={"resume": {"kind": "end", "step": 0}}, context=CONTEXT)
    assert "has ended" in refused(
        lambda: bob.runs.wait(thread_id, "interviewer", command={"resume": "BOB: late."}, context=CONTEXT), 409
    )


def test_the_coaching_history_is_read_by_the_candidates_client_only(server: str) -> None:
    """Progress (through the graph) is the caller's own; the store API never shows another's coaching items."""
    carol, mallory = as_user(server, "carol"), as_user(server, "mallory")
    thread_id = carol.threads.create(metadata={"user_id": "carol"})["thread_id"]
    carol.runs.wait(thread_id, "interviewer", input={}, context=CONTEXT)
    carol.runs.wait(thread_id, "interviewer", command={"resume": "I led the migration and cut costs by 30%."},
                    context=CONTEXT)  # fmt: skip
    mine = carol.runs.wait(None, "progress", input={"role": "director"}, metadata={"user_id": "carol"})
    assert mine["view"]["progress"]["sessions"] == 1, mine
    theirs = mallory.runs.wait(None, "progress", input={"role": "director"}, metadata={"user_id": "carol"})
    assert theirs["view"]["progress"]["sessions"] == 0, theirs
    assert mallory.store.search_items(("coaching",), limit=100)["items"] == []
    assert mallory.store.list_namespaces(prefix=["coaching"])["namespaces"] == []


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Bearer bob.0123"}, {"Authorization": f"Bearer {issue('bob', 'another-secret')}"},
     {"x-auth-scheme": "langsmith"}],
    ids=["no-token", "forged", "other-secret", "studio-header"],
)
def test_a_request_without_a_valid_token_is_refused_with_one_line(server: str, headers: dict[str, str]) -> None:
    reply = httpx.post(f"{server}/threads/search", json={}, headers=headers, timeout=30)
    assert reply.status_code == 401, reply.text
    assert "token" in reply.json()["detail"] and "\n" not in reply.json()["detail"]
