"""What the interview service does with a client's moves that do not fit the interview, on a real `langgraph dev`
driven through langgraph-sdk: a double submit, a retry, an answer for another question, a value that is no answer.

Each is refused with one line and nothing is recorded: an answer never lands on a question the candidate was not
shown.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from agent.candidates import candidate_key
from agent.service_auth import identity_of
from evals.langgraph_dev import TEST_TOKEN, dev_client, langgraph_dev
from tests.service_threads import ANSWER, CONTEXT, moves_behind_an_end_are_refused, started


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The server's URL and its working folder (server.log: what the operator reads)."""
    data, home = tmp_path_factory.mktemp("moves-data"), tmp_path_factory.mktemp("moves-server")
    with langgraph_dev({"INTERVIEWER_DATA_DIR": str(data), "INTERVIEWER_EMBEDDER": "minilm"}, home=home) as url:
        yield url, home


def prompt(client: Any, thread_id: str) -> dict[str, Any]:
    """The value of the interrupt waiting on the thread."""
    [waiting] = client.threads.get_state(thread_id)["interrupts"]
    return dict(waiting["value"])


def answers(client: Any, thread_id: str) -> list[tuple[str, int]]:
    return [(t["answer"], t["question_index"]) for t in client.threads.get_state(thread_id)["values"]["turns"]]


def at_once(client: Any, thread_id: str, *resumes: Any) -> list[dict[str, Any]]:
    """Send the resumes as runs created back to back (a double click, a retry), then wait for each."""
    runs = [client.runs.create(thread_id, "interviewer", command={"resume": r}, context=CONTEXT) for r in resumes]
    finished = [client.runs.join(thread_id, run["run_id"]) for run in runs]
    assert [client.runs.get(thread_id, run["run_id"])["status"] for run in runs] == ["success"] * len(runs)
    return finished


def refusal(values: dict[str, Any]) -> str | None:
    [waiting] = values["__interrupt__"]
    return waiting["value"].get("refused")


def test_a_double_submit_lands_once_and_the_repeat_is_refused_naming_the_current_question(
    server: tuple[str, Path],
) -> None:
    client: Any = dev_client(server[0])
    thread_id = started(client, "double")
    first = prompt(client, thread_id)
    assert (first["step"], first["turn_index"]) == (0, 0)

    # A double click: the same answer twice, no marker. It lands once, on question 1.
    twice = {"kind": "answer", "text": ANSWER}
    landed, repeated = at_once(client, thread_id, twice, dict(twice))
    assert refusal(landed) is None
    line = refusal(repeated)
    assert line is not None and "\n" not in line
    second = prompt(client, thread_id)
    assert f"question 2 of 3 ({second['question_id']})" in line and "repeats the one just recorded" in line
    assert answers(client, thread_id) == [(ANSWER, 0)]

    # Two different answers, each echoing the prompt it answers: the second names step 1, which is gone.
    mine = {"kind": "answer", "question_id": second["question_id"], "turn_index": 1, "step": second["step"]}
    ok, late = at_once(client, thread_id, {**mine, "text": "A: the first answer."}, {**mine, "text": "B: a retry."})
    assert refusal(ok) is None
    late_line = refusal(late)
    assert late_line is not None and "step 1" in late_line and "question 3 of 3" in late_line
    assert answers(client, thread_id) == [(ANSWER, 0), ("A: the first answer.", 1)]

    # After the refusals the thread takes the next answer as usual (the refused values are not replayed into it).
    third = prompt(client, thread_id)
    assert third["step"] == 2 and "refused" in third
    client.runs.wait(thread_id, "interviewer", command={"resume": {"kind": "answer", "text": "C: the last one.",
                     "step": 2}}, context=CONTEXT)  # fmt: skip
    assert answers(client, thread_id)[-1] == ("C: the last one.", 2)
    assert client.threads.get_state(thread_id)["next"] == []


