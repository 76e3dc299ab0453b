"""At a terminal in LLM mode a spinner says the model is grading the answer while it does (sweep27 S8: a slow server
left the screen still for up to 30 s with nothing on it). Real pty, the stub OpenAI server answering slowly."""

from __future__ import annotations

from pathlib import Path

from stub_openai import StubOpenAI

from tests.test_session_tty import ARGS, Terminal

ANSWER = "I set up a weekly review of the paging budget and pages per engineer fell from 9 to 4 in a quarter."


def test_a_spinner_shows_while_the_model_grades_an_answer(isolated_data_dir: Path) -> None:
    with StubOpenAI(delay=3.0) as server:
        term = Terminal([*ARGS, "--questions", "2", "--model", "stub-model", "--base-url", server.url],
                        extra_env={"OPENAI_API_KEY": "sk-test-not-a-key"})  # fmt: skip
        try:
            term.wait_for_prompt(after="Question 1/2")
            term.submit(ANSWER)
            term.wait_for_prompt(after="Question 2/2")
            screen = term.text()
        finally:
            term.close()
    assert server.calls >= 1
    after_submit = screen.split("Question 1/2", 1)[1].split("Question 2/2", 1)[0]
    assert "The model is grading your answer" in after_submit, after_submit[-1500:]
