"""A named pipe, a link to /dev/zero, or a file of 200,000 nested brackets where the tool keeps a file of its own in
the data folder (sweep 41 SP1, SP3): each command goes on, or says in one line which file to move; none waits
for ever and none reads a device whole. Before, a pipe in pending/ hung `--resume`, `--list-sessions` and a new
session with nothing printed, /dev/zero there took GBs, and the nested brackets ended every command in
"error: RecursionError". One family of files per test: the answer journal, the question history, a session's lock,
the model's checksum cache, the cached story index (the session database's -wal file:
tests/test_database_wal_special_file.py).

Real subprocesses on a copy of a data folder that holds a saved session (one answer of two). Each runs under a
timeout, so a hang fails the test instead of hanging it, and under a 4 GB address-space limit, so a read of
/dev/zero fails it with MemoryError instead of taking the machine's memory."""

from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.test_persistence import A1, A2, FAST, REPO, scripted, session_id

MEMORY_CAP = 4_000_000_000  # bytes of address space: a session needs well under 2 GB
PLANT: dict[str, Callable[[Path], object]] = {
    "fifo": lambda path: os.mkfifo(path, 0o600),
    "zero": lambda path: path.symlink_to("/dev/zero"),
    "deep": lambda path: path.write_text("[" * 200_000, encoding="utf-8"),
}


