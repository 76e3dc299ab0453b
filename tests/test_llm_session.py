"""LLM mode as a user meets it: status line, cost in the report, streaming text, no key on disk."""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

import pytest
from stub_openai import Action, StubOpenAI, stub
from test_llm_refine import turn

from agent.context import Context
from agent.llm import llm_status, session_cost, stream_phrase
from agent.llm.cost import call_cost
from agent.models import DUMMY_KEY, ModelConfigError, load_chat_model

__all__ = ["stub"]
SECRET = "sk-test-DO-NOT-LEAK-5f1e2d3c4b"


def test_status_line_offline_by_default_and_llm_when_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    assert llm_status(Context(model=None, base_url=None)) == "offline (deterministic critic)"
    url = "http://127.0.0.1:9/v1"
    assert llm_status(Context(model="stub-model", base_url=url)) == f"LLM: stub-model @ {url}"
    assert llm_status(Context(model="stub-model", base_url=url, offline=True)) == "offline (deterministic critic)"
    assert "needs OPENAI_API_KEY" in llm_status(Context(model="gpt-4o", base_url=None))
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    assert llm_status(Context(model=None, base_url=None)) == "LLM: gpt-4o-mini @ https://api.openai.com/v1"


def test_base_url_without_key_uses_a_dummy_key_in_memory(stub: StubOpenAI) -> None:
    _, result = turn(stub)
    assert result.notice is None
    assert stub.headers[0]["authorization"] == f"Bearer {DUMMY_KEY}"
    with pytest.raises(ModelConfigError, match="OPENAI_API_KEY"):
        load_chat_model("gpt-4o-mini", None)


def test_api_key_is_never_written_anywhere(
    stub: StubOpenAI, isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", SECRET)
    caplog.set_level(logging.DEBUG)
    _, ok = turn(stub)
    stub.push(Action(status=401))
    _, failed = turn(stub)
    stub.push(Action(status=500), Action(status=500))
    _, failed_again = turn(stub)
    assert stub.headers[0]["authorization"] == f"Bearer {SECRET}"  # the key was really used
    assert failed.notice and failed_again.notice
    assert "refused the API key" in (failed.notice or "")
    run_session(stub, answers=2)  # a whole session also writes checkpoints, transcripts and reports
    for text in (repr(ok), repr(failed), repr(failed_again), caplog.text):
        assert SECRET not in text
    files = [p for p in isolated_data_dir.rglob("*") if p.is_file()]
    assert files  # a session writes checkpoints and reports: the grep is not vacuous
    for path in files:
        assert SECRET.encode() not in path.read_bytes(), path


ANSWER = "At Acme I owned checkout latency; I profiled it and added a cache. It got faster and the team was happy."


def run_session(
    server: StubOpenAI | None, answers: int, timeout: float = 5.0, role: str = "senior-genai-engineer"
) -> tuple[int, list[Any]]:
    """Drive a short session through InterviewDriver in LLM mode; return (answered turns, turn records).

    server None: no base URL in the Context, so the environment (OPENAI_BASE_URL) must supply it.
    """
    from agent.driver import InterviewDriver

    ctx = Context(
        role=role,
        model="stub-model",
        base_url=server.url if server is not None else None,
        questions=answers,
        follow_ups=1,
        embedder="hashing",
        seed=7,
        timeout=timeout,
    )
    driver = InterviewDriver(ctx)
    step = driver.start()
    answered, records = 0, []
    while step.kind != "done" and answered < 10:
        step = driver.submit(ANSWER)
        answered += 1
        if step.last:
            records.append(step.last)
    return answered, records


def test_full_session_in_llm_mode_makes_at_most_one_call_per_answered_turn(stub: StubOpenAI) -> None:
    answered, records = run_session(stub, answers=2)
    assert answered >= 2 and len(records) == answered
    assert 1 <= stub.calls <= answered
    # Main answers are refined by the model; a follow-up answer is judged offline on its own (closes its gap?).
    assert all(r["critique"]["source"] == ("offline" if r["is_follow_up"] else "llm") for r in records)
    assert any(not r["is_follow_up"] for r in records)
    assert all((r.get("usage") or {}).get("calls", 0) <= 1 for r in records)


def test_hanging_server_never_stops_the_session_or_loses_an_answer() -> None:
    with StubOpenAI(delay=3.0) as server:
        start = time.monotonic()
        answered, records = run_session(server, answers=2, timeout=0.5)
        elapsed = time.monotonic() - start
    assert answered >= 2 and len(records) == answered
    assert all(r["answer"] == ANSWER and r["critique"]["source"] == "offline" for r in records)
    # Every main answer tried the model and fell back; follow-up answers are judged offline without a call.
    assert all("timeout" in (r.get("usage") or {}).get("notice", "") for r in records if not r["is_follow_up"])
    assert elapsed < answered * 1.5 + 5  # each turn falls back within timeout + 1 s (plus session setup)


def test_session_cost_sums_turns_and_marks_unknown_prices() -> None:
    cost = call_cost("gpt-4o-mini-2024-07-18", 1000, 200)
    assert cost is not None
    assert cost == pytest.approx((1000 * 0.15 + 200 * 0.60) / 1_000_000)
    known = {"calls": 1, "prompt_tokens": 1000, "completion_tokens": 200, "cost_usd": cost}
    total = session_cost([known, known, {}])
    assert total == {"calls": 2, "prompt_tokens": 2000, "completion_tokens": 400, "cost_usd": pytest.approx(2 * cost)}
    unknown = {
        "calls": 1,
        "prompt_tokens": 900,
        "completion_tokens": 100,
        "cost_usd": call_cost("my-local-llama", 900, 100),
    }
    mixed = session_cost([known, unknown])
    assert mixed["cost_usd"] is None and mixed["prompt_tokens"] == 1900


def test_user_price_file_overrides_bundled_prices(isolated_data_dir: Path) -> None:
    isolated_data_dir.mkdir(parents=True, exist_ok=True)
    (isolated_data_dir / "prices.yaml").write_text("models:\n  gpt-4o-mini: {input: 10, output: 20}\n")
    assert call_cost("gpt-4o-mini", 1_000_000, 0) == pytest.approx(10.0)
    (isolated_data_dir / "prices.yaml").write_text(": not yaml [")
    assert call_cost("gpt-4o-mini", 1_000_000, 0) == pytest.approx(0.15)  # broken copy ignored


def test_stream_phrase_yields_word_chunks_that_rebuild_the_text() -> None:
    text = "Tell me about a time  you disagreed with\na senior leader."
    chunks = list(stream_phrase(Context(), text))
    assert len(chunks) == 11 and "".join(chunks) == text
