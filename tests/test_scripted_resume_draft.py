"""A draft kept with a session (typed at the prompt, then a stop) is never dropped without a word by a scripted
`--resume ID --answers FILE`: the run says the draft is kept and not used, `--list-sessions` shows it, and once the
scripted answers finish the session the draft is saved beside the report (0600) instead of staying in the answer
journal forever. Real pty for the stop, the real CLI for the rest."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from tests.test_session_cli import answers_in, flat, only_transcript, run_cli
from tests.test_session_tty import Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--follow-ups", "0"]
FIRST = "I moved four teams to trunk-based delivery and lead time fell from 12 days to 3 in one quarter."
DRAFT = "Half typed: the pilot team would own the shared"
SCRIPTED = "I would start from one shared definition of every feature and measure skew weekly with a canary."


def _stopped_with_a_draft(questions: int) -> str:
    """A session stopped (Ctrl-C) at question 2 with a draft typed: its id."""
    term = Terminal([*ARGS, "--questions", str(questions)])
    try:
        term.wait_for_prompt()
        term.submit(FIRST)
        term.wait_for_prompt(after=f"Question 2/{questions}")
        term.type(DRAFT + "\x03")
        term.wait_for("draft you had typed is kept")
        term.exit_code()
    finally:
        term.close()
    (sid,) = [line.split()[-1] for line in term.text().splitlines() if "--resume" in line]
    return sid


def test_a_scripted_resume_says_the_draft_was_not_used_and_keeps_it_beside_the_report(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    sid = _stopped_with_a_draft(2)
    listed = run_cli("--list-sessions")
    assert "draft kept" in flat(listed.stdout), listed.stdout
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps([SCRIPTED]), encoding="utf-8")
    done = run_cli("--resume", sid, "--answers", str(answers))
    assert done.returncode == 0, done.stdout + done.stderr
    out = flat(done.stdout)
    journal = isolated_data_dir / "pending" / f"{sid}.json"
    assert f"A draft you typed at the terminal is kept in {journal}; scripted answers do not use it" in out, out
    kept = isolated_data_dir / "reports" / f"{sid}.unused-draft.txt"
    assert f"was not used (the session is finished); it is kept in {kept}" in out, out
    assert kept.read_text(encoding="utf-8") == DRAFT + "\n"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert not journal.exists()  # not left in the answer journal forever
    assert answers_in(only_transcript(isolated_data_dir)) == [FIRST, SCRIPTED]
    again = run_cli("--list-sessions")
    assert "draft kept" not in flat(again.stdout), again.stdout


def test_a_scripted_resume_that_runs_out_leaves_the_draft_for_the_terminal(isolated_data_dir: Path) -> None:
    sid = _stopped_with_a_draft(3)
    cut = run_cli("--resume", sid, stdin="")  # piped stdin with no answer: the session stays open
    assert cut.returncode == 3, cut.stdout + cut.stderr
    assert "scripted answers do not use it: it is back in the prompt when you resume" in flat(cut.stdout)
    resumed = Terminal(["--resume", sid])
    try:
        resumed.wait_for_prompt(after="back in the prompt")
        resumed.wait_for(DRAFT)
        resumed.type("\x04")
        resumed.exit_code()
    finally:
        resumed.close()
