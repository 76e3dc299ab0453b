"""Replay eval transcripts through the real interviewer graph and check every expectation.

    python -m evals.run [PATH...] [--json] [--llm-stub]

Exit 0 when every check passes, 1 when any expectation fails, 2 on an invalid transcript file.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from evals.checks import check_turn
from evals.transcript import Transcript, TranscriptError, find_transcripts, load_transcript

TRANSCRIPTS_DIR = Path(__file__).resolve().parent / "transcripts"


def replay(transcript: Transcript, *, llm: dict[str, Any] | None = None) -> Iterator[dict[str, Any]]:
    """Drive one transcript through the graph; yield one result object per turn (the --json contract)."""
    from langgraph.checkpoint.memory import InMemorySaver

    from agent.context import Context
    from agent.driver import InterviewDriver

    base = Path(transcript.path).parent
    docs = [str((base / d).resolve()) if not Path(d).is_absolute() else d for d in transcript.docs]
    role = transcript.role
    if role.endswith((".yaml", ".yml")) and not Path(role).is_absolute():
        role = str((base / role).resolve())
    questions = transcript.main_questions()
    context = Context(
        role=role,
        questions=len(questions),
        follow_ups=transcript.follow_ups,
        seed=0,
        docs=docs,
        fixed_questions=questions,
        **(llm or {"offline": True}),
    )
    driver = InterviewDriver(context, checkpointer=InMemorySaver())
    step = driver.start()
    by_question: dict[int, list[dict[str, Any]]] = {}
    for number, turn in enumerate(transcript.turns, start=1):
        problem = ""
        if turn.follow_up and step.kind != "follow_up":
            problem = f"expected a follow-up to answer, the interviewer asked a {step.kind}"
        elif not turn.follow_up:
            while step.kind == "follow_up":  # the transcript moves on without answering the follow-up
                step = driver.skip()
        if step.kind == "done":
            yield _result(transcript, number, turn.question or "", None, [_failed("turn", "a question", "done")])
            return
        asked = step.question or step.text
        step = driver.submit(turn.answer)
        record: dict[str, Any] = dict(step.last or {})
        by_question.setdefault(int(record.get("question_index", -1)), []).append(record)
        record["question_score"] = _question_score(by_question.get(int(record.get("question_index", -1)), []))
        checks = check_turn(turn.expect, record, step)
        if problem:
            checks.insert(0, _failed("follow_up_turn", "a pending follow-up", problem))
        yield _result(transcript, number, asked, record, checks, step)
    if step.kind != "done":
        driver.end()


def _question_score(records: list[dict[str, Any]]) -> int | None:
    """The question's combined score so far (first answer and follow-up answers, as the scorecard combines them)."""
    from agent.report import combined_score, follow_up_critiques

    main = next((r["critique"] for r in records if not r.get("is_follow_up") and r.get("critique")), None)
    follow = follow_up_critiques(records)
    return combined_score(main, follow) if main is not None else None


def _failed(name: str, expected: Any, got: Any) -> dict[str, Any]:
    return {"name": name, "passed": False, "expected": expected, "got": got}


def _story_note(note: dict[str, Any]) -> dict[str, Any]:
    """One note on the candidate's own stories, as the --json contract carries it."""
    fields = ("kind", "story_id", "notes_value", "said_value")
    return {k: note.get(k, "") for k in fields} | {"text": note.get("message", "")}


def _result(
    transcript: Transcript,
    number: int,
    question: str,
    record: dict[str, Any] | None,
    checks: list[dict[str, Any]],
    step: Any = None,
) -> dict[str, Any]:
    critique = (record or {}).get("critique") or {}
    follow_up = None
    if step is not None and step.kind == "follow_up":
        follow_up = {"text": step.text, "probes": ((record or {}).get("follow_up") or {}).get("probes", "none")}
    result: dict[str, Any] = {
        "transcript": transcript.name,
        "turn": number,
        "question": question,
        "critique": {
            "star": critique.get("star"),
            "quantified_result": critique.get("quantified_result"),
            "ownership": critique.get("ownership"),
            "specificity": critique.get("specificity"),
            "score": critique.get("score"),
            "gaps": critique.get("weak_or_missing", []),
            "relevance": critique.get("relevance"),
            "level": critique.get("level"),
            "signals": {k: (critique.get("signals") or {}).get(k, []) for k in ("covered", "missing")},
            "probes": critique.get("probes"),
            "closes_gap": critique.get("closes_gap"),
            "story_notes": [_story_note(n) for n in critique.get("story_notes", [])],
        },
        "question_score": (record or {}).get("question_score"),
        "follow_up": follow_up,
        "stories": [
            {"id": s["id"], "title": s["title"], "score": round(float(s["score"]), 4)}
            for s in (record or {}).get("stories", [])
        ],
        "checks": checks,
    }
    usage = (record or {}).get("usage")
    if usage:  # LLM mode only: what the model call did for this turn
        result["llm"] = {"calls": usage.get("calls", 0), "mode": usage.get("mode"), "notice": usage.get("notice")}
    return result