def test_the_same_words_echoing_the_current_prompt_are_taken_as_its_answer(
    server: tuple[str, Path],
) -> None:
    client: Any = dev_client(server[0])
    thread_id = started(client, "repeat-on-purpose")
    client.runs.wait(thread_id, "interviewer", command={"resume": ANSWER}, context=CONTEXT)
    # The candidate means the same words for question 2: echoing the prompt says so.
    client.runs.wait(thread_id, "interviewer", command={"resume": {"kind": "answer", "text": ANSWER, "step": 1}},
                     context=CONTEXT)  # fmt: skip
    assert answers(client, thread_id) == [(ANSWER, 0), (ANSWER, 1)]


def test_an_answer_after_the_end_and_one_before_the_start_are_refused_with_one_line(server: tuple[str, Path]) -> None:
    client: Any = dev_client(server[0])
    thread_id = started(client, "late")
    client.runs.wait(thread_id, "interviewer", command={"resume": ANSWER}, context=CONTEXT)
    client.runs.wait(thread_id, "interviewer", command={"resume": {"kind": "end", "step": 1}}, context=CONTEXT)
    report = client.threads.get_state(thread_id)["values"]["report"]["markdown"]
    with pytest.raises(Exception, match="409") as late:
        client.runs.wait(thread_id, "interviewer", command={"resume": "LATE: after the end."}, context=CONTEXT)
    assert "the interview on this thread has ended" in " ".join(late.value.__notes__)  # what the client prints
    values = client.threads.get_state(thread_id)["values"]
    assert "LATE" not in repr(values) and values["report"]["markdown"] == report
    # A resume on a thread that has no interview yet says what to send first.
    fresh = client.threads.create(metadata={"user_id": "early"})["thread_id"]
    with pytest.raises(Exception, match="409") as early:
        client.runs.wait(fresh, "interviewer", command={"resume": ANSWER}, context=CONTEXT)
    assert "no interview yet: start it with a run with input={}" in " ".join(early.value.__notes__)


def test_a_first_run_without_input_starts_with_no_documents(server: tuple[str, Path]) -> None:
    client: Any = dev_client(server[0])
    thread_id = client.threads.create(metadata={"user_id": "no-input"})["thread_id"]
    values = client.runs.wait(thread_id, "interviewer", context=CONTEXT)  # no input at all
    assert values["__interrupt__"][0]["value"]["step"] == 0 and len(values["plan"]) == 3


def test_an_answer_text_that_is_not_a_string_is_refused(server: tuple[str, Path]) -> None:
    client: Any = dev_client(server[0])
    thread_id = started(client, "list-text")
    values = client.runs.wait(thread_id, "interviewer", command={"resume": {"kind": "answer", "text": ["a", "b"]}},
                              context=CONTEXT)  # fmt: skip
    assert (refusal(values) or "").startswith("the answer text must be a string (got a list); nothing was recorded; "
                                              "the current prompt is step 0, the question 1 of 3")  # fmt: skip
    assert answers(client, thread_id) == []
    values = client.runs.wait(thread_id, "interviewer", command={"resume": {"kind": "explode"}}, context=CONTEXT)
    assert "got {'kind': 'explode'}; nothing was recorded; the current prompt is step 0" in (refusal(values) or "")
    for empty in (None, {}):  # LangGraph takes these as no resume and would replay the refusal above
        sent = {"assistant_id": "interviewer", "command": {"resume": empty}, "context": CONTEXT}
        reply = httpx.post(f"{server[0]}/threads/{thread_id}/runs/wait", json=sent, timeout=120,
                           headers={"Authorization": f"Bearer {TEST_TOKEN}"})  # fmt: skip
        assert reply.status_code == 409 and "this resume carries no move" in reply.json()["detail"], reply.text
    assert answers(client, thread_id) == [] and prompt(client, thread_id)["step"] == 0


