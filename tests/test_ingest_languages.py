"""STAR labels in other languages and other wordings, bilingual labels with full-width colons, placeholders
written as notes to self, and a story that opens with "What happened". Each document is written for this file and
read from disk by the real ingester."""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths
from knowledge.ingest.result import IngestResult

BILINGUAL = """\
# 面试故事 Interview stories

## 1. 支付超时（the payment timeouts）

- **情境 Situation**：Checkout timed out for one user in fifty during the spring sale, and support had 400 tickets.
- **任务 Task**：I owned the payment gateway client and had to stop the timeouts before the weekend peak.
- **行动 Action**：I found that the client opened a new TLS connection per request, added pooling and a retry budget.
- **结果 Result**：Timeouts fell to one in two thousand and the weekend peak passed without a ticket.

追问：为什么没有早点发现？→ 监控只看平均值。

## 2. 自我介绍（60 秒）

I am a backend engineer who has spent six years on payments and checkout, most recently leading the gateway
client team of four, and I want to work where reliability is part of the product rather than an afterthought.
"""

GERMAN = """\
# Vorbereitung

## Die verlorenen Rechnungen

**Ausgangslage:** Our billing export dropped about 2% of invoices every month without an error.
**Aufgabe:** I had to find where they went before the yearly audit.
**Vorgehen:** I compared the export with the ledger row by row and found a timezone cut-off at midnight UTC.
**Ergebnis:** Nothing was lost after the fix, and the auditors signed off [check: date of the sign-off].
"""

BRAG = """\
# Brag file

## Elevator version

I build data tooling for analysts at a travel company, mostly the pipelines and the semantic layer, and before
that I taught statistics for three years, so I care about whether people can actually use what I ship.

## Spring

### The dashboard nobody trusted

**What happened.** Two dashboards showed bookings 12% apart and the sales team stopped using both.

**My part.** I wrote one definition with the finance lead, rebuilt both dashboards on one table, and retired
the older one.

**Outcome.** A single number in every meeting; weekly dashboard users went from 40 to 130.

**Good for:** "a time you resolved conflicting data", "working with finance".
"""


def _ingest(tmp_path: Path, name: str, text: str) -> IngestResult:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return ingest_paths([tmp_path / name])


def test_bilingual_labels_with_full_width_colons(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "故事.md", BILINGUAL)
    stories = [s for s in result.stories if s.kind == "story"]
    assert [s.title for s in stories] == ["支付超时（the payment timeouts）"]
    story = stories[0]
    assert story.situation.startswith("Checkout timed out") and story.task.startswith("I owned the payment")
    assert story.action.startswith("I found that the client") and story.result.startswith("Timeouts fell")
    assert "监控" not in story.result  # the follow-up note ends the result
    pitch = [s for s in result.stories if s.kind == "answer"]
    assert [s.title for s in pitch] == ["自我介绍（60 秒）"]


def test_german_labels_and_a_check_placeholder(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "vorbereitung.md", GERMAN)
    (story,) = result.stories
    assert story.situation.startswith("Our billing export") and story.task.startswith("I had to find")
    assert story.action.startswith("I compared") and story.result.startswith("Nothing was lost")
    assert story.unfinished  # "[check: ...]" is a note to self, not a finished result


def test_what_happened_opens_the_story_and_an_elevator_version_is_a_pitch(tmp_path: Path) -> None:
    result = _ingest(tmp_path, "brag.md", BRAG)
    by_title = {s.title: s for s in result.stories}
    assert by_title["Elevator version"].kind == "answer"
    story = by_title["The dashboard nobody trusted"]
    assert story.situation.startswith("Two dashboards showed bookings 12% apart")
    assert story.action.startswith("I wrote one definition") and story.result.startswith("A single number")
    asked = [story.question or "", *story.questions]
    assert "a time you resolved conflicting data" in asked and "working with finance" in asked
