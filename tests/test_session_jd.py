"""`python -m agent.session --jd FILE`: the plan leans toward the job's requirements, the report lists each one
with its backing story or "no story yet", and a bad file is one line (driven as a user runs it)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
JD = REPO / "tests" / "fixtures" / "jd" / "platform-director.md"


def session(*args: str, stdin: str = "/end\n") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", "director", "--questions", "4", *args],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=REPO,
        env=dict(os.environ),
    )


def _competencies(data_dir: Path, since: set[Path]) -> list[str]:
    reports = sorted(set((data_dir / "reports").glob("*.json")) - since)
    return [q["competency"] for r in reports for q in json.loads(r.read_text())["plan"]]


def test_a_job_description_leans_the_plan_and_lands_in_the_report(isolated_data_dir: Path) -> None:
    wanted = {"people_leadership", "hiring", "cost_efficiency"}  # what the job asks that the pack can drill
    for seed in ("1", "2", "3"):
        assert session("--seed", seed, "--embedder", "hashing").returncode == 0
    plain = _competencies(isolated_data_dir, set())
    before = set((isolated_data_dir / "reports").glob("*.json"))
    for seed in ("1", "2", "3"):
        done = session("--jd", str(JD), "--seed", seed)
        assert done.returncode == 0, done.stderr
    leaning = _competencies(isolated_data_dir, before)
    assert sum(c in wanted for c in leaning) >= sum(c in wanted for c in plain) + 3, (plain, leaning)
    reports = sorted(set((isolated_data_dir / "reports").glob("*.json")) - before)
    md = reports[0].with_suffix(".md").read_text()
    assert "## The job's requirements" in md and md.count("**no story yet**") == 2
    assert "Growing the ML Platform Team from 9 to 31" in md
    context = json.loads(reports[0].read_text())["context"]
    assert context["jd"] == str(JD) and len(context["requirements"]) == 5


def test_a_missing_job_description_is_one_line_and_exit_2(tmp_path: Path) -> None:
    done = session("--jd", str(tmp_path / "nope.md"), "--embedder", "hashing")
    assert done.returncode == 2 and done.stderr.startswith("error: --jd") and "Traceback" not in done.stderr
