"""A piped session reads like a transcript: each command line is echoed alone before its reply, and the answer
after it is echoed when it is taken (sweep21 S10: '> /foo /repeat my answer…' came first, then the replies)."""

from __future__ import annotations

from pathlib import Path

from tests.test_session_cli import FAST, answers_in, run_cli, session_id, transcript

ANSWER = "My answer: I led the migration and cut the platform cost by 30% in two quarters."


def test_piped_commands_and_the_answer_after_them_are_echoed_in_order(isolated_data_dir: Path) -> None:
    result = run_cli(*FAST, "--questions", "1", "--follow-ups", "0", stdin=f"/foo\n/help\n{ANSWER}\n")
    assert result.returncode == 0, result.stderr
    lines = [line.strip() for line in result.stdout.splitlines()]
    echoed = [line for line in lines if line.startswith("> ")]
    assert echoed[:3] == ["> /foo", "> /help", f"> {ANSWER}"], echoed
    unknown = next(i for i, line in enumerate(lines) if line.startswith("Unknown command"))
    assert lines.index("> /foo") < unknown < lines.index("> /help") < lines.index(f"> {ANSWER}")
    assert answers_in(transcript(isolated_data_dir, session_id(result.stdout))) == [ANSWER]
