"""Misquotes against prep documents shaped like real ones (newcomer39 N13): a STAR story bank whose Action is a
numbered list of bold labels and sub-bullets, and a flashcard deck of bold questions with an Answer and an Action
bullet. Through the real CLI with both files on disk, over notes and answers invented for this file: a figure of a
story told in passing inside an answer about something else is compared with the notes, a latency named from the
other end of its sentence ("Falcon ... while averaging 250ms" against "Falcon averaged 350ms") is paired, a second
misquote beside a first is flagged too ("7x faster" against "Speed: 4x faster"), and a faithful retelling in passing
draws neither a contradiction nor an omission."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.notes_drift_cli import contradictions, story_notes

BANK = """\
# Story bank - Priya

## Story 1: Picking Falcon Over Hosted Models

**Situation:**
Our ticket summariser needed a language model; the hosted flagship was the default pick but slow and costly.

**Task:**
Choose a model provider that balances cost, latency and summary quality.

**Action:**
1. **Compared 3 providers:**
   - **Hosted flagship:** best summaries, high cost, 1-2s latency
   - **Hosted small:** cheap, weaker summaries
   - **Falcon (open weights):** free tier, good summaries

2. **Benchmarked on real tickets:**
   - Summaries from Falcon matched the hosted small model
   - Latency: Falcon averaged 350ms, the flagship averaged 1.8s

3. **Picked Falcon because:**
   - **Cost:** free tier covered the pilot
   - **Speed:** 4x faster than the flagship
   - **Exit:** can switch back later

**Result:**
- Summaries shown in under 3 seconds end-to-end
- $0 model spend during the pilot
- Support leads happy with the summaries for triage

**Trade-offs Accepted:**
- Summaries a little plainer than the flagship's (nobody on the support floor noticed)
- Reliance on Falcon's free tier staying available
- Wrote down the flagship as the fallback provider

**Interview Hook:** "I bought iteration speed and a free pilot over a marginal gain in prose, knowing I could pay
for the flagship once volume justified it."

---

## Story 2: Moving Reports Off the Nightly Batch

**Situation:**
Finance waited until morning for the sales report because it ran as one nightly batch.

**Task:**
Get the report to finance within the working day.

**Action:**
1. **Split the batch** into hourly incremental loads keyed by the order timestamp.
2. **Added a freshness check** that pages the data on-call when a load is late.

**Result:**
- Report lag went from 14 hours to 70 minutes
- No missed loads in the first quarter
"""

CARDS = """\
# Director flashcards - Priya

**Q: "Sales wants to launch a summariser that invents facts in one answer out of five. What do you do?"**
*   **Answer**: "I stop the launch. A summary people cannot trust is worse than none.
    *   *Action*: I would put a regression suite in front of every release and set a hard bar: 'No launch until
        factual consistency > 92% on the reviewed ticket set'. I would cut scope to make the date, not the bar.
    *   *Why*: one wrong summary forwarded to a customer costs more goodwill than a month of delay, and the sales
        team keeps the summaries it can quote. I would show Sales the failing examples side by side with the
        source tickets, so the decision is about evidence rather than opinion."

**Q: "How would you grow the platform team?"**
*   **Answer**: "I hire a staff engineer first, then pair every new hire with an owner for their first month."
"""

ANSWERS = [
    # A design answer that tells the provider benchmark in passing, with the wrong Falcon latency.
    "I decide on our own tickets, not on public leaderboards. When I picked a model provider for the summariser I "
    "did exactly that: I benchmarked the hosted flagship, the hosted small model and Falcon on real tickets, and "
    "Falcon matched the small model on summaries while averaging 250ms against 1.8s for the flagship, so Falcon won. "
    "For a new embedding model I would score recall at five on a labelled query set with known relevant chunks and "
    "only move if recall rises by a couple of points. To migrate, I re-embed every document into a shadow index in "
    "the background, dual-read and compare both indexes on live traffic for a week, then flip the alias and keep "
    "the old index around for rollback. The risky part is the cut-over, so I rehearse it on a staging copy, watch "
    "the click-through on search results for a few days after the flip, and only then delete the old vectors. I "
    "also version the embedding model name next to each vector, so a mixed index can never be queried by mistake.",
    # The story retold, with two wrong figures: the flagship's latency and the speed-up.
    "For the ticket summariser I compared the hosted flagship, the hosted small model and Falcon on real tickets. "
    "Falcon averaged 350ms while the flagship averaged 4.8s, so it was 7x faster, and its summaries matched the "
    "small model. I picked Falcon: summaries came back in under 3 seconds end-to-end and we spent $0 on the model "
    "during the pilot.",
    # An agent-safety answer that mentions the flashcard's launch bar in passing, with the wrong threshold.
    "The agent never sees raw credentials: tools are declared in a typed catalogue with their arguments, and a "
    "guard rejects requests outside that catalogue before the model plans. "
    "Memory is per request, so the runtime stays stateless and scales out behind the queue. "
    "Every tool call the agent makes goes through a policy layer that checks the caller's permissions, a spend "
    "budget and a kill switch. Refunds above a limit wait for a human to approve them, and every step is traced "
    "under one id so a bad action can be replayed. Before any launch I put a regression suite in front of the "
    "release with a hard bar: no launch until factual consistency is above 85% on the reviewed ticket set.",
    # The same passing mention, faithful: nothing to flag, and no outcome expected of a story told in passing.
    "Agents fail quietly, so I design for replay first: every step is traced under one id with its prompt and "
    "tool result. "
    "Memory is per request, so the runtime stays stateless and scales out behind the queue. "
    "I would rather ship later than ship something people cannot trust. Our agent runs every tool call through a "
    "policy layer with permissions, a spend budget and a kill switch, and large refunds wait for a human. I put a "
    "regression suite in front of every release with a hard bar: no launch until factual consistency is above 92% "
    "on the reviewed ticket set.",
]


def _said(notes: list[dict[str, Any]]) -> set[tuple[str, str]]:
    return set(contradictions(notes))


@pytest.mark.usefixtures("isolated_data_dir")
def test_misquotes_in_real_shaped_prep_documents_are_caught(tmp_path: Path) -> None:
    passing, twice, card, faithful = story_notes(
        tmp_path, ANSWERS, {"story-bank.md": BANK, "flashcards.md": CARDS}, role="senior-genai-engineer"
    )
    assert _said(passing) == {("350ms", "250ms")}, passing
    assert _said(twice) == {("1.8s", "4.8s"), ("4x", "7x")}, twice
    assert _said(card) == {("92%", "85%")}, card
    # told in passing: the card's figure is checked, but no outcome is owed
    assert not [n for n in faithful if n["kind"] in ("contradiction", "omitted_metric")], faithful
