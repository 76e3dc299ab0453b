"""sweep29 S7: after the model refused the key on one answer, the next answer was not sent to it (the server is
asked again only after a wait), yet the report's header counted it as "sent to it" and "where the model failed".
The header now says how many were not sent. A real session (InterviewDriver) against a real stub HTTP model server
that refuses the key once; the header is read from the report file written."""

from __future__ import annotations

from pathlib import Path

from stub_openai import Action, StubOpenAI, stub
from test_llm_session import run_session

__all__ = ["stub"]


def test_an_answer_not_sent_after_a_refused_key_is_not_counted_as_sent(
    stub: StubOpenAI, isolated_data_dir: Path
) -> None:
    stub.push(Action(status=401))  # the first answer: the key is refused; the next ones are not sent
    _, records = run_session(stub, answers=2)
    mains = [r for r in records if not r["is_follow_up"]]
    assert len(mains) == 2 and stub.calls == 1, (stub.calls, [r.get("usage") for r in mains])
    (report,) = (isolated_data_dir / "reports").glob("*.md")
    header = report.read_text(encoding="utf-8").splitlines()[0]
    said = "failed on every answer sent to it (1), graded 0 of 2; 1 not sent (the model had failed just before)"
    assert said in header, header
