"""An on-topic answer told in plain words is not another question's answer because static word vectors place it
there (issue 9 case 2; newcomer findings of stop 33 on strong plain-word answers called off topic). When the sentence
model (MiniLM) fits the whole answer to the asked question better than to any other question of the pack, it stays
on topic (agent/critic/features.py _first_exactly); an answer about another subject stays off topic. Driven through
the real CLI, a scripted offline ai-engineer session on the monitoring question; answers written for this file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = 95  # the ai-engineer pack's one-question plan with this seed asks what to monitor once a model is live


def _turn(tmp_path: Path, answer: str) -> dict[str, Any]:
    """The critique of the one main answer of a scripted offline ai-engineer session."""
    script = tmp_path / "answers.json"
    script.write_text(json.dumps([answer]), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", "ai-engineer", "--offline", "--seed", str(SEED),
         "--questions", "1", "--follow-ups", "0", "--answers", str(script)],
        capture_output=True, text=True, cwd=REPO, timeout=300, env=dict(os.environ), stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    (transcript,) = (tmp_path / "data" / "reports").glob("*.json")
    (turn,) = [t for t in json.loads(transcript.read_text(encoding="utf-8"))["turns"] if not t["is_follow_up"]]
    assert "Once a model is live" in turn["question"], turn["question"]
    critique: dict[str, Any] = turn["critique"]
    return critique


@pytest.mark.usefixtures("isolated_data_dir")
def test_monitoring_said_in_plain_words_is_on_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "I watch three things once it is out: whether the inputs still look like what it was trained on, how its "
        "scores are spread compared with last week, and, as soon as the real answers come in, how often it is right. "
        "If the share it gets right drops more than a few points below what we measured before launch, or the inputs "
        "shift sharply, I switch back to the previous version, which we always keep ready, and then dig in."
    ))  # fmt: skip
    assert critique["relevance"] == "on_topic", critique["relevance_note"]
    assert "relevance" not in critique["weak_or_missing"]
    assert critique["signals"]["covered"], critique["signals"]


@pytest.mark.usefixtures("isolated_data_dir")
def test_a_speed_up_told_to_the_monitoring_question_stays_off_topic(tmp_path: Path) -> None:
    critique = _turn(tmp_path, (
        "Once our model went live, the preprocessing step turned out to be the slow part, so I profiled it and found "
        "most of the time went into a Python loop over rows. I rewrote it with vectorised pandas operations and "
        "cached the tokeniser output, and the nightly run dropped from three hours to twenty minutes."
    ))  # fmt: skip
    assert critique["relevance"] == "off_topic", critique
    assert critique["score"] <= 2
