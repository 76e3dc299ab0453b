"""evals.load's typed answers: the labelled files are parsed once per process however many users ask at once (a
hundred user threads each parsing them cost ~100 ms of CPU per turn of a 200-user run), and a user answers the
question asked with an answer labelled for it where the set has one."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest

import evals.labels
from evals import load, load_answers


@pytest.fixture
def fresh_pools() -> Iterator[None]:
    """No answer pools parsed yet in this process (and none kept from a stubbed parse for later tests)."""
    load_answers._build.cache_clear()
    yield
    load_answers._build.cache_clear()


def test_users_asking_at_once_parse_the_labelled_files_once(fresh_pools: None, monkeypatch: pytest.MonkeyPatch) -> None:
    real = evals.labels.load_labeled
    items = real()
    parses: list[int] = []

    def slow_parse(*args: Any, **kwargs: Any) -> Any:
        parses.append(1)
        time.sleep(0.2)  # a parse takes long enough that the other users arrive while it runs
        return items

    monkeypatch.setattr(evals.labels, "load_labeled", slow_parse)
    start = threading.Barrier(8)
    texts: list[str] = []

    def user(n: int) -> None:
        start.wait()
        texts.append(load.answer(n, 0))

    threads = [threading.Thread(target=user, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(texts) == 8
    assert len(parses) == 1


def _labelled_for(role: str, question_id: str) -> set[str]:
    """The on-topic labelled answers of typed length written for one question of a role."""
    from agent.nodes.plan import load_pack

    text = next(q.text for q in load_pack(role).questions if q.id == question_id)
    return {
        i.answer
        for i in evals.labels.load_labeled(role=role)
        if (i.question_id == question_id or i.question == text)
        and i.labels.relevance == "on_topic"
        and i.style != "injection"
        and 90 <= len(i.answer.split()) <= 220
    }


def test_an_answer_is_one_labelled_for_the_question_asked() -> None:
    from agent.nodes.plan import load_pack

    pack = load_pack("director")
    covered = [q.id for q in pack.questions if _labelled_for("director", q.id)]
    bare = [q.id for q in pack.questions if not _labelled_for("director", q.id)]
    assert covered and bare  # the set answers some of the role's questions, not all
    strong = set(load_answers.pools().strong)
    for user in range(3):
        for turn, qid in enumerate(covered):
            text = load.answer(user, turn, "labelled", "director", qid)
            tag, _, body = text.partition(" ")
            assert tag == f"[u{user}t{turn}]" and body in _labelled_for("director", qid), (qid, body[:80])
        # a question nothing was written for: a strong answer of typed length, as before
        assert load.answer(user, 0, "labelled", "director", bare[0]).partition(" ")[2] in strong


def test_a_load_user_answers_each_question_its_interview_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    """One user of evals.load through the real driver (memory: backend): each answer in the thread is tagged for
    its turn and, where the set has one, labelled for the question that turn asked."""
    from agent.backend import open_backend
    from agent.graph import compile_graph

    args = {"role": "director", "turns": 5, "think": 0.0, "embedder": "hashing", "answers": "labelled",
            "stories": 0, "banks": "", "phases": False}  # fmt: skip
    backend = open_backend("memory:")
    out: dict[str, Any] = {"backend": backend, "threads": {}, "latencies": [], "spans": [], "errors": [],
                           "phases": [], "sent": {}}  # fmt: skip
    matched = 0
    for user in range(4):
        load._user("memory:", user, args, out)
        assert out["errors"] == []
        values = compile_graph(backend.saver).get_state({"configurable": {"thread_id": out["threads"][user]}}).values
        turns = values["turns"]
        assert [t["answer"] for t in turns] == out["sent"][user] and len(turns) == 5
        for n, turn in enumerate(turns):
            tag, _, body = turn["answer"].partition(" ")
            assert tag == f"[u{user}t{n}]"
            if wanted := _labelled_for("director", turn["question_id"]):
                assert body in wanted, turn["question_id"]
                matched += 1
    assert matched  # some planned questions have labelled answers: the check above ran


def test_lost_counts_sent_answers_missing_and_turns_never_sent() -> None:
    assert load.missing(["a", "b"], ["a", "b"], 2) == 0
    assert load.missing(["a", "b"], ["b"], 2) == 1  # sent, not in the thread
    assert load.missing(["a"], ["a"], 3) == 2  # the user stopped (an error) before two of its turns
