"""The interview service on a real LangGraph Server (`langgraph dev`), driven through langgraph-sdk as a client.

The server is configured with a model server of its own (the stub OpenAI server) and a key; a client tries to
make it call a URL the client chose, read a server path, load a role file, write an index somewhere. None of it
works; uploaded documents are used for that candidate only; the report comes back through the server.
"""

from __future__ import annotations

import socket
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from stub_openai import StubOpenAI

from evals.langgraph_dev import dev_client, langgraph_dev

SERVER_KEY = "sk-server-only-7f3a"
ANSWER = (
    "I led the move of our release process to trunk-based development across four teams. I set the plan, "
    "paired with each lead on the first cut-over and ran the rollout. Lead time fell from nine days to two."
)
NOTES = """# My stories

## Story: Halved the on-call load

S: Our platform team was paged 40 times a week.
T: As the manager I owned the rotation and the alert budget.
A: I deleted noisy alerts, added runbooks and moved two services to a shared SLO.
R: Pages fell to 18 a week within a quarter and nobody left the rotation.
"""
SECRET_TITLE = "Quokka ledger reconciliation"


class Listener:
    """A TCP listener standing in for a client's own server: it counts every connection made to it."""

    def __init__(self) -> None:
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.connections = 0
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.sock.getsockname()[1]}/v1"

    def _accept(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.connections += 1
            conn.close()


@pytest.fixture(scope="module")
def model_server() -> Iterator[StubOpenAI]:
    with StubOpenAI() as stub:
        yield stub


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory, model_server: StubOpenAI) -> Iterator[tuple[str, Path]]:
    data = tmp_path_factory.mktemp("server-data")
    env = {
        "INTERVIEWER_DATA_DIR": str(data),
        "OPENAI_BASE_URL": model_server.url,
        "OPENAI_API_KEY": SERVER_KEY,
        "INTERVIEWER_MODEL": "stub-model",
        "INTERVIEWER_EMBEDDER": "minilm",
    }
    with langgraph_dev(env) as url:
        yield url, data


def start(
    client: Any, context: dict[str, Any], metadata: dict[str, Any] | None = None, **input_: Any
) -> tuple[str, Any]:
    """A new thread (with metadata) and its first run, waited for; returns the thread id and the finished run."""
    thread = client.threads.create(metadata=metadata or {})
    run = client.runs.create(thread["thread_id"], "interviewer", input=input_ or {"candidate_questions": []},
                             context=context)  # fmt: skip
    client.runs.join(thread["thread_id"], run["run_id"])
    return thread["thread_id"], client.runs.get(thread["thread_id"], run["run_id"])


def answer_all(client: Any, thread_id: str, context: dict[str, Any], config: dict[str, Any] | None = None) -> dict:
    """Answer until the scorecard; with `config`, the resumes send it instead of a context."""
    for _ in range(12):
        state = client.threads.get_state(thread_id)
        if not state["next"]:
            return state["values"]
        how = {"config": config} if config else {"context": context}
        step = state["interrupts"][0]["value"]["step"]  # echoed: the same words again are meant for this prompt
        move = {"kind": "answer", "text": ANSWER, "step": step}
        run = client.runs.create(thread_id, "interviewer", command={"resume": move}, **how)
        client.runs.join(thread_id, run["run_id"])
        assert client.runs.get(thread_id, run["run_id"])["status"] == "success"
    raise AssertionError("the interview did not end")


def refused_line(call: Any) -> str:
    """The one line a run request the server refuses comes back with (HTTP 422), through the SDK."""
    import httpx

    with pytest.raises(httpx.HTTPStatusError) as refused:
        call()
    assert refused.value.response.status_code == 422, refused.value.response.text
    return str(refused.value.response.json()["detail"])


