"""What a signed-in client may write on its own interview, on a real `langgraph dev` driven through langgraph-sdk
(langgraph.json's `auth`: agent/service_auth.py; agent/service_http.py's run checks).

- The thread's state is the graph's: `update_state` and a run's `Command(update=...)` or `goto` are refused (403)
  on a live and on an ended interview, so a client cannot forge its report, end its interview or change its
  settings; the moves it answers with (a resume) still work.
- A resume that carries nothing (an empty or blank string, or None, which langgraph-sdk sends as an empty command)
  is refused (409) and nothing is recorded.
- LangGraph Server's own pages (/docs, /openapi.json, /info, /metrics) need a token as every request does; /ok and
  /interviewer/warm-up stay open.
- A login name holding the candidate key's separators (`/`, `:`) is neither issued nor signed in, so no login shares
  a candidate with another login's `user_id`; the keys of valid names stay as the README gives them.
- A thread's candidate stays its own: a patch of its `user_id` (or owner, graph) and a run whose metadata names
  another `user_id` are refused (403); other metadata may still be patched.
- No client makes or changes a cron (403).
- A copy of another's thread answers 404, as every other move on it does.
- A client reads its own candidates' coaching history through the store, never another's.
- The token tool refuses a short INTERVIEWER_AUTH_SECRET with one line.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from types import SimpleNamespace
from typing import Any

import httpx
import pytest
from langgraph_sdk import get_sync_client

from agent import service_auth
from agent.candidates import candidate_key
from agent.service import candidate_identity
from agent.service_auth import (
    BAD_NAME,
    BAD_TOKEN,
    COMMAND_WRITE,
    METADATA_WRITE,
    NO_CRONS,
    NO_TOKEN,
    SECRET_ENV,
    SHORT_SECRET,
    STATE_WRITE,
    issue,
    signature,
)
from agent.service_http import NO_MOVE, RUN_METADATA
from evals.langgraph_dev import langgraph_dev

CONTEXT = {"role": "director", "questions": 1, "follow_ups": 0, "seed": 3, "offline": True}
SECRET = "an-operator-secret-for-the-state-write-test"
REPLY = "I moved our nightly billing jobs to a queue across two teams; failed runs fell from nine a week to one."


def status(exc: BaseException) -> int | None:
    return getattr(exc, "status_code", None) or getattr(getattr(exc, "response", None), "status_code", None)


def refused(call: Any, code: int) -> str:
    """The `detail` line of the HTTP error `call` raises, which must have status `code`."""
    with pytest.raises(Exception) as caught:
        call()
    assert status(caught.value) == code, caught.value
    return str(caught.value.response.json()["detail"])  # type: ignore[attr-defined]


def signed_in(url: str, token: str) -> Any:
    return get_sync_client(url=url, headers={"Authorization": f"Bearer {token}"})


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("client-writes")
    env = {"INTERVIEWER_DATA_DIR": str(tmp / "data"), "INTERVIEWER_EMBEDDER": "hashing", SECRET_ENV: SECRET}
    with langgraph_dev(env, home=tmp / "server") as url:
        yield url


def started(client: Any, user: str) -> tuple[str, dict[str, Any]]:
    thread_id = client.threads.create(metadata={"user_id": user})["thread_id"]
    first = client.runs.wait(thread_id, "interviewer", input={}, context=CONTEXT)
    return str(thread_id), first["__interrupt__"][0]["value"]


def test_a_client_cannot_write_its_own_interviews_state(server: str) -> None:
    alice = signed_in(server, issue("alice", SECRET))
    thread_id, prompt = started(alice, "alice-writes")
    forged = {"markdown": "# Mock interview report\n\nOverall score: 5.00", "transcript": {}}
    said = refused(lambda: alice.threads.update_state(thread_id, {"report": forged}), 403)
    assert STATE_WRITE in said
    refused(lambda: alice.threads.update_state(thread_id, {"settings": {**CONTEXT, "questions": 40}}), 403)
    # a new thread written before its first run: LangGraph makes the thread, then says (HTTP 201) its state was not
    supersteps = [{"updates": [{"values": {"report": forged}, "as_node": "__start__"}]}]
    made = str(uuid.uuid4())
    assert STATE_WRITE in str(alice.threads.create(thread_id=made, graph_id="interviewer", supersteps=supersteps))
    assert not alice.threads.get_state(made)["values"]
    for command in ({"update": {"report": forged}}, {"goto": "report"}, {"resume": REPLY, "update": {"turns": []}}):
        said = refused(lambda c=command: alice.runs.wait(thread_id, "interviewer", command=c, context=CONTEXT), 403)
        assert COMMAND_WRITE in said
    state = alice.threads.get_state(thread_id)
    assert state["values"].get("report") is None and not state["values"].get("turns")
    assert state["interrupts"][0]["value"]["step"] == prompt["step"]  # the question still waits, untouched

    # the moves still work, and the ended interview's report is as the graph wrote it
    alice.runs.wait(thread_id, "interviewer", command={"resume": REPLY}, context=CONTEXT)
    report = alice.threads.get_state(thread_id)["values"]["report"]
    assert report and "5.00" not in report["markdown"]
    refused(lambda: alice.threads.update_state(thread_id, {"report": forged}), 403)
    assert alice.threads.get_state(thread_id)["values"]["report"] == report


def test_an_empty_resume_is_refused_and_nothing_is_recorded(server: str) -> None:
    alice = signed_in(server, issue("alice", SECRET))
    thread_id, prompt = started(alice, "alice-empty")
    for resume in ("", "  \n\t", None):  # None: langgraph-sdk drops it and sends `"command": {}`
        said = refused(lambda r=resume: alice.runs.wait(thread_id, "interviewer", command={"resume": r},
                                                        context=CONTEXT), 409)  # fmt: skip
        assert NO_MOVE in said
    state = alice.threads.get_state(thread_id)
    assert not state["values"].get("turns") and state["interrupts"][0]["value"]["step"] == prompt["step"]


@pytest.mark.parametrize("name", ["bootcamp/user:cand1", "a:b", "--help", "two words", "", "x" * 129])
def test_a_login_name_with_the_keys_separators_is_not_issued(name: str, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:  # fmt: skip
    with pytest.raises(ValueError, match="no '/', ':'"):
        issue(name, SECRET)
    monkeypatch.setenv(SECRET_ENV, SECRET)
    assert service_auth.main([name]) == 2 and capsys.readouterr().out == ""


def test_a_token_signed_for_such_a_name_is_refused_by_the_server(server: str) -> None:
    forged_login = "bootcamp/user:cand1"  # would be bootcamp's candidate cand1: `auth:bootcamp/user:cand1`
    client = signed_in(server, f"{forged_login}.{signature(forged_login, SECRET)}")
    assert BAD_NAME in refused(lambda: client.threads.search(), 401)
    assert signed_in(server, issue("bootcamp", SECRET)).threads.search() == []  # a valid name still signs in


def _identity(identity: str | None, user_id: str | None) -> str:
    """candidate_identity for a server run by `identity` (None: no auth) on a thread with this user_id."""
    user = SimpleNamespace(identity=identity, is_authenticated=True) if identity else None
    runtime: Any = SimpleNamespace(server_info=SimpleNamespace(user=user))
    metadata = {"user_id": user_id} if user_id is not None else {}
    return candidate_identity(runtime, {"metadata": metadata, "configurable": {"thread_id": "t-1"}})


def test_candidate_keys_of_two_logins_never_meet_and_valid_names_keep_their_keys() -> None:
    # an identity provider's ids may hold the separator: each (identity, user_id) pair is still one candidate
    pairs = [("bootcamp/user:cand1", None), ("bootcamp", "cand1"), ("bootcamp", "a/user:b"), ("bootcamp/user:a", "b"),
             ("x/", "y"), ("x", "/user:y"), (None, "cand1"), ("user:cand1", None)]  # fmt: skip
    identities = [_identity(identity, user) for identity, user in pairs]
    assert len(set(identities)) == len(pairs), identities
    # what the README promises: `printf 'auth:alice' | sha256sum | cut -c1-32` is alice's folder
    assert candidate_key(_identity("alice", None)) == hashlib.sha256(b"auth:alice").hexdigest()[:32]
    assert _identity("bootcamp", "cand1") == "auth:bootcamp/user:cand1" and _identity(None, "cand1") == "user:cand1"


@pytest.mark.parametrize("path", ["/docs", "/openapi.json", "/info", "/metrics"])
def test_the_servers_own_pages_need_a_token(server: str, path: str) -> None:
    unsigned = httpx.get(f"{server}{path}", timeout=60)
    assert unsigned.status_code == 401 and unsigned.json()["detail"] == NO_TOKEN
    forged = httpx.get(f"{server}{path}", headers={"Authorization": "Bearer alice.0123456789abcdef"}, timeout=60)
    assert forged.status_code == 401 and forged.json()["detail"] == BAD_TOKEN
    signed = httpx.get(f"{server}{path}", headers={"Authorization": f"Bearer {issue('alice', SECRET)}"}, timeout=60)
    assert signed.status_code == 200 and signed.content


def test_the_health_check_and_the_warm_up_probe_stay_open(server: str) -> None:
    assert httpx.get(f"{server}/ok", timeout=60).status_code == 200
    assert httpx.get(f"{server}/interviewer/warm-up", timeout=60).status_code == 200


def test_a_threads_candidate_cannot_be_changed_by_its_client(server: str) -> None:
    alice = signed_in(server, issue("alice", SECRET))
    thread_id, prompt = started(alice, "alice-first")
    for moved in ({"user_id": "alice-second"}, {"owner": "bob"}, {"graph_id": "progress"}):
        assert METADATA_WRITE in refused(lambda m=moved: alice.threads.update(thread_id, metadata=m), 403)
    alice.threads.update(thread_id, metadata={"cohort": "spring"})  # metadata of its own stays the client's
    move = {"resume": REPLY}
    for metadata in ({"user_id": "alice-second"}, {"user_id": None}):
        said = refused(lambda m=metadata: alice.runs.wait(thread_id, "interviewer", command=move, context=CONTEXT,
                                                          metadata=m), 403)  # fmt: skip
        assert RUN_METADATA in said
    said = refused(lambda: alice.runs.wait(thread_id, "interviewer", command=move, context=CONTEXT,
                                           config={"metadata": {"user_id": "alice-second"}}), 403)  # fmt: skip
    assert RUN_METADATA in said
    thread = alice.threads.get(thread_id)
    assert thread["metadata"]["user_id"] == "alice-first" and thread["metadata"]["cohort"] == "spring"
    state = alice.threads.get_state(thread_id)
    assert not state["values"].get("turns") and state["interrupts"][0]["value"]["step"] == prompt["step"]
    # the thread's own user_id, named again, is no move to another candidate
    alice.runs.wait(thread_id, "interviewer", command=move, context=CONTEXT, metadata={"user_id": "alice-first"})
    assert alice.threads.get_state(thread_id)["values"]["report"] is not None


def test_a_client_makes_no_cron(server: str) -> None:
    alice = signed_in(server, issue("alice", SECRET))
    thread_id, _ = started(alice, "alice-cron")
    schedule = "* * * * *"
    assert NO_CRONS in refused(lambda: alice.crons.create("interviewer", schedule=schedule, input={},
                                                          context=CONTEXT), 403)  # fmt: skip
    assert NO_CRONS in refused(lambda: alice.crons.create_for_thread(thread_id, "interviewer", schedule=schedule,
                                                                     input={}, context=CONTEXT), 403)  # fmt: skip
    assert alice.crons.search() == []


def test_a_copy_of_anothers_thread_answers_404(server: str) -> None:
    alice, bob = signed_in(server, issue("alice", SECRET)), signed_in(server, issue("bob", SECRET))
    thread_id, prompt = started(alice, "alice-copied")
    refused(lambda: bob.threads.copy(thread_id), 404)
    refused(lambda: bob.threads.copy(str(uuid.uuid4())), 404)  # as a thread that does not exist
    copied = alice.threads.copy(thread_id)["thread_id"]  # the owner's copy goes on where the interview was
    assert alice.threads.get_state(copied)["interrupts"][0]["value"]["step"] == prompt["step"]


def test_a_client_reads_its_own_candidates_coaching_history_only(server: str) -> None:
    carol, dave = signed_in(server, issue("carol", SECRET)), signed_in(server, issue("dave", SECRET))
    own = carol.threads.create()["thread_id"]  # carol herself: no user_id
    carol.runs.wait(own, "interviewer", input={}, context=CONTEXT)
    carol.runs.wait(own, "interviewer", command={"resume": REPLY}, context=CONTEXT)
    named, _ = started(carol, "carol-pupil")
    carol.runs.wait(named, "interviewer", command={"resume": REPLY}, context=CONTEXT)
    key = candidate_key("auth:carol")
    for prefix in (("coaching",), ("coaching", key)):
        assert [item["key"] for item in carol.store.search_items(prefix)["items"]] == [own]
    assert carol.store.get_item(("coaching", key), own)["value"]["thread_id"] == own
    assert [item["key"] for item in carol.store.search_items(("coaching", "user:carol-pupil"))["items"]] == [named]
    assert carol.store.list_namespaces(prefix=["coaching"])["namespaces"] == [["coaching", key]]
    # dave reads none of them, under any name for them
    for prefix in (("coaching",), ("coaching", key), ("coaching", "user:carol-pupil"),
                   ("coaching", candidate_key("auth:carol/user:carol-pupil"))):  # fmt: skip
        assert dave.store.search_items(prefix)["items"] == []
    assert dave.store.get_item(("coaching", key), own) is None


@pytest.mark.parametrize("secret", ["x", "s" * 31])
def test_the_token_tool_refuses_a_short_secret(secret: str) -> None:
    env = {**os.environ, SECRET_ENV: secret}
    done = subprocess.run([sys.executable, "-m", "agent.service_auth", "alice"], env=env, capture_output=True,
                          text=True, timeout=120)  # fmt: skip
    assert done.returncode == 2 and done.stdout == "" and done.stderr == f"{SHORT_SECRET}\n"
