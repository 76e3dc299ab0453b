"""Rich tables for a calibration report (evals/calibrate.py)."""

from __future__ import annotations

from typing import Any


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def render(report: dict[str, Any], role: str | None = None, set_name: str | None = None) -> None:
    """Print the figures against their bars, the class agreement, and the misses when kept."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    table = Table(title=f"Critic vs human labels ({set_name or 'evals/labeled'}, {role or 'all roles'}, "
                  f"{report['items']} answers, {report['follow_ups']} follow-up answers)")  # fmt: skip
    for name in ("figure", "value", "bar"):
        table.add_column(name, justify="left" if name == "figure" else "right")
    for key, value in report["figures"].items():
        bar = report["bars"].get(key)
        table.add_row(key, _pct(value), f">= {_pct(bar)}" if bar is not None else "")
    for key in ("relevance", "level", "primary_gap", "ownership", "specificity"):
        r = report[key]
        table.add_row(f"{key} accuracy (n={r['n']})", _pct(r["accuracy"]), "")
    table.add_row("follow-up closes_gap accuracy", _pct(report["closes_gap"]), "")
    for place, r in report["follow_up_replies"].items():
        if r["count"]:
            table.add_row(f"{place} follow-up replies (n={r['count']}): in range / closes_gap",
                          f"{_pct(r['in_range'])} / {_pct(r['closes_gap'])}", "")  # fmt: skip
        if r["off_topic"]:
            capped = _pct(r["off_topic_capped"])
            table.add_row(f"{place} off-topic replies scored <= 2 (n={r['off_topic']})", capped, "")
    notes = report["notes_mismatch"]
    if notes["items"]:
        table.add_row(f"notes_mismatch: precision / recall ({notes['items']} with notes, {notes['support']} true)",
                      f"{_pct(notes['precision'])} / {_pct(notes['recall'])}", "")  # fmt: skip
        if notes["no_story"]:
            table.add_row("notes the ingestion finds no story in", str(len(notes["no_story"])), "")
    sig = report["signals"]
    table.add_row(f"signal covered: precision (n={sig['tp'] + sig['fp']})", _pct(sig["precision"]), "")
    table.add_row(f"signal covered: recall (n={sig['support']})", _pct(sig["recall"]), "")
    table.add_row("score within 1 of the range's middle", _pct(report["score_within_1"]), "")
    table.add_row(f"complete beats degraded ({report['pairs']['count']} pairs)",
                  _pct(report["pairs"]["complete_beats_degraded"]), "")  # fmt: skip
    console.print(table)
    for err in report["errors"]:  # plain text: an error message may contain [brackets]
        console.print(f"critic failed on {err['id']}: {err['error']}", style="red", markup=False, highlight=False)
    if "misses" in report:
        misses = Table(title=f"Disagreements ({len(report['misses'])})")
        for name in ("id", "field", "label", "got"):
            misses.add_column(name)
        for m in report["misses"]:
            misses.add_row(m["id"], m["field"], str(m["label"]), str(m["got"]))
        console.print(misses)
