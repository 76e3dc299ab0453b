"""A `--focus weakest` session opens by saying what its plan drew on, as a coach would: how many earlier sessions
of the role it read, which competencies are due again, the weak ones with questions not yet had, and when the
others come back under the spacing rule (newcomer37 N13: the second session gave no sign it remembered the first,
and nothing on screen said why a 3/5 competency was not back yet). The report keeps the same line. End to end
through `python -m agent.session` over an invented history."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from agent.coaching.feed import AnswerRecord, FileFeed, SessionSummary
from knowledge.roles import load_role

REPO = Path(__file__).resolve().parents[1]
EARLIER = [
    [("failed-initiative", 3), ("communicating-strategy", 4), ("peer-conflict", 2)],
    [("hiring-at-scale", 2), ("major-incident", 3), ("budget-tradeoff", 3)],
]


def _record_history(data_dir: Path) -> None:
    competency = {q.id: q.competency for q in load_role("director").questions}
    feed = FileFeed(data_dir / "history")
    for n, answers in enumerate(EARLIER):
        records = [AnswerRecord(question_id=qid, question=qid, competency=competency[qid], type="behavioral",
                                score=score) for qid, score in answers]  # fmt: skip
        feed.record(SessionSummary(thread_id=f"20251120-090{n}-director-0000000000{n}a", role="director",
                                   role_ref="director", started=f"2025-11-2{n}T09:00:00", answers=records))  # fmt: skip


def _start(data_dir: Path) -> tuple[str, str]:
    """(the screen up to the first question, the report) of a focus session ended at its first question."""
    done = subprocess.run([sys.executable, "-m", "agent.session", "--role", "director", "--embedder", "hashing",
                           "--questions", "3", "--focus", "weakest", "--seed", "5"], input="/end\n",
                          capture_output=True, text=True, timeout=120, cwd=REPO, env=dict(os.environ))  # fmt: skip
    assert done.returncode == 0, done.stderr
    screen = " ".join(done.stdout.split())
    assert "Question 1/" in screen, screen
    (report,) = (data_dir / "reports").glob("*.md")
    return screen[: screen.index("Question 1/")], " ".join(report.read_text(encoding="utf-8").split())


def test_the_plan_says_what_it_drew_on_before_the_first_question(isolated_data_dir: Path) -> None:
    _record_history(isolated_data_dir)
    start, report = _start(isolated_data_dir)
    said = [
        "From your history (2 earlier director sessions, 6 answers)",
        "due again: conflict resolution 2/5, hiring 2/5 and failure learning 3/5",
        "Weak, with questions you have not had: prioritization 3/5",
        "Back later, spaced by score: incident response 3/5 next session; communication 4/5 in 2 sessions",
    ]
    for part in said:
        assert part in start, start
        assert part in report, report


def test_a_first_focus_session_says_it_has_no_history_to_draw_on(isolated_data_dir: Path) -> None:
    start, _ = _start(isolated_data_dir)
    assert "no earlier director session yet, so this plan follows the role's weights" in start, start
