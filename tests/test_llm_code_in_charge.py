"""LLM mode through the CLI: the model cannot overrule what the code found with evidence, and cannot raise a verdict
without a quote that is in the answer (sweep43 F2 and F5).

F2: a model answering "all flags false, no number" with no quote put "STAR: S ✗ T ✗ A ✗ R ✗ Metric ✗" above the
code's own "Evidence (quantified_result)" line, cut the score, sent its invented gap to "practise", to the follow-up's
credit and to the coaching history. F5: a model calling a "we"-only answer's ownership clear and specificity high,
with no quote or a quote that is not in the answer, moved both one step.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from evals.stub_openai import StubOpenAI
from tests.conftest import REPO

STRONG = [  # seed 3 draws the director question about bad data reaching a customer
    "In 2022 a pricing feed sent wrong currency values into invoices for 300 customers. I led the response across "
    "my three teams: I paused the feed, I had the billing team reissue the invoices within two days, and I ran the "
    "postmortem. I added schema checks and a data contract at the feed's entry, and I moved the alerts to the team "
    "that produces the feed, so they own its quality. Bad-data incidents per quarter went from 9 to 2 and time to "
    "detect fell from 3 days to 20 minutes.",
    "I measured it from the incident tracker each quarter and I reviewed the numbers with both managers.",
]
VAGUE = ["We looked into some problems with the service and the team made things better over time.", "We fixed it."]

ALL_FALSE = {
    "relevance": "on_topic", "level": "at", "signals_covered": [], "signals_missing": [],
    "situation": False, "task": False, "action": False, "result": False, "quantified_result": False,
    "ownership": "unclear", "specificity": "low", "score": 1, "weak_or_missing": ["quantified_result"],
    "gap": "No number.", "evidence": [], "follow_up": "What number changed?", "probes": "quantified_result",
}  # fmt: skip
RAISED = {
    **ALL_FALSE, "ownership": "clear", "specificity": "high", "score": 2, "weak_or_missing": ["action"],
    "gap": "Say what you did.", "follow_up": "What did you do yourself?", "probes": "action",
    "evidence": [{"field": "ownership", "quote": "I personally rewrote the whole pipeline"},
                 {"field": "specificity", "quote": "we cut the p99 latency to 80 ms"}],
}  # fmt: skip


def _run(tmp_path: Path, name: str, answers: list[str], payload: dict[str, Any] | None) -> dict[str, Any]:
    """One 1-question session with one follow-up; offline when payload is None. Returns what the user can read."""
    (tmp_path / f"{name}.json").write_text(json.dumps(answers))
    data = tmp_path / name
    args = [sys.executable, "-m", "agent.session", "--role", "director", "--questions", "1", "--follow-ups", "1",
            "--seed", "3", "--embedder", "hashing", "--answers", str(tmp_path / f"{name}.json"),
            "--data-dir", str(data)]  # fmt: skip
    env = {**os.environ, "OPENAI_API_KEY": "sk-test-0000"}
    if payload is None:
        proc = subprocess.run([*args, "--offline"], capture_output=True, text=True, cwd=REPO, env=env, timeout=180)
        calls = 0
    else:
        with StubOpenAI(responder=lambda body: dict(payload)) as stub:
            args += ["--model", "stub-model", "--base-url", stub.url]
            proc = subprocess.run(args, capture_output=True, text=True, cwd=REPO, env=env, timeout=180)
            calls = stub.calls
    assert proc.returncode == 0, proc.stderr
    history = json.loads(next((data / "history").glob("*.json")).read_text())
    report = next(p for p in (data / "reports").glob("*.md")).read_text()
    card = next(line for line in proc.stdout.splitlines() if "Score" in line and "STAR" in line)
    return {"card": " ".join(card.split()), "report": report, "answer": history["answers"][0], "calls": calls}


def test_the_model_cannot_put_a_cross_over_the_codes_evidence(tmp_path: Path) -> None:
    offline = _run(tmp_path, "offline", STRONG, None)
    llm = _run(tmp_path, "llm", STRONG, ALL_FALSE)
    assert llm["calls"] == 1
    assert "Metric ✓" in offline["card"] and "Evidence (quantified_result)" in llm["report"]
    # the flags the code found with evidence stand, on screen and in the report
    assert "Metric ✓" in llm["card"], llm["card"]
    assert "Metric ✗" not in llm["report"]
    for part in ("S", "T", "A", "R"):
        if f"{part} ✓" in offline["card"]:
            assert f"{part} ✓" in llm["card"], llm["card"]
    assert offline["card"].split("Ownership:")[1] == llm["card"].split("Ownership:")[1]
    # the invented gap reaches neither the score, the coaching history, the follow-up's credit nor "practise"
    assert llm["answer"]["first_score"] == offline["answer"]["first_score"]
    assert llm["answer"]["score"] == offline["answer"]["score"]
    assert "quantified_result" not in llm["answer"]["gaps"]
    assert "numbers on results" not in llm["report"]


def test_no_raise_without_a_quote_that_is_in_the_answer(tmp_path: Path) -> None:
    offline = _run(tmp_path, "offline", VAGUE, None)
    llm = _run(tmp_path, "llm", VAGUE, RAISED)
    assert "Ownership: unclear" in offline["card"] and "Specificity: low" in offline["card"]
    assert "Ownership: unclear" in llm["card"] and "Specificity: low" in llm["card"], llm["card"]
    assert llm["answer"]["score"] == offline["answer"]["score"]


def test_a_bare_below_the_level_with_no_gap_named_does_not_cap_the_score(tmp_path: Path) -> None:
    """What a server filling the schema with its defaults sends: level below, a filler note, no gap named."""
    filler = {**ALL_FALSE, "level": "below", "level_note": "stub text", "score": 3, "weak_or_missing": [],
              "gap": "stub text", "probes": "none"}  # fmt: skip
    offline = _run(tmp_path, "offline", STRONG, None)
    llm = _run(tmp_path, "llm", STRONG, filler)
    assert offline["answer"]["first_score"] >= 3  # the cap at 2 would show
    assert llm["answer"]["first_score"] == offline["answer"]["first_score"]
    assert "level" not in llm["answer"]["gaps"]


def test_the_prompt_states_the_codes_cap_for_an_answer_below_the_level() -> None:
    from agent.critic.rubric import CAPS
    from prompts import load_text

    assert f"an answer below the level scores {CAPS['below_level']} at most" in load_text("llm_system.md")
