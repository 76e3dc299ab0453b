"""evals.determinism: fingerprints compared per embedder, and the differing fields named."""

from __future__ import annotations

import json
from pathlib import Path

from evals.determinism import compare, judge_all, load_items, what_differs

EVALS = Path(__file__).resolve().parents[1] / "evals"


def _print(score: int, gap: str) -> str:
    return json.dumps({"main": {"score": score, "gap": gap}, "replies": []}, sort_keys=True)


def test_an_answer_judged_differently_is_listed_with_its_conditions() -> None:
    runs = {
        "forward": {"a": _print(3, "result"), "b": _print(4, "action")},
        "threads": {"a": _print(2, "result"), "b": _print(4, "action")},
        "minilm": {"a": _print(4, "none"), "b": _print(5, "none")},  # another embedder: not compared with these
    }
    report = compare(runs)
    assert report["differing"] == 1
    assert report["by_answer"] == {"a": [["forward"], ["threads"]]}
    assert what_differs(runs["forward"]["a"], runs["threads"]["a"]) == ["main.score"]


def test_two_orders_in_one_process_give_the_same_fingerprints() -> None:
    items = load_items([next((EVALS / "critic_dev16").glob("*.yaml"))])[:6]
    assert compare({"forward": judge_all(items, "forward"), "reverse": judge_all(items, "reverse")})["differing"] == 0