def test_a_refused_client_input_is_one_line_in_the_server_log(server: tuple[str, Path]) -> None:
    client: Any = dev_client(server[0])
    log = server[1] / "server.log"
    before = len(log.read_text(errors="replace").splitlines())
    thread_id = client.threads.create(metadata={"user_id": "refused"})["thread_id"]
    run = client.runs.create(thread_id, "interviewer", input={"documents": []}, context={"role": "../../x.yaml"})
    client.runs.join(thread_id, run["run_id"])
    assert client.runs.get(thread_id, run["run_id"])["status"] == "error"  # the client gets its one line
    thread_id = client.threads.create(metadata={"user_id": "refused"})["thread_id"]
    with pytest.raises(Exception) as refused:  # refused before the run: nothing of it is stored
        client.runs.create(thread_id, "interviewer", input={"documents": [{"name": "big.md", "text": "x" * 600_000}]},
                           context={"role": "director"})  # fmt: skip
    assert getattr(refused.value, "status_code", None) == 413
    wanted = ("unknown role '../../x.yaml'", "600000 bytes")
    deadline = time.monotonic() + 60  # the worker logs the failed run after the client sees it
    while True:
        added = log.read_text(errors="replace").splitlines()[before:]
        if all(any(w in line for line in added) for w in wanted) or time.monotonic() > deadline:
            break
        time.sleep(0.2)
    assert not [line for line in added if "Traceback" in line]
    assert len([line for line in added if "unknown role '../../x.yaml'" in line]) == 1
    assert len([line for line in added if "600000 bytes" in line and "refused" in line]) == 1


def test_the_sample_story_hint_names_the_upload_not_a_terminal_flag(server: tuple[str, Path]) -> None:
    client: Any = dev_client(server[0])
    context = {"role": "director", "questions": 2, "follow_ups": 1, "seed": 31, "offline": True}
    thread_id = client.threads.create(metadata={"user_id": "no-docs"})["thread_id"]
    client.runs.wait(thread_id, "interviewer", input={}, context=context)
    answer = ("I disagreed with the product director about the launch date; we agreed a joint 99.9% uptime target "
              "and shipped two weeks later.")  # fmt: skip
    values = client.runs.wait(thread_id, "interviewer", command={"resume": answer}, context=context)
    said = repr(values)
    assert "sample story" in said  # the critic points at a bundled story ...
    assert "--docs" not in said and 'input={"documents"' in said  # ... and says how a client brings its own


def test_a_skip_without_step_is_refused_so_a_double_click_skips_only_the_prompt_shown(
    server: tuple[str, Path],
) -> None:
    client: Any = dev_client(server[0])
    thread_id = started(client, "double-skip")
    shown = prompt(client, thread_id)
    # A client that echoes nothing: neither skip of a double click is taken, each says what to send.
    for values in at_once(client, thread_id, {"kind": "skip"}, {"kind": "skip"}):
        line = refusal(values)
        assert line is not None and "\n" not in line and 'must echo the waiting prompt\'s step ("step": 0)' in line
    assert client.threads.get_state(thread_id)["values"]["turns"] == []
    # Echoing the step: the first skip lands, the second (same step) is refused; question 2 waits, unskipped.
    first, second = at_once(client, thread_id, {"kind": "skip", "step": 0}, {"kind": "skip", "step": 0})
    assert refusal(first) is None and "step 0" in (refusal(second) or "")
    turns = client.threads.get_state(thread_id)["values"]["turns"]
    assert [(t["question_id"], t["skipped"]) for t in turns] == [(shown["question_id"], True)]
    assert (prompt(client, thread_id)["step"], prompt(client, thread_id)["turn_index"]) == (1, 1)