def _capped() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def guarded(*args: str, stdin: str = "", seconds: float = 120) -> subprocess.CompletedProcess[str]:
    """`python -m agent.session ARGS` in the test's data folder; a hang fails the test."""
    try:
        return subprocess.run([sys.executable, "-m", "agent.session", *args], input=stdin, capture_output=True,
                              text=True, timeout=seconds, cwd=REPO, preexec_fn=_capped)  # fmt: skip
    except subprocess.TimeoutExpired as exc:
        pytest.fail(f"agent.session {' '.join(args)} still ran after {seconds:.0f} s: {exc.stdout!r} {exc.stderr!r}")


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A data folder holding one saved session (question 1 of 2 answered) and its id."""
    folder = tmp_path_factory.mktemp("saved") / "data"
    env = {**os.environ, "INTERVIEWER_DATA_DIR": str(folder)}
    done = subprocess.run([sys.executable, "-m", "agent.session", *FAST, "--questions", "2"], input=scripted(A1),
                          capture_output=True, text=True, timeout=180, cwd=REPO, env=env)  # fmt: skip
    assert done.returncode == 3, done.stdout + done.stderr  # the answers ran out: saved
    return folder, session_id(done.stdout)


@pytest.fixture
def copied(saved: tuple[Path, str], isolated_data_dir: Path) -> tuple[Path, str]:
    shutil.copytree(saved[0], isolated_data_dir, symlinks=True)
    return isolated_data_dir, saved[1]


def said(done: subprocess.CompletedProcess[str]) -> str:
    return " ".join((done.stdout + done.stderr).split())


def resumed_whole(data: Path, sid: str) -> None:
    """The saved session resumes and ends with both answers in its transcript."""
    done = guarded("--resume", sid, stdin=scripted(A2))
    assert done.returncode == 0 and "Traceback" not in done.stderr, said(done)
    transcript = (data / "reports" / f"{sid}.json").read_text(encoding="utf-8")
    assert A1 in transcript and A2 in transcript


@pytest.mark.parametrize("kind", sorted(PLANT))
def test_pending_journal(copied: tuple[Path, str], kind: str) -> None:
    data, sid = copied
    odd = data / "pending" / "left-here.json"
    odd.parent.mkdir(mode=0o700, exist_ok=True)
    PLANT[kind](odd)
    listed = guarded("--list-sessions")
    assert listed.returncode == 0 and sid in listed.stdout, said(listed)
    if kind == "deep":  # a damaged journal, said and moved aside as any other
        assert f"The answer journal {odd} was damaged and no answer could be read from it" in said(listed)
        assert not odd.exists() and list(odd.parent.glob("left-here.json.damaged-*"))
    else:  # moved aside as a damaged journal is, and said once (stop 42: it stayed, "move it away" at every command)
        line = (f"The file {odd} in the answer journal folder was not a regular file (a pipe, device, socket or "
                f"folder), so no answer was read from it; it is moved aside to {odd}.damaged-")  # fmt: skip
        assert line in said(listed), said(listed)
        assert not odd.is_symlink() and not odd.exists()
        (aside,) = odd.parent.glob("left-here.json.damaged-*")
        assert aside.is_fifo() if kind == "fifo" else aside.is_symlink()
        again = guarded("--list-sessions")
        assert again.returncode == 0 and "answer journal" not in said(again), said(again)
    resumed_whole(data, sid)


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_pending_journal_of_the_resumed_session(copied: tuple[Path, str], kind: str) -> None:
    """The pipe stands under the name of the very session resumed: one line, moved aside, the session resumes."""
    from agent.answer_journal import journal_path

    data, sid = copied
    odd = journal_path(sid)
    odd.parent.mkdir(mode=0o700, exist_ok=True)
    PLANT[kind](odd)
    done = guarded("--resume", sid, stdin=scripted(A2))
    assert done.returncode == 0 and "Traceback" not in done.stderr, said(done)
    assert said(done).count(f"The file {odd} in the answer journal folder was not a regular file") == 1, said(done)
    assert list(odd.parent.glob(f"{odd.name}.damaged-*")) and not odd.exists()
    transcript = (data / "reports" / f"{sid}.json").read_text(encoding="utf-8")
    assert A1 in transcript and A2 in transcript


@pytest.mark.parametrize(("name", "kind"), [("history.json", "fifo"), ("history.json", "zero"),
                                            ("history.json", "deep"), ("history.lock", "fifo"),
                                            ("history.lock", "zero")])  # fmt: skip
def test_question_history(copied: tuple[Path, str], name: str, kind: str) -> None:
    data, _ = copied
    (data / name).unlink(missing_ok=True)
    PLANT[kind](data / name)
    done = guarded(*FAST, "--questions", "1", stdin=scripted(A2))
    assert done.returncode == 0 and "Question 1/1" in done.stdout, said(done)
    assert "Report:" in done.stdout, said(done)


@pytest.mark.parametrize("kind", ["fifo", "zero", "folder"])
def test_question_history_lock(copied: tuple[Path, str], kind: str) -> None:
    """A pipe (a device, a folder) as history.lock: the history was silently never recorded again (stop 42). Now the
    session says once, with its first question, that it moved the thing aside, records its questions, and the next
    session says nothing."""
    data, _ = copied
    lock = data / "history.lock"
    lock.unlink(missing_ok=True)
    if kind == "folder":
        lock.mkdir()
    else:
        PLANT[kind](lock)
    done = guarded(*FAST, "--questions", "1", stdin=scripted(A2))
    assert done.returncode == 0 and "Report:" in done.stdout, said(done)
    line = (f"The question history's lock file {lock} was not a regular file (a pipe, device, socket or folder); it "
            f"is moved aside to {lock}.damaged-")  # fmt: skip
    assert said(done).count(line) == 1, said(done)
    assert said(done).index(line) > said(done).index("Question 1/1")  # with the first question, then it goes on
    (aside,) = data.glob("history.lock.damaged-*")
    assert aside.is_dir() if kind == "folder" else (aside.is_fifo() if kind == "fifo" else aside.is_symlink())
    assert lock.is_file() and not lock.is_symlink()
    sid = session_id(done.stdout)
    assert sid in json.loads((data / "history.json").read_text(encoding="utf-8"))["_sessions"]  # recorded
    again = guarded(*FAST, "--questions", "1", stdin=scripted(A2))
    assert again.returncode == 0 and "question history" not in said(again), said(again)


@pytest.mark.parametrize("kind", ["fifo", "zero"])
def test_session_lock_file(copied: tuple[Path, str], kind: str) -> None:
    from agent.session_lock import lock_path

    data, sid = copied
    lock = lock_path(data / "sessions.sqlite", sid)
    lock.unlink(missing_ok=True)
    PLANT[kind](lock)
    listed = guarded("--list-sessions")
    assert listed.returncode == 0 and sid in listed.stdout, said(listed)
    refused = guarded("--resume", sid, stdin=scripted(A2))
    assert refused.returncode == 2, said(refused)
    assert refused.stderr.strip() == (
        f"error: the lock file {lock} of session {sid} is not a regular file (a pipe, device, socket or folder), so "
        f"the session cannot be held: move it away (mv {lock} {lock}.moved) and run the command again"
    ), refused.stderr
    assert "Question" not in refused.stdout
    lock.rename(f"{lock}.moved")  # as the line says
    resumed_whole(data, sid)


@pytest.mark.parametrize("kind", sorted(PLANT))
def test_model_checksum_cache(copied: tuple[Path, str], kind: str) -> None:
    data, _ = copied
    cache = data / "model-verified.json"
    cache.unlink(missing_ok=True)
    PLANT[kind](cache)
    done = guarded("--role", "director", "--embedder", "minilm", "--seed", "3", "--follow-ups", "0", "--questions",
                   "1", stdin=scripted(A2))  # fmt: skip
    assert done.returncode == 0 and "Report:" in done.stdout, said(done)
    assert cache.is_file() and not cache.is_symlink()  # rewritten as the checksum cache it is


@pytest.mark.parametrize(("name", "kind"), [("vectors.faiss", "fifo"), ("vectors.faiss", "zero"),
                                            ("docstore.json", "fifo"), ("docstore.json", "zero"),
                                            ("docstore.json", "deep"), ("manifest.json", "fifo"),
                                            ("manifest.json", "zero"), ("manifest.json", "deep")])  # fmt: skip
def test_cached_story_index(copied: tuple[Path, str], name: str, kind: str) -> None:
    data, _ = copied
    (folder,) = (data / "index").iterdir()
    (folder / name).unlink()
    PLANT[kind](folder / name)
    done = guarded(*FAST, "--questions", "1", stdin=scripted(A2))
    assert done.returncode == 0 and "Report:" in done.stdout, said(done)
    assert "index built" in done.stdout or "index rebuilt" in done.stdout, said(done)  # not reused: built again
    assert (folder / name).is_file() and not (folder / name).is_symlink()
