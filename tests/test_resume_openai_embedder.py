"""A session started with `--embedder openai` before the key check existed, resumed without OPENAI_API_KEY.

Such a session was stranded (stop 21): `--resume` showed the question, took the answer, then failed with "use
--embedder minilm to stay offline", and `--embedder` on resume was ignored ("the session keeps its settings"). Now
`--resume` says in one line, before any question, what to set; `--resume --embedder minilm` (or hashing) goes on
with the local embedder and says so. The session is made the way an older version left it: started offline, its
stored settings then naming the openai embedder (the key check now refuses such a start).
"""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.test_early_answer_durable import _reported_answers
from tests.test_session_tty import REPO

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "0"]
FIRST = "I moved four teams to trunk-based delivery and lead time fell from 12 days to 3 in one quarter."
SECOND = "I cut the platform budget by 30% in two quarters, and I owned the plan myself."


def _run(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k != "OPENAI_API_KEY"}
    return subprocess.run([sys.executable, "-m", "agent.session", *args], input=stdin, capture_output=True,
                          text=True, cwd=REPO, timeout=120, env=env)  # fmt: skip


def _stranded(data_dir: Path) -> str:
    """A session with one answer whose stored settings name the openai embedder; its id."""
    started = _run(*ARGS, stdin=FIRST + "\n/done\n")
    assert started.returncode == 3, started.stdout + started.stderr  # the scripted answers ran out: saved
    with sqlite3.connect(data_dir / "sessions.sqlite") as db:
        ((thread_id, stored),) = db.execute("SELECT thread_id, context FROM interview_sessions").fetchall()
        context = json.loads(stored)
        context["embedder"] = "openai"
        db.execute("UPDATE interview_sessions SET context = ? WHERE thread_id = ?", (json.dumps(context), thread_id))
    return str(thread_id)


def test_resuming_without_the_key_says_how_to_go_on_before_the_question(isolated_data_dir: Path) -> None:
    thread_id = _stranded(isolated_data_dir)
    refused = _run("--resume", thread_id, stdin=SECOND + "\n/done\n")
    assert refused.returncode == 2, refused.stdout + refused.stderr
    (line,) = refused.stderr.strip().splitlines()
    assert thread_id in line and "OPENAI_API_KEY" in line and "--resume" in line and "--embedder minilm" in line
    assert "Question" not in refused.stdout  # nothing asked, nothing taken
    resumed = _run("--resume", thread_id, "--embedder", "hashing", stdin=SECOND + "\n/done\n")
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    assert "hashing embedder" in resumed.stdout and "Ignored on resume" not in resumed.stdout
    assert _reported_answers(isolated_data_dir) == [FIRST, SECOND]
