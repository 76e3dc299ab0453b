"""The terminal view of story coverage: a table per competency, then what to write and what is overused."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

from agent.cli_render import safe


def render_coverage(console: Console, cov: dict[str, Any]) -> None:
    """Best story per competency (finished or what it lacks, times told), stories to write, overused stories."""
    stories = cov["stories"]
    whose = "the bundled sample bank (use --docs for yours)" if cov["sample_bank"] else "your documents"
    table = Table(title=f"Story coverage from {whose}", title_justify="left")
    for column in ("Competency", "Best story", "Finished", "Told here", "Other fitting stories"):
        table.add_column(column)
    for row in cov["competencies"]:
        best = stories.get(row["best"]) if row["best"] else None
        finished = "-" if best is None else "yes" if best["finished"] else "no: " + ", ".join(best["missing"])
        others = len([s for s in row["fits"] if s != row["best"]])
        table.add_row(
            row["competency"].replace("_", " "),
            safe(best["title"]) if best else "none fits",
            safe(finished),
            str(row["told"]),
            str(others) if others else "-",
        )
    console.print(table)
    for row in cov["competencies"]:
        if row["write"]:
            console.print(f"{row['competency'].replace('_', ' ')}: {safe(row['write'])}")
    for info in stories.values():
        if info["overused"]:
            comps = ", ".join(c.replace("_", " ") for c in info["told_for"])
            console.print(
                f"Overused: {safe(info['title'])} was told for {len(info['told_for'])} competencies ({safe(comps)}); "
                "give some of them a story of their own."
            )
