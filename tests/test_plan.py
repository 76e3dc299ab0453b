"""Planning: questions by competency weight, a mix of types, no repeats, recent questions avoided, seeded."""

from __future__ import annotations

import itertools
from collections import Counter

import pytest

from agent.planning import classify_question_type, load_recent, plan_questions, record_session
from knowledge.models import Question, QuestionType, RolePack
from knowledge.paths import data_dir

TYPES: tuple[QuestionType, ...] = ("behavioral", "technical", "system_design", "leadership")


def make_pack(weights: dict[str, float], per_competency: int = 4) -> RolePack:
    questions = [
        Question(id=f"{c}-{i}", text=f"Question {i} about {c}?", type=TYPES[i % len(TYPES)], competency=c)
        for c in weights
        for i in range(per_competency)
    ]
    return RolePack(name="test", title="Test Engineer", competencies=weights, questions=questions)


def test_plan_has_requested_count_and_no_repeats() -> None:
    pack = make_pack({"a": 1, "b": 1, "c": 1})
    plan = plan_questions(pack, 5, seed=1)
    assert len(plan) == 5
    assert len({q["id"] for q in plan}) == 5


def test_plan_is_deterministic_for_a_seed_and_varies_across_seeds() -> None:
    pack = make_pack({"a": 1, "b": 1, "c": 1, "d": 1})
    assert plan_questions(pack, 4, seed=7) == plan_questions(pack, 4, seed=7)
    plans = {tuple(q["id"] for q in plan_questions(pack, 4, seed=s)) for s in range(10)}
    assert len(plans) > 1


def test_heavier_competencies_get_more_questions() -> None:
    pack = make_pack({"heavy": 3.0, "light": 1.0})
    firsts = Counter(plan_questions(pack, 1, seed=s)[0]["competency"] for s in range(300))
    share = firsts["heavy"] / 300
    assert 0.6 < share < 0.9  # ~0.75 expected from weights 3:1


def test_zero_weight_competency_is_not_asked_while_others_have_questions() -> None:
    pack = make_pack({"asked": 1.0, "never": 0.0})
    for seed in range(20):
        assert {q["competency"] for q in plan_questions(pack, 3, seed=seed)} == {"asked"}


def test_plan_mixes_question_types() -> None:
    pack = make_pack({"a": 1, "b": 1})
    for seed in range(10):
        types = [q["type"] for q in plan_questions(pack, 4, seed=seed)]
        assert len(set(types)) >= 3, types
        assert all(x != y for x, y in itertools.pairwise(types)), types


def test_recently_asked_questions_are_avoided() -> None:
    pack = make_pack({"a": 1, "b": 1}, per_competency=4)
    first = plan_questions(pack, 4, seed=3)
    second = plan_questions(pack, 4, seed=3, recent=[q["id"] for q in first])
    assert not {q["id"] for q in first} & {q["id"] for q in second}


def test_small_pack_gives_a_shorter_plan_without_repeats() -> None:
    pack = make_pack({"a": 1}, per_competency=2)
    plan = plan_questions(pack, 5, seed=0)
    assert len(plan) == 2 and len({q["id"] for q in plan}) == 2


def test_fixed_questions_are_asked_verbatim_in_order() -> None:
    pack = make_pack({"a": 1, "b": 1})
    fixed = ["Design a rate limiter for a public API.", None, "Question 1 about b?"]
    plan = plan_questions(pack, 5, seed=2, fixed=fixed)
    assert len(plan) == 3
    assert plan[0]["text"] == fixed[0] and plan[0]["type"] == "system_design"
    assert plan[2]["text"] == "Question 1 about b?"
    assert plan[2]["id"] == "b-1" and plan[2]["type"] == TYPES[1]  # a pack question keeps its type/competency
    assert plan[1]["id"] not in {"b-1"} and plan[1]["text"].startswith("Question")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tell me about a time you disagreed with your manager.", "behavioral"),
        ("Design a system that serves embeddings to 100 teams.", "system_design"),
        ("How does a KV cache speed up LLM inference?", "technical"),
        ("Why do you want this role?", "motivation"),
    ],
)
def test_question_type_classifier(text: str, expected: str) -> None:
    assert classify_question_type(text) == expected


def test_history_keeps_recent_sessions_per_role_and_is_idempotent() -> None:
    record_session("director", "t1", ["q1", "q2"])
    record_session("director", "t1", ["q1", "q2"])  # same session again: not a new entry
    record_session("director", "t2", ["q3"])
    record_session("ai-engineer", "t3", ["x"])
    assert load_recent("director") == ["q1", "q2", "q3"]
    for i in range(5):
        record_session("director", f"later-{i}", [f"n{i}"])
    assert "q1" not in load_recent("director")  # only the last few sessions count


def test_broken_history_file_is_ignored() -> None:
    (data_dir() / "history.json").write_text("{not json", encoding="utf-8")
    assert load_recent("director") == []
    record_session("director", "t1", ["q1"])
    assert load_recent("director") == ["q1"]
