"""The data folder replaced by a file while a new session gets ready, with an answer typed and submitted at the early
prompt (stop 42): DataDirError is a ValueError, and the early prompt's journal write and the draft saver caught
OSError only ("The draft could not be saved (DataDirError: ...)"). The session ends in one line naming the folder,
no traceback, no class name, exit 2, with the answer still on screen above it.
Real pty; the session is held getting ready (tests/slow_hook.py) until the answer is typed and the folder replaced."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.slow_hook import release, slow_call
from tests.test_session_tty import PATIENCE, Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]
ANSWER = "I moved the payments team onto weekly releases and rollbacks fell from five a quarter to one."


def test_an_answer_submitted_while_the_data_folder_is_replaced_is_shown_and_said_in_one_line(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    env, mark = slow_call(tmp_path / "hook", "agent.cli_run", "new_driver", seconds=PATIENCE)
    term = Terminal(ARGS, extra_env=env)
    try:
        term.wait_for_mark(mark)
        term.wait_for_prompt(after="Question 1/2")  # the early prompt reads keys while the session gets ready
        term.submit(ANSWER)
        term.wait_read()
        shutil.move(str(isolated_data_dir), str(tmp_path / "moved"))
        isolated_data_dir.write_text("not a folder any more", encoding="utf-8")
        release(mark)
        code = term.exit_code()
        said = term.said()
    finally:
        term.close()
    assert "Traceback" not in said and "DataDirError" not in said, said[-2000:]
    assert f"error: data folder {isolated_data_dir} is not a folder (check INTERVIEWER_DATA_DIR)" in said, said[-2000:]
    assert code == 2, said[-2000:]
    error = said.index("error: data folder")
    assert "five a" in said[:error] and "quarter to one" in said[:error], said[-2000:]  # still on screen to copy
