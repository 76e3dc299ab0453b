"""A whole offline session on fixed questions, driven through the real InterviewDriver (in memory): shared by the
follow-up and score tests that answer a question and then its follow-ups in order."""

from __future__ import annotations

from typing import Any


def fixed_session(role: str, script: tuple[tuple[str, tuple[str, ...]], ...], follow_ups: int = 2) -> dict[str, Any]:
    """The session's final values after answering each (question, answers) of `script` in turn: the first answer
    to the question, the next ones to its follow-ups while it asks them; follow-ups left once a question's answers
    are used up are skipped, and the session is ended when it is not done."""
    from langgraph.checkpoint.memory import InMemorySaver

    from agent.context import Context
    from agent.driver import InterviewDriver

    ctx = Context(role=role, questions=len(script), follow_ups=follow_ups, seed=0, docs=[],
                  fixed_questions=[q for q, _ in script], offline=True)  # fmt: skip
    driver = InterviewDriver(ctx, checkpointer=InMemorySaver())
    step = driver.start()
    for _, answers in script:
        while step.kind == "follow_up":  # this question's answers are used up: move on
            step = driver.skip()
        for k, answer in enumerate(answers):
            if k and step.kind != "follow_up":
                break
            step = driver.submit(answer)
    if step.kind != "done":
        driver.end()
    values: dict[str, Any] = driver.values()
    return values


def graded_turns(values: dict[str, Any]) -> list[dict[str, Any]]:
    """The session's turns that have a critique (answered, not skipped), in order."""
    return [t for t in values["turns"] if t["critique"] is not None]
