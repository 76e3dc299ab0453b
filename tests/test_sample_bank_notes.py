"""Without --docs the stories are the bundled sample bank's, a fictional candidate's: never "your notes", and the
user's own figures are never contradicted by it (a contradiction would cost a point)."""

from __future__ import annotations

from pathlib import Path

from langgraph.checkpoint.memory import InMemorySaver

import agent.nodes.retrieve as retrieve
from agent.context import Context
from agent.driver import InterviewDriver
from knowledge.paths import is_sample, samples_dir

QUESTION = "Describe an organisation change you designed and led."
# The sample bank's own story for this question says lead time fell from 19 days to 8; this user's was 12 to 4.
ANSWER = (
    "Our three component teams each owned one layer, so every feature needed all three and lead time was 12 days. "
    "I redesigned the org into stream-aligned teams, let engineers pick their team and kept one core infra team. "
    "Lead time fell from 12 to 4 days within two quarters."
)


def test_the_sample_banks_figures_never_contradict_the_users_own(tmp_path: Path) -> None:
    context = Context(role="director", seed=1, embedder="minilm", offline=True, fixed_questions=[QUESTION],
                      follow_ups=0, index_dir=str(tmp_path / "index"))  # fmt: skip
    driver = InterviewDriver(context, checkpointer=InMemorySaver())
    driver.start()
    step = driver.submit(ANSWER)
    retrieve.wait_for_searches()
    assert step.last is not None and step.last["critique"] is not None
    critique = step.last["critique"]
    assert any("organisation change" in s["title"] for s in step.last["stories"])  # the sample story, retrieved
    assert [n["kind"] for n in critique["story_notes"] if n["kind"] in ("contradiction", "omitted_metric")] == []
    notes = [n["message"] for n in critique["story_notes"]]
    said = " ".join([critique["gap"], critique.get("relevance_note", ""), *notes])
    assert "your notes" not in said.lower() and "your story" not in said.lower()


def test_only_the_bundled_bank_is_a_sample(tmp_path: Path) -> None:
    bank = next(samples_dir().glob("*.md"))
    assert is_sample(str(bank))
    mine = tmp_path / "samples" / "story-bank.md"  # a user's own folder that happens to be called samples
    mine.parent.mkdir()
    mine.write_text("x")
    assert not is_sample(str(mine)) and not is_sample("bank.md")
