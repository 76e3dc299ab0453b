"""The background MiniLM work of a follow-up (the answer it follows, embedded while the candidate reads) runs on one
thread, and stops when the reply is too long to ever be compared with it.

Real graph, real critic, role pack and MiniLM; the passes of the model are only counted and held at a gate (the
model boundary). The answers are written for this file.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from typing import Any

import pytest
from langgraph.checkpoint.memory import InMemorySaver

import agent.nodes.retrieve as retrieve
from agent.context import Context
from agent.critic import semantic as semantic_module
from agent.critic.follow_up import CHECKED_WORDS
from agent.critic.semantic import semantic
from agent.critic.text import words
from agent.driver import InterviewDriver
from knowledge.embedding_minilm import MAX_WORKERS, alone
from knowledge.embeddings import load_embedder
from knowledge.index import StoryIndex
from knowledge.models import Story

VAGUE = ("We changed how the teams planned. It was a big shift for everyone. Things got better after a while. "
         "People liked it in the end. The leads were happier too.")  # fmt: skip
LONG_REPLY = (
    "I ran the new planning review myself: every second Monday I sat down with the four team leads, we read the open "
    "requests together, I cut the ones that nobody owned, and I wrote a one-page plan that went to our director the "
    "same afternoon, so every lead knew by Tuesday what they would and would not take on for that fortnight."
)
STORIES = [Story(id="s-plan", title="Planning reset", text="I reset how four teams planned work.", source="notes.md",
                 competencies=["execution"])]  # fmt: skip


class Passes:
    """Wraps a MiniLM's ONNX passes: records the thread of each and holds the background ones at a gate."""

    def __init__(self, model: Any) -> None:
        self.real = model._forward
        self.gate = threading.Event()
        self.held = threading.Event()  # a background pass is waiting at the gate
        self.threads: list[str] = []

    def __call__(self, feeds: Any) -> Any:
        name = threading.current_thread().name
        self.threads.append(name)
        if name.startswith("critic-ahead"):
            self.held.set()
            self.gate.wait(10)
        return self.real(feeds)


@pytest.mark.skipif(MAX_WORKERS < 2, reason="MiniLM has no helper threads on one core")
def test_an_embedding_alone_runs_every_pass_on_the_calling_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    model = load_embedder("minilm")
    passes = Passes(model)
    real = passes.real

    def slowly(feeds: Any) -> Any:  # each pass takes long enough that a helper, if there is one, takes a batch
        time.sleep(0.05)
        return real(feeds)

    passes.real = slowly
    monkeypatch.setattr(model, "_forward", passes)
    texts = [f"Sentence number {i} about the {'very ' * i}long planning review." for i in range(12)]
    together = model.embed_array(texts)  # type: ignore[attr-defined]
    assert len(set(passes.threads)) > 1  # the caller and MiniLM's helper share the batches
    passes.threads.clear()
    with alone():
        by_one = model.embed_array(texts)  # type: ignore[attr-defined]
    assert len(passes.threads) > 1 and set(passes.threads) == {threading.current_thread().name}
    assert (by_one == together).all()  # the same batches: the same vectors


@pytest.fixture
def held(monkeypatch: pytest.MonkeyPatch) -> Iterator[Passes]:
    retrieve.wait_for_searches()
    monkeypatch.setattr(retrieve, "_INDEXES", {((), None, "hashing"): StoryIndex.open(STORIES, embedder="bm25")})
    monkeypatch.setattr(retrieve, "_HITS", {})
    exact = semantic("minilm")
    exact.clear_ahead()
    exact._embedder.warm()  # type: ignore[attr-defined]  # the ONNX session is loaded before the answers
    passes = Passes(exact._embedder)
    monkeypatch.setattr(exact._embedder, "_forward", passes)
    yield passes
    passes.gate.set()
    semantic_module._LATER.submit(lambda: None).result()  # the held work ends inside this test
    retrieve.wait_for_searches()


def test_a_long_reply_stops_the_background_embedding_of_the_answer_it_follows(held: Passes) -> None:
    assert len(words(LONG_REPLY)) > CHECKED_WORDS
    context = Context(role="director", questions=3, follow_ups=1, seed=11, embedder="hashing", offline=True)
    driver = InterviewDriver(context, checkpointer=InMemorySaver())
    driver.start()
    step = driver.submit(VAGUE)
    assert step.kind == "follow_up"  # MiniLM over VAGUE's five sentences starts in the background
    assert held.held.wait(10)  # and is at its first pass
    step = driver.submit(LONG_REPLY)
    assert step.kind == "question"
    held.gate.set()
    semantic_module._LATER.submit(lambda: None).result()
    background = [t for t in held.threads if t.startswith("critic-ahead")]
    assert len(background) == 1  # the pass under way finished; the others were skipped
    assert not any(s in semantic("minilm")._ahead for s in ("It was a big shift for everyone.",))


def test_two_hundred_candidates_answers_embedded_ahead_are_all_kept_until_their_replies() -> None:
    """A server with 200 candidates reading a follow-up at once: each one's answer (eight sentences here) was
    embedded ahead; when the replies come, none of them is embedded again."""
    counting = Counting()
    sem = semantic_module.Semantic(counting)
    answers = [[f"Candidate {c} said sentence {k} about the migration they led." for k in range(8)] for c in range(200)]
    for told in answers:
        sem.ahead(told)
    embedded = len(counting.texts)
    for told in answers:
        assert sem.vectors(told) is not None
    assert len(counting.texts) == embedded  # every answer was still there


class Counting:
    """The lexical test embedder (knowledge.embedding_hashing), counting the texts it is asked to embed."""

    def __init__(self) -> None:
        self.model = load_embedder("hashing")
        self.name, self.model_hash, self.notice = "hashing", "", None
        self.texts: list[str] = []

    def embed_documents(self, texts: list[str]) -> Any:
        self.texts.extend(texts)
        return self.model.embed_documents(texts)

    def embed_query(self, text: str) -> Any:
        return self.embed_documents([text])[0]
