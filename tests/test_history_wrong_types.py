"""A hand-edited question history (data folder's history.json) of the wrong types: every new session in the folder
ended after its first question with "error: TypeError" and exit 1 (sweep 43 F4). Now the damaged file is moved
aside with one line, said with the first question, and the session goes on and records its questions in a new
history, which the next session reads without a word. Real subprocesses, a real data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.test_persistence import A1, A2, FAST, run, scripted, session_id


def said(done: object) -> str:
    return " ".join((getattr(done, "stdout", "") + getattr(done, "stderr", "")).split())


@pytest.mark.parametrize(("damage", "why"), [
    ('{"_sessions": 5}', '"_sessions" is not a list of session ids'),
    ('{"_sessions": 5, "director": "x"}', '"_sessions" is not a list of session ids'),
    ('{"director": 7}', '"director" is not a list of sessions\' question ids'),
    ("[]", "not a JSON object"),
])  # fmt: skip
def test_a_history_of_the_wrong_types_is_moved_aside(isolated_data_dir: Path, damage: str, why: str) -> None:
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    history = isolated_data_dir / "history.json"
    history.write_text(damage, encoding="utf-8")
    done = run(*FAST, "--questions", "2", stdin=scripted(A1, A2))
    assert done.returncode == 0 and "Report:" in done.stdout, said(done)
    assert "TypeError" not in said(done) and "Traceback" not in said(done), said(done)
    line = f"The question history {history} was damaged ({why}); it is moved aside to {history}.damaged-"
    assert said(done).count(line) == 1, said(done)
    assert said(done).index("Question 1/2") < said(done).index(line) < said(done).index("Question 2/2")
    (aside,) = isolated_data_dir.glob("history.json.damaged-*")
    assert aside.read_text(encoding="utf-8") == damage  # kept as it was, for the user to look at
    kept = json.loads(history.read_text(encoding="utf-8"))
    assert kept["_sessions"] == [session_id(done.stdout)] and len(kept["director"]) == 1
    again = run(*FAST, "--questions", "1", stdin=scripted(A1))
    assert again.returncode == 0 and "question history" not in said(again), said(again)
    assert len(json.loads(history.read_text(encoding="utf-8"))["director"]) == 2
