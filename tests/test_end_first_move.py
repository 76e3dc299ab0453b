"""`/end` as the first move of a session: the report and the terminal gave "No answered questions" and no overall
score, while `/skip` then `/end` gave 1.0/5 (sweep 43 F6). The README's rule: the overall is the mean over every
planned question, a skipped or never-reached question counting 1; both moves now read 1.0/5 over the plan. Real
subprocesses, a real data folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_persistence import FAST, run, session_id


@pytest.mark.parametrize("moves", ["/end\n", "/skip\n---\n/end\n"])
def test_ending_before_any_answer_scores_the_plan_unanswered(isolated_data_dir: Path, moves: str) -> None:
    done = run(*FAST, "--questions", "3", stdin=moves)
    said = done.stdout + done.stderr
    assert done.returncode == 0 and "Overall: 1.0/5" in said and "no answered questions" not in said, said
    report = (isolated_data_dir / "reports" / f"{session_id(done.stdout)}.md").read_text(encoding="utf-8")
    assert ("**Overall score: 1.0/5** over 3 planned question(s), 0 answered (a skipped or unreached question "
            "counts as 1)") in report, report  # fmt: skip
