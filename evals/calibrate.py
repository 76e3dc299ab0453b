"""Calibration: how closely the critic agrees with the human labels of evals/labeled/.

    python -m evals.calibrate [--set DIR] [--json] [--role R] [--show-misses]

Runs the offline critic on every labelled answer and reports per-field agreement: precision/recall/F1
of each STAR flag and of quantified_result, accuracy and macro-F1 of ownership and specificity,
primary-gap accuracy, score exact and within-1 agreement, and the share of complete/degraded pairs in
which the complete answer outscores its degraded copy. A report, not a gate: exit 0 unless the data
is invalid (exit 2, naming the file, item id and reason).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, cast

from evals.labels import LabeledItem, LabelError, load_labeled

Critic = Callable[[str, str, str], Any]  # (question, question_type, answer) -> Critique
STAR_PARTS = ("situation", "task", "action", "result")


def prf(labels: Sequence[bool], got: Sequence[bool]) -> dict[str, float | int]:
    """Precision, recall and F1 of the positive class (0.0 where a ratio is undefined)."""
    tp = sum(1 for y, p in zip(labels, got, strict=True) if y and p)
    fp = sum(1 for y, p in zip(labels, got, strict=True) if p and not y)
    fn = sum(1 for y, p in zip(labels, got, strict=True) if y and not p)
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "support": tp + fn, "tp": tp, "fp": fp, "fn": fn}


def classes(labels: Sequence[str], got: Sequence[str]) -> dict[str, Any]:
    """Accuracy and macro-F1 over the classes seen in labels or predictions."""
    seen = sorted(set(labels) | set(got))
    per_class = {c: prf([y == c for y in labels], [p == c for p in got]) for c in seen}
    accuracy = sum(1 for y, p in zip(labels, got, strict=True) if y == p) / len(labels) if labels else 0.0
    macro = sum(float(r["f1"]) for r in per_class.values()) / len(seen) if seen else 0.0
    return {"accuracy": accuracy, "macro_f1": macro, "per_class": per_class}


def _predict(item: LabeledItem, critic: Critic) -> dict[str, Any]:
    """The critic's judgment of one item, flattened to the labelled fields."""
    c = critic(item.question, item.question_type, item.answer)
    return {
        **{part: bool(getattr(c.star, part)) for part in STAR_PARTS},
        "quantified_result": bool(c.quantified_result),
        "ownership": str(c.ownership),
        "specificity": str(c.specificity),
        "primary_gap": str(c.primary_gap),
        "score": int(c.score),
    }


def _expected(item: LabeledItem) -> dict[str, Any]:
    lab = item.labels
    flat = {part: getattr(lab.star, part) for part in STAR_PARTS}
    flat.update(
        quantified_result=lab.quantified_result,
        ownership=lab.ownership,
        specificity=lab.specificity,
        primary_gap=lab.primary_gap,
        score=lab.score,
    )
    return flat


def _score_agreement(exp: Sequence[dict[str, Any]], got: Sequence[dict[str, Any]]) -> dict[str, float]:
    n = len(exp) or 1
    diffs = [abs(int(e["score"]) - int(g["score"])) for e, g in zip(exp, got, strict=True)]
    return {
        "exact": sum(d == 0 for d in diffs) / n,
        "within_1": sum(d <= 1 for d in diffs) / n,
        "mae": sum(diffs) / n,
        "mean_label": sum(int(e["score"]) for e in exp) / n,
        "mean_got": sum(int(g["score"]) for g in got) / n,
    }


def _pairs(items: Sequence[LabeledItem], scores: dict[str, int]) -> dict[str, Any]:
    """Complete-beats-degraded over pairs whose both halves were scored."""
    pairs = [(i.degraded_of, i.id) for i in items if i.degraded_of and i.degraded_of in scores and i.id in scores]
    wins = sum(1 for full, part in pairs if scores[str(full)] > scores[part])
    ties = sum(1 for full, part in pairs if scores[str(full)] == scores[part])
    return {
        "count": len(pairs),
        "complete_beats_degraded": wins / len(pairs) if pairs else 0.0,
        "ties": ties,
        "reversed": len(pairs) - wins - ties,
    }


def default_critic() -> Critic:
    """The real offline critic (imported late so the loader works without it)."""
    import importlib

    fn = getattr(importlib.import_module("agent.critic"), "critique_answer", None)
    if fn is None:
        raise ImportError("agent.critic has no critique_answer yet")
    return cast(Critic, fn)


