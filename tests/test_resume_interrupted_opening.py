"""Ctrl-C while `--resume` opens a saved session (its story index being rebuilt) says the session is kept as it was
and prints the command that resumes it (sweep23 S3: "Stopped before the first question; nothing was saved.", no
command, though the session and its draft were kept). Real pty, real MiniLM index over a big folder of notes."""

from __future__ import annotations

import signal
import time
from pathlib import Path

from tests.test_session_tty import Terminal

STORY = (
    "## Story {i}: Moving service {i} to the new cluster\n\n**Situation:** Service {i} ran on hosts we were retiring "
    "and paged the team {p} times a month.\n**Task:** I owned its move and its on-call.\n**Action:** I wrote the "
    "runbook, moved traffic in steps of ten percent and kept the old hosts warm for a week in case we had to go back. "
    "I met the two teams that called it every Friday until the move was done.\n**Result:** Pages fell from {p} a "
    "month to {q}, and the old hosts were switched off on time.\n"
)


def _notes(folder: Path) -> Path:
    folder.mkdir()
    for f in range(10):
        text = "\n".join(STORY.format(i=f * 30 + i, p=5 + i % 7, q=i % 3) for i in range(30))
        (folder / f"stories-{f}.md").write_text(text, encoding="utf-8")
    return folder


def test_ctrl_c_while_a_resume_opens_the_session_keeps_it_and_says_how_to_resume(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    docs = _notes(tmp_path / "notes")
    args = ["--role", "director", "--seed", "3", "--questions", "2", "--follow-ups", "0", "--docs", str(docs)]
    first = Terminal(args)
    try:
        first.wait_for_prompt()  # question 1 takes keys while the index builds
        first.type_seen("a draft typed while the notes were read")
        first.proc.send_signal(signal.SIGINT)
        first.wait_for("Resume with")
        first.exit_code()
    finally:
        first.close()
    second = Terminal(["--resume"])
    try:
        second.wait_for("Getting the interview ready")
        time.sleep(4)  # the imports are done; the index of 300 stories is being built
        second.proc.send_signal(signal.SIGINT)
        second.wait_for("Resume with")
        assert second.exit_code() == 130
        screen = second.text()
    finally:
        second.close()
    assert "kept as it was" in screen and "nothing was saved" not in screen, screen[-1500:]
