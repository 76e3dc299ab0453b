"""A story retold from the candidate's notes is on topic only where it fits: the story index matching it to the
asked question (the bank's best story for it) does not make a migration story an answer to a design question when the
pack's other questions fit it far better (newcomer30 N8, critic_dev8). Scripted sessions of the real CLI over
invented notes (real story index, MiniLM); every story and answer here is written for this file.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
NOTES = """\
# Prep notes

## Moving the billing jobs off the old scheduler

Our 140 nightly billing jobs ran on a cron box that nobody wanted to touch, and two of them failed silently each
month. I led the move to Airflow over one quarter: I wrote the migration order, paired each job owner with a checklist,
and kept the old box running in shadow for three weeks. Silent failures went to zero and the nightly run finished
ninety minutes earlier.

## Coaching a new tech lead

A first-time tech lead on my team struggled to let go of the code. I paired with her on planning for six weeks and
we agreed she would review rather than write the risky parts. Her team shipped the next two milestones on time.
"""
# The migration story of the notes, retold in other words, to a question asking for the design of an LLM feature:
# the index matches it to that question (the bank's best story for it), static vectors place it elsewhere.
MIGRATION_RETOLD = (
    "The story I would tell is our billing jobs. About 140 of them ran every night from an old cron machine, and a "
    "couple failed without anyone noticing every month. I led moving them to Airflow over a quarter: I set the order, "
    "gave every job owner a checklist and ran the old machine in shadow for three weeks. We have had no silent "
    "failures since, and the nightly run ends an hour and a half sooner."
)


def _main_turn(tmp_path: Path, answers: list[str]) -> dict:  # type: ignore[type-arg]
    notes, script = tmp_path / "prep.md", tmp_path / "answers.json"
    notes.write_text(NOTES, encoding="utf-8")
    script.write_text(json.dumps(answers), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", "ai-engineer", "--seed", "1", "--offline", "--questions",
         "2", "--follow-ups", "0", "--docs", str(notes), "--answers", str(script)],
        capture_output=True, text=True, cwd=REPO, timeout=300, env=dict(os.environ), stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    (transcript,) = (tmp_path / "data" / "reports").glob("*.json")
    turns = json.loads(transcript.read_text(encoding="utf-8"))["turns"]
    answered = [t for t in turns if not t["skipped"] and not t["is_follow_up"]]
    assert len(answered) == 1
    return answered[0]  # type: ignore[no-any-return]


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_retold_migration_story_given_to_a_design_question_is_off_topic(tmp_path: Path) -> None:
    turn = _main_turn(tmp_path, ["/skip", MIGRATION_RETOLD])
    assert turn["question_type"] == "system_design"  # seed 1 asks a design question second
    critique = turn["critique"]
    assert critique["relevance"] == "off_topic", critique["relevance_note"]
    assert critique["score"] <= 2
    assert critique["signals"]["covered"] == []