def test_a_repeated_start_run_returns_the_waiting_follow_up_unchanged(server: tuple[str, Path]) -> None:
    client: Any = dev_client(server[0])
    context = {"role": "director", "questions": 3, "follow_ups": 1, "seed": 2, "offline": True}
    thread_id = client.threads.create(metadata={"user_id": "double-start"})["thread_id"]
    first = client.runs.wait(thread_id, "interviewer", input={}, context=context)["__interrupt__"][0]["value"]
    again = client.runs.wait(thread_id, "interviewer", input={}, context=context)["__interrupt__"][0]["value"]
    assert again == first  # a double click on "start": the same question, nothing planned anew
    answer = {"kind": "answer", "text": "I led 8 people; cost fell 30%.", "step": 0}
    follow_up = client.runs.wait(thread_id, "interviewer", command={"resume": answer}, context=context)
    waiting = follow_up["__interrupt__"][0]["value"]
    assert waiting["kind"] == "follow_up" and waiting["step"] == 1
    # The page reloads and re-sends the start: the follow-up the candidate was shown still waits, as it was.
    restarted = client.runs.wait(thread_id, "interviewer", input={}, context=context)["__interrupt__"][0]["value"]
    assert restarted == waiting
    assert len(client.threads.get_state(thread_id)["values"]["turns"]) == 1
    # ... so the candidate's answer to it lands on it, even from a client that echoes nothing.
    reply = "FOLLOW-UP: RAG kept the data fresh."
    client.runs.wait(thread_id, "interviewer", command={"resume": reply}, context=context)
    last = client.threads.get_state(thread_id)["values"]["turns"][-1]
    assert (last["answer"], last["is_follow_up"], last["question_index"]) == (reply, True, 0)


def test_a_start_run_on_an_ended_thread_is_refused_with_one_line(server: tuple[str, Path]) -> None:
    client: Any = dev_client(server[0])
    log = server[1] / "server.log"
    thread_id = started(client, "restart-ended")
    client.runs.wait(thread_id, "interviewer", command={"resume": {"kind": "end", "step": 0}}, context=CONTEXT)
    report = client.threads.get_state(thread_id)["values"]["report"]
    before = len(log.read_text(errors="replace").splitlines())
    with pytest.raises(Exception, match="409") as again:
        client.runs.wait(thread_id, "interviewer", input={}, context=CONTEXT)
    said = " ".join(again.value.__notes__)
    assert "the interview on this thread has ended" in said and "start a new interview on a new thread" in said
    assert client.threads.get_state(thread_id)["values"]["report"] == report
    time.sleep(1)
    added = log.read_text(errors="replace").splitlines()[before:]
    assert not [line for line in added if "Traceback" in line or "InvalidStateError" in line]


def test_an_answer_without_text_or_over_the_cap_is_refused_and_nothing_is_recorded(server: tuple[str, Path]) -> None:
    client: Any = dev_client(server[0])
    thread_id = started(client, "no-text")
    for resume, said in [({"kind": "answer", "text": None, "step": 0}, "an answer needs its text"),
                         ({"kind": "answer", "step": 0}, "an answer needs its text"),
                         ("x" * 200_000, "this answer is 200,000 characters, over the 20,000")]:  # fmt: skip
        values = client.runs.wait(thread_id, "interviewer", command={"resume": resume}, context=CONTEXT)
        assert said in (refusal(values) or "")
    assert answers(client, thread_id) == [] and prompt(client, thread_id)["step"] == 0


def test_input_keys_other_than_documents_are_not_kept(server: tuple[str, Path]) -> None:
    client: Any = dev_client(server[0])
    thread_id = client.threads.create(metadata={"user_id": "extra-input"})["thread_id"]
    parked = {"candidate_questions": ["q" * 1000] * 2000, "recent_question_ids": ["x"], "documents": []}
    values = client.runs.wait(thread_id, "interviewer", input=parked, context=CONTEXT)
    assert "candidate_questions" not in values and len(repr(values)) < 100_000
    assert "candidate_questions" not in client.threads.get_state(thread_id)["values"]


