"""--focus weakest: spaced repetition over the history, the weakest competencies first, and --seed still exact
(unit level on the weights and the planner; end to end through `python -m agent.session`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from agent.coaching.feed import AnswerRecord, FileFeed, SessionSummary
from agent.coaching.focus import NOT_DUE, competency_weights, drill, focus_weights, question_weights
from agent.planning import plan_questions
from knowledge.roles import load_role

REPO = Path(__file__).resolve().parents[1]


def _answer(qid: str, competency: str, score: int) -> AnswerRecord:
    return AnswerRecord(question_id=qid, question=qid, competency=competency, type="behavioral", score=score)


def _history(*sessions: list[tuple[str, int]]) -> list[SessionSummary]:
    pack = load_role("director")
    comp = {q.id: q.competency for q in pack.questions}
    return [
        SessionSummary(
            thread_id=f"t{n}",
            role="director",
            role_ref="director",
            started=f"2026-11-{n + 10}T09:00:00",
            answers=[_answer(qid, comp[qid], score) for qid, score in answers],
        )
        for n, answers in enumerate(sessions)
    ]


def test_a_badly_answered_question_comes_back_sooner_than_a_well_answered_one() -> None:
    pack = load_role("director")
    a, b = pack.questions[0].id, pack.questions[1].id
    weights = question_weights(pack, _history([(a, 5), (b, 2)]))
    assert weights[b] > weights[pack.questions[2].id] > weights[a] == NOT_DUE  # due, never asked, not yet due
    later = question_weights(pack, _history([(a, 5), (b, 2)], [], [], [], [], [], [], []))  # eight sessions on
    assert later[a] > NOT_DUE  # a well-answered question does come back, later


def test_the_weakest_competency_weighs_most() -> None:
    pack = load_role("director")
    by_comp: dict[str, str] = {}
    for q in pack.questions:
        by_comp.setdefault(q.competency, q.id)
    history = _history([(by_comp["hiring"], 1), (by_comp["strategy"], 5)])
    comps = competency_weights(pack, history, {})
    assert comps["hiring"] > comps["execution"] > comps["strategy"]  # weak > never asked > strong


def test_focus_plan_drills_the_weak_and_skips_what_is_not_due() -> None:
    pack = load_role("director")
    by_comp: dict[str, list[str]] = {}
    for q in pack.questions:
        by_comp.setdefault(q.competency, []).append(q.id)
    weak, strong = by_comp["hiring"][0], by_comp["strategy"][0]
    history = _history([(weak, 1), (strong, 5)])
    lean, due = focus_weights(pack, history), drill(pack, history)
    assert due == [weak]
    plans = [[q["id"] for q in plan_questions(pack, 4, seed=s, lean=lean, drill=due)] for s in range(1, 21)]
    assert all(weak in p and strong not in p for p in plans)
    assert len({tuple(p) for p in plans}) > 10  # the rest of the plan still varies with the seed
    again = plan_questions(pack, 4, seed=7, lean=lean, drill=due)
    assert again == plan_questions(pack, 4, seed=7, lean=lean, drill=due)


def _planned(data_dir: Path, *args: str) -> list[str]:
    """Start a session, end it at once, and read its plan from the saved transcript."""
    before = set((data_dir / "reports").glob("*.json")) if (data_dir / "reports").is_dir() else set()
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "agent.session",
            "--role",
            "director",
            "--embedder",
            "hashing",
            "--questions",
            "3",
            *args,
        ],
        input="/end\n",
        capture_output=True,
        text=True,
        timeout=120,
        cwd=REPO,
        env=dict(os.environ),
    )
    assert done.returncode == 0, done.stderr
    (report,) = set((data_dir / "reports").glob("*.json")) - before
    return [q["id"] for q in json.loads(report.read_text())["plan"]]


def test_focus_weakest_with_a_seed_repeats_its_plan_and_follows_the_history(isolated_data_dir: Path) -> None:
    pack = load_role("director")
    weak = next(q for q in pack.questions if q.competency == "hiring")
    feed = FileFeed(isolated_data_dir / "history")
    for s in _history([(weak.id, 1)]):
        feed.record(s)
    first = _planned(isolated_data_dir, "--focus", "weakest", "--seed", "11")
    assert first == _planned(isolated_data_dir, "--focus", "weakest", "--seed", "11")
    assert weak.id in first
    assert len(feed.sessions()) == 1  # a session ended before any answer adds nothing to the history
