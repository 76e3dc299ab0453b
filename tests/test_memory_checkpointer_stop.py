"""A session kept in memory only (`--checkpointer memory:`) that stops before its end says it cannot be resumed
(not "Session saved. Resume with: ..." and a command that fails with "unknown session id", sweep23 S9), and
writes the answers given so far to its report files, the one place that outlives the process."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

from tests.pty_run import REPO
from tests.test_session_tty import Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "3", "--follow-ups", "0",
        "--checkpointer", "memory:"]  # fmt: skip
FIRST = "I moved four teams to trunk-based delivery; lead time fell from 12 days to 3."
SECOND = "I split the platform group in two after a year of missed quarterly goals, and hired two leads."


def _report(data: Path) -> tuple[str, dict]:
    (md,) = (data / "reports").glob("*.md")
    (js,) = (data / "reports").glob("*.json")
    assert stat.S_IMODE(md.stat().st_mode) == 0o600 and stat.S_IMODE(js.stat().st_mode) == 0o600
    return md.read_text(encoding="utf-8"), json.loads(js.read_text(encoding="utf-8"))


def test_scripted_answers_running_out_keep_them_in_the_report(tmp_path: Path) -> None:
    answers = tmp_path / "answers.txt"
    answers.write_text(f"{FIRST}\n---\n{SECOND}\n")
    data = tmp_path / "data"
    run = subprocess.run(
        [sys.executable, "-m", "agent.session", *ARGS, "--answers", str(answers)],
        capture_output=True, text=True, cwd=REPO, env={**os.environ, "INTERVIEWER_DATA_DIR": str(data)},
        timeout=180, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert run.returncode == 3, run.stdout + run.stderr  # scripted answers ran out
    assert "cannot be resumed" in run.stdout and "Resume with" not in run.stdout, run.stdout[-800:]
    text, transcript = _report(data)
    assert f"Your answers so far are in {data / 'reports'}" in " ".join(run.stdout.split())
    assert [t["answer"] for t in transcript["turns"]] == [FIRST, SECOND]
    assert FIRST in text and SECOND in text
    assert not list(data.glob("pending/*.json"))  # the report holds them: nothing named "not graded yet" later


def test_ctrl_c_in_a_terminal_keeps_the_answers_given(isolated_data_dir: Path) -> None:
    term = Terminal(ARGS)
    try:
        term.wait_for_prompt(after="Question 1/3")
        term.submit(FIRST)
        term.wait_for_prompt(after="Question 2/3")
        term.type("a draft not submitted\x03")
        term.wait_for("cannot be resumed")
        term.wait_for(".md")
        assert term.exit_code() == 130
        assert "Resume with" not in term.text() and "Traceback" not in term.text()
    finally:
        term.close()
    text, transcript = _report(isolated_data_dir)
    assert [t["answer"] for t in transcript["turns"]] == [FIRST]
    assert "a draft not submitted" not in text  # never submitted: not an answer


def test_only_a_skip_writes_no_report(tmp_path: Path) -> None:
    data, empty = tmp_path / "data", tmp_path / "none.txt"
    empty.write_text("/skip\n")  # a skip is not an answer: no report of nothing
    run = subprocess.run(
        [sys.executable, "-m", "agent.session", *ARGS, "--answers", str(empty)],
        capture_output=True, text=True, cwd=REPO, env={**os.environ, "INTERVIEWER_DATA_DIR": str(data)},
        timeout=180, check=False, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert run.returncode == 3 and "cannot be resumed" in run.stdout, run.stdout + run.stderr
    assert "answers so far" not in run.stdout
    assert not list(data.glob("reports/*"))
