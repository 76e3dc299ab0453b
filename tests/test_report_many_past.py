"""A session's end writes its report without listing the reports folder, which holds every past session's files
(issue 11: the report step globbed the folder for the session's whole-answer files and listed it again for dead
temps at every end, so each end cost more than the one before: 20,000 past sessions took ~0.4 s more per report).

The CLI runs a session in a data folder with PAST sessions' reports already there; a sitecustomize on the child's
path notes every listing of the reports folder (os.scandir, os.listdir) made from agent/report.py. Before, each end
listed it twice; now never. A whole answer kept beside the report is still found (by its number), and a report
written again over its files still drops a dead writer's temps (tests/test_report_dead_temps.py)."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

from agent.cli_input import ANSWER_CAP
from tests.test_persistence import A1, A2, FAST, run, scripted, session_id

PAST = 3000
HOOK = """
import os, sys
_REPORTS = os.path.realpath(os.path.join(os.environ["INTERVIEWER_DATA_DIR"], "reports"))
_NOTES = os.environ["LISTINGS_NOTED"]


def _noted(real):
    def listing(path=".", *args, **kwargs):
        try:
            target = os.path.realpath(os.fspath(path))
        except TypeError:
            target = ""
        if target == _REPORTS:
            frame, where = sys._getframe(1), []
            while frame is not None:
                if frame.f_code.co_filename.endswith(os.path.join("agent", "report.py")):
                    where.append(frame.f_code.co_name)
                frame = frame.f_back
            if where:
                with open(_NOTES, "a", encoding="utf-8") as notes:
                    notes.write(real.__name__ + " " + ",".join(where) + "\\n")
        return real(path, *args, **kwargs)
    return listing


os.scandir = _noted(os.scandir)
os.listdir = _noted(os.listdir)
"""


def _past_sessions(reports: Path) -> None:
    reports.mkdir(parents=True, mode=0o700)
    for n in range(PAST):
        (reports / f"past-{n:05d}.md").write_text(f"# An earlier practice round, number {n}\n", encoding="utf-8")
        (reports / f"past-{n:05d}.json").write_text(json.dumps({"turns": []}), encoding="utf-8")


def _hooked(tmp_path: Path) -> tuple[dict[str, str], Path]:
    folder = tmp_path / "hook"
    folder.mkdir()
    (folder / "sitecustomize.py").write_text(HOOK, encoding="utf-8")
    notes = tmp_path / "listings.txt"
    return {"PYTHONPATH": str(folder), "LISTINGS_NOTED": str(notes)}, notes


def test_a_sessions_end_never_lists_the_reports_folder(isolated_data_dir: Path, tmp_path: Path) -> None:
    reports = isolated_data_dir / "reports"
    _past_sessions(reports)
    env, notes = _hooked(tmp_path)
    done = run(*FAST, "--questions", "2", stdin=scripted(A1, A2), env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    sid = session_id(done.stdout)
    transcript = json.loads((reports / f"{sid}.json").read_text(encoding="utf-8"))
    assert [t["answer"] for t in transcript["turns"]] == [A1, A2]
    assert (reports / f"{sid}.md").is_file()
    listed = notes.read_text(encoding="utf-8").splitlines() if notes.exists() else []
    assert listed == [], f"the report step listed {PAST * 2}+ files: {listed}"
    assert len(list(reports.glob("past-*"))) == PAST * 2  # the past sessions' files are left as they were


def test_a_whole_answer_is_still_found_among_many_past_reports(isolated_data_dir: Path, tmp_path: Path) -> None:
    reports = isolated_data_dir / "reports"
    _past_sessions(reports)
    env, notes = _hooked(tmp_path)
    pasted = ("I moved the nightly billing batch to hourly runs and kept every invoice on time. " * 400)[
        : ANSWER_CAP + 500
    ]
    done = run(*FAST, "--questions", "1", stdin=scripted(pasted), env=env)
    assert done.returncode == 0, done.stdout + done.stderr
    sid = session_id(done.stdout)
    (turn,) = json.loads((reports / f"{sid}.json").read_text(encoding="utf-8"))["turns"]
    assert turn["whole_answer_file"] == f"{sid}.whole-answer-1.txt" and turn["answer_chars"] == len(pasted.strip())
    assert not notes.exists(), notes.read_text(encoding="utf-8")


def test_a_rewritten_report_still_drops_a_dead_writers_temp(isolated_data_dir: Path) -> None:
    done = run(*FAST, "--questions", "1", stdin=scripted(A1))
    assert done.returncode == 0, done.stdout + done.stderr
    sid = session_id(done.stdout)
    reports = isolated_data_dir / "reports"
    ended = subprocess.Popen(["true"])
    ended.wait()
    dead = reports / f".{sid}.md.{ended.pid}-0a1b2c3d.tmp"
    dead.write_text("# half a report", encoding="utf-8")
    again = run("--resume", sid, stdin=scripted("/end"))
    assert again.returncode == 0, again.stdout + again.stderr
    assert not dead.exists(), sorted(os.listdir(reports))
