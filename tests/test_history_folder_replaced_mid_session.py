"""A file put in place of the history folder while a session runs (sweep 38 R16): the session still finishes and
saves its report, and its end says in one warning line that the coaching summary (what agent.progress and --focus
weakest read) was not saved, with the mv that fixes it; a --resume after the mv saves it. Real pty and CLI."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.test_locks_folder_replaced_mid_session import replaced_at_second_question
from tests.test_session_tty import REPO

FIRST = "I moved three teams onto one release train; hotfixes per month went from 9 to 2 in half a year."
SECOND = "I set up a weekly review of paging noise with the leads, and alerts nobody acted on fell by 60%."


def test_a_file_in_place_of_history_is_one_warning_line_and_resume_saves_the_summary(isolated_data_dir: Path) -> None:
    history = isolated_data_dir / "history"
    exited, said = replaced_at_second_question(history, FIRST, SECOND)
    assert exited == 0, said[-1500:]
    flat = said.replace("\r", "").replace("\n", "").replace(" ", "")
    assert "coachingsummarywasnotsaved" in flat, said[-1500:]
    assert "history.moved" in flat and "--resume" in said, said[-1500:]
    assert "Traceback" not in said, said[-1500:]
    history.rename(isolated_data_dir / "history.moved")
    (session,) = set(re.findall(r"--resume (\S+-director-\w+)", said))  # the command the warning names
    resumed = subprocess.run([sys.executable, "-m", "agent.session", "--resume", session], input="",
                             capture_output=True, text=True, cwd=REPO, timeout=240)  # fmt: skip
    assert resumed.returncode == 0, resumed.stdout[-800:] + resumed.stderr[-800:]
    assert "not saved" not in resumed.stderr, resumed.stderr
    assert len(list(history.glob("*.json"))) == 1  # the session's summary, written by the resume
