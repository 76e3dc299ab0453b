"""A reply to a follow-up never waits for speculative MiniLM work of an earlier answer.

When a follow-up is asked, its text is embedded for the critic (static vectors, well under a millisecond) in the
turn itself, and the earlier answer's sentences are embedded with MiniLM on a background thread (only a short reply
needs them). The follow-up's text used to be queued on that same background thread, so a reply sent soon after
waited behind the previous question's MiniLM work. Real graph, real critic and role pack; only that MiniLM work is
made slow (the model boundary). The answers are written for this file.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from langgraph.checkpoint.memory import InMemorySaver

import agent.nodes.retrieve as retrieve
from agent.context import Context
from agent.critic import semantic as semantic_module
from agent.critic.semantic import semantic
from agent.driver import InterviewDriver
from knowledge.index import StoryIndex
from knowledge.models import Story

SLOW_S = 3.0
VAGUE = "We changed how the teams planned their work and things got better after a while. People liked it."
REPLY = (
    "I set up the planning review myself: every second Monday I sat with the four leads, we read the open "
    "requests together, I cut the ones nobody owned, and I wrote the one-page plan that went to our director "
    "the same afternoon, so the leads knew by Tuesday what they would and would not take on that fortnight."
)
STORIES = [Story(id="s-plan", title="Planning reset", text="I reset how four teams planned work.", source="notes.md",
                 competencies=["execution"])]  # fmt: skip


@pytest.fixture
def slow_minilm(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    retrieve.wait_for_searches()
    monkeypatch.setattr(retrieve, "_INDEXES", {((), None, "hashing"): StoryIndex.open(STORIES, embedder="bm25")})
    monkeypatch.setattr(retrieve, "_HITS", {})
    exact = semantic("minilm")

    def slow(texts: list[str]) -> None:  # TEST DOUBLE: MiniLM over an earlier answer, slowed down
        time.sleep(SLOW_S)

    monkeypatch.setattr(exact, "ahead", slow)
    yield
    semantic_module._LATER.submit(lambda: None).result()  # the slowed jobs end inside this test
    retrieve.wait_for_searches()


def test_a_reply_does_not_wait_for_an_earlier_answers_minilm_work(slow_minilm: None) -> None:
    context = Context(role="director", questions=3, follow_ups=1, seed=11, embedder="hashing", offline=True)
    driver = InterviewDriver(context, checkpointer=InMemorySaver())
    driver.start()
    step = driver.submit(VAGUE)
    assert step.kind == "follow_up"  # its MiniLM work (SLOW_S) starts now
    step = driver.submit(REPLY)
    assert step.kind == "question"
    step = driver.submit(VAGUE)
    assert step.kind == "follow_up"
    began = time.perf_counter()
    step = driver.submit(REPLY)  # the follow-up's own vector must not be queued behind the first answer's work
    took = time.perf_counter() - began
    assert step.last is not None and step.last["is_follow_up"] and step.last["critique"] is not None
    assert took < SLOW_S / 2, f"the reply waited {took:.2f} s"