def test_a_client_cannot_point_the_server_at_its_own_url_or_take_its_key(
    server: tuple[str, Path], model_server: StubOpenAI
) -> None:
    url, _ = server
    client = dev_client(url)
    mine = Listener()
    settings = {"role": "director", "questions": 2, "follow_ups": 1, "seed": 5}
    hostile = {**settings, "base_url": mine.url, "model": "client-model", "api_key": "client-key",
               "embedder": "openai", "timeout": 1}  # fmt: skip
    # sweep30 S6: the keys were dropped without a word (LangGraph filters a context by the graph's schema), so a
    # client that thought it had set its own model learnt nothing. Refused with one line, before the run is queued.
    thread = client.threads.create()
    said = refused_line(lambda: client.runs.wait(thread["thread_id"], "interviewer", input={}, context=hostile))
    assert said == ("the server does not take api_key, base_url, embedder, model, timeout from a client (allowed: "
                    "feedback, follow_ups, offline, questions, role, seed)")  # fmt: skip
    assert not client.threads.get(thread["thread_id"]).get("values")  # nothing ran
    before = model_server.calls
    thread_id, run = start(client, settings)
    assert run["status"] == "success"
    assert "client-key" not in refused_line(lambda: client.runs.wait(  # a resume's context is checked the same way
        thread_id, "interviewer", command={"resume": ANSWER}, context={**settings, "api_key": "client-key"}))
    # the same keys as `configurable` are refused too (they were written into every checkpoint's metadata, stop 32)
    config = {"configurable": {"base_url": mine.url, "model": "client-model", "embedder": "openai"}}
    step = client.threads.get_state(thread_id)["interrupts"][0]["value"]["step"]
    assert refused_line(lambda: client.runs.wait(thread_id, "interviewer", config=config, command={
        "resume": {"kind": "answer", "text": ANSWER, "step": step}})).startswith(
        "the server does not take base_url, embedder, model in config.configurable from a client")  # fmt: skip
    values = answer_all(client, thread_id, settings)
    assert mine.connections == 0  # the client's URL was never contacted
    assert model_server.calls > before  # the server's own model graded the answers ...
    new = model_server.requests[before:]
    assert {body.get("model") for body in new} == {"stub-model"}  # ... with the server's model name
    assert all(h.get("authorization") == f"Bearer {SERVER_KEY}" for h in model_server.headers[before:])
    dump = repr(values)
    assert SERVER_KEY not in dump and model_server.url not in dump  # neither key nor server URL reach the client
    assert values["report"]["transcript"]["context"].get("model") == "stub-model"


def test_a_client_cannot_make_the_server_read_or_write_its_paths(server: tuple[str, Path], tmp_path: Path) -> None:
    url, data = server
    client = dev_client(url)
    secret = tmp_path / "server-notes"
    secret.mkdir()
    story = f"## Story: {SECRET_TITLE}\n\nS: x.\nT: y.\nA: I fixed it.\nR: 30% fewer errors.\n"
    (secret / "notes.md").write_text(story)
    (secret / "evil.yaml").write_text("name: evil\ntitle: Evil\nquestions: []\n")
    target = tmp_path / "written-here"
    context = {"role": "director", "questions": 1, "follow_ups": 0, "seed": 2, "docs": [str(secret)],
               "index_dir": str(target)}  # fmt: skip
    thread = client.threads.create(metadata={"user_id": "path-prober"})
    said = refused_line(lambda: client.runs.wait(thread["thread_id"], "interviewer", input={}, context=context))
    assert said.startswith("the server does not take docs, index_dir from a client (allowed: ")
    assert str(secret) not in said  # the paths are not echoed back
    stateless = refused_line(lambda: client.runs.wait(None, "interviewer", input={}, context=context))
    assert stateless == said  # a run on no thread is checked the same way
    assert not target.exists()
    # The same keys as `configurable` (LangGraph's older way in) are refused the same way (stop 32: they were not
    # read, but were written into every checkpoint's metadata); the session runs without them.
    config = {"configurable": {"docs": [str(secret)], "index_dir": str(target)}}
    thread_id, run = start(client, {"role": "director", "questions": 1, "follow_ups": 0, "seed": 2},
                           metadata={"user_id": "path-prober"})  # fmt: skip
    assert run["status"] == "success"
    step = client.threads.get_state(thread_id)["interrupts"][0]["value"]["step"]
    configured = refused_line(lambda: client.runs.wait(thread_id, "interviewer", config=config, command={
        "resume": {"kind": "answer", "text": ANSWER, "step": step}}))  # fmt: skip
    assert configured.startswith("the server does not take docs, index_dir in config.configurable from a client")
    assert str(secret) not in configured
    values = answer_all(client, thread_id, {}, {"configurable": {"seed": 2}})
    titles = {s["title"] for t in values["turns"] for s in t["stories"]}
    assert SECRET_TITLE not in repr(values) and SECRET_TITLE not in titles  # never the server's folder
    assert not target.exists()
    assert str(data) not in repr(values)  # no server path in the state a client reads
    # A role given as a path is refused by name, before anything runs.
    _, refused = start(client, {"role": str(secret / "evil.yaml")})
    assert refused["status"] == "error"
    # Document names are labels: a name with ../ is stored inside the candidate's folder all the same.
    docs = [{"name": "../../../../outside.md", "text": NOTES}]
    _, stored = start(client, {"role": "director", "questions": 1, "seed": 1}, {"user_id": "namer"}, documents=docs)
    assert stored["status"] == "success"
    assert not (data.parent / "outside.md").exists() and not (data / "outside.md").exists()
    assert [p.name for p in data.glob("candidates/*/docs/*/outside.md")] == ["outside.md"]


