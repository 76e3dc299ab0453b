"""A draft kept with a session (typed at the prompt, then a stop) is never dropped without a word by a scripted
`--resume ID --answers FILE` (sweep26 S1): `--list-sessions` shows it; the scripted run answers the question it was
typed for without it, so it is set aside beside the report (0600), named in one line, and leaves the answer journal
(it stayed there forever, and came back pre-filled at a later question, sweep27 S1). Real pty for the stop, the real
CLI for the rest."""

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
    # the id follows --resume (the printed command also carries --data-dir DIR after it)
    (sid,) = [w[w.index("--resume") + 1] for w in map(str.split, term.text().splitlines()) if "--resume" in w]
    return sid


def test_a_scripted_resume_says_the_draft_is_not_used_and_keeps_it_beside_the_report(
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
    kept = isolated_data_dir / "reports" / f"{sid}.unused-draft.txt"
    said = ("The draft you typed at the terminal for this question is not used by scripted answers; "
            f"it is kept in {kept}.")  # fmt: skip
    assert said in out, out
    assert kept.read_text(encoding="utf-8") == DRAFT + "\n"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert not (isolated_data_dir / "pending" / f"{sid}.json").exists()  # not left in the answer journal forever
    assert answers_in(only_transcript(isolated_data_dir)) == [FIRST, SCRIPTED]
    again = run_cli("--list-sessions")
    assert "draft kept" not in flat(again.stdout), again.stdout


def test_a_draft_is_never_offered_at_a_later_question(isolated_data_dir: Path) -> None:
    """sweep27 S1: a scripted resume answered the draft's question and ran out; the next resume at a terminal
    pre-filled the draft into the prompt of the next question."""
    sid = _stopped_with_a_draft(3)
    cut = run_cli("--resume", sid, stdin=SCRIPTED + "\n")  # answers question 2, then runs out
    assert cut.returncode == 3, cut.stdout + cut.stderr
    kept = isolated_data_dir / "reports" / f"{sid}.unused-draft.txt"
    assert f"not used by scripted answers; it is kept in {kept}" in flat(cut.stdout), cut.stdout
    resumed = Terminal(["--resume", sid])
    try:
        resumed.wait_for_prompt(after="Question 3/3")
        resumed.type("\x04")
        resumed.exit_code()
        resumed.drain()
    finally:
        resumed.close()
    assert "back in the prompt" not in resumed.text() and DRAFT not in resumed.text(), resumed.text()[-1500:]
    assert kept.read_text(encoding="utf-8") == DRAFT + "\n"
