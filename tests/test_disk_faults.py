"""Full, read-only and damaged disks under the data folder, met as a user meets them.

Full and read-only disks are real: a small tmpfs mounted for the test (root only; skipped otherwise, since
root ignores permission bits and a non-root test cannot mount), filled to the last byte or remounted ro.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from tests.conftest import REPO
from tests.test_persistence import A1, A2, FAST, Session, answers_in_transcript, run, scripted, session_id

if TYPE_CHECKING:
    from tests.test_session_tty import Terminal

ROOT = hasattr(os, "geteuid") and os.geteuid() == 0


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 6 MB tmpfs, unmounted afterwards."""
    if not ROOT or shutil.which("mount") is None:
        pytest.skip("needs root to mount a small tmpfs (a real full / read-only disk)")
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=6m,mode=0700", "tmpfs", str(mount)], check=False)
    if done.returncode != 0:
        pytest.skip("this machine does not allow mounting a tmpfs")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


def fill(folder: Path) -> Path:
    """Write a file until the disk under `folder` has no byte left."""
    filler = folder / "filler.bin"
    with open(filler, "wb", buffering=0) as out:
        for size in (65536, 1):
            try:
                while out.write(b"\0" * size):
                    pass
            except OSError:
                pass
    return filler


def full_at_the_second_answer(disk: Path, second: str) -> tuple[Session, int, str, Path]:
    """A scripted two-question session in disk/data (INTERVIEWER_DATA_DIR) whose disk fills once its first answer
    is in: `second` is submitted on the full disk and the session ends. (the session, its exit code, its id, the
    file that filled the disk)."""
    cli = Session(*FAST, "--questions", "2", env={"INTERVIEWER_DATA_DIR": str(disk / "data")})
    cli.wait_for("Session:")
    sid = session_id(cli.out)
    cli.answer(A1)
    cli.wait_for("Question 2")
    filler = fill(disk)
    cli.answer(second)
    return cli, cli.finish(), sid, filler


def test_a_full_disk_keeps_the_answers_says_what_to_free_and_resumes(small_disk: Path) -> None:
    data = small_disk / "data"
    env = {"INTERVIEWER_DATA_DIR": str(data)}
    long_answer = A2 + " " + "More detail on the rollout, week by week. " * 400
    cli, rc, sid, filler = full_at_the_second_answer(small_disk, long_answer)
    assert rc == 1, cli.out
    assert "is full" in cli.out and "free a few MB there" in cli.out and f"--resume {sid}" in cli.out
    assert "Traceback" not in cli.out
    filler.unlink()
    resumed = run("--resume", sid, stdin=scripted(A2), env=env)
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert answers_in_transcript(data, sid)[:1] == [A1]  # what was answered before the disk filled is there


def test_a_full_disk_during_the_index_save_continues_without_saving_it(small_disk: Path, tmp_path: Path) -> None:
    docs = tmp_path / "notes"
    docs.mkdir()
    for i in range(40):
        (docs / f"story-{i}.md").write_text(f"## Story {i}\nI cut cost {i}% by moving batch jobs to spot.\n", "utf-8")
    index = small_disk / "index"
    index.mkdir()
    (index / "vectors.faiss.999999.tmp").write_bytes(b"left by a writer that died")
    fill(small_disk)
    done = run(*FAST, "--questions", "1", "--docs", str(docs), "--index", str(index), "--embedder", "minilm",
               stdin=scripted(A1))  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    assert "index not saved" in done.stdout
    assert not list(index.glob("*.tmp"))  # neither the dead writer's temp file nor our own stays behind


def test_a_read_only_data_folder_is_said_before_the_interview_and_can_still_be_read(small_disk: Path) -> None:
    data = small_disk / "data"
    env = {"INTERVIEWER_DATA_DIR": str(data)}
    done = run(*FAST, "--questions", "1", stdin=scripted(A1), env=env)
    assert done.returncode == 0, done.stderr
    sid = session_id(done.stdout)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    fresh = run(*FAST, "--questions", "1", stdin=scripted(A1), env=env)
    assert fresh.returncode == 2 and "read-only" in fresh.stderr and "Question 1" not in fresh.stdout
    listing = run("--list-sessions", env=env)
    assert listing.returncode == 0 and sid in listing.stdout, listing.stdout + listing.stderr
    again = run("--resume", sid, env=env)
    assert again.returncode == 0 and "already finished" in again.stdout, again.stdout + again.stderr


def test_a_damaged_session_database_is_named_with_a_way_out(isolated_data_dir: Path) -> None:
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    db = isolated_data_dir / "sessions.sqlite"
    db.write_bytes(b"this is not a database, just bytes " * 200)
    for args in (["--list-sessions"], [*FAST, "--questions", "1"], ["--resume"]):
        done = run(*args, stdin=scripted(A1))
        assert done.returncode in (1, 2), done.stdout + done.stderr
        assert str(db) in done.stderr and "damaged" in done.stderr and "mv " in done.stderr, done.stderr
        assert "Traceback" not in done.stderr
    moved = db.with_name("sessions.sqlite.aside")
    db.rename(moved)
    assert run(*FAST, "--questions", "1", stdin=scripted(A1)).returncode == 0  # a fresh start once moved aside