def test_uploaded_notes_serve_that_candidate_only_and_the_report_comes_back(server: tuple[str, Path]) -> None:
    url, data = server
    client = dev_client(url)
    context = {"role": "engineering-manager", "questions": 1, "follow_ups": 0, "seed": 25}  # an incident question
    docs = [{"name": "on-call.md", "text": NOTES}]
    thread_id, run = start(client, context, {"user_id": "carol"}, documents=docs)
    assert run["status"] == "success"
    values = answer_all(client, thread_id, context)
    assert "Halved the on-call load" in {s["title"] for t in values["turns"] for s in t["stories"]}
    assert "documents" not in values or values["documents"] == []  # the text is stored, not kept in the state
    report = values["report"]
    assert report["markdown"].startswith("# Mock interview report") and ANSWER[:40] in report["markdown"]
    assert report["transcript"]["turns"][0]["answer"] == ANSWER
    assert report["transcript"]["context"]["documents"] == ["on-call.md"]
    stored = list(data.glob("candidates/*/docs/*/on-call.md"))
    assert len(stored) == 1 and stored[0].stat().st_mode & 0o777 == 0o600
    assert len(list(stored[0].parents[2].glob("reports/*.md"))) == 1  # the report is in carol's folder too
    # Carol's next session uses her notes without uploading them again; Dave never sees them.
    again, _ = start(client, context, {"user_id": "carol"})
    assert "Halved the on-call load" in repr(answer_all(client, again, context))
    other, _ = start(client, context, {"user_id": "dave"})
    assert "Halved the on-call load" not in repr(answer_all(client, other, context))


def test_an_oversized_upload_is_refused_with_a_reason(server: tuple[str, Path]) -> None:
    url, _ = server
    client = dev_client(url)
    docs = [{"name": "huge.md", "text": "x" * (600 * 1024)}]
    with pytest.raises(Exception, match="the upload was refused, nothing was stored: document 1: 614400 bytes"):
        start(client, {"role": "director"}, {"user_id": "big"}, documents=docs)
    [thread] = client.threads.search(metadata={"user_id": "big"})
    assert not client.threads.get_state(thread["thread_id"])["values"]


def test_studio_schemas_build_and_offer_no_url_key_or_path(server: tuple[str, Path]) -> None:
    url, _ = server
    client = dev_client(url)
    assistant = client.assistants.search(graph_id="interviewer")[0]
    schemas = client.assistants.get_schemas(assistant["assistant_id"])  # the endpoint that failed on 3.11
    assert set(schemas["context_schema"]["properties"]) == {
        "role", "questions", "follow_ups", "seed", "feedback", "offline"
    }  # fmt: skip
    assert "documents" in schemas["input_schema"]["properties"]


def test_each_answer_feeds_the_candidates_history_in_the_store_and_progress_serves_it(
    server: tuple[str, Path],
) -> None:
    url, data = server
    client = dev_client(url)
    context = {"role": "director", "questions": 2, "follow_ups": 0, "offline": True}
    for seed in (11, 12):
        upload = {"documents": [{"name": "erin.md", "text": NOTES}]} if seed == 11 else {}
        thread_id, _ = start(client, {**context, "seed": seed}, {"user_id": "erin"}, **upload)
        answer_all(client, thread_id, {**context, "seed": seed})
    half, _ = start(client, {**context, "seed": 13}, {"user_id": "erin"})  # a session left after one answer
    run = client.runs.create(half, "interviewer", command={"resume": {"kind": "answer", "text": ANSWER}},
                             context={**context, "seed": 13})  # fmt: skip
    client.runs.join(half, run["run_id"])

    assert not list(data.glob("candidates/*/history/*.json"))  # the store holds it, not the server's disk
    # a client reads its own candidates' history (agent.service_auth.own_coaching): Erin's under her user_id, apart
    # from the signed-in client's own (the other tests' sessions)
    erin = client.store.search_items(("coaching", "user:erin"), limit=100)["items"]
    assert len(erin) == 3 and len({tuple(item["namespace"]) for item in erin}) == 1
    signed_in = client.store.search_items(("coaching",), limit=100)["items"]
    assert erin[0]["namespace"] not in [item["namespace"] for item in signed_in]

    mine = client.runs.wait(None, "progress", input={"role": "director"}, metadata={"user_id": "erin"})
    progress = mine["view"]["progress"]
    assert progress["sessions"] == 3 and progress["answers"] == 5
    answered = [c for c in progress["competencies"] if c["answers"]]
    assert sum(c["answers"] for c in answered) == 5 and all(c["points"] for c in answered)
    assert str(data) not in repr(mine) and len(mine["view"]["docs"]) == 1  # the upload's version id, not its path
    latest = client.runs.wait(None, "progress", input={}, metadata={"user_id": "erin"})  # the latest session's role
    assert latest["view"]["role"] == "director"
    others = client.runs.wait(None, "progress", input={"role": "director"}, metadata={"user_id": "frank"})
    assert others["view"]["progress"]["sessions"] == 0  # Erin's history is hers
    nobody = client.runs.wait(None, "progress", input={}, metadata={"user_id": "frank"})
    assert nobody["error"].startswith("no sessions yet")
    with pytest.raises(Exception, match="unknown role"):  # a name among the installed packs, never a path
        client.runs.wait(None, "progress", input={"role": "../../etc/passwd"}, metadata={"user_id": "erin"})
