"""An answer over the cap submitted while the session is still getting ready, then a stop: the whole text is kept
beside the report (0600) and the stop says where, as on the normal path (sweep27 S17 covered only that path; here
the answer journal held the first 20,000 characters and the rest was gone). Real pty, a pasted answer, Ctrl-C; the
start is held back by slowing the session database's opening in the child (tests.slow_hook)."""

from __future__ import annotations

import json
import os
import signal
import stat
import time
from pathlib import Path

from tests.slow_hook import slow_call
from tests.test_session_tty import ARGS, Terminal

SENTENCE = "We moved the nightly batch jobs to a stream and the lag fell from six hours to nine minutes. "
ANSWER = "BEGINS " + SENTENCE * 240 + "and the on-call load halved. ENDS"
CAP = 20_000


def test_an_over_cap_answer_submitted_while_getting_ready_is_kept_whole_at_a_stop(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    env, mark = slow_call(tmp_path / "hook", "agent.cli_run", "new_driver", seconds=60)
    term = Terminal([*ARGS, "--questions", "2"], extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/2")
        deadline = time.monotonic() + 120  # also for the journal below
        term.wait_for_mark(mark, 120)  # the start is held in the session database's opening
        pasted = f"\x1b[200~{ANSWER}\x1b[201~".encode()
        for at in range(0, len(pasted), 1024):  # in pieces, reading the echo between them (a full pty blocks)
            os.write(term.master, pasted[at : at + 1024])
            term._read()
        term.type("\x1b\r")
        journals = isolated_data_dir / "pending"
        while not list(journals.glob("*.json")):
            assert time.monotonic() < deadline and term.proc.poll() is None, term.text()[-1500:]
            term._read()
        term.proc.send_signal(signal.SIGINT)
        term.wait_for("Resume with")
        assert term.exit_code() == 130
        screen = " ".join(term.text().split())
        unwrapped = "".join(term.text().split())  # a long path may be folded across lines
    finally:
        term.close()
    (journal,) = journals.glob("*.json")
    moves = json.loads(journal.read_text(encoding="utf-8"))["moves"]
    (graded,) = [m["text"] for m in moves.values()]
    assert graded == ANSWER[:CAP]  # what is graded on resume: the cap
    (whole,) = (isolated_data_dir / "reports").glob("*.whole-answer-*.txt")
    assert whole.read_text(encoding="utf-8") == ANSWER and stat.S_IMODE(whole.stat().st_mode) == 0o600
    assert f"Your answer was {len(ANSWER):,} characters" in screen, screen[-1500:]
    assert "".join(str(whole).split()) in unwrapped, screen[-1500:]