def test_a_client_cannot_put_or_delete_items_in_a_candidates_coaching_history(server: tuple[str, Path]) -> None:
    client: Any = dev_client(server[0])
    thread_id = started(client, "alice-store")
    client.runs.wait(thread_id, "interviewer", command={"resume": ANSWER}, context=CONTEXT)
    namespace = ["coaching", candidate_key(f"auth:{identity_of(f'Bearer {TEST_TOKEN}', None)}/user:alice-store")]
    assert client.store.search_items(namespace)["items"] == []  # a client reads its own namespaces only
    for write in (lambda: client.store.put_item(namespace, "forged", {"turns": []}),
                  lambda: client.store.delete_item(namespace, "any")):  # fmt: skip
        with pytest.raises(Exception, match="is written by the interview service only") as refused:
            write()
        assert getattr(refused.value, "status_code", None) == 403
    progress = client.runs.wait(None, "progress", input={"role": "director"}, metadata={"user_id": "alice-store"})
    assert progress["view"]["progress"]["answers"] == 1  # the graph reads the history as it wrote it
    client.store.put_item(["scratch", "notes"], "mine", {"n": 1})  # other namespaces are the client's own business
    assert client.store.get_item(["scratch", "notes"], "mine")["value"] == {"n": 1}


def test_a_resume_queued_while_the_last_answer_is_graded_is_refused_not_dropped(server: tuple[str, Path]) -> None:
    client: Any = dev_client(server[0])
    context = {**CONTEXT, "questions": 1}
    thread_id = client.threads.create(metadata={"user_id": "queued-late"})["thread_id"]
    client.runs.wait(thread_id, "interviewer", input={}, context=context)
    last = client.runs.create(thread_id, "interviewer", command={"resume": ANSWER}, context=context)
    # A second click while the last answer is graded: queued behind it, it would find the interview over.
    with pytest.raises(Exception, match="the interview on this thread has ended") as late:
        client.runs.create(thread_id, "interviewer", command={"resume": "LATE: a second click."}, context=context,
                           multitask_strategy="enqueue")  # fmt: skip
    assert getattr(late.value, "status_code", None) == 409
    client.runs.join(thread_id, last["run_id"])
    values = client.threads.get_state(thread_id)["values"]
    assert "LATE" not in repr(values) and values["report"] is not None


def test_a_move_queued_behind_an_end_or_sent_with_it_is_refused_not_dropped(server: tuple[str, Path]) -> None:
    """An `end` at the first of three questions, then a move: queued behind it, or sent at the same moment from
    two connections; LangGraph would run nothing for a move that reaches the ended interview and call it a success."""
    moves_behind_an_end_are_refused(server[0])


@pytest.mark.parametrize("strategy", ["interrupt", "rollback"])
def test_a_move_sent_to_cancel_the_one_in_flight_is_queued_behind_it_and_both_are_told(
    server: tuple[str, Path], strategy: str
) -> None:
    """Two tabs answer the same prompt, the second asking LangGraph to cancel the run in flight: the first answer is
    recorded and its client gets the next prompt; the second is refused naming the step it was sent for."""
    client: Any = dev_client(server[0])
    thread_id = started(client, f"cancelling-{strategy}")
    shown = prompt(client, thread_id)
    mark = {"kind": "answer", "step": shown["step"], "question_id": shown["question_id"],
            "turn_index": shown["turn_index"]}  # fmt: skip
    first = client.runs.create(thread_id, "interviewer", command={"resume": {**mark, "text": f"FIRST {ANSWER}"}},
                               context=CONTEXT)  # fmt: skip
    second = client.runs.wait(thread_id, "interviewer", command={"resume": {**mark, "text": f"SECOND {ANSWER}"}},
                              context=CONTEXT, multitask_strategy=strategy)  # fmt: skip
    assert client.runs.get(thread_id, first["run_id"])["status"] == "success"
    assert "step 0" in (refusal(second) or "")
    assert answers(client, thread_id) == [(f"FIRST {ANSWER}", 0)]


