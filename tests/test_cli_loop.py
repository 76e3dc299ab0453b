"""The session loop against a fake driver: commands, empty answers, the cap and feedback timing."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from typing import Any

import pytest
from rich.console import Console

from agent.cli_input import ANSWER_CAP, ScriptedSource, ScriptExhausted
from agent.cli_loop import InterviewLoop
from agent.cli_render import Renderer


@dataclass
class FakeStep:
    kind: str
    text: str
    turn_index: int = 0
    last: dict[str, Any] | None = None
    report: dict[str, Any] | None = None
    question_id: str = "q"


def _critique(gap: str) -> dict[str, Any]:
    return {
        "score": 3,
        "star": {"situation": True, "task": False, "action": True, "result": False},
        "quantified_result": False,
        "ownership": "clear",
        "specificity": "medium",
        "gap": gap,
        "story_notes": [{"message": "Your notes say 30%; you said 40%."}],
    }


@dataclass
class FakeDriver:
    """Two questions, no follow-ups; records what it was sent."""

    questions: tuple[str, ...] = ("Tell me about a launch.", "Why this role?")
    sent: list[str] = field(default_factory=list)
    index: int = 0
    hints: int = 0

    def _step(self, last: dict[str, Any] | None) -> FakeStep:
        if self.index >= len(self.questions):
            return FakeStep("done", "Thanks, that is all.", self.index, last, {"rows": []})
        return FakeStep("question", self.questions[self.index], self.index, last)

    def start(self) -> FakeStep:
        return self._step(None)

    def submit(self, answer: str) -> FakeStep:
        self.sent.append(answer)
        record = {
            "question": self.questions[self.index],
            "answer": answer,
            "is_follow_up": False,
            "critique": _critique(f"GAP-{self.index}"),
        }
        self.index += 1
        return self._step(record)

    def skip(self) -> FakeStep:
        self.sent.append("<skip>")
        record = {"question": self.questions[self.index], "answer": "", "skipped": True, "critique": None}
        self.index += 1
        return self._step(record)

    def end(self) -> FakeStep:
        self.index = len(self.questions)
        return self._step(None)

    def hint(self) -> None:
        self.hints += 1
        return None


def _run(answers: list[str], feedback: bool = True) -> tuple[FakeDriver, InterviewLoop, str, Any]:
    out = io.StringIO()
    render = Renderer(Console(file=out, width=100, no_color=True, force_terminal=False), 2)
    driver = FakeDriver()
    loop = InterviewLoop(driver, ScriptedSource(iter(answers)), render, feedback=feedback)
    final = loop.run(driver.start())
    return driver, loop, out.getvalue(), final


def test_answers_reach_the_driver_and_feedback_follows_each_answer() -> None:
    driver, _, out, final = _run(["My launch story", "Because of the mission"])
    assert driver.sent == ["My launch story", "Because of the mission"]
    assert final.kind == "done"
    assert out.index("GAP-0") < out.index("Why this role?")  # critique before the next question
    assert "Your notes say 30%" in out


def test_feedback_off_holds_critiques_back() -> None:
    _, loop, out, _ = _run(["/feedback off", "a1", "a2"])
    assert "GAP-0" not in out
    assert [r["critique"]["gap"] for r in loop.deferred] == ["GAP-0", "GAP-1"]


def test_empty_answer_is_asked_again_and_not_sent() -> None:
    driver, _, out, _ = _run(["", "   ", "real answer", "second"])
    assert driver.sent == ["real answer", "second"]
    assert out.count("Empty answer") == 2


def test_skip_end_repeat_help_hint_and_unknown_commands() -> None:
    driver, _, out, final = _run(["/repeat", "/help", "/bogus", "/hint\nanswer after hint", "/end"])
    assert driver.sent == ["answer after hint"]
    assert out.count("Tell me about a launch.") == 2  # shown, then repeated
    assert "/feedback on|off" in out and "Unknown command" in out
    assert driver.hints == 1 and "No matching story" in out
    assert final.kind == "done"


def test_skip_moves_on_without_a_critique() -> None:
    driver, _, out, _ = _run(["/skip", "answer two"])
    assert driver.sent == ["<skip>", "answer two"]
    assert out.index("Skipped.") < out.index("Why this role?")
    assert "GAP-0" not in out and "GAP-1" in out


def test_huge_answer_is_cut_to_the_cap_with_a_notice() -> None:
    driver, _, out, _ = _run(["y" * (ANSWER_CAP + 100), "ok"])
    assert len(driver.sent[0]) == ANSWER_CAP
    assert "the first 20,000 (the cap) are graded" in out


def test_running_out_of_scripted_answers_raises() -> None:
    with pytest.raises(ScriptExhausted):
        _run(["only one"])
