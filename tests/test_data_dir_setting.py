"""A data folder setting that cannot work (INTERVIEWER_DATA_DIR names a regular file) is one line and exit 2 from every
command a user runs, and the hints the tool prints name the interpreter that is running (a bare `python` may not
have the venv's packages)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTES = "## Story: Cut the build time\n\nS: Builds took 40 minutes.\nA: I split the suite.\nR: Builds take 9 minutes.\n"


def _run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, timeout=120, cwd=REPO,
                          env={**os.environ, **env}, stdin=subprocess.DEVNULL)  # fmt: skip


@pytest.mark.parametrize(
    "command",
    [
        ["knowledge.ingest", "{notes}"],
        ["knowledge.search", "build time", "--docs", "{notes}"],
        ["agent.session", "--list-sessions"],
        ["agent.progress", "--role", "director"],
    ],
)
def test_a_data_folder_that_is_a_file_is_one_line(tmp_path: Path, command: list[str]) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    blocker = tmp_path / "data-is-a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    done = _run({"INTERVIEWER_DATA_DIR": str(blocker)}, *[a.format(notes=notes) for a in command])
    assert done.returncode == 2, done.stderr
    assert done.stderr.strip() == f"error: data folder {blocker} is not a folder (check INTERVIEWER_DATA_DIR)"


def test_the_empty_session_list_names_this_interpreter(tmp_path: Path) -> None:
    done = _run({"INTERVIEWER_DATA_DIR": str(tmp_path / "data"), "NO_COLOR": "1", "COLUMNS": "200"},
                "agent.session", "--list-sessions")  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert f"Start one with: {sys.executable} -m agent.session --role director" in done.stdout


def test_the_session_list_shows_whole_ids_in_an_80_column_terminal(tmp_path: Path) -> None:
    env = {"INTERVIEWER_DATA_DIR": str(tmp_path / "data"), "NO_COLOR": "1", "COLUMNS": "80"}
    answers = tmp_path / "answers.txt"
    answers.write_text("I led the migration and cut build time from 40 to 9 minutes.\n", encoding="utf-8")
    started = _run(env, "agent.session", "--role", "engineering-manager", "--questions", "2", "--seed", "1",
                   "--offline", "--answers", str(answers))  # fmt: skip
    assert started.returncode == 3, started.stderr  # answers ran out: saved, unfinished
    listing = _run(env, "agent.session", "--list-sessions")
    ids = [line.split()[1] for line in listing.stdout.splitlines() if "engineer" in line and "│" in line]
    assert ids and all(i.endswith(tuple("0123456789abcdef")) and "…" not in i for i in ids), listing.stdout
    resumed = _run(env, "agent.session", "--resume", ids[0], "--answers", str(answers))
    assert "not found" not in resumed.stderr.lower() and "unknown" not in resumed.stderr.lower(), resumed.stderr


def _under_a_file(tmp: Path) -> Path:
    (tmp / "a-file").write_text("x", encoding="utf-8")
    return tmp / "a-file" / "data"


def _link_to_nothing(tmp: Path) -> Path:
    (tmp / "data").symlink_to(tmp / "gone")
    return tmp / "data"


def _link_loop(tmp: Path) -> Path:
    (tmp / "a").symlink_to(tmp / "b")
    (tmp / "b").symlink_to(tmp / "a")
    return tmp / "a"


BAD_FOLDERS = {"under a file": _under_a_file, "link to nothing": _link_to_nothing, "link loop": _link_loop}
COMMANDS = [
    ["knowledge.ingest", "{notes}"],
    ["knowledge.search", "build time", "--docs", "{notes}"],
    ["agent.session", "--list-sessions"],
    ["agent.session", "--resume"],
    ["agent.session", "--role", "director", "--offline", "--embedder", "hashing", "--answers", "{notes}"],
    ["agent.progress", "--role", "director"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c[:2]))
@pytest.mark.parametrize("kind", sorted(BAD_FOLDERS))
def test_a_data_folder_that_cannot_be_made_is_one_line(tmp_path: Path, kind: str, command: list[str]) -> None:
    """Stop 42: --list-sessions said "No saved sessions yet. Start one with: ..." for a data folder under a file (or
    a link to nothing, a link loop), and the command it offered then failed with this very line."""
    notes = tmp_path / "notes.md"
    notes.write_text(NOTES, encoding="utf-8")
    folder = BAD_FOLDERS[kind](tmp_path)
    done = _run({"INTERVIEWER_DATA_DIR": str(folder)}, *[a.format(notes=notes) for a in command])
    assert done.returncode == 2, done.stdout + done.stderr
    assert done.stderr.strip() == f"error: data folder {folder} is not a folder (check INTERVIEWER_DATA_DIR)"


def test_a_data_folder_replaced_by_a_file_while_the_session_gets_ready_is_one_line(tmp_path: Path) -> None:
    """The folder checked at the start, then replaced by a file while the first question is on screen and the
    session still gets ready (the session database is opened after it): one line without the error's class name
    ("error: DataDirError: ...", stop 42) and exit 2; once the session has opened, the answer is shown to copy."""
    data = tmp_path / "data"
    proc = subprocess.Popen([sys.executable, "-m", "agent.session", "--role", "director", "--offline", "--embedder",
                             "hashing", "--questions", "1"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, cwd=REPO,
                            env={**os.environ, "INTERVIEWER_DATA_DIR": str(data)})  # fmt: skip
    assert proc.stdout is not None and proc.stdin is not None
    seen = ""
    while "Question 1/1" not in seen:  # the early first question, shown before the session's graph is loaded
        line = proc.stdout.readline()
        assert line, seen
        seen += line
    data.rename(tmp_path / "data.moved")
    data.write_text("not a folder any more", encoding="utf-8")
    out, err = proc.communicate("I split the test suite and builds went from 40 to 9 minutes.\n---\n", timeout=120)
    said = seen + out + err
    assert "Traceback" not in said and "DataDirError" not in said, said
    if proc.returncode == 2:
        assert err.strip() == f"error: data folder {data} is not a folder (check INTERVIEWER_DATA_DIR)", said
    else:  # the session had opened already: the answer is not lost from sight
        assert "Here it is, to copy:" in out and "builds went from 40 to 9 minutes" in out, said
