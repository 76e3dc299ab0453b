"""sweep29 S7: after the model refused the key on one answer, the next answer was not sent to it (the server is
asked again only after a wait), yet the report's header counted it as "sent to it" and "where the model failed".
The header now says how many were not sent. A real session (InterviewDriver) against a real stub HTTP model server
that refuses the key once; the header is read from the report file written."""

from __future__ import annotations

from pathlib import Path

import pytest
from stub_openai import Action, StubOpenAI, stub
from test_llm_session import run_session

__all__ = ["stub"]


def test_an_answer_not_sent_after_a_refused_key_is_not_counted_as_sent(
    stub: StubOpenAI, isolated_data_dir: Path
) -> None:
    stub.push(Action(status=401))  # the first answer: the key is refused; the next ones are not sent
    _, records = run_session(stub, answers=2)
    mains = [r for r in records if not r["is_follow_up"]]
    assert len(mains) == 2 and stub.calls == 1, (stub.calls, [r.get("usage") for r in mains])
    (report,) = (isolated_data_dir / "reports").glob("*.md")
    header = report.read_text(encoding="utf-8").splitlines()[0]
    said = "failed on every answer sent to it (1), graded 0 of 2; 1 not sent (the model had failed just before)"
    assert said in header, header


def test_three_answers_refused_not_sent_and_graded_are_counted_apart(
    stub: StubOpenAI, isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """sweep30 S12 (the sweep's shape, on 2a4e407 a service header said "on 1 of 3 answers sent to it, offline where
    the model failed (2)" though 2 were sent): the key refused on answer 1, answer 2 not sent, answer 3 graded once
    the server may be asked again (its wait shortened here from minutes to 2 s)."""
    import time

    from agent.context import Context
    from agent.driver import InterviewDriver
    from agent.llm import structured

    monkeypatch.setattr(structured, "DEAD_FOR", 2.0)
    stub.push(Action(status=401))
    ctx = Context(role="senior-genai-engineer", model="stub-model", base_url=stub.url, questions=3, follow_ups=0,
                  embedder="hashing", seed=7, timeout=5.0)  # fmt: skip
    driver = InterviewDriver(ctx)
    try:
        step = driver.start()
        for n in range(3):
            if n == 2:
                time.sleep(2.2)  # the refused key's wait is over: answer 3 is sent
            step = driver.submit(f"Answer {n + 1}: I led the rollout and cut the error rate from 4% to 1%.")
        assert step.kind == "done"
    finally:
        driver.close()
    assert stub.calls == 2, stub.calls  # answers 1 and 3 reached the model
    (report,) = (isolated_data_dir / "reports").glob("*.md")
    header = report.read_text(encoding="utf-8").splitlines()[0]
    said = ("LLM-assisted critic (stub-model) on 1 of 3 answers, offline where the model failed (1), 1 not sent (the "
            "model had failed just before)")  # fmt: skip
    assert header.endswith(said), header
