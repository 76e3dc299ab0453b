"""The coaching history failing to take an answer's summary is said right after that answer, not only at the
session's end (sweep 38 R16 follow-up: a file in place of history/ at question 2 of 3 was said once the interview
was over). One line with the mv that fixes it; once the file is moved away, the next answer's summary is written
and the session's end says nothing more. Real pty and CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.test_session_tty import Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "3", "--follow-ups", "0"]
ANSWERS = [
    "I moved the payments team onto weekly releases; rollbacks fell from five a quarter to one.",
    "I paired each new hire with a reviewer for a month, and their first-merge time fell from 9 days to 4.",
    "I cut the vendor list from seven to three and saved 18% of the tooling budget in a year.",
]
SAID = "coaching summary"


def test_a_history_failure_is_said_after_that_answer_and_the_next_answer_writes_the_summary(
    isolated_data_dir: Path,
) -> None:
    history = isolated_data_dir / "history"
    term = Terminal(ARGS)
    try:
        term.wait_for_prompt(after="Question 1/3")
        term.submit(ANSWERS[0])
        term.wait_for_prompt(after="Question 2/3")
        shutil.rmtree(history)
        history.write_text("x", encoding="utf-8")
        term.submit(ANSWERS[1])
        term.wait_for_prompt(after="Question 3/3")
        before_q3 = " ".join(term.text().split("Question 3/3")[0].split())
        assert SAID in before_q3, before_q3[-1500:]  # said after question 2's answer, before question 3
        flat = before_q3.replace(" ", "")
        assert "history.moved" in flat and "mv" in before_q3, before_q3[-1500:]
        history.rename(isolated_data_dir / "history.moved")
        term.submit(ANSWERS[2])
        term.wait_for("Transcript:")
        exited = term.exit_code()
        said = term.said()
    finally:
        term.close()
    assert exited == 0, said[-1500:]
    assert said.count(SAID) == 1, said[-2500:]  # the end adds no second warning: the last summary was written
    assert "Traceback" not in said, said[-1500:]
    (summary,) = history.glob("*.json")
    assert len(json.loads(summary.read_text(encoding="utf-8"))["answers"]) == 3
