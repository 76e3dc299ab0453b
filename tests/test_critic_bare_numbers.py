"""A number in an answer is an outcome only when it says what changed or where things ended up: a count that
describes the thing built ("had 12 labels and was retrained"), the window of a plan ("for the next eight weeks") or a
count inside an idiom of failure (drafts "falling apart" for three regions) is not; a date kept or missed ("four days
early") and a point in time reached after the work (a sentence opening "At <duration>") are. Driven through the
critique with the bundled role packs; the answers are written for this file."""

from __future__ import annotations

from agent.critic import critique_answer, critique_follow_up
from agent.critic.question import QuestionInfo, question_info
from agent.critic.schema import Critique
from knowledge.models import Question
from knowledge.roles import load_role


def _info(role: str, qid: str) -> tuple[Question, QuestionInfo]:
    q = next(q for q in load_role(role).questions if q.id == qid)
    return q, question_info(q.text, q.type, q.competency, role, None, q.id)


def _outcomes(c: Critique) -> list[str]:
    return [m.text for m in c.metrics if m.role == "outcome"]


MODEL_SIZE = (
    "I built the claims triage classifier for our insurance operations group on my own. I wrote the extraction job "
    "that pulls claim notes from the case system, trained a small transformer and put it behind an internal API. I "
    "chose to fine-tune it instead of calling a hosted model, giving up a little accuracy to keep customer data in "
    "house. The classifier had 12 output labels and was retrained from fresh notes every month."
)


def test_a_count_describing_what_was_built_is_not_its_result() -> None:
    q, info = _info("ai-engineer", "end-to-end")
    c = critique_answer(q.text, q.type, MODEL_SIZE, info=info)
    assert _outcomes(c) == [] and not c.quantified_result
    assert "result" in c.weak_or_missing and c.score <= 3


PLAN_WINDOW = (
    "One of my engineers kept missing review deadlines and his pull requests sat for days. At our weekly check-in I "
    "showed him four of them and asked what was in the way; he had been covering support for a sister team. I stopped "
    "that arrangement, and we agreed three goals for the next eight weeks, written down with dates."
)


def test_the_window_of_a_plan_is_not_where_things_ended_up() -> None:
    q, info = _info("engineering-manager", "low-performer")
    c = critique_answer(q.text, q.type, PLAN_WINDOW, info=info)
    assert _outcomes(c) == [] and not c.quantified_result
    assert c.score <= 3


def test_a_time_point_reached_after_the_work_is_an_outcome() -> None:
    q, info = _info("engineering-manager", "low-performer")
    c = critique_answer(q.text, q.type, PLAN_WINDOW + " At eight weeks, all three targets were green.", info=info)
    assert any("eight weeks" in t for t in _outcomes(c))


def test_a_count_inside_an_idiom_of_failure_is_not_a_change() -> None:
    q, info = _info("senior-genai-engineer", "demo-vs-production")
    answer = (
        "I built a prototype that drafted replies to insurance brokers and the sales leaders were delighted. Once "
        "real brokers used it, its drafts kept falling apart for policies spanning three regions. I collected 120 real "
        "broker emails before changing anything and showed the sponsors the worst failures."
    )
    c = critique_answer(q.text, q.type, answer, info=info)
    assert not any("three regions" in t for t in _outcomes(c))


def test_a_date_kept_against_the_plan_closes_a_result_probe() -> None:
    _, info = _info("director", "deadline-delivery")
    first = (
        "A partner bank gave us until April to support instant transfers or lose the contract. I met our chief "
        "product officer and we cut the first release down to consumer accounts, with business accounts in the "
        "summer and a manual workaround staffed by the payments desk in case the date moved."
    )
    reply = (
        "Consumer transfers were switched on for all customers on the twenty-sixth of March, four days early, and the "
        "payments desk handled only a few dozen by hand. Business accounts came in August, a week late."
    )
    c = critique_follow_up(info, "Which part went live, and was it on time?", "result", reply, earlier=first)
    assert c.closes_gap and c.score >= 4
