"""The retrieval eval's threshold calibration and text report (python -m evals.retrieval)."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from typing import Any


def calibrate(best: Sequence[tuple[float | None, bool]]) -> dict[str, float] | None:
    """The "fits" threshold that best separates answerable from unanswerable questions.

    `best` holds, per question, the highest fit evidence among its top hits and whether it is
    answerable. Maximises no-fit accuracy + share of answerable questions kept (each weighs the same whatever the
    counts); among equally good thresholds the middle one, so it does not hug a single question. None without
    unanswerable questions or similarities.
    """
    scored = [(s, a) for s, a in best if s is not None]
    answerable = sum(1 for _, a in scored if a)
    unanswerable = len(scored) - answerable
    if not answerable or not unanswerable:
        return None
    values = sorted({s for s, _ in scored})
    candidates = [values[0] - 1e-4] + [(lo + hi) / 2 for lo, hi in itertools.pairwise(values)]
    candidates.append(values[-1] + 1e-4)

    def quality(t: float) -> float:
        rejected = sum(1 for s, a in scored if not a and s < t) / unanswerable
        kept = sum(1 for s, a in scored if a and s >= t) / answerable
        return rejected + kept

    top = max(quality(t) for t in candidates)
    best_ts = [t for t in candidates if abs(quality(t) - top) < 1e-9]
    t = best_ts[len(best_ts) // 2]
    return {
        "threshold": round(t, 4),
        "no_fit_accuracy": round(sum(1 for s, a in scored if not a and s < t) / unanswerable, 3),
        "cut_off": round(sum(1 for s, a in scored if a and s < t) / answerable, 3),
    }


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"


def print_report(report: dict[str, Any], show_calibration: bool = False) -> None:
    """The human-readable report of one set."""
    for notice in report.get("notices", []):
        print(f"note: {notice}")
    print(
        f"[{report['set']}] {report['stories']} stories, {report['answerable']} answerable + "
        f"{report['unanswerable']} unanswerable questions, embedder {report['embedder']}"
    )
    print(
        f"  Recall@1 {_fmt(report['recall_at_1'])}   Recall@3 {_fmt(report['recall_at_3'])}   "
        f"no-fit {_fmt(report['no_fit_accuracy'])}   cut off {_fmt(report['cut_off'])}   "
        f"p95 search {report['search_ms_p95']:.1f} ms"
    )
    for miss in report["misses"]:
        if not miss["relevant"]:
            print(f"  - said it fits: {miss['question']}\n      got {miss['top']}")
            continue
        where = f"rank {miss['rank']}" if miss["rank"] else "not in top 3"
        print(f"  - {where}: {miss['question']}\n      want {miss['relevant'][0]!r}; got {miss['top']}")
    for wanted in report["unmatched_labels"]:
        print(f"  ! label matches no story: {wanted!r}")
    if show_calibration:
        cal = report.get("calibration")
        if cal:
            print(
                f"  calibration: threshold {cal['threshold']} -> no-fit {cal['no_fit_accuracy']:.3f}, "
                f"cut off {cal['cut_off']:.3f} (current {report.get('threshold')})"
            )
        else:
            print("  calibration: needs answerable and unanswerable questions and a dense embedder")