def _read_only_resume(small_disk: Path, hook: dict[str, str], keys: Callable[[Terminal], None]) -> str:
    """A session stopped after its first answer on `small_disk`, the disk remounted read-only, then an interactive
    --resume of it at a real pty (`hook` in its environment) while `keys` types: it exits 2 without a traceback. What
    the screen says from "is read-only" on, one-spaced."""
    from tests.test_session_tty import Terminal

    env = {"INTERVIEWER_DATA_DIR": str(small_disk / "data")}
    first = run(*FAST, "--questions", "3", stdin=scripted(A1), env=env)
    assert first.returncode == 3, first.stdout + first.stderr
    sid = session_id(first.stdout)
    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    term = Terminal(["--resume", sid], extra_env={**env, **hook})
    try:
        keys(term)
        exited = term.proc.wait(timeout=240)  # PATIENCE
        term.drain()
    finally:
        term.close()
    screen = " ".join(term.text().split())
    assert exited == 2, screen[-1500:]
    assert "Traceback" not in screen
    return screen[screen.index("is read-only") :]


def test_keys_typed_while_a_resume_meets_a_read_only_folder_are_shown_to_copy(small_disk: Path, tmp_path: Path) -> None:
    """An interactive --resume on a data folder that went read-only says so before any question; what was typed at
    "Getting the interview ready… (you can start typing)" was dropped without a word (stop 32). It cannot be kept
    on a read-only disk, so it is shown to copy. Real pty, real read-only mount."""
    from tests.slow_hook import release, slow_call

    typed = "The rollout took two quarters and I paired with each lead"
    # the resume is held getting ready until the keys are read, whatever the machine's speed (a 3 s hold was not)
    hook, mark = slow_call(tmp_path / "hook", "agent.cli_run", "resume_driver", seconds=240)

    def keys(term: Terminal) -> None:
        term.wait_for_mark(mark)
        term.wait_for("you can start typing")
        term.type(typed)
        term.wait_read()  # the keys reached the terminal and the busy reader took them all
        release(mark)

    tail = _read_only_resume(small_disk, hook, keys)
    assert f"What you typed was not saved (the folder is read-only); here it is, to copy: {typed}" in tail, tail


def test_an_answer_submitted_while_a_resume_meets_a_read_only_folder_is_shown_to_copy(
    small_disk: Path, tmp_path: Path
) -> None:
    """As above, the answer submitted there (Esc Enter): it was neither saved nor shown (sweep 39 RR11)."""
    from tests.slow_hook import release, slow_call

    answer, after = "We split the billing service in two and I ran the cutover night", "and then a draft"
    hook, mark = slow_call(tmp_path / "hook", "agent.cli_run", "resume_driver", seconds=240)

    def keys(term: Terminal) -> None:
        term.wait_for_mark(mark)
        term.wait_for("you can start typing")
        term.type(answer + "\x1b\r" + after)
        term.wait_read()  # the keys reached the terminal and the busy reader took them all (no prompt reads them yet)
        release(mark)

    tail = _read_only_resume(small_disk, hook, keys)
    assert f"here it is, to copy: {answer} {after}" in tail, tail


def test_a_disk_that_fills_as_the_report_is_written_says_the_interview_is_saved_and_resume_writes_it(
    small_disk: Path, tmp_path: Path
) -> None:
    """The disk fills at the very moment the finished interview writes its report (stop 32, issue 12 #4 at the end):
    every answer is in the session and nothing is lost, but the run said "Everything answered so far is saved" as
    mid-interview and sent the candidate to free "old reports or index folders under <data>/reports" (no index is
    there). It says the interview is over and only the report is missing, names where old reports and indexes
    are, and the printed --resume writes the report with both answers."""
    from tests.slow_hook import release, slow_call
    from tests.test_session_tty import PATIENCE

    data = small_disk / "data"
    hook, mark = slow_call(tmp_path / "hook", "agent.report", "write_report", seconds=PATIENCE)  # the mark: the moment
    proc = subprocess.Popen([sys.executable, "-m", "agent.session", *FAST, "--questions", "2"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, cwd=REPO,
                            env={**os.environ, **hook, "INTERVIEWER_DATA_DIR": str(data)})  # fmt: skip
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(scripted(A1, A2))
    proc.stdin.close()
    deadline = time.monotonic() + PATIENCE
    while not mark.exists():
        assert proc.poll() is None and time.monotonic() < deadline, proc.stdout.read()
        time.sleep(0.05)
    filler = fill(small_disk)
    release(mark)  # the report is written on the full disk
    out = proc.stdout.read()
    assert proc.wait(timeout=60) == 1, out
    sid = session_id(out)
    said = " ".join(out.split())
    assert f"(old reports in {data}/reports or story index folders in {data}/index can go)" in said, said[-800:]
    over = ("The interview is over and every answer is saved; only its report could not be written. Once there is "
            f"space, this writes it. Resume with: {sys.executable} -m agent.session --resume {sid}")  # fmt: skip
    assert over in said, said[-800:]
    assert "Traceback" not in out
    filler.unlink()
    resumed = run("--resume", sid, env={"INTERVIEWER_DATA_DIR": str(data)})
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert "its report is written now" in " ".join(resumed.stdout.split())
    assert answers_in_transcript(data, sid) == [A1, A2]
