"""The first prompt reads keys while the session starts (agent.cli_early), in a real pty: what the start has to say
is shown above the prompt and the draft typed so far stays in it; an answer submitted before the start is done is
graded once it is."""

from __future__ import annotations

import json
from pathlib import Path

from tests.test_session_tty import Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "1", "--follow-ups", "0"]


def _answers(data_dir: Path) -> list[str]:
    (path,) = (data_dir / "reports").glob("*.json")
    return [t["answer"] for t in json.loads(path.read_text(encoding="utf-8"))["turns"]]


def test_a_notice_from_the_start_appears_above_the_prompt_and_the_draft_is_kept(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    docs = tmp_path / "notes"
    docs.mkdir()
    (docs / "story.md").write_text("## Story: On-call\nI cut pages from 40 to 9 a week in one quarter.\n")
    (docs / "scan.txt").write_bytes(b"\x00\x01\x02 not text")  # the start warns about it
    term = Terminal([*ARGS, "--docs", str(docs)])
    try:
        term.wait_for_prompt(after="Question 1/1")
        term.type("I owned the rota change")
        term.wait_for("not a text document")  # shown while the candidate was typing
        term.wait_for_prompt()  # the prompt is back below the notice
        term.type(" and pages fell by 78%.\x1b\r")
        term.wait_for("Transcript:")
        assert term.exit_code() == 0
    finally:
        term.close()
    assert _answers(isolated_data_dir) == ["I owned the rota change and pages fell by 78%."]


def test_an_answer_submitted_at_once_waits_for_the_start_and_is_graded(isolated_data_dir: Path) -> None:
    term = Terminal(ARGS)
    try:
        term.wait_for_prompt()
        term.type("I set up weekly skip-levels and attrition fell from 18% to 9%.\x1b\r")
        term.wait_for("Transcript:")
        assert term.exit_code() == 0
        screen = term.text()
    finally:
        term.close()
    assert screen.count("Question 1/1") == 1  # the preview was the graph's question: shown once
    assert _answers(isolated_data_dir) == ["I set up weekly skip-levels and attrition fell from 18% to 9%."]


def test_ctrl_d_while_the_session_starts_saves_nothing_and_leaves_no_session(isolated_data_dir: Path) -> None:
    term = Terminal(ARGS)
    try:
        term.wait_for_prompt()
        term.type("\x04")
        term.wait_for("nothing was saved")
        assert term.exit_code() == 0
    finally:
        term.close()
    listing = Terminal(["--list-sessions"])
    try:
        listing.wait_for("ession")
        listing.exit_code()
        text = listing.text()
    finally:
        listing.close()
    assert "active" not in text
