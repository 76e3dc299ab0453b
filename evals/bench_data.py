"""Synthetic prep documents for the benchmark: many distinct STAR stories in the story-bank format."""

from __future__ import annotations

from pathlib import Path

_TOPICS = [
    ("Cutting warehouse spend", "cloud costs", "cost"),
    ("Recovering from a checkout outage", "payments incident", "incident"),
    ("Hiring a platform team", "hiring loop", "hiring"),
    ("Settling a roadmap dispute", "roadmap conflict", "conflict"),
    ("Migrating the feature store", "feature store migration", "migration"),
    ("Building an evaluation harness", "LLM evaluation", "evaluation"),
    ("Shipping search ranking on a deadline", "ranking launch", "launch"),
    ("Coaching a struggling lead", "mentoring", "mentoring"),
    ("Choosing a vector database vendor", "vendor choice", "vendor"),
    ("Fixing data quality in billing", "billing data quality", "quality"),
]


def synthetic_story_bank(folder: Path, stories: int = 200, per_file: int = 20) -> Path:
    """Write `stories` distinct stories over several Markdown files in `folder`; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(0, stories, per_file):
        lines = [f"# Story bank part {start // per_file + 1}", ""]
        for n in range(start, min(start + per_file, stories)):
            title, subject, word = _TOPICS[n % len(_TOPICS)]
            lines += [
                f"## Story {n + 1}: {title} ({n // len(_TOPICS) + 1})",
                "",
                "**Situation:**",
                f"Our {subject} in region {n} was slipping: {20 + n % 50} teams depended on it.",
                "",
                "**Task:**",
                f"I had to turn the {word} effort around within {2 + n % 10} weeks.",
                "",
                "**Action:**",
                f"- I mapped the {word} bottlenecks with the {n % 7 + 2} leads involved",
                f"- I rewrote the plan for squad {n} and ran weekly reviews",
                "",
                "**Result:**",
                f"- Cycle time fell from {30 + n % 20} days to {5 + n % 9} days; savings of ${n + 10}K per month",
                "",
            ]
        (folder / f"bank-{start // per_file + 1:02d}.md").write_text("\n".join(lines), encoding="utf-8")
    return folder
