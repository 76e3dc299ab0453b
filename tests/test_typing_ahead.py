"""Sentences embedded while the answer is typed (agent.typing_ahead): the critique after Enter embeds only what is
new, and is exactly the critique of the answer embedded from scratch."""

from __future__ import annotations

from typing import Any

import pytest

from agent.critic import critique_answer
from agent.critic.question import question_info
from agent.critic.semantic import Semantic, semantic
from agent.typing_ahead import TypingAhead, draft_sentences

QUESTION = "Tell me about a time you cut costs without slowing the teams down."
ANSWER = (
    "Our data platform bill had grown 40% in a year and finance asked me to act. "
    "I mapped every pipeline to an owner and cut the idle clusters first. "
    "i moved the nightly batch jobs to spot capacity with a fallback. "
    "Spend fell from $180K to $110K a month within one quarter, and no team missed a release."
)


def _info() -> Any:
    return question_info(QUESTION, "behavioral", None, "director", None, None)


def test_draft_sentences_are_the_finished_ones_as_the_critic_reads_them() -> None:
    first, second = ANSWER.split(". ")[:2]
    assert draft_sentences(f"{first}. {second[:10]}") == [f"{first}."]
    assert draft_sentences(f"{first}. ") == [f"{first}."]  # finished once the next one may start
    assert draft_sentences(f"{first}") == []  # still being typed
    third = ANSWER.split(". ")[2]
    assert draft_sentences(f"{third}. More") == [third.replace("i moved", "I moved", 1) + "."]  # "i" read as "I"


class _Counting:
    """The critic's real embedder, counting the texts each call embeds."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.calls: list[list[str]] = []

    def embed_array(self, texts: list[str]) -> Any:
        self.calls.append(list(texts))
        return self.inner.embed_array(texts)


def test_the_critique_after_typing_embeds_only_the_last_sentence_and_is_the_same_critique() -> None:
    embedder = _Counting(semantic()._embedder)  # the critic's embedder
    sem = Semantic(embedder)
    info = _info()
    others = [*(t for t, _c, _t in info.others), *(s for group in info.other_signals for s in group)]
    sem.fixed([info.text, *others, *info.signals])  # the session's warm-up (every question and signal of the pack)
    cold = critique_answer(QUESTION, "behavioral", ANSWER, info=info, sem=Semantic(embedder.inner))
    last = ANSWER.split(". ")[-1]
    sem.ahead(draft_sentences(ANSWER[: -len(last)] + last[:12]))  # typed up to the middle of the last sentence
    embedder.calls.clear()
    typed = critique_answer(QUESTION, "behavioral", ANSWER, info=info, sem=sem)
    assert typed.model_dump() == cold.model_dump()
    assert embedder.calls == [[last]]  # after Enter: the one sentence finished last


def test_typing_ahead_follows_the_prompts_drafts(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[list[str]] = []
    monkeypatch.setattr(Semantic, "ahead", lambda self, texts: seen.append(list(texts)))
    ahead = TypingAhead()
    for n in range(1, len(ANSWER) + 1):  # one edit per key
        ahead.changed(ANSWER[:n])
    ahead.wait()
    finished = [s + "." for s in ANSWER.replace("i moved", "I moved").split(". ")[:3]]  # not the last: no space after
    assert seen and seen[-1] == draft_sentences(ANSWER) == finished
    assert len(seen) <= 3  # a run per finished sentence at most, not per key


def test_the_prompt_tells_every_edit_of_the_draft() -> None:
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from agent.cli_input import PromptSource

    drafts: list[str] = []
    with create_pipe_input() as pipe, create_app_session(input=pipe, output=DummyOutput()):
        source = PromptSource(on_draft=drafts.append)
        pipe.send_text("I did it. Then\x1b\r")
        assert source.read() == "I did it. Then"
    assert drafts[0] == "I" and drafts[-1] == "I did it. Then"
