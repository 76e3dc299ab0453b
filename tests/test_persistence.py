"""Nothing submitted is lost: the CLI killed or interrupted at chosen moments, then resumed, as a user would.

Each test runs `python -m agent.session` in a subprocess, feeds answers through a pipe, sends real signals
(SIGINT = Ctrl-C, SIGKILL = kill -9) and resumes in a new process. LLM grading is slowed by the stub
OpenAI server so a signal lands while the answer is being graded.
"""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Any

import pytest

from evals.stub_openai import Action, StubOpenAI
from tests.conftest import REPO

FAST = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--follow-ups", "0"]
A1 = "I led the billing migration myself and cut failed payments from 4% to 1% in one quarter."
A2 = "I set the on-call rota for three teams and pages fell from 40 a week to 9 within two months."
A3 = "I ran the hiring loop redesign; time to offer went from 41 days to 23 days over two quarters."


class Session:
    """One CLI process with a pipe for answers; a reader thread collects its output as it arrives."""

    def __init__(self, *args: str, env: dict[str, str] | None = None) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "agent.session", *args],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            cwd=REPO, env={**os.environ, **(env or {})}, text=True, bufsize=1,
        )  # fmt: skip
        self._chunks: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            self._chunks.append(line)

    @property
    def out(self) -> str:
        return "".join(self._chunks)

    def answer(self, text: str) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write(f"{text}\n---\n")
        self.proc.stdin.flush()

    def wait_for(self, needle: str, count: int = 1, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while self.out.count(needle) < count:
            assert self.proc.poll() is None or self._reader.is_alive(), f"exited before {needle!r}:\n{self.out}"
            assert time.monotonic() < deadline, f"{needle!r} not shown:\n{self.out}"
            time.sleep(0.05)

    def stop(self, sig: int) -> int:
        self.proc.send_signal(sig)
        self.proc.wait(timeout=60)
        self._reader.join(timeout=10)
        return self.proc.returncode

    def finish(self, timeout: float = 120) -> int:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=timeout)
        self._reader.join(timeout=10)
        return self.proc.returncode


def run(*args: str, stdin: str = "", env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent.session", *args], input=stdin, capture_output=True, text=True,
        cwd=REPO, env={**os.environ, **(env or {})}, timeout=180,
    )  # fmt: skip


def session_id(out: str) -> str:
    for line in out.splitlines():
        if "Session:" in line:
            return line.split("Session:")[1].split()[0]
    raise AssertionError(f"no session id in:\n{out}")


def answers_in_transcript(data_dir: Path, sid: str) -> list[str]:
    data: dict[str, Any] = json.loads((data_dir / "reports" / f"{sid}.json").read_text(encoding="utf-8"))
    return [t["answer"] for t in data["turns"] if not t.get("skipped")]


def scripted(*answers: str) -> str:
    return "".join(f"{a}\n---\n" for a in answers)


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL, signal.SIGHUP])
def test_an_answer_submitted_while_the_llm_grades_is_graded_on_resume(sig: int, isolated_data_dir: Path) -> None:
    llm = {"OPENAI_API_KEY": "sk-test", "OPENAI_BASE_URL": ""}
    with StubOpenAI() as stub:
        stub.push(Action(delay=25.0))  # the first grading hangs until the signal arrives
        cli = Session(*FAST, "--questions", "2", "--model", "stub-model", "--base-url", stub.url, env=llm)
        cli.wait_for("Session:")
        sid = session_id(cli.out)
        cli.answer(A1)
        deadline = time.monotonic() + 60
        while stub.calls < 1:
            assert time.monotonic() < deadline, cli.out
            time.sleep(0.05)
        cli.stop(sig)
        resumed = run("--resume", sid, stdin=scripted(A2), env={**llm, "INTERVIEWER_OFFLINE": "1"})
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert "already finished" not in resumed.stdout
    assert "graded now" in resumed.stdout  # said, not silent
    assert answers_in_transcript(isolated_data_dir, sid) == [A1, A2]


