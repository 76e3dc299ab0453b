"""/hint, the "may fit better" story note and the report's told story, driven as a user meets them: `python -m
agent.session` with a one-question pack of this file's own, the candidate's notes as --docs, answers piped on stdin.

Newcomer trial N26: /hint showed a title and the story's first three figures (its context), not what happened or
how it ended. N19: "Your story X may fit this question better" was attached to a full-marks answer, naming a story
that fitted it no better than the one told. N20: the report did not say which story the answer told. The notes,
questions and answers are written for this file."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
BOX = re.compile(r"[│╭╮╰╯─┃━┏┓┗┛┡┩╇┳┻└┘┌┐├┤┼╞╡═]")

PACK = """\
name: ledger-drill
title: Ledger drill
competencies:
  {competency}: 1.0
questions:
  - id: only-question
    text: "{question}"
    type: {qtype}
    competency: {competency}
    signals:
      - Says what they changed and what it cost
      - Says how they knew it worked, with a number
"""

NOTES = """# My stories

## Draining the payments queue backlog

**Situation:** Our payments ledger ran on a queue fed by 14 merchant integrations, with 3 engineers on call.

**Task:** I owned the ledger service and had to stop the nightly backlog from delaying settlements.

**Action:** I traced the backlog to a retry loop that re-queued malformed messages forever, moved those messages
to a dead-letter queue with an alert on its depth, and added a replay tool for finance.

**Result:** The peak backlog went from 41,000 messages to under 200, and late settlements fell from 9 a week to 0.

## Choosing a vendor for label printing

**Situation:** Our warehouse label printers jammed on 6% of parcels after a price rise from the vendor.

**Task:** I had to pick a replacement within one quarter without stopping the packing lines.

**Action:** I ran a two-week bake-off of three vendors on one packing line with the floor leads.

**Result:** We moved to the cheapest vendor that passed, saving $90k a year, and jams fell to 0.5%.
"""

BACKLOG_Q = "Tell me about a time a queue or backlog in production got out of hand. What did you do about it?"
STRONG = (
    "At my last company I owned the payments ledger service, fed by a queue from fourteen merchant integrations. "
    "Every night a backlog built up and delayed settlements, so my task was to stop it. I traced it to a retry loop "
    "that re-queued malformed messages forever. I moved those messages to a dead-letter queue, added an alert on "
    "its depth, and built a replay tool for finance. As a result the peak backlog went from 41,000 messages to "
    "under 200 within two weeks, and late settlements fell from 9 a week to 0."
)

# A strong answer telling a story that is not in the notes (the notes' backlog story is not better for it).
OTHER = (
    "At my last company I owned the email notification service. Every Monday a queue of password-reset emails "
    "piled up behind a weekly marketing send, so my task was to keep resets fast. I split the queue into two "
    "priorities, gave resets their own workers, and added an alert on the age of the oldest reset. As a result "
    "the p95 delay of a reset email went from 40 minutes to 12 seconds, and support tickets about resets fell "
    "from 150 a week to 6."
)


def run_session(tmp_path: Path, question: str, qtype: str, competency: str, stdin: str, notes: str = NOTES) -> str:
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACK.format(question=question, qtype=qtype, competency=competency), encoding="utf-8")
    doc = tmp_path / "notes.md"
    doc.write_text(notes, encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", str(pack), "--docs", str(doc), "--questions", "1",
         "--follow-ups", "0", "--seed", "1", "--offline"],
        input=stdin, capture_output=True, text=True, timeout=180, cwd=REPO, env=dict(os.environ),
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    return " ".join(BOX.sub(" ", done.stdout).split())


def test_hint_shows_what_happened_and_the_result_figures(tmp_path: Path) -> None:
    out = run_session(tmp_path, BACKLOG_Q, "behavioral", "execution", f"/hint\n---\n{STRONG}\n")
    hint = out.split("Hint: your story", 1)[1].split("Source:", 1)[0]
    assert "Draining the payments queue backlog" in hint
    assert "Result: The peak backlog went from 41,000 messages to under 200" in hint, hint
    figures = out.split("Key metrics:", 1)[1].split("Feedback", 1)[0]
    assert "41,000 messages to under 200" in figures.split(";")[0], figures  # the result first, not the context


def test_no_better_story_on_a_full_marks_answer(tmp_path: Path) -> None:
    strong = run_session(tmp_path, BACKLOG_Q, "behavioral", "execution", f"{OTHER}\n")
    assert "Score 5/5" in strong, strong
    assert "may fit this question better" not in strong, strong


def test_report_names_the_story_the_answer_told(tmp_path: Path) -> None:
    # N20: the report listed "Related stories" but not the story the answer retold (the one the critic checked).
    out = run_session(tmp_path, BACKLOG_Q, "behavioral", "execution", f"{STRONG}\n")
    report = re.search(r"Report: (\S+\.md)", out)
    assert report, out
    text = Path(report.group(1)).read_text(encoding="utf-8")
    assert "You told: Draining the payments queue backlog" in text, text


# A story that does not fit the backlog question (the index says so), retold for it all the same.
COACHING = """
## Coaching a new hire through her first on-call

**Situation:** A graduate engineer joined my team in March and dreaded her first on-call week.

**Task:** I wanted her confident enough to take a rotation alone within two months.

**Action:** I paired with her for two shadow weeks, wrote down the five pages she was most likely to get, and let
her lead the second week while I watched.

**Result:** She took her first solo rotation after seven weeks and later rewrote two of our runbooks.
"""
COACHING_TOLD = (
    "A graduate engineer joined my team in March and dreaded her first on-call week, and I wanted her confident "
    "enough to take a rotation alone within two months. I paired with her for two shadow weeks, wrote down the five "
    "pages she was most likely to get, and let her lead the second week while I watched. She took her first solo "
    "rotation after seven weeks and later rewrote two of our runbooks."
)


def test_progress_counts_a_told_story_that_does_not_fit_the_question(tmp_path: Path) -> None:
    # N21: the progress page's told counts followed only the stories that fit the question: a story retold for a
    # question it does not fit counted nowhere ("Told here 0").
    run_session(tmp_path, BACKLOG_Q, "behavioral", "execution", f"{COACHING_TOLD}\n", NOTES + COACHING)
    shown = subprocess.run(
        [sys.executable, "-m", "agent.progress", "--role", str(tmp_path / "pack.yaml"), "--docs",
         str(tmp_path / "notes.md"), "--json"],
        capture_output=True, text=True, timeout=180, cwd=REPO, env=dict(os.environ),
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    view = json.loads(shown.stdout)
    stories = view["coverage"]["stories"]
    told = {info["title"]: info["told"] for info in stories.values()}
    assert told.get("Coaching a new hire through her first on-call") == 1, told
