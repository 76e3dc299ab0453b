"""The disagreeing stub: every claim it makes must be overruled or honoured as the reconciliation rules say."""

from __future__ import annotations

from pathlib import Path

from agent.critic.schema import Critique, StarFlags
from evals.llm_disagree import MODES, applicable, check
from evals.llm_stub_mode import disagree_pass

TRANSCRIPTS = Path(__file__).resolve().parents[1] / "evals" / "transcripts"
OFFLINE = Critique(
    question_type="behavioral",
    star=StarFlags(situation=True, action=True),
    quantified_result=False,
    ownership="clear",
    specificity="low",
    weak_or_missing=["result", "task"],
    gap="Say how it ended.",
    score=2,
)


def test_disagree_pass_checks_every_answered_turn_and_covers_every_mode() -> None:
    paths = [str(TRANSCRIPTS / "director-injection.yaml"), str(TRANSCRIPTS / "director-no-result.yaml")]
    results, errors = disagree_pass(paths)
    assert not errors
    transcript_rows = [r for r in results if r["transcript"].endswith("(disagree)")]
    assert len(transcript_rows) >= 2
    names = [c["name"] for r in results for c in r["checks"]]
    assert "reconcile.injection_five" in names  # the injection transcript got a 5 from the model and kept its 1
    assert all(c["passed"] for r in results for c in r["checks"]), [c for r in results for c in r["checks"]]
    assert {f"disagree.{m}" for m in MODES} <= set(names)


def test_check_fails_a_reconciler_that_obeys_the_model() -> None:
    obeyed_raise = OFFLINE.model_copy(update={"score": 4, "weak_or_missing": ["task"]})
    assert not check("raises_two", OFFLINE, obeyed_raise)[0]  # +2 taken whole
    assert check("raises_two", OFFLINE, OFFLINE.model_copy(update={"score": 3}))[0]
    cleared = OFFLINE.model_copy(update={"star": StarFlags(situation=True, task=True, action=True, result=True)})
    assert not check("clears_flag", OFFLINE, cleared)[0]
    quantified = OFFLINE.model_copy(update={"quantified_result": True})
    assert not check("claims_result", OFFLINE, quantified)[0]
    clamped = OFFLINE.model_copy(update={"score": 4, "weak_or_missing": ["tradeoffs"]})
    strong = OFFLINE.model_copy(update={"score": 5, "weak_or_missing": [], "gap": ""})
    assert not check("lowers_named", strong, clamped)[0]  # a named off-topic verdict must be honoured, not clamped


def test_modes_follow_the_offline_verdict() -> None:
    evidence = {"non_answer": False, "relevance": "off_topic", "quantified_result": False, "numbers": [],
                "weak_or_missing": ["relevance"], "score": 2}
    assert applicable(evidence, "Some answer.") == ["on_topic_unquoted"]
    assert applicable({**evidence, "non_answer": True}, "x") == ["injection_five"]
    on_topic = {**evidence, "relevance": "on_topic", "weak_or_missing": ["result"]}
    modes = applicable(on_topic, "I moved twelve jobs off the old box.")
    assert modes == ["claims_result", "clears_flag", "raises_two"]
