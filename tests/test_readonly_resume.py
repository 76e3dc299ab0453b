"""--resume of an unfinished session on a read-only data folder refuses in one line, exit 2, and says when the resume
will work (sweep: rc 1 and 'Everything answered so far is saved. Resume with: ...', a command that failed the same
way). A real read-only disk: a small tmpfs remounted ro (root only, as tests/test_disk_faults.py)."""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.test_disk_faults import small_disk  # noqa: F401  (small_disk is a fixture)
from tests.test_persistence import A1, FAST, run, scripted, session_id


def test_resuming_an_unfinished_session_on_a_read_only_folder_says_when_it_will_work(small_disk: Path) -> None:  # noqa: F811
    env = {"INTERVIEWER_DATA_DIR": str(small_disk / "data")}
    done = run(*FAST, "--questions", "2", stdin=scripted(A1), env=env)
    assert done.returncode == 3, done.stderr  # saved at question 2
    sid = session_id(done.stdout)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    again = run("--resume", sid, stdin=scripted("The second answer."), env=env)
    assert again.returncode == 2, again.stdout + again.stderr
    assert "read-only" in again.stderr and "Everything answered so far is saved" not in again.stdout
    assert "once" in again.stdout and "writable again" in again.stdout and f"--resume {sid}" in again.stdout


def test_a_bare_resume_on_a_read_only_folder_names_the_session_kept_for_a_draft(small_disk: Path) -> None:  # noqa: F811
    # a session kept only for a draft typed at question 1: a bare --resume said "no unfinished session to resume;
    # recent sessions: none" on a read-only folder although --list-sessions listed it (sweep24 S2)
    from tests.test_session_tty import Terminal

    data = small_disk / "data"
    term = Terminal([*FAST, "--questions", "2"], extra_env={"INTERVIEWER_DATA_DIR": str(data)})
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.type("Half typed: I merged the two platform teams and")
        term.wait_for("platform teams and")
        term.type("\x03")
        term.wait_for("Resume with")
        assert term.exit_code() == 130
        sid = session_id(term.text())
    finally:
        term.close()
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    env = {"INTERVIEWER_DATA_DIR": str(data)}
    assert sid in run("--list-sessions", env=env).stdout
    again = run("--resume", stdin="/end\n", env=env)
    said = " ".join((again.stdout + again.stderr).split())
    assert again.returncode == 2, said
    assert "read-only" in said and "no unfinished session" not in said
    assert "writable again" in said and f"--resume {sid}" in said
