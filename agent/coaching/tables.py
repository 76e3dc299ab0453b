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
