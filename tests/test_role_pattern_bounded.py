"""A custom role file's level cue cannot freeze the critic (sweep 37 H26): a pattern that backtracks without end
(`(a+)+b`) or does not compile is refused at start with one line naming the file and the pattern, and a slow shape
the load check lets through (`(a|aa)+b`) still gives feedback, since every role-file cue runs with a time bound.
The real CLI in a subprocess, as a candidate using a role file someone shared meets it."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml

from knowledge.cue_patterns import pattern_problem
from knowledge.roles import available_roles, load_role

REPO = Path(__file__).resolve().parents[1]
# Our own answer: a real sentence, then a long run of one letter the bad cue chokes on.
ANSWER = "Last spring I moved our billing jobs to a new queue and the nightly run went from 3 hours to 40 minutes. "


def _role_file(tmp_path: Path, pattern: str) -> Path:
    """The bundled director pack with its first level cue replaced by `pattern`."""
    data = yaml.safe_load((REPO / "knowledge" / "roles" / "director.yaml").read_text(encoding="utf-8"))
    data["level"]["at"][0]["pattern"] = pattern
    path = tmp_path / "shared-role.yaml"
    path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")
    return path


def _session(tmp_path: Path, role: Path, answer: str, timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", str(role), "--questions", "1", "--follow-ups", "0",
         "--seed", "3", "--data-dir", str(tmp_path / "data")],
        input=f"{answer}\n/done\n/end\n", capture_output=True, text=True, cwd=tmp_path, timeout=timeout,
        check=False, env={**os.environ, "PYTHONPATH": str(REPO), "COLUMNS": "200"},
    )  # fmt: skip


@pytest.mark.parametrize(("pattern", "why"), [("(a+)+b", "repeats a part that itself repeats"),
                                              ("(?:\\w+\\s?)*!", "repeats a part that itself repeats"),
                                              ("(managers", "not a valid regular expression")],
                         ids=["nested", "nested-words", "unclosed"])  # fmt: skip
def test_bad_cue_refused_at_start_in_one_line(tmp_path: Path, pattern: str, why: str) -> None:
    role = _role_file(tmp_path, pattern)
    proc = _session(tmp_path, role, ANSWER + "a" * 34 + "!", timeout=120)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(role) in lines[0] and f"level.at[0]: pattern {pattern!r}" in lines[0] and why in lines[0]
    assert "Feedback" not in proc.stdout and "Traceback" not in proc.stderr


def test_slow_cue_the_check_lets_through_is_bounded(tmp_path: Path) -> None:
    """Overlapping alternatives backtrack as badly, with no nested repeat to see: the time bound gives feedback."""
    role = _role_file(tmp_path, "(a|aa)+b")
    assert pattern_problem("(a|aa)+b") is None  # the load check does not see this shape: the bound is what holds
    start = time.monotonic()
    proc = _session(tmp_path, role, ANSWER + "a" * 48 + "!", timeout=120)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Feedback" in proc.stdout and "Score " in proc.stdout
    assert time.monotonic() - start < 60  # the base took hours (exponential in the 48 letters)


def test_bundled_cues_pass_the_check() -> None:
    """Every shipped pack loads unchanged: no cue of theirs is refused."""
    for name in available_roles():
        level = load_role(name).level
        cues = [] if level is None else [*level.at, *level.below, *level.led_by_other, *level.given_part]
        assert all(pattern_problem(cue.pattern) is None for cue in cues), name
