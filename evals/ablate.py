"""Ablation: which cue entries earn their place? Remove each in turn and count the labelled judgments it changes.

    python -m evals.ablate [--json] [--role R]

A cue entry is one line of a cue list kept as data (today: the `level` cues of each role pack, with its slice cues,
each with an example sentence). For every entry, the critic re-judges the tuned labelled set without it; an entry
that changes no judgment (score, relevance, level, primary gap) is listed as idle. Exit 0; the report is the point.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from typing import Any

from evals.labels import LabeledItem, load_labeled


def _memoise_vectors() -> None:
    """Answers do not change between runs: embed each sentence list once."""
    from agent.critic.semantic import Semantic

    original = Semantic.vectors
    memo: dict[tuple[int, tuple[str, ...]], Any] = {}

    def vectors(self: Semantic, texts: Sequence[str]) -> Any:
        key = (id(self), tuple(texts))  # per model: a short follow-up reply is also embedded with MiniLM
        if key not in memo:
            memo[key] = original(self, texts)
        return memo[key]

    Semantic.vectors = vectors  # type: ignore[method-assign]


def _judgments(items: Sequence[LabeledItem]) -> dict[str, tuple[Any, ...]]:
    from evals.calibrate import default_judge

    judge = default_judge()
    out = {}
    for item in items:
        c, follow = judge(item)
        out[item.id] = (c.score, c.relevance, c.level, c.primary_gap, tuple(f.score for f in follow))
    return out


def ablate(items: Sequence[LabeledItem]) -> list[dict[str, Any]]:
    """One row per cue entry: where it lives, its pattern, and how many judgments change without it."""
    from agent.critic.question import _pack

    _memoise_vectors()
    base = _judgments(items)
    rows: list[dict[str, Any]] = []
    for role in sorted({i.role for i in items}):
        pack = _pack(role)
        if pack is None or pack.level is None:
            continue
        mine = [i for i in items if i.role == role]
        for side in ("at", "below", "led_by_other", "given_part", "entry"):
            cues = getattr(pack.level, side)
            for k in range(len(cues)):
                removed = cues.pop(k)
                try:
                    now = _judgments(mine)
                finally:
                    cues.insert(k, removed)
                changed = [i.id for i in mine if now[i.id] != base[i.id]]
                rows.append({"where": f"{role}.level.{side}[{k}]", "pattern": removed.pattern,
                             "example": removed.example, "changes": len(changed), "items": changed[:5]})  # fmt: skip
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point."""
    parser = argparse.ArgumentParser(prog="python -m evals.ablate", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--role")
    args = parser.parse_args(argv)
    rows = ablate(load_labeled(role=args.role))
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    idle = [r for r in rows if r["changes"] == 0]
    for r in rows:
        print(f"{r['changes']:4d}  {r['where']:45s}  {r['example']}")
    print(f"{len(idle)} of {len(rows)} cue entries change no labelled judgment")
    return 0


if __name__ == "__main__":
    sys.exit(main())
