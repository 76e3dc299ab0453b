"""A file where the data folder keeps one of its own folders (reports, pending, history, locks) is one line with
the command that moves it away, before question 1; one that appears while the interview runs costs only the report,
said so with the command that writes it once moved (sweep 35 R05 / R08: a raw "FileExistsError: [Errno 17]" after
the last answer, exit 1, with no way back suggested; "File exists" at the start; the coaching history and the
answer journal silently off)."""

from __future__ import annotations

import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ANSWER = "I split the test suite across four runners, so builds went from 40 minutes to 9.\n---\n"


def _env() -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if k != "INTERVIEWER_DATA_DIR"}, "NO_COLOR": "1", "COLUMNS": "250"}


def _session(folder: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "agent.session", "--role", "director", "--questions", "2", "--follow-ups", "0",
            "--seed", "3", "--offline", "--data-dir", str(folder), *args]  # fmt: skip


@pytest.mark.parametrize("name", ["reports", "pending", "history", "locks"])
def test_a_file_in_place_of_a_folder_is_one_line_before_question_one(tmp_path: Path, name: str) -> None:
    folder = tmp_path / "data"
    folder.mkdir()
    (folder / name).write_text("somebody's notes\n", encoding="utf-8")
    done = subprocess.run(_session(folder), input=ANSWER * 2, capture_output=True, text=True, timeout=120, cwd=REPO,
                          env=_env())  # fmt: skip
    assert done.returncode == 2, done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, lines
    assert lines[0].startswith(f"error: {folder / name} is a file where the interviewer keeps its {name} folder")
    assert f"mv {folder / name} {folder / name}.moved" in lines[0]
    assert "Question 1" not in done.stdout and (folder / name).read_text(encoding="utf-8") == "somebody's notes\n"


def test_reports_replaced_by_a_file_during_the_interview_costs_only_the_report(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    proc = subprocess.Popen(_session(folder), stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, cwd=REPO, env=_env())  # fmt: skip
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(ANSWER)
    proc.stdin.flush()
    shown = []
    for line in proc.stdout:  # the first answer is taken once the second question is shown
        shown.append(line)
        if "Question 2/2" in line:
            break
    (folder / "reports").write_text("in the way\n", encoding="utf-8")
    out, stderr = proc.communicate(ANSWER, timeout=120)
    assert proc.returncode == 1, stderr
    assert "FileExistsError" not in stderr and "Errno" not in stderr, stderr
    assert stderr.strip().startswith(f"error: {folder / 'reports'} is a file where the interviewer keeps"), stderr
    assert "only its report could not be written. Once it is moved away, this writes it." in out, out[-1500:]
    command = out.split("Resume with: ", 1)[1].splitlines()[0]
    (folder / "reports").rename(folder / "reports.moved")
    again = subprocess.run(shlex.split(command), capture_output=True, text=True, timeout=120, cwd=REPO, env=_env(),
                           stdin=subprocess.DEVNULL)  # fmt: skip
    assert again.returncode == 0, again.stderr
    reports = list((folder / "reports").glob("*.md"))
    assert len(reports) == 1 and "four runners" in reports[0].read_text(encoding="utf-8")
