"""Obsidian notes (callouts, `field:: value` metadata) and legends or notes to self written in STAR letters."""

from __future__ import annotations

from knowledge.ingest import ingest_text

OBSIDIAN = """---
tags: [interview, stories]
---

# My story bank

Links: [[Companies]] · #prep

status:: polished

## Night shift

> [!example] Situation
> The night team lost the dispatch board twice a week because a cache node ran out of memory.

> [!example] Action
> I added a memory alarm, moved the board to two nodes and wrote a runbook the night lead could follow.

> [!example] Result
> No outage in the next four months; pages at night fell from 9 a week to 1.

## The vendor swap

status:: draft

We paid a mapping vendor twice what the market charged. I ran a four-week trial of two rivals with the routing
team, picked one, and moved all routes over in a month. We saved $200k a year and kept the same accuracy.
"""


def test_callouts_are_star_parts_and_inline_fields_are_metadata() -> None:
    result = ingest_text(OBSIDIAN, "bank.md")
    assert [s.title for s in result.stories] == ["Night shift", "The vendor swap"]
    night = result.stories[0]
    assert night.situation.startswith("The night team lost the dispatch board")
    assert night.action.startswith("I added a memory alarm")
    assert night.result.startswith("No outage in the next four months")
    assert "status::" not in result.stories[1].text




KEYED = """# Behavioural prep

## Key to my labels (how I write these)

- **S:** where I was and what was at stake, two lines at most
- **T:** what I personally owned, not what the team owned
- **A:** the three or four things I did, in order, with the why
- **R:** the number first, then what changed for the business

## Reminders for the day (notes to self)

Slow down. Say the number before the story runs out. If I blank, I ask for ten seconds and I take them.

## The pager storm

- **S:** Our alerting sent 300 pages a week to a team of six in 2022.
- **T:** I owned on-call health for the platform group.
- **A:** I deleted alerts nobody acted on and added a weekly review of every page.
- **R:** Pages fell to 40 a week within two months and nobody left the rotation.

## A new team structure

- **S:** Two squads both owned checkout and blamed each other for incidents.
- **T:** Decide who owns what before the holiday season.
- **A:** I merged them under one lead and split the work by customer journey instead.
- **R:** Checkout incidents halved and the handoffs stopped.
"""


def test_a_legend_in_star_letters_and_notes_to_self_are_references() -> None:
    result = ingest_text(KEYED, "prep.md")
    assert [s.title for s in result.stories] == ["The pager storm", "A new team structure"]
    assert [s.title for s in result.references] == [
        "Key to my labels (how I write these)",
        "Reminders for the day (notes to self)",
    ]


def test_flashcard_separators_are_not_metadata() -> None:
    cards = "Q :: What went wrong in your first month as a manager?\nA :: I kept coding and my two reviews slipped.\n"
    result = ingest_text(cards, "cards.md")
    assert any("first month as a manager" in q.text for q in result.questions)
