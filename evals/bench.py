"""One benchmark for every performance figure the issues name.

    python -m evals.bench [--json] [--quick]

Each figure is the median and p95 over repeated runs, with the machine's CPU count and Python version.
Targets: ingest+index 200 stories <= 10 s; unchanged re-ingest <= 0.5 s; search p95 <= 20 ms; critique p95 <= 30 ms
(relevance and signals included); offline turn p95 <= 50 ms (retrieval inside, no pause between answers); launch to
first question <= 1.5 s and to the prompt accepting input <= 1.0 s; LLM calls per answered turn <= 1; prompt tokens
per turn <= 3,000; fallback to offline within timeout + 1 s; agent.progress over 100 sessions <= 1 s; their page
<= 2 MB.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evals.bench_data import synthetic_story_bank

REPO = Path(__file__).resolve().parents[1]


def _stats(samples_s: list[float], target_s: float | None, unit: str = "ms", use: str = "p95") -> dict[str, Any]:
    """Median and p95 of timings given in seconds, reported in `unit`."""
    scale = 1000.0 if unit == "ms" else 1.0
    ordered = sorted(samples_s)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered) + 0.5) - 1))]
    out: dict[str, Any] = {
        "median": round(statistics.median(ordered) * scale, 2),
        "p95": round(p95 * scale, 2),
        "runs": len(ordered),
        "unit": unit,
    }
    if target_s is not None:
        out["target"] = round(target_s * scale, 2)
        out["ok"] = out[use] <= out["target"]
    return out


def _timed(fn: Callable[[], Any], runs: int) -> list[float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - start)
    return samples


def _each(items: list[Any], fn: Callable[[Any], Any]) -> list[float]:
    """The time of fn(item) for every item."""
    samples = []
    for item in items:
        start = time.perf_counter()
        fn(item)
        samples.append(time.perf_counter() - start)
    return samples


def bench_index(runs: int) -> dict[str, Any]:
    """Cold ingest + index of 200 stories of ~180 words, unchanged re-ingest, and search latency at 200 stories."""
    from knowledge.index import StoryIndex
    from knowledge.ingest import ingest_paths

    figures: dict[str, Any] = {}
    saved = os.environ.get("INTERVIEWER_DATA_DIR")
    with tempfile.TemporaryDirectory() as tmp:
        docs = synthetic_story_bank(Path(tmp) / "docs", stories=200)
        cold: list[float] = []
        for i in range(runs):
            index_dir = Path(tmp) / f"index-{i}"
            # Cold means cold: a fresh data dir, so no cached ingest result or model check helps.
            os.environ["INTERVIEWER_DATA_DIR"] = str(Path(tmp) / f"data-{i}")
            start = time.perf_counter()
            stories = ingest_paths([docs]).stories
            index = StoryIndex.open(stories, index_dir=index_dir, embedder="minilm")
            cold.append(time.perf_counter() - start)
        figures["ingest_index_200_stories"] = _stats(cold, 10.0, unit="s", use="median")
        figures["ingest_index_200_stories"]["stories"] = len(stories)
        # Realistic length, as users write them (the target is stated for stories of about 180 words).
        words = round(statistics.mean(len(s.text.split()) for s in stories)) if stories else 0
        figures["ingest_index_200_stories"]["words_per_story"] = words
        figures["ingest_index_200_stories"]["vectors"] = index.embedded

        os.environ["INTERVIEWER_DATA_DIR"] = str(Path(tmp) / "data-0")

        def reopen() -> None:
            StoryIndex.open(ingest_paths([docs]).stories, index_dir=Path(tmp) / "index-0", embedder="minilm")

        figures["unchanged_reingest"] = _stats(_timed(reopen, runs * 3), 0.5, unit="s")
        verbs = ("cut cloud costs", "handled an outage", "hired a team", "disagreed with a peer",
                 "shipped under a deadline", "migrated a data platform", "built an evaluation harness",
                 "missed a goal", "mentored an engineer", "chose a vendor")
        frames = ("Tell me about a time you {}.", "Describe how you {}.", "Walk me through when you {} recently.",
                  "What happened when you {}?", "Give me an example where you {} under pressure.")
        # Distinct queries, so no query embedding is ever reused from a cache.
        queries = [f.format(v) for f in frames for v in verbs] * max(1, runs // 2)
        queries = [f"{q} (case {i})" for i, q in enumerate(queries)]
        index.search("warm up the model")
        figures["search"] = _stats(_each(queries, lambda q: index.search(q, k=3)), 0.020)
    if saved is None:
        os.environ.pop("INTERVIEWER_DATA_DIR", None)
    else:
        os.environ["INTERVIEWER_DATA_DIR"] = saved
    return figures


def bench_critique(runs: int) -> dict[str, Any]:
    """Offline critique latency over the labelled answers, each question placed in its role pack (relevance and
    signals run, as in a session)."""
    from agent.critic import critique_answer
    from agent.critic.question import question_info
    from evals.labels import load_labeled

    items = [(it, question_info(it.question, it.question_type, None, it.role, None, it.question_id))
             for it in load_labeled() if it.question_id] * runs  # fmt: skip
    samples = _each(items, lambda p: critique_answer(p[0].question, p[0].question_type, p[0].answer, info=p[1]))
    return {"critique": _stats(samples, 0.030), "critique_after_typing": _after_typing(items)}


def _after_typing(items: list[Any]) -> dict[str, Any]:
    """The same critiques after Enter when the answer was typed in the terminal prompt: its finished sentences were
    embedded while it was typed (agent.typing_ahead), the last one is embedded after Enter. No target: the bar is
    the critique above, which embeds every sentence after Enter (a pasted answer submitted at once)."""
    from agent.critic import critique_answer
    from agent.critic.semantic import semantic
    from agent.typing_ahead import draft_sentences

    samples = []
    try:
        for item, info in items:
            answer = item.answer.rstrip()
            semantic().ahead(draft_sentences(answer[: max(1, len(answer) - 12)]))  # typed up to near its end
            start = time.perf_counter()
            critique_answer(item.question, item.question_type, item.answer, info=info)
            samples.append(time.perf_counter() - start)
    finally:
        semantic().clear_ahead()  # the turns below are timed as sent at once, with nothing embedded ahead
    return _stats(samples, None)


def turn_answers(items: list[Any] | None = None) -> list[str]:
    """Answers of the length candidates type (the labelled strong answers, about 100-200 words), of `items` (labelled
    items already loaded) or of the labelled set."""
    from evals.labels import load_labeled

    chosen = load_labeled() if items is None else items
    return [it.answer for it in chosen if it.style == "strong" and 90 <= len(it.answer.split()) <= 220]


def bench_turns(turns: int = 20) -> dict[str, Any]:
    """Offline turn latency: answer submitted -> critique + follow-up (or next question, its stories retrieved)
    ready, over a scripted session on the sample bank (MiniLM, SqliteSaver), answers sent back to back."""
    from agent.checkpoint import open_checkpointer
    from agent.context import Context
    from agent.driver import InterviewDriver

    answers = turn_answers()
    context = Context(role="director", questions=turns, follow_ups=1, seed=1, offline=True)
    saver = open_checkpointer()
    driver = InterviewDriver(context, checkpointer=saver)
    step = driver.start()
    step = driver.submit(answers[0])  # warm: model load and first index open are launch costs, not turn costs
    samples: list[float] = []
    i = 1
    while step.kind != "done" and len(samples) < turns:
        start = time.perf_counter()
        step = driver.submit(answers[i % len(answers)])
        samples.append(time.perf_counter() - start)
        i += 1
    saver.conn.close()
    return {"offline_turn": _stats(samples, 0.050)}


def bench_first_question(runs: int) -> dict[str, Any]:
    """Launch of `python -m agent.session --role director` on a terminal: first question on screen, and the
    prompt accepting input (evals/bench_launch.py)."""
    from evals.bench_launch import launch_times

    on_screen, accepts = launch_times(runs)
    return {
        "launch_to_first_question": _stats(on_screen, 1.5, unit="s"),
        "launch_to_prompt_accepts_input": _stats(accepts, 1.0, unit="s"),
    }


def bench_llm() -> dict[str, Any]:
    """LLM-mode figures against the local stub server."""
    from evals.llm_bench import run_llm_bench

    return {"llm": run_llm_bench()}


def main(argv: list[str] | None = None) -> int:
    """CLI entry point."""
    parser = argparse.ArgumentParser(prog="python -m evals.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--quick", action="store_true", help="fewer repetitions")
    args = parser.parse_args(argv)
    runs = 2 if args.quick else 5
    report: dict[str, Any] = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
    }
    from evals.bench_coaching import bench_coaching

    for part in (lambda: bench_index(runs), lambda: bench_critique(runs), bench_turns,
                 lambda: bench_first_question(runs), lambda: bench_coaching(runs, _stats), bench_llm):
        report.update(part())
    report["machine"]["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    if args.json:
        print(json.dumps(report, indent=1))
    else:
        _print(report)
    return 0


def _print(report: dict[str, Any]) -> None:
    from rich.console import Console
    from rich.table import Table

    machine = report.pop("machine")
    table = Table(title=f"benchmark: {machine['cpus']} CPUs, Python {machine['python']}, "
                        f"peak RSS {machine['peak_rss_mb']} MB")
    for col in ("figure", "median", "p95", "target", "ok"):
        table.add_column(col)
    llm = report.pop("llm", {})
    for name, fig in report.items():
        table.add_row(name, f"{fig['median']} {fig['unit']}", f"{fig['p95']} {fig['unit']}",
                      f"{fig.get('target', '-')} {fig['unit']}", str(fig.get("ok", "-")))
    for name, value in llm.items():
        table.add_row(f"llm.{name}", str(value), "", "", "")
    Console().print(table)


if __name__ == "__main__":
    sys.exit(main())
