"""Synthetic prep documents for the benchmark: many distinct STAR stories of realistic length (~180 words).

Real prepared stories run 120-250 words (the retrieval dev set: 110-190); the benchmark times what a user meets, so
each story here has four parts of two to three sentences with numbers, names and the candidate's own actions.
"""

from __future__ import annotations

from pathlib import Path

# (title, subject, system, stakeholder, metric noun)
_TOPICS = [
    ("Cutting warehouse spend", "cloud costs", "the analytics warehouse", "the finance partner", "monthly spend"),
    ("Recovering from a checkout outage", "payments incident", "checkout", "the support lead", "error rate"),
    ("Hiring a platform team", "hiring loop", "the interview pipeline", "the recruiting manager", "offer acceptance"),
    ("Settling a roadmap dispute", "roadmap conflict", "the roadmap", "the product director", "slipped goals"),
    ("Migrating the feature store", "feature store migration", "the feature store", "the ML leads", "p95 latency"),
    ("Building an evaluation harness", "LLM evaluation", "the support copilot", "the legal reviewer", "bad answers"),
    ("Shipping search ranking on a deadline", "ranking launch", "the ranker", "the marketing VP", "click-through"),
    ("Coaching a struggling lead", "mentoring", "the on-call rota", "the new tech lead", "missed reviews"),
    ("Choosing a vector database vendor", "vendor choice", "retrieval", "the procurement team", "query cost"),
    ("Fixing data quality in billing", "billing data quality", "billing", "the controller", "bad invoices"),
]


def _story(n: int) -> list[str]:
    """One STAR story of about 180 words; `n` makes its numbers, squad and region unique."""
    title, subject, system, who, metric = _TOPICS[n % len(_TOPICS)]
    teams, weeks, leads = 20 + n % 50, 2 + n % 10, n % 7 + 2
    before, after = 30 + n % 20, 5 + n % 9
    return [
        f"## Story {n + 1}: {title} ({n // len(_TOPICS) + 1})",
        "",
        "**Situation:**",
        f"In region {n} our {subject} had been drifting for two quarters: {teams} teams depended on {system}, and "
        f"{who} had started asking every week why the {metric} kept getting worse. Nobody owned the problem end to "
        f"end, and two earlier attempts had stalled.",
        "",
        "**Task:**",
        f"I was asked to turn the {subject} effort around within {weeks} weeks without pausing feature work, and to "
        f"agree a target with {who} that we could report on every Friday.",
        "",
        "**Action:**",
        f"- I mapped the bottlenecks in {system} with the {leads} leads involved and ranked them by cost of delay",
        f"- I rewrote the plan for squad {n}, cut scope that did not move the {metric}, and ran weekly reviews",
        f"- I paired a senior engineer with each lead for the first {max(2, weeks // 2)} weeks so fixes landed fast",
        "",
        "**Result:**",
        f"- Cycle time fell from {before} days to {after} days and the {metric} improved by {10 + n % 40}%",
        f"- We saved ${n + 10}K per month, and {who} now uses the dashboard in the quarterly business review",
        "",
    ]


def synthetic_story_bank(folder: Path, stories: int = 200, per_file: int = 20, first: int = 0) -> Path:
    """Write `stories` distinct stories over several Markdown files in `folder`; return the folder.

    first: number of the first story, so banks of different (simulated) candidates differ."""
    folder.mkdir(parents=True, exist_ok=True)
    for start in range(first, first + stories, per_file):
        lines = [f"# Story bank part {(start - first) // per_file + 1}", ""]
        for n in range(start, min(start + per_file, first + stories)):
            lines += _story(n)
        (folder / f"bank-{(start - first) // per_file + 1:02d}.md").write_text("\n".join(lines), encoding="utf-8")
    return folder
