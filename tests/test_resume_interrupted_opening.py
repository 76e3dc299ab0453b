"""Ctrl-C while `--resume` opens a saved session (its story index being rebuilt) says the session is kept as it was
and prints the command that resumes it (sweep23 S3: "Stopped before the first question; nothing was saved.", no
command, though the session and its draft were kept). Real pty, real MiniLM index over a big folder of notes.

The notes are edited between the two runs, so the resume re-embeds every story (seconds, more under load) whatever
the first run's build reached. A stop can still land after the session opened (a loaded machine, or one held back
out of LangGraph's bookkeeping): the screen then shows the session resumed and says the draft is kept with it.
Either way the draft typed in the first run is still kept, and nothing says "nothing was saved"."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

from agent import answer_journal
from tests.slow_hook import slow_call
from tests.test_session_tty import REPO, Terminal

STORY = (
    "## Story {i}: Moving service {i} to the new cluster\n\n**Situation:** Service {i} ran on hosts we were retiring "
    "and paged the team {p} times a month.\n**Task:** I owned its move and its on-call.\n**Action:** I wrote the "
    "runbook, moved traffic in steps of ten percent and kept the old hosts warm for a week in case we had to go back. "
    "I met the two teams that called it every Friday until the move was done.\n**Result:** Pages fell from {p} a "
    "month to {q}, and the old hosts were switched off on time.\n"
)
DRAFT = "a draft typed while the notes were read"


def _notes(folder: Path) -> Path:
    folder.mkdir()
    for f in range(10):
        text = "\n".join(STORY.format(i=f * 30 + i, p=5 + i % 7, q=i % 3) for i in range(30))
        (folder / f"stories-{f}.md").write_text(text, encoding="utf-8")
    return folder


def _edit(folder: Path) -> None:
    """The candidate edits every story between the runs: no vector the first run may have cached fits any more."""
    for path in folder.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace("switched off on time.", "switched off on time, a week early."), "utf-8")


def _listed(thread_id: str) -> str:
    """The --list-sessions row of the session (as the candidate reads it)."""
    out = subprocess.run([sys.executable, "-m", "agent.session", "--list-sessions"], cwd=REPO, capture_output=True,
                         text=True, timeout=240, env={**os.environ, "COLUMNS": "200"})  # fmt: skip
    assert out.returncode == 0, out.stderr
    rows = [line for line in out.stdout.splitlines() if thread_id in line]
    assert rows, out.stdout
    return rows[0]


def test_ctrl_c_while_a_resume_opens_the_session_keeps_it_and_says_how_to_resume(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    docs = _notes(tmp_path / "notes")
    args = ["--role", "director", "--seed", "3", "--questions", "2", "--follow-ups", "0", "--docs", str(docs)]
    first = Terminal(args)
    try:
        first.wait_for_prompt()  # question 1 takes keys while the index builds
        first.type_seen(DRAFT)
        first.proc.send_signal(signal.SIGINT)
        first.wait_for("Resume with")
        first.exit_code()
    finally:
        first.close()
    (kept,) = [entry for entry in answer_journal.drafts() if entry.draft == DRAFT]
    _edit(docs)
    # the moment made certain: the resume pauses once it starts embedding the edited stories (a fixed 4 s sleep
    # stood here, and under load it could land anywhere)
    env, mark = slow_call(tmp_path / "hook", "knowledge.index_cache", "cached_vectors", seconds=60)
    second = Terminal(["--resume"], extra_env=env)
    try:
        second.wait_for("Getting the interview ready")
        second.wait_for_mark(mark)  # the imports are done; the index of 300 edited stories is being built
        second.proc.send_signal(signal.SIGINT)
        second.wait_for("Resume with")
        assert second.exit_code() == 130
        screen = second.text()
    finally:
        second.close()
    assert "nothing was saved" not in screen.lower(), screen[-1500:]
    if "Resuming session" in screen:  # the stop landed once the session was open: the draft is kept with it
        assert "the draft you had typed is kept with the session" in screen, screen[-1500:]
    else:
        assert "before the session resumed; it is kept as it was" in screen, screen[-1500:]
    # either way the draft typed in the first run is still kept, for this session
    assert [entry.draft for entry in answer_journal.drafts() if entry.thread_id == kept.thread_id] == [DRAFT]
    assert "draft kept" in _listed(kept.thread_id)
