"""Agreement statistics for calibration: precision/recall/F1, accuracy and macro-F1, and plain rates."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any


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
    return {"accuracy": accuracy, "macro_f1": macro, "per_class": per_class, "n": len(labels)}


def rate(hits: Sequence[bool]) -> float:
    """The share of true values (0.0 for none)."""
    return sum(1 for h in hits if h) / len(hits) if hits else 0.0
