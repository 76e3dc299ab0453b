"""The story notes of a scripted offline session over the candidate's notes on disk, driven through the real CLI
(agent.session with --docs and --answers): shared by the tests of figures compared with the notes (drift), each of
which writes its own notes and answers."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def story_notes(
    tmp_path: Path, answers: list[str], prep: str | dict[str, str], role: str = "director"
) -> list[list[dict[str, Any]]]:
    """The story notes of each main question of a scripted offline `role` session (no follow-ups) over `prep`, one
    notes file or {file name: text}, in the data folder tmp_path/data (the isolated_data_dir fixture). A
    contradiction in the transcript must be one the candidate was shown."""
    docs = {"prep.md": prep} if isinstance(prep, str) else prep
    for name, text in docs.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    answers_file = tmp_path / "answers.json"
    answers_file.write_text(json.dumps(answers), encoding="utf-8")
    run = subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", role, "--offline", "--seed", "5",
         "--questions", str(len(answers)), "--follow-ups", "0", "--embedder", "hashing",
         "--docs", *(str(tmp_path / name) for name in docs), "--answers", str(answers_file)],
        capture_output=True, text=True, cwd=REPO, timeout=300, env=dict(os.environ), stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert run.returncode == 0, run.stdout + run.stderr
    (transcript,) = (tmp_path / "data" / "reports").glob("*.json")
    turns = json.loads(transcript.read_text(encoding="utf-8"))["turns"]
    main = [t for t in turns if not t["is_follow_up"]]
    assert len(main) == len(answers)
    shown = " ".join(run.stdout.split())
    for turn in main:  # a contradiction in the transcript is one the candidate was shown
        said = [n for n in turn["critique"]["story_notes"] if n["kind"] == "contradiction"]
        assert not said or any(" ".join(n["message"].split()) in shown for n in said), (said, shown)
    return [t["critique"]["story_notes"] for t in main]


def contradictions(notes: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(notes value, said value) of each contradiction note, in order."""
    return [(n["notes_value"], n["said_value"]) for n in notes if n["kind"] == "contradiction"]