def calibrate(items: Sequence[LabeledItem], critic: Critic | None = None) -> dict[str, Any]:
    """Run the critic on every item and compare with the labels; a JSON-ready dict."""
    critic = critic or default_critic()
    exp: list[dict[str, Any]] = []
    got: list[dict[str, Any]] = []
    scored: list[LabeledItem] = []
    errors: list[dict[str, str]] = []
    for item in items:
        try:
            got.append(_predict(item, critic))
        except Exception as exc:  # one bad item must not hide the rest of the report
            errors.append({"id": item.id, "error": f"{type(exc).__name__}: {exc}".splitlines()[0]})
            continue
        exp.append(_expected(item))
        scored.append(item)

    def col(rows: list[dict[str, Any]], key: str) -> list[Any]:
        return [r[key] for r in rows]

    star = {p: prf(col(exp, p), col(got, p)) for p in STAR_PARTS}
    by_type: dict[str, dict[str, Any]] = {}
    for qtype in sorted({i.question_type for i in scored}):
        idx = [k for k, i in enumerate(scored) if i.question_type == qtype]
        e, g = [exp[k] for k in idx], [got[k] for k in idx]
        by_type[qtype] = {
            "n": len(idx),
            "score": _score_agreement(e, g),
            "primary_gap_accuracy": classes(col(e, "primary_gap"), col(g, "primary_gap"))["accuracy"],
        }
    fields = [*STAR_PARTS, "quantified_result", "ownership", "specificity", "primary_gap", "score"]
    misses = [
        {"id": item.id, "field": f, "label": e[f], "got": g[f]}
        for item, e, g in zip(scored, exp, got, strict=True)
        for f in fields
        if e[f] != g[f]
    ]
    return {
        "items": len(scored),
        "errors": errors,
        "star": {**star, "macro_f1": sum(float(r["f1"]) for r in star.values()) / len(STAR_PARTS)},
        "quantified_result": prf(col(exp, "quantified_result"), col(got, "quantified_result")),
        "ownership": classes(col(exp, "ownership"), col(got, "ownership")),
        "specificity": classes(col(exp, "specificity"), col(got, "specificity")),
        "primary_gap": classes(col(exp, "primary_gap"), col(got, "primary_gap")),
        "score": _score_agreement(exp, got),
        "pairs": _pairs(scored, {i.id: int(g["score"]) for i, g in zip(scored, got, strict=True)}),
        "by_type": by_type,
        "misses": misses,
    }


def _pct(x: float) -> str:
    return f"{100 * x:.1f}%"


def render(report: dict[str, Any], role: str | None = None, set_name: str | None = None) -> None:
    """Print the report as rich tables (the misses too, when the report keeps them)."""
    from rich.console import Console
    from rich.table import Table

    score, pairs = report["score"], report["pairs"]
    table = Table(
        title=f"Critic vs human labels ({set_name or 'evals/labeled'}, {role or 'all roles'}, "
        f"{report['items']} answers)",
        caption=f"score MAE {score['mae']:.2f}; pairs: {pairs['count']}, ties {pairs['ties']}, "
        f"reversed {pairs['reversed']}",
    )
    for name in ("field", "precision", "recall", "F1", "accuracy", "n"):
        table.add_column(name, justify="left" if name == "field" else "right", no_wrap=name == "field")
    for label, r in [*((f"star.{p}", report["star"][p]) for p in STAR_PARTS),
                     ("quantified_result", report["quantified_result"])]:  # fmt: skip
        table.add_row(label, _pct(r["precision"]), _pct(r["recall"]), _pct(r["f1"]), "", str(r["support"]))
    table.add_row("STAR macro-F1", "", "", _pct(report["star"]["macro_f1"]), "", "")
    for key in ("ownership", "specificity", "primary_gap"):
        table.add_row(f"{key} (macro-F1)", "", "", _pct(report[key]["macro_f1"]), _pct(report[key]["accuracy"]), "")
    table.add_row("score exact", "", "", "", _pct(score["exact"]), "")
    table.add_row("score within 1", "", "", "", _pct(score["within_1"]), "")
    table.add_row("complete beats degraded", "", "", "", _pct(pairs["complete_beats_degraded"]), str(pairs["count"]))
    console = Console()
    console.print(table)
    by_type = Table(title="Score agreement by question type")
    for name in ("type", "n", "exact", "within 1", "mean label", "mean critic", "gap acc"):
        by_type.add_column(name, justify="left" if name == "type" else "right", no_wrap=name == "type")
    for qtype, r in report["by_type"].items():
        s = r["score"]
        by_type.add_row(qtype, str(r["n"]), _pct(s["exact"]), _pct(s["within_1"]), f"{s['mean_label']:.2f}",
                        f"{s['mean_got']:.2f}", _pct(r["primary_gap_accuracy"]))  # fmt: skip
    console.print(by_type)
    for err in report["errors"]:  # plain text: an error message may contain [brackets]
        console.print(f"critic failed on {err['id']}: {err['error']}", style="red", markup=False, highlight=False)
    if "misses" in report:
        misses = Table(title=f"Disagreements ({len(report['misses'])})")
        for name in ("id", "field", "label", "got"):
            misses.add_column(name)
        for m in report["misses"]:
            misses.add_row(m["id"], m["field"], str(m["label"]), str(m["got"]))
        console.print(misses)


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point; returns the exit code."""
    parser = argparse.ArgumentParser(prog="python -m evals.calibrate", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="print the report as one JSON object")
    parser.add_argument("--role", help="only this role's labelled answers")
    parser.add_argument(
        "--set",
        dest="set_dir",
        type=Path,
        default=None,
        metavar="DIR",
        help="directory of labelled <role>.yaml files (default evals/labeled; evals/holdout is the held-out set)",
    )
    parser.add_argument("--show-misses", action="store_true", help="list every disagreement (id, field, label, got)")
    args = parser.parse_args(argv)
    try:
        items = load_labeled(role=args.role, directory=args.set_dir)
    except LabelError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        critic = default_critic()
    except ImportError as exc:
        print(f"error: the critic is not available ({exc})", file=sys.stderr)
        return 1
    report = calibrate(items, critic)
    if not args.show_misses:
        report.pop("misses")
    if args.json:
        print(json.dumps(report, indent=2, sort_keys=True))
    else:
        render(report, role=args.role, set_name=str(args.set_dir) if args.set_dir else None)
    return 0


if __name__ == "__main__":
    sys.exit(main())
