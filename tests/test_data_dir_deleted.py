"""sweep 35 R02: the data folder is deleted (rm -rf) while a session runs. The next answer was "accepted", graded
and shown with its feedback, but went into a database file no longer on disk: a kill -9 then left nothing to
resume, and nothing had said so. Now the session's answers so far, read through the database handle still open, and
the answer submitted after the deletion are kept in the answer journal of the data folder made again (0700), said
in one line with the resume command; a kill -9 right after costs nothing and --resume goes on from them. Only when
even that folder cannot be made again is the answer shown to copy. The CLI with piped answers, as
tests/test_persistence.py drives it, on a real temp folder."""

from __future__ import annotations

import shutil
import signal
import stat
from pathlib import Path

from tests.test_persistence import A1, A2, A3, FAST, Session, answers_in_transcript, run, scripted, session_id

AFTER = "R02MARK I moved the team to trunk-based development and lead time fell from 9 days to 2."


def test_an_answer_after_the_data_folder_was_deleted_is_kept_and_survives_a_kill(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {"INTERVIEWER_DATA_DIR": str(data)}
    cli = Session(*FAST, "--questions", "3", env=env)
    cli.wait_for("Question 1/3")
    sid = session_id(cli.out)
    cli.answer(A1)
    cli.wait_for("Question 2/3")
    shutil.rmtree(data)
    cli.answer(AFTER)
    cli.wait_for("Resume with:")
    cli.stop(signal.SIGKILL)  # right after the line: whatever the process still had to do is cut off
    said = " ".join(cli.out.split())
    assert "was deleted or replaced while this session ran" in said and "are kept in" in said, said
    assert "to copy" not in said and "Question 3/3" not in said and "Traceback" not in said, said
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    assert stat.S_IMODE((data / "pending" / f"{sid}.json").stat().st_mode) == 0o600
    resumed = run("--resume", sid, stdin=scripted(A3), env=env)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert answers_in_transcript(data, sid) == [A1, AFTER, A3]


def test_an_answer_after_the_data_folder_was_replaced_by_a_file_is_shown_to_copy(tmp_path: Path) -> None:
    """Nowhere to keep it (a file where the folder was): refused in one line and shown to copy, as before."""
    data = tmp_path / "data"
    cli = Session(*FAST, "--questions", "3", env={"INTERVIEWER_DATA_DIR": str(data)})
    cli.wait_for("Question 1/3")
    cli.answer(A1)
    cli.wait_for("Question 2/3")
    shutil.rmtree(data)
    data.write_text("not a folder\n")
    cli.answer(AFTER)
    cli.answer(A2)  # never taken: the session has ended
    code = cli.finish()
    said = " ".join(cli.out.split())
    assert code == 1, cli.out
    assert "was deleted or replaced while this session ran" in said, said
    shown = said.split("Here it is, to copy:", 1)[1]
    assert shown.lstrip().startswith(AFTER), said
    assert "Question 3/3" not in said and "Resume with" not in said and "Traceback" not in said, said
