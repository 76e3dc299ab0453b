"""agent.progress driven as a user meets it: real sessions through `python -m agent.session` with scripted
answers, then `python -m agent.progress` in a subprocess, its JSON and its table checked."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]

# A one-question pack, so every session asks the same incident question; written for this test.
PACK = """\
name: incident-drill
title: Incident drill
competencies:
  incident_response: 1.0
questions:
  - id: worst-incident
    text: "Tell me about a serious production incident you handled. What did you do, and what came of it?"
    type: behavioral
    competency: incident_response
    signals:
      - Says what they did in the first hour, such as rolling back or paging the owning team
      - Says what changed afterwards to stop it happening again
"""
# Three attempts at the same question, each better than the last (the candidate practising).
ATTEMPTS = [
    "When our payments API went down, the team looked into it for a while and we rolled back the release. "
    "It was a long night for everyone involved.",
    "Our payments API started timing out on a Friday evening. I was on call, so I opened the incident channel, "
    "paged the database team and rolled back the deploy from that afternoon. The API recovered and afterwards "
    "we added a canary stage to the release pipeline.",
    "Our payments API started timing out on a Friday evening and checkout errors reached 30%. I was on call: I "
    "opened the incident channel, paged the database team and rolled back that afternoon's deploy within 15 "
    "minutes. Errors fell from 30% to under 1% in 20 minutes. Afterwards I added a canary stage to the release "
    "pipeline, and over the next quarter payment incidents dropped from 5 to 1.",
]


def run(module: str, *args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", module, *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env=dict(os.environ),
    )


def practise(pack: Path, answers: list[str]) -> None:
    for answer in answers:
        done = run(
            "agent.session",
            "--role",
            str(pack),
            "--embedder",
            "hashing",
            "--questions",
            "1",
            "--follow-ups",
            "0",
            "--seed",
            "1",
            stdin=answer + "\n",
        )
        assert done.returncode == 0, done.stderr


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    path = tmp_path / "incident-drill.yaml"
    path.write_text(PACK, encoding="utf-8")
    return path


def progress_json(*args: str) -> dict[str, Any]:
    shown = run("agent.progress", *args, "--json")
    assert shown.returncode == 0, shown.stderr
    return dict(json.loads(shown.stdout))


def test_three_improving_sessions_rise_and_name_the_gap_that_went(pack: Path) -> None:
    practise(pack, ATTEMPTS)
    view = progress_json("--role", str(pack))
    assert view["progress"]["sessions"] == 3
    (comp,) = [c for c in view["progress"]["competencies"] if c["competency"] == "incident_response"]
    scores = [p["score"] for p in comp["points"]]
    assert len(scores) == 3 and scores[0] < scores[-1], scores
    assert comp["trend"] == "rising" and comp["slope"] > 0
    assert "quantified_result" in comp["resolved"], comp
    table = run("agent.progress", "--role", str(pack))
    assert table.returncode == 0, table.stderr
    out = " ".join(table.stdout.split())
    assert "rising" in out and "Gone in your latest incident response answers:" in out and "numbers on results" in out


def test_a_falling_run_is_not_called_rising(pack: Path) -> None:
    practise(pack, list(reversed(ATTEMPTS)))
    comp = progress_json("--role", str(pack))["progress"]["competencies"][0]
    assert comp["trend"] == "falling" and comp["slope"] < 0
    assert comp["resolved"] == []  # no number on a result the answer no longer has is not progress


def test_no_history_yet_is_one_line_not_a_traceback() -> None:
    shown = run("agent.progress")
    assert shown.returncode == 2
    assert shown.stderr.startswith("error: no sessions yet") and "Traceback" not in shown.stderr


def test_the_history_files_are_private(pack: Path, isolated_data_dir: Path) -> None:
    practise(pack, ATTEMPTS[:1])
    files = list((isolated_data_dir / "history").glob("*.json"))
    assert len(files) == 1 and files[0].stat().st_mode & 0o777 == 0o600
    summary = json.loads(files[0].read_text())
    assert summary["finished"] and summary["answers"][0]["competency"] == "incident_response"
    assert ATTEMPTS[0] not in files[0].read_text()  # the feed keeps scores and gaps, not the answers
