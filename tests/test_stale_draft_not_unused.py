"""A draft kept for a finished session that is only the start of an answer the session graded is no unused draft
(sweep 39 RR4: a kill -9 while the report was written left the draft file's last snapshot, "… I owned the", and the
resume called it "the draft you typed … was not used" and set it aside beside the report). A draft that is not part
of any answer is still set aside and said. Real subprocesses, a real data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from agent import answer_journal
from tests.test_persistence import A1, FAST, run, scripted, session_id


@pytest.mark.parametrize(("draft", "unused"), [(A1[:40], False), (A1, False), ("A sentence never submitted", True)],
                         ids=["prefix", "whole", "other"])  # fmt: skip
def test_a_draft_that_starts_a_graded_answer_is_not_called_unused(
    isolated_data_dir: Path, draft: str, unused: bool
) -> None:
    done = run(*FAST, "--questions", "1", stdin=scripted(A1))
    assert done.returncode == 0, done.stdout + done.stderr
    sid = session_id(done.stdout)
    assert answer_journal.keep_draft(sid, {}, draft)  # as a kill after the answer, before the draft was dropped
    again = run("--resume", sid, stdin="/end\n")
    assert again.returncode == 0, again.stdout + again.stderr
    said = " ".join(again.stdout.split())
    aside = isolated_data_dir / "reports" / f"{sid}.unused-draft.txt"
    assert ("was not used" in said) is unused, said[-800:]
    assert aside.is_file() is unused
    entry = answer_journal.load(sid)
    assert entry is None or not entry.draft.strip()  # the journal holds it no more either way
