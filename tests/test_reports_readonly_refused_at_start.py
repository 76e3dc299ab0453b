"""A reports folder that is read-only before the session starts is refused in one line before any question (sweep 39
E5): the whole interview was taken and only its end said the report could not be written. The same for a resume,
which leaves the session as it was. A real read-only mount (root only, as tests/test_reports_readonly_at_end.py)."""

from __future__ import annotations

from pathlib import Path

from tests.test_persistence import A1, A2, FAST, run, scripted, session_id
from tests.test_reports_readonly_at_end import mount_readonly
from tests.test_reports_readonly_at_end import readonly_reports as readonly_reports  # the fixture

LINE = ("error: the reports folder {reports} cannot be written (a read-only disk or no permission), so this "
        "session's report could not be saved: make it writable (remount it read-write, or fix its permissions) and "
        "run the command again; {then}")  # fmt: skip


def test_a_new_session_is_refused_before_the_first_question(readonly_reports: Path) -> None:
    started = run(*FAST, "--questions", "1", stdin=scripted(A1))
    reports = readonly_reports / "reports"
    assert started.returncode == 2, started.stdout + started.stderr
    assert started.stderr.strip() == LINE.format(reports=reports, then="nothing was asked or saved"), started.stderr
    assert "Question" not in started.stdout and "Traceback" not in started.stderr, started.stdout
    listed = run("--list-sessions")
    assert "No saved sessions yet" in listed.stdout, listed.stdout  # nothing was started


def test_a_resume_is_refused_and_the_session_kept(isolated_data_dir: Path) -> None:
    stopped = run(*FAST, "--questions", "2", stdin=scripted(A1))  # runs out of answers after question 1: saved
    assert stopped.returncode == 3, stopped.stdout + stopped.stderr
    sid = session_id(stopped.stdout)
    reports = isolated_data_dir / "reports"
    reports.mkdir(exist_ok=True)
    with mount_readonly(reports):
        refused = run("--resume", sid, stdin=scripted(A2))
        assert refused.returncode == 2, refused.stdout + refused.stderr
        assert refused.stderr.strip() == LINE.format(reports=reports, then="the session is kept as it was")
        assert "Question" not in refused.stdout, refused.stdout
    resumed = run("--resume", sid, stdin=scripted(A2))  # writable again: it goes on from question 2
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert (reports / f"{sid}.json").is_file()
    transcript = (reports / f"{sid}.json").read_text(encoding="utf-8")
    assert A1 in transcript and A2 in transcript
