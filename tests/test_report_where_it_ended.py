"""After a question's follow-ups the report says where it ended: the score and each step that moved it, and what is
still open, so a gap a follow-up reply closed no longer reads as open (newcomer30 N24: the report and the JSON
scorecard kept the first answer's missing list after a reply covered it, and a score that moved was unexplained).
A scripted session of the real CLI with an invented one-question role pack; the report files are read as written."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from agent.report import score_steps

REPO = Path(__file__).resolve().parents[1]
ROLE = """\
name: infra-lead
title: Infrastructure Lead
competencies:
  execution: 1
questions:
  - id: cost-cut
    text: Tell me about a time you cut what a system your team ran cost to operate.
    type: behavioral
    competency: execution
    signals: [Finds where the money goes before cutting, Keeps reliability while cutting]
"""
FIRST = (
    "Last year our search cluster cost too much and I owned its budget. I profiled which indexes were queried, "
    "moved the cold ones to cheaper storage, and turned off two idle replicas after checking our error rates held. "
    "The bill went down a lot and it stayed down."
)
NUMBERS = "The monthly bill went from $42,000 to $27,000, about 36% less, and it held there for the next two quarters."
VAGUE = "I honestly do not remember the figures any more, it was a while ago."


def _session(tmp_path: Path, data: Path, reply: str, first: str = FIRST) -> tuple[dict[str, Any], str]:
    role, answers = tmp_path / "role.yaml", tmp_path / "answers.json"
    role.write_text(ROLE, encoding="utf-8")
    answers.write_text(json.dumps([first, reply]), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", str(role), "--offline", "--questions", "1",
         "--follow-ups", "1", "--embedder", "hashing", "--answers", str(answers)],
        capture_output=True, text=True, cwd=REPO, timeout=180, env=dict(os.environ), stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    (transcript,) = (data / "reports").glob("*.json")
    return json.loads(transcript.read_text(encoding="utf-8")), transcript.with_suffix(".md").read_text("utf-8")


@pytest.mark.parametrize(("reply", "closed"), [(NUMBERS, True), (VAGUE, False)])
def test_the_report_says_where_a_question_ended(
    isolated_data_dir: Path, tmp_path: Path, reply: str, closed: bool
) -> None:
    transcript, report = _session(tmp_path, isolated_data_dir, reply)
    first, follow_up = transcript["turns"]
    assert follow_up["is_follow_up"] and first["follow_up"]["probes"] == "quantified_result", first["follow_up"]
    assert "quantified_result" in first["critique"]["weak_or_missing"]
    assert bool(follow_up["critique"]["closes_gap"]) is closed
    row = transcript["scorecard"]["questions"][0]
    # the figures also make the answer specific: that gap of the first answer closes with them and counts too
    also = [g for g in first["critique"]["weak_or_missing"] if g not in follow_up["left"]["gaps"]]
    assert also == (["quantified_result", "specificity"] if closed else []), follow_up["left"]
    step = "answered it and the reply also covered specifics (+2)" if closed else "left it open"
    steps = [f"first answer {first['critique']['score']}", f"the follow-up on numbers on results {step}"]
    assert row["score_steps"][:2] == steps
    assert row["score"] == min(4, first["critique"]["score"] + 2 * closed)
    assert ("quantified_result" in row["still_open"]) is not closed  # the first answer's list kept it either way
    assert row["first_signals_missing"] == first["critique"]["signals"]["missing"]
    ended = next(line for line in report.splitlines() if line.startswith("**Where it ended"))
    assert ended.startswith(f"**Where it ended: {row['score']}/5** (first answer {first['critique']['score']}; ")
    assert ("numbers on results" in ended.partition("Still open")[2]) is not closed, ended


def test_each_step_that_caps_a_score_is_named() -> None:
    main = {"score": 4, "relevance": "off_topic"}
    assert score_steps(main, [{"probes": "relevance", "closes_gap": True, "score": 4}]) == (
        3, ["first answer 4", "the follow-up on answering the question asked answered it (+1)",
            "at most 3: the first answer was off topic"],
    )  # fmt: skip
    assert score_steps({"score": 5}, [{"probes": "none", "score": 2}]) == (
        4,
        ["first answer 5", "the depth follow-up answered weakly (-1)"],
    )
    assert score_steps({"score": 3}, [{"probes": "result", "closes_gap": True, "score": 4},
                                      {"probes": "quantified_result", "closes_gap": True, "score": 5}])[1][-1] == (
        "at most 4: a follow-up had to ask for it"
    )  # fmt: skip


STRONG = (
    "Last year our search cluster cost $42,000 a month and I owned its budget. I profiled which indexes were queried "
    "and found 70% of the spend went to indexes nobody had read in 90 days. I moved those to cheaper storage and "
    "turned off two idle replicas after checking our error rates held at 0.1%. The monthly bill went from $42,000 to "
    "$27,000, and it held for the next two quarters."
)
DEPTH = (
    "The hardest call was turning off the replicas: I chose to accept a slower failover, 4 minutes instead of 30 "
    "seconds, because the cluster served internal search only, and I checked that with the two teams who used it most."
)


def test_a_depth_follow_up_reads_as_such(isolated_data_dir: Path, tmp_path: Path) -> None:
    transcript, report = _session(tmp_path, isolated_data_dir, DEPTH, first=STRONG)
    first, follow_up = transcript["turns"]
    assert first["follow_up"]["probes"] == "none", first["follow_up"]  # a complete answer gets a depth follow-up
    assert any(e["field"] == "none" for e in follow_up["critique"]["evidence"])
    assert "- Evidence (depth): " in report and "Evidence (none)" not in report
    assert "the depth follow-up answered)" in report
