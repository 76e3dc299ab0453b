"""sweep 35 R07: a file named `pending` in the data folder, where the answer journal keeps each submitted answer
before the prompt shows it accepted. Nothing said so: a kill -9 right after a submit lost the answer, and piped runs
finished without a word. Now a session does not start (or resume) on such a folder, in one line naming the file and
the command that moves it aside; and a journal that stops taking answers mid-session is said once, at once."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.test_persistence import A1, A2, FAST, Session, answers_in_transcript, run, scripted, session_id


def _block(data: Path) -> Path:
    journal = data / "pending"
    if journal.is_dir():
        shutil.rmtree(journal)
    journal.write_text("not a folder\n", encoding="utf-8")
    return journal


def test_a_file_in_place_of_the_answer_journal_stops_a_new_session_before_any_question(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    journal = _block(data)
    done = run(*FAST, "--questions", "2", stdin=scripted(A1, A2), env={"INTERVIEWER_DATA_DIR": str(data)})
    assert done.returncode == 2, done.stdout + done.stderr
    said = " ".join(done.stderr.split())
    # The data folder's own check (cli_preflight.blocked_folder) names the file in place of the pending folder first.
    assert f"{journal} is a file where the interviewer keeps its pending folder" in said, said
    assert f"mv {journal} " in said and len(done.stderr.strip().splitlines()) == 1, done.stderr
    assert "Question 1" not in done.stdout and "Traceback" not in done.stdout + done.stderr
    assert journal.read_text(encoding="utf-8") == "not a folder\n"


def test_a_file_in_place_of_the_answer_journal_stops_a_resume_and_keeps_the_session(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {"INTERVIEWER_DATA_DIR": str(data)}
    seeded = run(*FAST, "--questions", "2", stdin=scripted(A1), env=env)
    assert seeded.returncode == 3, seeded.stdout + seeded.stderr
    sid = session_id(seeded.stdout)
    journal = _block(data)
    refused = run("--resume", sid, stdin=scripted(A2), env=env)
    assert refused.returncode == 2, refused.stdout + refused.stderr
    said = " ".join(refused.stderr.split())
    assert f"{journal} is a file where the interviewer keeps its pending folder" in said, said
    assert len(refused.stderr.strip().splitlines()) == 1 and "Question" not in refused.stdout, refused.stdout
    journal.unlink()
    resumed = run("--resume", sid, stdin=scripted(A2), env=env)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert answers_in_transcript(data, sid) == [A1, A2]


def test_an_answer_journal_blocked_mid_session_is_said_once(tmp_path: Path) -> None:
    data = tmp_path / "data"
    cli = Session(*FAST, "--questions", "3", env={"INTERVIEWER_DATA_DIR": str(data)})
    cli.wait_for("Question 1/3")
    cli.answer(A1)
    cli.wait_for("Question 2/3")
    _block(data)
    cli.answer(A2)
    cli.wait_for("Question 3/3")
    cli.answer("/end")
    assert cli.finish() == 0, cli.out
    said = " ".join(cli.out.split())
    assert said.count("The answer journal") == 1, said
    assert "cannot be written" in said and "kept by the session database alone" in said, said
    assert said.index("The answer journal") < said.index("Question 3/3"), said
