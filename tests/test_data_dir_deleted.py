"""sweep 35 R02: the data folder is deleted (rm -rf) while a session runs. The next answer was "accepted", graded
and shown with its feedback, but went into a database file no longer on disk: a kill -9 then left nothing to
resume, and nothing had said so. Now the answer after the deletion is refused in one line that says why, and shown
to copy. The CLI with piped answers, as tests/test_persistence.py drives it."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.test_persistence import A1, A2, FAST, Session

AFTER = "R02MARK I moved the team to trunk-based development and lead time fell from 9 days to 2."


def test_an_answer_after_the_data_folder_was_deleted_is_refused_and_shown_to_copy(tmp_path: Path) -> None:
    data = tmp_path / "data"
    cli = Session(*FAST, "--questions", "3", env={"INTERVIEWER_DATA_DIR": str(data)})
    cli.wait_for("Question 1/3")
    cli.answer(A1)
    cli.wait_for("Question 2/3")
    shutil.rmtree(data)
    cli.answer(AFTER)
    cli.answer(A2)  # never taken: the session has ended
    code = cli.finish()
    said = " ".join(cli.out.split())
    assert code == 1, cli.out
    assert "was deleted or replaced while this session ran" in said, said
    shown = said.split("Here it is, to copy:", 1)[1]
    assert shown.lstrip().startswith(AFTER), said
    assert "Question 3/3" not in said and "Everything answered so far is saved" not in said, said
    assert "Traceback" not in said
