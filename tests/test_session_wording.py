"""What a candidate reads and reruns: the resume command, the seed, leftover answers, the report title and the
interviewer's wording (subprocess runs of the CLI, real files)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO
from tests.test_session_cli import FAST, STRONG_1, STRONG_2, flat, run_cli, session_id, transcript

VAGUE = "We worked on it as a team and it went fine in the end."


def test_the_printed_resume_command_works_without_the_venv_on_path(isolated_data_dir: Path) -> None:
    first = run_cli(*FAST, "--questions", "2", "--follow-ups", "0", stdin=STRONG_1 + "\n")
    assert first.returncode == 3, first.stderr
    command = re.search(r"Resume with: (.+ --resume \S+)", first.stdout)
    assert command, first.stdout
    bare = {**os.environ, "PATH": "/usr/bin:/bin", "PYTHONPATH": ""}  # no venv, like a fresh shell
    resumed = subprocess.run(["/bin/sh", "-c", command.group(1)], input=STRONG_2 + "\n", capture_output=True,
                             text=True, cwd=REPO, env=bare, timeout=120)  # fmt: skip
    assert resumed.returncode == 0, resumed.stderr
    assert len(transcript(isolated_data_dir, session_id(first.stdout))["turns"]) == 2


def test_offline_session_says_offline_in_its_transcript(isolated_data_dir: Path) -> None:
    result = run_cli(*FAST, "--questions", "1", "--follow-ups", "0", stdin=STRONG_1 + "\n")
    assert result.returncode == 0, result.stderr
    assert transcript(isolated_data_dir, session_id(result.stdout))["context"]["offline"] is True


def _plan(result: subprocess.CompletedProcess[str], data_dir: Path) -> list[str]:
    assert result.returncode == 0, result.stderr
    return [q["id"] for q in transcript(data_dir, session_id(result.stdout))["plan"]]


def test_same_seed_same_questions_whatever_the_history(tmp_path: Path, isolated_data_dir: Path) -> None:
    args = ["--role", "director", "--embedder", "hashing", "--seed", "11", "--questions", "3", "--follow-ups", "0"]
    script = "/end\n"
    first = _plan(run_cli(*args, stdin=script), isolated_data_dir)
    for _ in range(2):  # the history now holds these questions: a seeded session must not avoid them
        assert _plan(run_cli(*args, stdin=script), isolated_data_dir) == first
    elsewhere = tmp_path / "other-data"
    other = subprocess.run([sys.executable, "-m", "agent.session", *args], input=script, capture_output=True,
                           text=True, cwd=REPO, timeout=90, env={**os.environ, "INTERVIEWER_DATA_DIR": str(elsewhere)})
    assert _plan(other, elsewhere) == first  # fmt: skip
    unseeded = [_plan(run_cli(*args[:4], "--questions", "3", "--follow-ups", "0", stdin=script), isolated_data_dir)
                for _ in range(2)]  # fmt: skip
    assert unseeded[0] != unseeded[1] or unseeded[0] != first  # without a seed, history still rotates questions


def test_extra_scripted_answers_are_reported(tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps([STRONG_1, STRONG_2, VAGUE, "/end"]))
    result = run_cli(*FAST, "--questions", "1", "--follow-ups", "0", "--answers", str(answers))
    assert result.returncode == 0, result.stderr
    assert "2 scripted answer(s) were not used" in flat(result.stdout)


def test_wording_of_a_whole_offline_session(isolated_data_dir: Path) -> None:
    script = "\n---\n".join([VAGUE, VAGUE, VAGUE, VAGUE, VAGUE])
    result = run_cli(*FAST, "--questions", "5", "--follow-ups", "0", stdin=script + "\n")
    assert result.returncode == 0, result.stderr
    out = flat(result.stdout)
    data = transcript(isolated_data_dir, session_id(result.stdout))
    # each question after the first opens with a different transition
    preambles = [t["question"] for t in data["turns"]]
    assert len(preambles) == 5
    shown = re.findall(r"Question \d/5 (.+?)\?", out)
    openers = [text.split(". ")[0] for text in shown[1:]]
    assert len(openers) == 4 and len(set(openers)) == 4, openers
    practise = out.split("Practise next:")[1].split("Report:")[0]
    labels = [p["gap"] for p in data["scorecard"]["practice"]]
    assert labels and not any(gap in practise for gap in labels if "_" in gap or gap == "tradeoffs")
    assert "_" not in practise and practise.strip()
    assert "Your notes: Your" not in out and "Your story" not in out  # the sample bank is not the candidate's
    title = (isolated_data_dir / "reports" / f"{data['thread_id']}.md").read_text(encoding="utf-8").splitlines()[0]
    assert title.startswith("# Mock interview report: Director of Engineering")
    assert re.search(r"\d{1,2} \w+ 20\d\d, \d\d:\d\d UTC, offline critic$", title), title


def test_feedback_off_is_remembered_on_resume(isolated_data_dir: Path) -> None:
    first = run_cli(*FAST, "--questions", "2", "--follow-ups", "0", stdin=f"/feedback off\n{STRONG_1}\n")
    assert first.returncode == 3, first.stderr
    assert "Score " not in flat(first.stdout)  # held back
    resumed = run_cli("--resume", stdin=STRONG_2 + "\n")
    assert resumed.returncode == 0, resumed.stderr
    out = flat(resumed.stdout)
    after_answer = out.split(STRONG_2[:40])[-1]
    assert after_answer.index("Q: ") < after_answer.index("Score ")  # critiques come at the end, with questions


def test_resuming_into_a_follow_up_shows_the_main_question_and_repeat_too(isolated_data_dir: Path) -> None:
    first = run_cli(*FAST, "--questions", "1", "--follow-ups", "1", stdin=VAGUE + "\n")
    assert first.returncode == 3, first.stderr
    assert "Follow-up" in flat(first.stdout)
    main = first_planned_question()
    resumed = run_cli("--resume", stdin=f"/repeat\n---\n{STRONG_1}\n")
    assert resumed.returncode == 0, resumed.stderr
    before_answer = flat(resumed.stdout).split(STRONG_1[:40])[0]
    # On resume and again on /repeat (a follow-up that brings the candidate back also quotes the question).
    assert before_answer.count(flat(main)) >= 2
    assert before_answer.count("you are answering its follow-up") == 2


def first_planned_question() -> str:
    """The first question of FAST's seeded director plan (a seed alone decides it)."""
    from agent.planning import plan_questions
    from knowledge.roles import load_role

    return plan_questions(load_role("director"), 1, seed=3)[0]["text"]
