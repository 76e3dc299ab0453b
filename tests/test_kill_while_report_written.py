"""sweep29 S9: a kill -9 ~0.1 s after the last answer left the report (.md) written and the transcript (.json) not,
a hidden `.ID.json.PID-TOKEN.tmp` beside it, and nothing told the candidate. A later start, resume or listing now
writes the cut files again from the saved session and says so; the temp goes.

The moment is made certain in the child (tests.slow_hook): the kill lands once the transcript's temp file is written
and fsynced, before its rename (the S9 shape), or before the transcript's write began (no temp: the report alone).
Real session process, real SQLite file, real kill -9."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.slow_hook import slow_call, slow_fsync
from tests.test_persistence import A1, A2, FAST, run, scripted, session_id
from tests.test_session_tty import REPO

ARGS = [*FAST, "--questions", "2"]
TRANSCRIPT_TEMP = r"/reports/\.[^/]+\.json\.\d+-[0-9a-f]+\.tmp$"
# where the kill lands, and how the later run that finds it is made (a new session, a bare --resume, the list)
MOMENTS = {"transcript-temp-written": "temp", "before-the-transcript": "none"}
LATER = {"new-session": [*FAST, "--questions", "1"], "bare-resume": ["--resume"], "list": ["--list-sessions"]}
CASES = [("transcript-temp-written", later) for later in LATER] + [("before-the-transcript", "new-session")]


def _killed_at(hook: Path, moment: str) -> str:
    """A two-question session answered through a pipe and killed -9 at `moment` of its report's write; its id."""
    if MOMENTS[moment] == "temp":
        env, mark = slow_fsync(hook, TRANSCRIPT_TEMP, seconds=30)
    else:
        transcript = "str(args[0]).endswith('.json') and args[0].parent.name == 'reports'"
        env, mark = slow_call(hook, "knowledge.paths", "write_private", transcript, seconds=30)
    child = subprocess.Popen([sys.executable, "-m", "agent.session", *ARGS], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=REPO, text=True,
                             env={**os.environ, **env})  # fmt: skip
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(scripted(A1, A2))
    child.stdin.close()
    deadline = time.monotonic() + 180
    while not mark.exists():
        assert time.monotonic() < deadline and child.poll() is None, "the report's write was never reached"
        time.sleep(0.05)
    child.kill()
    child.wait(timeout=60)
    return session_id(child.stdout.read())


@pytest.mark.parametrize(("moment", "later"), CASES)
def test_a_transcript_cut_off_by_a_kill_is_written_again_and_said(
    isolated_data_dir: Path, tmp_path: Path, moment: str, later: str
) -> None:
    sid = _killed_at(tmp_path / "hook", moment)
    reports = isolated_data_dir / "reports"
    md, js = reports / f"{sid}.md", reports / f"{sid}.json"
    temps = sorted(reports.glob(f".{sid}.json.*.tmp"))
    assert md.is_file() and not js.exists(), sorted(p.name for p in reports.iterdir())  # the S9 shape
    assert bool(temps) == (MOMENTS[moment] == "temp"), temps

    found = run(*LATER[later], stdin=scripted(A1))
    said = " ".join((found.stdout + found.stderr).split())
    assert f"A stop cut off session {sid}'s transcript while it was written; written again from the saved session" in (
        said
    ), said[-2000:]
    transcript = json.loads(js.read_text(encoding="utf-8"))
    assert [t["answer"] for t in transcript["turns"]] == [A1, A2]
    assert not list(reports.glob(f".{sid}.*.tmp")), sorted(p.name for p in reports.iterdir())
    assert (js.stat().st_mode & 0o777) == 0o600
    again = run("--list-sessions")  # said once: nothing is left to finish
    assert "cut off" not in again.stdout and " done " in f" {again.stdout} ", again.stdout


SENTENCE = "We moved the nightly batch onto the event bus and the settlement lag went from six hours to ten minutes. "
LONG = "FIRSTWORDS " + SENTENCE * 200 + "LASTWORDS"
WHOLE_TEMP = r"/reports/\.[^/]+\.whole-answer-\d+\.txt\.\d+-[0-9a-f]+\.tmp$"


def test_an_over_cap_answer_cut_off_while_kept_whole_is_put_beside_the_report_and_said(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    """A kill while an answer over the cap was being kept whole (before the session took it): its text was only in a
    hidden temp file. A later start puts it in a whole-answer file beside the report and says where."""
    assert len(LONG) > 20_000
    env, mark = slow_fsync(tmp_path / "hook", WHOLE_TEMP, seconds=30)
    child = subprocess.Popen([sys.executable, "-m", "agent.session", *ARGS], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT, cwd=REPO, text=True,
                             env={**os.environ, **env})  # fmt: skip
    assert child.stdin is not None and child.stdout is not None
    child.stdin.write(scripted(LONG))
    child.stdin.close()
    deadline = time.monotonic() + 180
    while not mark.exists():
        assert time.monotonic() < deadline and child.poll() is None, "the whole answer's write was never reached"
        time.sleep(0.05)
    child.kill()
    child.wait(timeout=60)
    sid = session_id(child.stdout.read())
    reports = isolated_data_dir / "reports"
    assert [p.name for p in reports.iterdir() if not p.name.startswith(".")] == [], sorted(reports.iterdir())

    found = run(*FAST, "--questions", "1", stdin=scripted(A1))
    said = " ".join((found.stdout + found.stderr).split())
    kept = reports / f"{sid}.whole-answer-1.txt"
    assert f"An answer of {len(LONG):,} characters was being kept when session {sid} stopped" in said, said[-2000:]
    assert f"its text is in {kept}" in said, said[-2000:]
    assert kept.read_text(encoding="utf-8") == LONG
    assert not list(reports.glob(".*.tmp")), sorted(p.name for p in reports.iterdir())
