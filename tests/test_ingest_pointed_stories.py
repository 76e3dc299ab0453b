"""A story told behind a quoted remark or under a definition entry, introduced by a lead-in that points back to
the line above it ("**The story behind it:** ...", "  the story: ..."), is named by that line, however long, even
under a heading that asks a question of every remark (a feedback tool's "What should he keep doing?").

Read through the real ingester from real files; every word here was written for this test.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths

ROTA = (
    "In 2023 our pager woke someone four nights a week and half the alerts needed nothing. I went through ninety "
    "days of pages with the two seniors, we deleted forty alerts and I moved the rest behind error budgets. The "
    "product lead wanted every checkout alert kept; I showed him that none of the twelve checkout pages that quarter "
    "had needed a human and we agreed on two that did. Night pages fell to one a week and nobody left the rota."
)
HIRING = (
    "In 2024 I had three open roles and a hiring freeze coming in six weeks. I rewrote the loop from five interviews "
    "to three, trained four new interviewers in a week and ran two debriefs a day myself. We made all three offers "
    "before the freeze, two of them accepted, and the loop stayed at three interviews after that."
)


def _stories(path: Path) -> list[tuple[str, int]]:
    return [(s.title, s.line) for s in ingest_paths([path]).stories]


def test_the_story_behind_a_quoted_remark_is_named_by_the_remark(tmp_path: Path) -> None:
    path = tmp_path / "feedback round 2025 + my notes.md"
    path.write_text(
        "# Feedback round 2025\n\n## Running incidents\n\n| Rater | Score |\n|---|---|\n| Peers | 4.1 |\n\n"
        "### What should Anton keep doing?\n\n"
        '> "He turned our noisiest pager into one nobody dreads." — Peer\n\n'
        f"**The story behind it:** {ROTA}\n\n"
        '> "Calm in reviews." — Peer\n\n'
        "## Hiring\n\n### What should Anton keep doing?\n\n"
        '> "Good at onboarding." — Direct report\n\n'
        '> "Filled three seats before the freeze landed, without cutting corners." — Manager\n\n'
        f"**The story behind it:** {HIRING}\n",
        encoding="utf-8",
    )
    found = _stories(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    named = [(t, lines[n - 1]) for t, n in found]
    assert len(named) == 2, found
    assert any("noisiest pager" in t or "noisiest pager" in line for t, line in named), named
    assert any("three seats before the freeze" in t or "three seats" in line for t, line in named), named


def test_a_definition_entry_with_its_story_indented_under_it(tmp_path: Path) -> None:
    path = tmp_path / "team words.txt"
    path.write_text(
        "TEAM WORDS\n\n"
        "INCIDENTS\n\n"
        "ALERT BUDGET: how many pages a week we allow before we stop shipping features and fix alerts instead. "
        "Four a week for the checkout services, six for the rest. see NIGHTJAR.\n\n"
        "NIGHTJAR (the on-call rota): six engineers, a week each, handover on Mondays.\n"
        f"  the story: {ROTA}\n",
        encoding="utf-8",
    )
    found = _stories(path)
    lines = path.read_text(encoding="utf-8").split("\n")
    assert len(found) == 1, found
    assert lines[found[0][1] - 1].startswith("NIGHTJAR (the on-call rota)"), found
