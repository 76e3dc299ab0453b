"""A stance credits no signal (issue 9 case 2, signals credited that the answer never said): a sentence that ranks
something as the most important, puts a duty on everyone, says what the candidate tries to be or calls a tool what
everyone uses names no figure, name or practice, so it shows none of the question's signals, however many of their
words it shares (agent/critic/generic.py GENERAL_CUES). Driven through the real CLI, a scripted offline
engineering-manager session on one-on-ones; answer written for this file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

REPO = Path(__file__).resolve().parents[1]
SEED = 9  # the engineering-manager pack's one-question plan with this seed asks what one-on-ones look like


@pytest.mark.usefixtures("isolated_data_dir")
def test_ranking_one_on_ones_first_shows_no_change_to_them(tmp_path: Path) -> None:
    script = tmp_path / "answers.json"
    script.write_text(json.dumps([
        "My one-on-ones run every week for thirty minutes with each of my six engineers. The first ten minutes are "
        "theirs, for anything on their mind, then we look at the goals we set together last quarter. Over time "
        "one-on-ones have become the most important meeting of my week. I always try to listen more than I speak."
    ]), encoding="utf-8")  # fmt: skip
    run = subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", "engineering-manager", "--offline", "--seed", str(SEED),
         "--questions", "1", "--follow-ups", "0", "--answers", str(script)],
        capture_output=True, text=True, cwd=REPO, timeout=300, env=dict(os.environ), stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    (transcript,) = (tmp_path / "data" / "reports").glob("*.json")
    (turn,) = [t for t in json.loads(transcript.read_text(encoding="utf-8"))["turns"] if not t["is_follow_up"]]
    assert "one-on-ones" in turn["question"], turn["question"]
    critique: dict[str, Any] = turn["critique"]
    quoted = [c for c in critique["signals"]["checks"] if c["covered"] and "most important" in c["span"]["text"]]
    assert not quoted, quoted
    assert not any("changed about their one-on-ones" in s for s in critique["signals"]["covered"]), critique["signals"]
