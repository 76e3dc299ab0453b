"""`--questions` above what the role's pack holds is said, not silently cut to the pack (sweep22 S4: `--questions
1000` showed "Question 1/33" without a word)."""

from __future__ import annotations

from pathlib import Path

from knowledge.roles import load_role
from tests.test_session_cli import run_cli

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--follow-ups", "0"]


def test_more_questions_than_the_pack_holds_is_said(isolated_data_dir: Path) -> None:
    held = len(load_role("director").questions)
    result = run_cli(*ARGS, "--questions", "1000", stdin="/end\n")
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if line.startswith("--questions"))
    assert line == f"--questions 1,000: the {load_role('director').title} pack has {held} questions, so this " \
                   f"interview asks {held}."  # fmt: skip
    assert f"Question 1/{held}" in result.stdout


def test_a_number_the_pack_holds_is_not_remarked_on(isolated_data_dir: Path) -> None:
    result = run_cli(*ARGS, "--questions", "2", stdin="/end\n")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "--questions" not in result.stdout and "Question 1/2" in result.stdout
