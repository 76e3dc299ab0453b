"""`--list-sessions` orders sessions by when they were really last used, to the ns: a draft kept at question 1
half a second after another session ended in the same second lists first (the registry says "...:SS+00:00", a
draft's file time "...:SS", and as strings the shorter one sorted as older), and the other way round when the
session was used later. A finished session of the real CLI, a draft kept as a stopped prompt keeps it, and the
listing run as a user runs it."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest

from agent import answer_journal

REPO = Path(__file__).resolve().parents[1]
DRAFT_ID = "20251130-0905-engineering-manager-0a1b2c3d4e5f"
SECOND = 1_764_493_500  # a whole second, 2025-11-30 09:05:00 UTC


def _run(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "agent.session", *args], input=stdin, capture_output=True,
                          text=True, cwd=REPO, timeout=180, env=dict(os.environ))  # fmt: skip


def _finished_session(data_dir: Path, tmp_path: Path) -> str:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps(["I split the on-call rota by service and pages fell from 30 a week to 8."]))
    run = _run("--role", "director", "--offline", "--questions", "1", "--follow-ups", "0", "--embedder", "hashing",
               "--answers", str(answers))  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    conn = sqlite3.connect(data_dir / "sessions.sqlite")
    try:
        (thread_id,) = conn.execute("SELECT thread_id FROM interview_sessions").fetchone()
    finally:
        conn.close()
    return str(thread_id)


def _at(data_dir: Path, session_id: str, session_ms: int, draft_ms: int) -> None:
    """The session last used, and the draft kept, at these milliseconds of the same second."""
    stamp = datetime.fromtimestamp(SECOND, UTC).isoformat(timespec="seconds")
    conn = sqlite3.connect(data_dir / "sessions.sqlite")
    try:
        with conn:
            conn.execute("UPDATE interview_sessions SET updated_at = ?, used = ? WHERE thread_id = ?",
                         (stamp, (SECOND * 1000 + session_ms) * 1_000_000, session_id))  # fmt: skip
    finally:
        conn.close()
    ns = (SECOND * 1000 + draft_ms) * 1_000_000
    os.utime(answer_journal.journal_path(DRAFT_ID), ns=(ns, ns))


@pytest.mark.parametrize(("session_ms", "draft_ms", "first"), [(200, 700, "draft"), (700, 200, "session")])
def test_sessions_of_one_second_list_newest_first(
    isolated_data_dir: Path, tmp_path: Path, session_ms: int, draft_ms: int, first: str
) -> None:
    session_id = _finished_session(isolated_data_dir, tmp_path)
    context = {"role": "engineering-manager", "questions": 1, "follow_ups": 0, "seed": 5}
    assert answer_journal.keep_draft(DRAFT_ID, context, "We were paged fourteen times a week, so I", "Question 1")
    _at(isolated_data_dir, session_id, session_ms, draft_ms)
    listing = _run("--list-sessions")
    assert listing.returncode == 0, listing.stderr
    out = listing.stdout
    assert "draft kept" in out and session_id in out, out
    order = ["draft", "session"] if out.index(DRAFT_ID) < out.index(session_id) else ["session", "draft"]
    assert order[0] == first, out