def test_a_second_resume_of_a_running_session_says_who_holds_it(isolated_data_dir: Path) -> None:
    first = Session(*FAST, "--questions", "3")
    first.wait_for("Session:")
    sid = session_id(first.out)
    first.answer(A1)
    first.wait_for("Question 2")
    second = run("--resume", sid, stdin=scripted(A3))
    assert second.returncode == 2
    assert f"pid {first.proc.pid}" in second.stderr and "another process" in second.stderr
    first.answer(A2)
    first.wait_for("Question 3")
    assert first.stop(signal.SIGKILL) != 0
    third = run("--resume", sid, stdin=scripted(A3))  # the kernel dropped the dead holder's lock
    assert third.returncode == 0, third.stderr
    assert answers_in_transcript(isolated_data_dir, sid) == [A1, A2, A3]


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGKILL])
def test_stopping_before_any_answer_leaves_nothing_to_list_or_resume(sig: int, tmp_path: Path) -> None:
    docs = tmp_path / "notes"
    docs.mkdir()
    for i in range(300):  # enough documents that the first index build takes a moment
        (docs / f"story-{i}.md").write_text(f"## Story {i}\nI cut cost {i}% by moving batch jobs.\n", "utf-8")
    for moment in ("Session:", "Question 1"):  # during the first index build, then at the first prompt
        cli = Session(*FAST, "--questions", "2", "--docs", str(docs))
        cli.wait_for(moment)
        rc = cli.stop(sig)
        if sig == signal.SIGINT:
            assert rc == 130 and "--resume" not in cli.out and "nothing was saved" in cli.out, cli.out
        listing = run("--list-sessions")
        assert "No saved sessions yet" in listing.stdout, listing.stdout
        assert "no unfinished session" in run("--resume").stderr
    fresh = run(*FAST, "--questions", "1", stdin=scripted(A1))
    assert fresh.returncode == 0, fresh.stderr
    db = sqlite3.connect(Path(os.environ["INTERVIEWER_DATA_DIR"]) / "sessions.sqlite")
    assert db.execute("SELECT count(*) FROM interview_sessions").fetchone() == (1,)  # kill -9 leftovers pruned


def killed_at_question_3() -> str:
    """A 3-question session killed (-9) at its third question, two answers in; its session id."""
    cli = Session(*FAST, "--questions", "3")
    cli.wait_for("Session:")
    sid = session_id(cli.out)
    cli.answer(A1)
    cli.answer(A2)
    cli.wait_for("Question 3")
    cli.stop(signal.SIGKILL)
    return sid


def test_a_lost_wal_file_loses_no_answer(isolated_data_dir: Path) -> None:
    sid = killed_at_question_3()
    for suffix in ("-wal", "-shm"):
        Path(f"{isolated_data_dir / 'sessions.sqlite'}{suffix}").unlink(missing_ok=True)
    resumed = run("--resume", sid, stdin=scripted(A3))
    assert resumed.returncode == 0, resumed.stderr
    assert answers_in_transcript(isolated_data_dir, sid) == [A1, A2, A3]


def test_a_rolled_back_checkpoint_is_detected_and_caught_up_from_the_journal(isolated_data_dir: Path) -> None:
    sid = killed_at_question_3()
    db = sqlite3.connect(isolated_data_dir / "sessions.sqlite")
    (last,) = db.execute("SELECT max(checkpoint_id) FROM checkpoints WHERE thread_id = ?", (sid,)).fetchone()
    db.execute("DELETE FROM checkpoints WHERE thread_id = ? AND checkpoint_id = ?", (sid, last))
    db.execute("DELETE FROM writes WHERE thread_id = ? AND checkpoint_id = ?", (sid, last))
    db.commit()
    db.close()
    resumed = run("--resume", sid, stdin=scripted(A3))
    assert resumed.returncode == 0, resumed.stderr
    assert "Recovered 1 answer you submitted before the session stopped; graded now." in " ".join(
        resumed.stdout.split()
    )
    assert answers_in_transcript(isolated_data_dir, sid) == [A1, A2, A3]