def test_an_upload_over_the_limits_is_refused_before_anything_stores_it(server: tuple[str, Path]) -> None:
    client: Any = dev_client(server[0])
    thread_id = client.threads.create(metadata={"user_id": "big-upload"})["thread_id"]
    documents = [{"name": "stories.md", "text": "## Story 1\n" + "I led it. " * 120_000}]  # 1.2 MB, cap 512 KB
    with pytest.raises(Exception) as refused:
        client.runs.wait(thread_id, "interviewer", input={"documents": documents}, context=CONTEXT)
    response = getattr(refused.value, "response", None)  # runs.wait raises httpx's error: the status is on it
    assert getattr(response, "status_code", None) == 413
    said = f"{refused.value} {getattr(response, 'text', '')}"
    assert "the upload was refused, nothing was stored: document 1: 1200011 bytes (at most 524288)" in said
    state = client.threads.get_state(thread_id)
    assert not state["values"] and not client.threads.get_history(thread_id)  # no checkpoint holds it
    started_after = client.runs.wait(thread_id, "interviewer", input={}, context=CONTEXT)  # the thread is usable
    assert started_after["__interrupt__"][0]["value"]["step"] == 0


def test_a_resume_with_another_context_does_not_change_the_interview(server: tuple[str, Path]) -> None:
    """The interview keeps the settings it started with (ops25 O5): a resume sending another role, number of
    questions or follow-ups is answered as one with the start's context (a control thread), and the answer is
    filed under the start's role."""
    client: Any = dev_client(server[0])
    context = {**CONTEXT, "follow_ups": 1}
    switched = {**context, "role": "ai-engineer", "questions": 12, "follow_ups": 0}
    prompts = []
    for user, sent in (("context-control", context), ("context-switch", switched)):
        thread_id = client.threads.create(metadata={"user_id": user})["thread_id"]
        client.runs.wait(thread_id, "interviewer", input={}, context=context)
        now = client.runs.wait(thread_id, "interviewer", command={"resume": ANSWER}, context=sent)
        value = now["__interrupt__"][0]["value"]
        prompts.append((value["kind"], value["total"], value["question_id"], value["text"]))
    assert prompts[0] == prompts[1] and prompts[1][1] == 3, prompts
    progress = client.runs.wait(None, "progress", input={}, metadata={"user_id": "context-switch"})
    assert progress["view"]["role"] == "director", progress


def test_a_copy_of_an_interview_under_way_goes_on(server: tuple[str, Path]) -> None:
    """threads.copy of a thread after its first answer (ops25 O6): the copy's waiting prompt takes its answer (it was
    refused with 409 'this thread has no interview yet' while the copy's state showed the interview)."""
    client: Any = dev_client(server[0])
    thread_id = started(client, "copied")
    client.runs.wait(thread_id, "interviewer", command={"resume": ANSWER}, context=CONTEXT)
    copy = client.threads.copy(thread_id)["thread_id"]
    shown = prompt(client, copy)
    move = {"kind": "answer", "text": "COPY: my answer to the second question.", "step": shown["step"],
            "question_id": shown["question_id"], "turn_index": shown["turn_index"]}  # fmt: skip
    now = client.runs.wait(copy, "interviewer", command={"resume": move}, context=CONTEXT)
    assert refusal(now) is None and now["__interrupt__"][0]["value"]["step"] == shown["step"] + 1
    assert answers(client, copy) == [(ANSWER, 0), ("COPY: my answer to the second question.", 1)]
    assert answers(client, thread_id) == [(ANSWER, 0)]  # the original is untouched


