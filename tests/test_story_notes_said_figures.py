"""A figure of the candidate's notes that the answer says is never reported as left out: said as such beside another
figure that shares its words ("40 ms p99 against our 50 ms target" for "p99 40ms (target 50ms)"), or said bare next
to a figure that carries its unit ("six percent against fourteen" for "6% against 14%"). Driven through the graph as
`python -m evals.run` replays a transcript, with notes written to a file; notes and answers written for this file."""

from __future__ import annotations

from pathlib import Path

import pytest

from evals.run import replay
from evals.transcript import load_transcript

NOTES = """# Prep notes (written for this test)

## Story 1: Settling the queue rewrite argument

**Situation:** Two senior engineers argued for weeks about rewriting the ingestion queue in Rust.

**Action:** I asked each of them for a one-page case, then a one-week spike compared the options.

**Result:** The spike showed the Java service with batching hit p99 30ms (target 40ms); kept Java, saved est. 3 months.

## Story 2: Splitting the infrastructure group

**Situation:** The infrastructure group had grown to 30 people with one manager and no clear owners.

**Action:** I split it into two teams after four weeks of interviews with every engineer.

**Result:** Attrition stayed at 6% against 14% across the company, and the team health score rose 15 points.
"""
CASES = [
    ("Tell me about a technical decision your team made where you had to step in.",
     "Two senior engineers argued for weeks about rewriting our ingestion queue in Rust. I asked each of them for a "
     "one-page case, and a one-week spike showed Java with batching at 30ms p99 against our 40ms target, so we kept "
     "Java and saved about three months."),
    ("Tell me about a reorganisation you led.",
     "Our infrastructure group had grown to 30 people with one manager. I split it into two teams after four weeks "
     "of interviews with every engineer. Attrition stayed at six percent against fourteen across the company, and "
     "the team health score rose fifteen points."),
]  # fmt: skip


@pytest.mark.parametrize(("question", "answer"), CASES)
def test_a_figure_the_answer_says_is_not_reported_left_out(tmp_path: Path, question: str, answer: str) -> None:
    (tmp_path / "notes.md").write_text(NOTES, encoding="utf-8")
    path = tmp_path / "said.yaml"
    path.write_text(
        f"name: said\nrole: engineering-manager\nfollow_ups: 0\ndocs: [notes.md]\nturns:\n"
        f"  - question: {question!r}\n    answer: {answer!r}\n",
        encoding="utf-8",
    )
    (record,) = list(replay(load_transcript(path)))
    notes = record["critique"]["story_notes"]
    # main: 'Your notes on "..." mention 40ms / 14%; the answer left it out.'
    assert not [n for n in notes if n["kind"] == "omitted_metric"], notes


def test_a_figure_really_left_out_is_still_reported(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text(NOTES, encoding="utf-8")
    path = tmp_path / "left.yaml"
    answer = ("Our infrastructure group had grown to 30 people with one manager. I split it into two teams after four "
              "weeks of interviews with every engineer, and people were happier afterwards.")  # fmt: skip
    path.write_text(
        f"name: left\nrole: engineering-manager\nfollow_ups: 0\ndocs: [notes.md]\nturns:\n"
        f"  - question: 'Tell me about a reorganisation you led.'\n    answer: {answer!r}\n",
        encoding="utf-8",
    )
    (record,) = list(replay(load_transcript(path)))
    assert [n for n in record["critique"]["story_notes"] if n["kind"] == "omitted_metric"], record["critique"]
