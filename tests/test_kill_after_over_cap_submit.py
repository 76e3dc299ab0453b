"""kill -9 right after an answer over the 20,000-character cap was submitted, once the answer journal holds it (so
the answer counts: resume grades its first 20,000 characters): its whole text is already kept beside the report
(sweep28 S8: 4 of 15 kills 0.1-0.25 s after the submit kept only the first 20,000, the rest gone for good). Real pty,
a pasted answer, real kill -9; the moment is made certain by pausing the child right after the journal write."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tests.slow_hook import slow_call
from tests.test_session_tty import ARGS, Terminal

SENTENCE = "We split the monolith's deploy into four lanes and the release train went from weekly to daily. "
ANSWER = "OPENS " + SENTENCE * 230 + "and rollbacks fell by two thirds. CLOSES"


def test_kill_9_once_an_over_cap_answer_is_journalled_keeps_its_whole_text(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    assert len(ANSWER) > 20_000
    # the journal write of the answer (not of a draft): the pause comes once it is on disk
    condition = "len(args) > 3 and isinstance(args[3], dict) and args[3].get('kind') == 'answer'"
    env, mark = slow_call(tmp_path / "hook", "agent.answer_journal", "record", condition, seconds=30, after=True)
    term = Terminal([*ARGS, "--questions", "2"], extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.wait_started(isolated_data_dir)  # the interview loop takes this answer (the early path has its own test)
        pasted = f"\x1b[200~{ANSWER}\x1b[201~".encode()
        for at in range(0, len(pasted), 1024):  # in pieces, reading the echo between them (a full pty blocks)
            os.write(term.master, pasted[at : at + 1024])
            term._read()
        term.type("\x1b\r")
        term.kill_at_mark(mark)
    finally:
        term.close()
    (journal,) = (isolated_data_dir / "pending").glob("*.json")
    (graded,) = [m["text"] for m in json.loads(journal.read_text(encoding="utf-8"))["moves"].values()]
    assert graded == ANSWER[:20_000]  # the answer counts
    kept = list((isolated_data_dir / "reports").glob("*.whole-answer-*.txt"))
    assert [p.read_text(encoding="utf-8") for p in kept] == [ANSWER], kept
