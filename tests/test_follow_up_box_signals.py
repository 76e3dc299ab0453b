"""A follow-up's feedback box says what the question has shown so far, not the reply alone (newcomer trial N11).

A reply is judged on its own; listing the question's signals as "Missing:" under it turned signals the first answer
showed into "missing", and a candidate read that as "still not covered". The box under a reply lists what the answer
and the replies have shown together and what is still missing; a turn saved without that record says plainly that
it judges the reply alone. Answers written for this file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from agent.critique_lines import detail_lines

REPO = Path(__file__).resolve().parents[1]
SIGNS = "Names the signs that showed the team was overloaded"
ANSWERS = [
    "Last spring my team of nine was clearly overloaded: three people were answering pages at night, two sprints in "
    "a row slipped, and our review queue sat at five days. I stopped new intake for two weeks, listed every "
    "commitment with its owner, and went to my director with the list and asked which two projects could wait. I "
    "moved the on-call load to a rota of six and borrowed one engineer from a sister team for a month. Within six "
    "weeks the review queue was under a day and nobody was paged twice in a week.",
    "I would have gone to my director a month earlier, when the first sprint slipped, instead of waiting.",
]


def _reply(probes: str = "tradeoffs") -> dict[str, object]:
    return {"score": 4, "probes": probes, "closes_gap": True,
            "signals": {"covered": [], "missing": [SIGNS, "Names work they postponed"]}}  # fmt: skip


def test_a_reply_box_lists_what_the_question_showed_so_far() -> None:
    lines = detail_lines(_reply(), {"gaps": [], "signals_missing": ["Names work they postponed"]})
    assert any(line.startswith("Shown so far") and SIGNS in line for line in lines), lines
    assert not any(SIGNS in line for line in lines if not line.startswith("Shown so far")), lines
    assert not any(line.startswith("Missing:") for line in lines), lines


def test_without_the_record_the_box_says_it_judges_the_reply_alone() -> None:
    lines = detail_lines(_reply())
    assert any(line.startswith("Not in this reply:") for line in lines), lines
    assert not any(line.startswith("Missing:") for line in lines), lines


def test_a_main_answer_box_is_unchanged() -> None:
    main = {"score": 3, "signals": {"covered": [SIGNS], "missing": ["Names work they postponed"]}}
    assert detail_lines(main)[:2] == [f"Shows: {SIGNS}", "Missing: Names work they postponed"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_the_terminal_box_under_a_reply_keeps_what_the_answer_showed(tmp_path: Path) -> None:
    script = tmp_path / "answers.json"
    script.write_text(json.dumps(ANSWERS), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", "engineering-manager", "--offline", "--seed", "38",
         "--questions", "1", "--follow-ups", "1", "--answers", str(script)],
        capture_output=True, text=True, cwd=REPO, timeout=300, env=dict(os.environ), stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    shown = " ".join(run.stdout.split())
    assert "your team was overloaded" in shown
    box = shown[shown.find("Feedback (follow-up)") :]
    assert "Shown so far (answer and replies): Names the signs" in " ".join(box.replace("│", " ").split()), box
    report = next((tmp_path / "data" / "reports").glob("*.md")).read_text(encoding="utf-8")
    follow_up = report[report.find("**Follow-up:**") :]
    assert "Missing:" not in follow_up.split("**Where it ended")[0], follow_up