def test_a_retry_of_a_recorded_answer_is_told_it_is_in(server: tuple[str, Path]) -> None:
    """A client that timed out resends the same answer (ops25 O7): told its answer is the one recorded, not the line a
    different answer that lost a race gets."""
    client: Any = dev_client(server[0])
    thread_id = started(client, "retry-recorded")
    shown = prompt(client, thread_id)
    move = {"kind": "answer", "text": ANSWER, "step": shown["step"], "question_id": shown["question_id"],
            "turn_index": shown["turn_index"]}  # fmt: skip
    client.runs.wait(thread_id, "interviewer", command={"resume": move}, context=CONTEXT)
    again = client.runs.wait(thread_id, "interviewer", command={"resume": move}, context=CONTEXT)
    told = refusal(again) or ""
    assert told.startswith("this answer, sent for step 0, ") and "is the one recorded there already" in told, told
    other = client.runs.wait(thread_id, "interviewer", command={"resume": {**move, "text": "Another answer."}},
                             context=CONTEXT)  # fmt: skip
    lost = refusal(other) or ""
    assert lost.startswith("this answer was sent for step 0, ") and "which is not the prompt waiting" in lost, lost
    assert answers(client, thread_id) == [(ANSWER, 0)]


def test_another_graph_cannot_run_on_an_interview_thread(server: tuple[str, Path]) -> None:
    """A progress run on a thread under way (ops25 O8) is refused with one line; the interview goes on."""
    client: Any = dev_client(server[0])
    thread_id = started(client, "cross-graph")
    sent = {"assistant_id": "progress", "input": {"role": "director"}}
    reply = httpx.post(f"{server[0]}/threads/{thread_id}/runs/wait", json=sent, timeout=120,
                       headers={"Authorization": f"Bearer {TEST_TOKEN}"})  # fmt: skip
    assert reply.status_code == 409 and "this thread holds an interview" in reply.json()["detail"], reply.text
    now = client.runs.wait(thread_id, "interviewer", command={"resume": ANSWER}, context=CONTEXT)
    assert refusal(now) is None and answers(client, thread_id) == [(ANSWER, 0)]


def test_terminal_controls_in_an_answer_never_reach_the_state_or_the_transcript(server: tuple[str, Path]) -> None:
    """sweep28 S13: an answer's escapes (a title change, a screen clear, a bell) were kept raw in the thread's state and
    the transcript file; the terminal tool strips them before they are stored."""
    client: Any = dev_client(server[0])
    thread_id = started(client, "escapes")
    hostile = "OPENS \x1b]0;RENAMED\x07\x1b[2J I cut our cloud bill 35% by moving batch jobs to spot capacity.\x00"
    client.runs.wait(thread_id, "interviewer", command={"resume": {"kind": "answer", "text": hostile}},
                     context=CONTEXT)  # fmt: skip
    client.runs.wait(thread_id, "interviewer", command={"resume": {"kind": "end", "step": 1}}, context=CONTEXT)
    values = client.threads.get_state(thread_id)["values"]
    stored = repr(values)
    assert "\\x1b" not in stored and "\\x07" not in stored and "\\x00" not in stored, stored[:600]
    assert values["turns"][0]["answer"] == "OPENS  I cut our cloud bill 35% by moving batch jobs to spot capacity."
    reports = [p for p in server[1].parent.glob("moves-data*/**/reports/*.json") if "OPENS" in p.read_text("utf-8")]
    assert reports  # the transcript file of this interview
    for path in reports:
        assert "\\u001b" not in path.read_text(encoding="utf-8") and "\\u0007" not in path.read_text(encoding="utf-8")


def test_a_malformed_upload_is_refused_as_malformed_not_as_too_large(server: tuple[str, Path]) -> None:
    """sweep28 S10: a 40-byte upload whose document has no text was refused with HTTP 413 ("Request Entity Too
    Large"), so a client that maps 413 to "send less" told the candidate to shrink it. It is 422, with the same line."""
    client: Any = dev_client(server[0])
    for documents in ([{"name": "a.md"}], [{"name": "a.md", "text": 123}], "not a list"):
        thread_id = client.threads.create(metadata={"user_id": "malformed-upload"})["thread_id"]
        with pytest.raises(Exception) as refused:
            client.runs.wait(thread_id, "interviewer", input={"documents": documents}, context=CONTEXT)
        response = getattr(refused.value, "response", None)
        assert getattr(response, "status_code", None) == 422, (documents, refused.value)
        assert "the upload was refused, nothing was stored" in getattr(response, "text", ""), response
