"""Time the story index on a synthetic bank: cold build, unchanged re-open, search latency.

    python -m knowledge.index_bench [--stories 200] [--queries 200] [--embedder minilm] [--json]

Writes N fictional STAR stories (generated from phrase lists, ~1 KB each, in the `## Story N:` shape) to a temp
folder, then measures, each time including ingest: the cold build (every story embedded), the unchanged re-open
(nothing embedded; also timed without ingest), the first search (ONNX session start + imports) and the
search latency over many questions.
Uses a temp data dir, so the user's index is never touched.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

SUBJECTS = [
    "the billing pipeline",
    "our feature store",
    "the search ranking service",
    "the data warehouse",
    "the model registry",
    "the mobile checkout",
    "the fraud scoring API",
    "the support copilot",
    "the recommendation batch job",
    "the event bus",
    "the GPU inference fleet",
    "the hiring loop",
]
PROBLEMS = [
    "kept breaking at month end",
    "was too slow for the launch",
    "cost twice the budget",
    "had no clear owner",
    "lost data during deploys",
    "was blocking three product teams",
    "failed its reliability target",
    "confused new engineers",
]
ACTIONS = [
    "wrote a one-page proposal and reviewed it with every lead",
    "split the work into four milestones",
    "added contract tests and a canary stage",
    "moved the batch work to spot capacity",
    "paired a senior engineer with the new owner",
    "ran a two-week bake-off on our own data",
    "set up a weekly review with finance",
    "rewrote the on-call runbook with the team",
]
RESULTS = [
    "incidents fell from {a} a month to {b}",
    "p95 latency dropped from {a}00 ms to {b}0 ms",
    "spend went down {a}{b}% in a quarter",
    "lead time fell from {a}{b} days to {b}",
    "adoption grew from {a} teams to {a}{b}",
]


def write_bank(folder: Path, count: int, seed: int = 7) -> list[str]:
    """Write `count` stories over a few files; return some interview-style questions about them."""
    rng = random.Random(seed)
    questions: list[str] = []
    per_file = 25
    for start in range(0, count, per_file):
        lines = ["# Story bank", ""]
        for n in range(start, min(count, start + per_file)):
            subject, problem = rng.choice(SUBJECTS), rng.choice(PROBLEMS)
            action, other = rng.sample(ACTIONS, 2)
            result = rng.choice(RESULTS).format(a=rng.randint(2, 9), b=rng.randint(1, 9))
            lines += [
                f"## Story {n + 1}: {subject.capitalize()} {problem.split()[0]} {n + 1}",
                "",
                f"**Situation:** In my second year as a manager, {subject} {problem}, and every week it got "
                f"worse for the people who depended on it. The team had tried small fixes without a plan.",
                "",
                f"**Task:** I owned the outcome and had to fix it within one quarter without stopping the roadmap "
                f"or burning out the {rng.randint(4, 12)} engineers who supported it.",
                "",
                f"**Action:** I {action}. Then I {other}, and I kept a written decision log so people who joined "
                f"late could see why we chose this path over the alternatives we had rejected.",
                "",
                f"**Result:** Within {rng.randint(4, 12)} weeks {result}. The approach became the template "
                f"for two other teams, and I would start the stakeholder review earlier next time.",
                "",
            ]
            questions.append(f"Tell me about a time {subject} {problem}. What did you do?")
        (folder / f"bank-{start // per_file + 1:02d}.md").write_text("\n".join(lines), encoding="utf-8")
    return questions


def run(count: int, queries: int, embedder: str) -> dict[str, Any]:
    """Measure everything in a temp dir; returns the figures in ms."""
    from knowledge.index import StoryIndex, open_story_index
    from knowledge.ingest import ingest_paths

    with tempfile.TemporaryDirectory() as tmp:
        os.environ["INTERVIEWER_DATA_DIR"] = str(Path(tmp) / "data")
        docs = Path(tmp) / "docs"
        docs.mkdir()
        questions = write_bank(docs, count)
        t0, c0 = time.perf_counter(), time.process_time()
        cold = open_story_index([docs], embedder=embedder)
        t1, c1 = time.perf_counter(), time.process_time()
        reopen_times, open_times = [], []
        for _ in range(5):
            start = time.perf_counter()
            result = ingest_paths([docs])
            mid = time.perf_counter()
            warm = StoryIndex.open(result.stories, embedder=embedder)
            reopen_times.append(time.perf_counter() - start)
            open_times.append(time.perf_counter() - mid)
        t2 = time.perf_counter()
        warm.search(questions[0])
        first_search = time.perf_counter() - t2
        wall, cpu = [], []
        for i in range(queries):
            w, c = time.perf_counter(), time.process_time()
            warm.search(questions[i % len(questions)], k=3)
            wall.append(time.perf_counter() - w)
            cpu.append(time.process_time() - c)
    wall.sort()
    cpu.sort()
    return {
        "embedder": warm.embedder_name,
        "stories": len(cold.stories),
        "cold_build_ms": round(1000 * (t1 - t0)),
        "cold_build_cpu_ms": round(1000 * (c1 - c0)),  # all threads; wall ~ cpu / cores on an idle machine
        "stories_embedded_cold": cold.embedded,
        "reopen_ms_median": round(1000 * statistics.median(reopen_times)),
        "reopen_ms_max": round(1000 * max(reopen_times)),
        "reopen_index_only_ms_median": round(1000 * statistics.median(open_times)),
        "stories_embedded_reopen": warm.embedded,
        "first_search_ms": round(1000 * first_search),
        "search_ms_p50": round(1000 * wall[len(wall) // 2], 2),
        "search_ms_p95": round(1000 * wall[int(0.95 * len(wall))], 2),
        "search_cpu_ms_p95": round(1000 * cpu[int(0.95 * len(cpu))], 2),
    }


def main(argv: Sequence[str] | None = None) -> int:
    """CLI entry point."""
    parser = argparse.ArgumentParser(prog="python -m knowledge.index_bench", description=__doc__.split("\n")[0])
    parser.add_argument("--stories", type=int, default=200)
    parser.add_argument("--queries", type=int, default=200)
    parser.add_argument("--embedder", default="minilm", choices=("minilm", "hashing", "bm25"))
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.stories < 1 or args.queries < 1:
        parser.error("--stories and --queries must be at least 1")
    figures = run(args.stories, args.queries, args.embedder)
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            print(f"{key:>24}: {value}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
