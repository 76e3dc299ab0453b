"""A locks folder that is read-only before the session starts is refused in one line before any question, as a
read-only reports or answer journal folder is (sweep 41 RO1): the first question was asked, then the submit ended in
"error: [Errno 30] Read-only file system: '…/locks/….lock'" and "What you typed was not saved". The same for a
resume, which leaves the session as it was. A real read-only mount (root only, as the reports folder's tests)."""

from __future__ import annotations

from pathlib import Path

from tests.test_persistence import A1, A2, FAST, run, scripted, session_id
from tests.test_reports_readonly_at_end import mount_readonly

LINE = ("error: the locks folder {locks} cannot be written (a read-only disk or no permission), so this session could "
        "not be kept from a second process running it: make it writable (remount it read-write, or fix its "
        "permissions) and run the command again; {then}")  # fmt: skip


def test_a_new_session_and_a_resume_are_refused_before_the_first_question(isolated_data_dir: Path) -> None:
    stopped = run(*FAST, "--questions", "2", stdin=scripted(A1))  # runs out of answers after question 1: saved
    assert stopped.returncode == 3, stopped.stdout + stopped.stderr
    sid = session_id(stopped.stdout)
    locks = isolated_data_dir / "locks"
    with mount_readonly(locks):
        started = run(*FAST, "--questions", "1", stdin=scripted(A2))
        assert started.returncode == 2, started.stdout + started.stderr
        assert started.stderr.strip() == LINE.format(locks=locks, then="nothing was asked or saved"), started.stderr
        assert "Question" not in started.stdout and "Traceback" not in started.stderr, started.stdout
        refused = run("--resume", sid, stdin=scripted(A2))
        assert refused.returncode == 2, refused.stdout + refused.stderr
        assert refused.stderr.strip() == LINE.format(locks=locks, then="the session is kept as it was")
        assert "Question" not in refused.stdout, refused.stdout
        listed = run("--list-sessions")  # reading needs no lock
        assert listed.returncode == 0 and sid in listed.stdout, listed.stdout + listed.stderr
    resumed = run("--resume", sid, stdin=scripted(A2))  # writable again: it goes on from question 2
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    transcript = (isolated_data_dir / "reports" / f"{sid}.json").read_text(encoding="utf-8")
    assert A1 in transcript and A2 in transcript
