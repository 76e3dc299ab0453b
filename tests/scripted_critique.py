"""The critique of a scripted offline session's one main answer, driven through the real CLI (agent.session with
--answers): shared by the critic's CLI tests, each of which asks one question of one role pack by its seed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


Asked = tuple[str, int, str]  # a bundled role pack, a seed that asks the question first, words of that question

# Questions asked by more than one test file.
OWN_MISTAKE: Asked = ("engineering-manager", 13, "mistake you made as a manager")
BATCH_ONLINE: Asked = ("ai-engineer", 15, "computed in batch ahead of time")
OVERLOAD: Asked = ("engineering-manager", 38, "your team was overloaded")


def critique_of(tmp_path: Path, asked: Asked, answer: str) -> dict[str, Any]:
    """main_critique of `answer` to the question `asked`."""
    role, seed, words = asked
    return main_critique(tmp_path, role, seed, answer, words)


def main_critique(
    tmp_path: Path, role: str, seed: int, answer: str, asked: str, docs: Path | None = None
) -> dict[str, Any]:
    """The critique of the one main answer of a scripted offline `role` session (one question, no follow-ups), in the
    data folder tmp_path/data (the isolated_data_dir fixture); `asked` must be part of the question it asked; `docs`
    is a folder of the candidate's notes (--docs), if any."""
    return scripted_turn(tmp_path, role, seed, answer, asked, docs)[0]


def scripted_turn(
    tmp_path: Path, role: str, seed: int, answer: str, asked: str, docs: Path | None = None
) -> tuple[dict[str, Any], str]:
    """As main_critique, with what the terminal showed (its words one-spaced) for tests of the feedback's lines."""
    script = tmp_path / "answers.json"
    script.write_text(json.dumps([answer]), encoding="utf-8")
    notes = ["--docs", str(docs)] if docs is not None else []
    run = subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", role, "--offline", "--seed", str(seed),
         "--questions", "1", "--follow-ups", "0", "--answers", str(script), *notes],
        capture_output=True, text=True, cwd=REPO, timeout=300, env=dict(os.environ), stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    (transcript,) = (tmp_path / "data" / "reports").glob("*.json")
    (turn,) = [t for t in json.loads(transcript.read_text(encoding="utf-8"))["turns"] if not t["is_follow_up"]]
    assert asked in turn["question"], turn["question"]
    critique: dict[str, Any] = turn["critique"]
    return critique, " ".join(run.stdout.split())
