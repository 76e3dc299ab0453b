"""sweep29 S9: a kill -9 while a finished session's transcript was written left `.ID.json.PID-TOKEN.tmp` in reports/
for good, also after `--resume ID` had re-made the transcript. Writing a session's report now removes the temps of
its report files whose writer is gone (a live writer's stays). Real files; the session runs as a subprocess."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from tests.test_persistence import A1, FAST, run, scripted, session_id


def test_remaking_a_report_removes_the_temps_a_killed_writer_left(isolated_data_dir: Path) -> None:
    done = run(*FAST, "--questions", "1", stdin=scripted(A1))
    assert done.returncode == 0, done.stdout + done.stderr
    sid = session_id(done.stdout)
    reports = isolated_data_dir / "reports"
    ended = subprocess.Popen(["true"])  # a process that has ended: its pid names a dead writer
    ended.wait()
    dead_pid = ended.pid
    (reports / f"{sid}.json").unlink()  # the kill came before the transcript was renamed into place
    dead_json = reports / f".{sid}.json.{dead_pid}-1a2b3c4d.tmp"
    dead_md = reports / f".{sid}.md.{dead_pid}-5e6f7a8b.tmp"
    live = reports / f".{sid}.json.{os.getpid()}-9c0d1e2f.tmp"  # a writer still running: never touched
    for temp in (dead_json, dead_md, live):
        temp.write_text('{"turns": [', encoding="utf-8")
    again = run("--resume", sid, stdin=scripted("/end"))
    assert again.returncode == 0, again.stdout + again.stderr
    assert (reports / f"{sid}.json").exists()  # re-made
    assert not dead_json.exists() and not dead_md.exists(), sorted(p.name for p in reports.iterdir())
    assert live.exists()