def run(paths: list[str], *, llm: dict[str, Any] | None = None) -> tuple[list[dict[str, Any]], list[str]]:
    """Load and replay transcripts; return (turn results, load errors)."""
    transcripts: list[Transcript] = []
    errors: list[str] = []
    names: dict[str, str] = {}
    for path in find_transcripts(paths):
        try:
            transcript = load_transcript(path)
        except TranscriptError as exc:
            errors.append(str(exc))
            continue
        if transcript.name in names:
            errors.append(f"{path}:1: duplicate transcript name {transcript.name!r} (also in {names[transcript.name]})")
            continue
        names[transcript.name] = str(path)
        transcripts.append(transcript)
    if errors:
        return [], errors
    results = [r for t in transcripts if not (llm and t.offline_only) for r in replay(t, llm=llm)]
    return results, []


def _print_scorecard(results: list[dict[str, Any]]) -> None:
    from rich.console import Console
    from rich.table import Table

    console = Console(highlight=False)
    table = Table(title="Eval transcripts")
    for col in ("transcript", "turns", "checks", "failed"):
        table.add_column(col)
    by_name: dict[str, list[dict[str, Any]]] = {}
    for r in results:
        by_name.setdefault(r["transcript"], []).append(r)
    for name, turns in by_name.items():
        checks = [c for t in turns for c in t["checks"]]
        failed = [f"t{t['turn']}:{c['name']} want {c['expected']} got {c['got']}" for t in turns for c in t["checks"]
                  if not c["passed"]]
        table.add_row(name, str(len(turns)), f"{len(checks) - len(failed)}/{len(checks)}", "\n".join(failed) or "-")
    console.print(table)
    all_checks = [c for r in results for c in r["checks"]]
    n_failed = sum(not c["passed"] for c in all_checks)
    console.print(f"transcripts: {len(by_name)}, turns: {len(results)}, checks: {len(all_checks)}")
    # The plain closing line CI reads, like pytest's.
    print(f"evals: {len(all_checks) - n_failed} passed, {n_failed} failed")


def _check_llm_path(results: list[dict[str, Any]]) -> None:
    """In LLM mode every answered main turn makes exactly one model call, with no fallback to offline; a follow-up
    answer is judged offline, on its own, with no call."""
    for r in results:
        llm = r.get("llm") or {}
        calls, notice = llm.get("calls", 0), llm.get("notice")
        if (r.get("critique") or {}).get("score") is None:
            continue  # no answer was judged in this turn (its own checks say why)
        if (r.get("critique") or {}).get("probes") is not None:
            r["checks"].append({"name": "llm.follow_up_offline", "passed": calls == 0,
                                "expected": "no call", "got": f"{calls} call(s)"})  # fmt: skip
            continue
        r["checks"].append({"name": "llm.one_call", "passed": calls == 1 and not notice,
                            "expected": "1 call, no fallback", "got": f"{calls} call(s); {notice or 'no notice'}"})


def main(argv: list[str] | None = None) -> int:
    """CLI entry point."""
    parser = argparse.ArgumentParser(prog="python -m evals.run", description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*", help="transcript files or folders (default: evals/transcripts)")
    parser.add_argument("--json", action="store_true", help="print one JSON object per turn (a JSON list)")
    parser.add_argument("--llm-stub", nargs="?", const="both", choices=("both", "faithful", "disagree"),
                        help="run in LLM mode against the local stub OpenAI-compatible server (no network): a faithful "
                        "model replaying the transcripts, then a disagreeing one whose claims reconciliation must "
                        "overrule or honour (default both)")
    args = parser.parse_args(argv)
    paths = args.paths or [str(TRANSCRIPTS_DIR)]
    # Replays get a data directory of their own: the user's question history must not steer planning (replays
    # stay deterministic) and replays must not add to that history.
    saved = os.environ.get("INTERVIEWER_DATA_DIR")
    with tempfile.TemporaryDirectory(prefix="interviewer-evals-") as tmp:
        os.environ["INTERVIEWER_DATA_DIR"] = tmp
        try:
            return _run_and_report(paths, args.json, args.llm_stub)
        finally:
            # The sessions' history summaries are written by a background thread: let it finish inside this data
            # dir, before the folder is removed and before a late write could land in the user's own data dir.
            from agent.coaching.record import flush_history

            flush_history()
            if saved is None:
                os.environ.pop("INTERVIEWER_DATA_DIR", None)
            else:
                os.environ["INTERVIEWER_DATA_DIR"] = saved


def _run_and_report(paths: list[str], as_json: bool, llm_stub: str | None) -> int:
    results: list[dict[str, Any]] = []
    errors: list[str] = []
    if llm_stub in ("both", "faithful"):
        from evals.llm_stub_mode import stub_llm_settings

        with stub_llm_settings() as llm:
            results, errors = run(paths, llm=llm)
    if llm_stub in ("both", "disagree") and not errors:
        from evals.llm_stub_mode import disagree_pass

        disagreeing, errors = disagree_pass(paths)
        results += disagreeing
    if not llm_stub:
        results, errors = run(paths)
    if errors:
        for error in errors:
            print(f"error: {error}", file=sys.stderr)
        return 2
    if llm_stub:
        _check_llm_path(results)
    if as_json:
        print(json.dumps(results, indent=1, sort_keys=True))
    else:
        _print_scorecard(results)
    return 1 if any(not c["passed"] for r in results for c in r["checks"]) else 0


if __name__ == "__main__":
    sys.exit(main())
