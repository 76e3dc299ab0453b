"""Disagreements of the critic with the labels, grouped by why the critic decided as it did, over several sets.

    python -m evals.calibrate --set evals/critic_dev5 --json --show-misses > /tmp/critic_dev5.json   # one per set
    python -m evals.calibrate_causes /tmp/tuned.json /tmp/critic_dev5.json ...

Each report is one set's `evals.calibrate --json --show-misses` output (the set is named by the file's stem). A score
miss is put down to the first verdict behind it that disagrees with the labels: relevance (called off topic when the
label is not, or the reverse; partial against on topic), then level, and otherwise the score's own composition from
the answer's features (too high or too low with relevance and level agreeing, named by the first gap the critic
found, or "no gap" for a 5). Follow-up replies and notes mismatches
are their own causes. The table (cause, items, sets) shows which causes reach several sets, so a fix aims at the ones
nobody tuned on rather than at one set's phrasing.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

OFF = "off_topic"


def _relevance_cause(label: str, got: str) -> str:
    if got == OFF:
        return f"relevance: called off topic, labelled {label}"
    if label == OFF:
        return f"relevance: off topic missed (called {got})"
    return f"relevance: called {got}, labelled {label}"


def causes(misses: Iterable[dict[str, Any]]) -> list[tuple[str, str]]:
    """(item id, cause) for every score, follow-up and notes-mismatch miss of one report's `misses`."""
    misses = list(misses)
    verdicts: dict[tuple[str, str], dict[str, Any]] = {(m["id"], m["field"]): m for m in misses}
    out: list[tuple[str, str]] = []
    for m in misses:
        field, item = m["field"], m["id"]
        if field == "score":
            low = m["got"] < m["label"][0]
            rel, lvl = verdicts.get((item, "relevance")), verdicts.get((item, "level"))
            if rel is not None:
                cause = _relevance_cause(rel["label"], rel["got"])
            elif lvl is not None:
                cause = "level: called below, labelled at" if lvl["got"] == "below" else "level: below missed"
            else:
                first = (m.get("gaps") or ["no gap"])[0]
                cause = f"score composition: too {'low' if low else 'high'}, first gap {first}"
            out.append((item, cause))
        elif field.startswith("follow_up["):
            probes = field[len("follow_up[") : field.index("]")].split(":")[-1]
            low = m["got"] < m["label"][0]
            out.append((item, f"follow-up reply: too {'low' if low else 'high'} (probes {probes})"))
        elif field == "notes_mismatch":
            said = "contradiction missed" if m["label"] else "contradiction invented"
            out.append((item, f"notes mismatch: {said}"))
    return out


def table(reports: dict[str, dict[str, Any]]) -> list[tuple[str, int, list[str]]]:
    """(cause, items, the sets it appears in) over several sets' reports, most items first."""
    items: dict[str, int] = defaultdict(int)
    where: dict[str, set[str]] = defaultdict(set)
    for name, report in reports.items():
        if "misses" not in report:
            raise ValueError(f"{name}: no misses in the report (run evals.calibrate with --show-misses)")
        for _item, cause in causes(report["misses"]):
            items[cause] += 1
            where[cause].add(name)
    return sorted(((c, n, sorted(where[c])) for c, n in items.items()), key=lambda row: (-row[1], -len(row[2]), row[0]))


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point; returns the exit code (2 when a report cannot be read)."""
    parser = argparse.ArgumentParser(prog="python -m evals.calibrate_causes", description=__doc__.splitlines()[0])
    parser.add_argument("reports", nargs="+", type=Path, help="evals.calibrate --json --show-misses outputs")
    parser.add_argument("--json", action="store_true", help="print the table as JSON")
    args = parser.parse_args(argv)
    try:
        rows = table({p.stem: json.loads(p.read_text(encoding="utf-8")) for p in args.reports})
    except (OSError, ValueError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps([{"cause": c, "items": n, "sets": s} for c, n, s in rows], indent=2))
        return 0
    print(f"{'items':>5} {'sets':>4}  cause")
    for cause, n, sets in rows:
        print(f"{n:5d} {len(sets):4d}  {cause}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
