"""The terminal view of progress: rich tables, the same summary the progress page shows."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from agent.cli_render import safe
from agent.wording import gap_label

ARROWS = {"rising": "↑ rising", "falling": "↓ falling", "flat": "→ flat", "new": "· one session", "none": "-"}


def _series(points: list[dict[str, Any]], last: int = 8) -> str:
    shown = [f"{p['score']:g}" for p in points[-last:]]
    return ("… " if len(points) > last else "") + " ".join(shown)


def render_progress(console: Console, view: dict[str, Any]) -> None:
    """Per-competency scores over time, the trend, gaps and prompting; then coverage and the job's requirements."""
    prog = view["progress"]
    console.print(f"Progress: {safe(view['title'])}: {prog['sessions']} session(s), {prog['answers']} answer(s)")
    table = Table(title="Scores per competency (oldest → newest)", title_justify="left")
    for column in ("Competency", "Scores", "Trend", "Recurring gaps", "Gone", "Prompted"):
        table.add_column(column)
    for c in prog["competencies"]:
        prompted = f"{c['prompted']}/{c['answers']}" if c["answers"] else "-"
        table.add_row(
            c["competency"].replace("_", " "),
            _series(c["points"]) or "not asked yet",
            ARROWS.get(c["trend"], c["trend"]),
            safe("; ".join(g["text"] for g in c["recurring"])) or "-",
            safe(", ".join(gap_label(g) for g in c["resolved"])) or "-",
            prompted,
        )
    console.print(table)
    for c in prog["competencies"]:
        if c["resolved"]:
            gone = ", ".join(gap_label(g) for g in c["resolved"])
            console.print(f"Gone in your latest {c['competency'].replace('_', ' ')} answers: {safe(gone)}")
    if prog["recurring"]:
        console.print("Across the role: " + safe("; ".join(g["text"] for g in prog["recurring"])))
    if prog["answers"]:
        console.print(
            f"Prompting: {prog['prompted']} of {prog['answers']} answers needed a follow-up to close a gap "
            f"({prog['follow_ups']} follow-up answers in all)."
        )


def render_requirements(console: Console, reqs: list[dict[str, Any]]) -> None:
    """Each requirement of the job with its competency and backing story, or "no story yet"."""
    table = Table(title="The job's requirements", title_justify="left")
    for column in ("Requirement", "Competency", "Backing story"):
        table.add_column(column)
    for r in reqs:
        story = safe(r["story_title"]) if r["story_title"] else "[bold red]no story yet[/]"
        table.add_row(safe(r["text"]), r["competency"].replace("_", " "), story)
    console.print(table)


def render_view(console: Console, view: dict[str, Any]) -> None:
    """Progress, then story coverage, then the job's requirements (what --html shows, as tables)."""
    from agent.coaching.tables_coverage import render_coverage

    render_progress(console, view)
    if view.get("coverage"):
        render_coverage(console, view["coverage"])
    if view.get("requirements") is not None:
        render_requirements(console, view["requirements"])
