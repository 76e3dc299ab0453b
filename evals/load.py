"""Load benchmark: many concurrent interviews through the real driver, then every thread read back and checked.

    python -m evals.load --users 200 --turns 5 --think 2 --checkpointer postgresql://... [--workers 2] [--json]
    python -m evals.load --users 50 --turns 5 --think 0 --checkpointer sqlite --checkpointer postgresql://...

Each user is one InterviewDriver (offline critic, the real story index and embedder, follow-ups off so a turn
is one answer) in a thread of a worker process; users start spread over the first think period. A user's answer
(evals.load_answers: one labelled for the question asked where the labelled set has one) is typed while it thinks;
a turn is timed from submit() to the next question being ready. Afterwards every thread is read back from the
checkpointer: an answer missing from its thread is *lost*, one found in another user's thread is *crossed*.
Reported per backend: turns/s, turn p50/p95 (nearest rank over the `turns` timed turns: the sample size), CPU ms
per turn (all workers), errors, lost, crossed, peak RSS. Sizes below 1 (--users, --turns, --workers), a negative
--think, a --checkpointer of another kind, and a Postgres that cannot be reached or refuses the database or role
stop at once with one line (exit 2), before any worker starts.
`--checkpointer sqlite` means a fresh SQLite file in a temp data dir; several --checkpointer run one after another.

    --stories N      every user has an own bank of N stories (~180 words): N-story indexes, one per user
    --builder N      another candidate's N-story index is built while the users answer; reports the build time and
                     the p95 of the turns that overlapped it
    --server URL     the users drive a running LangGraph Server through langgraph-sdk (evals.load_server)
    --spawn-server   start `langgraph dev` for each --checkpointer and drive it through langgraph-sdk
    --phases         time each turn's phases (evals.load_phases; the driver path): the slowest 5% of turns
                     against the median band, wall and thread CPU per phase; and the saver calls, pooled
                     connections and SQL statements per turn
"""

from __future__ import annotations

import argparse
import json
import math
import multiprocessing as mp
import os
import random
import resource
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

from evals.load_answers import answer, warm


def percentile(ordered: list[float], share: float) -> float:
    """The nearest-rank percentile of a sorted sample: a value of the sample, so p50 <= p95 for any sample (the
    median of two turns is their mean, which could lie above the p95 index's turn)."""
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def missing(sent: list[str], found: list[str], turns: int) -> int:
    """Lost answers of one user: those sent that its thread does not hold, and the turns it never sent."""
    return sum(1 for a in sent if a not in found) + max(0, turns - len(sent))


def _user(url: str, user: int, args: dict[str, Any], out: dict[str, Any]) -> None:
    from agent.backend import open_backend
    from agent.context import Context
    from agent.driver import InterviewDriver

    phases = _phases(args)
    time.sleep(random.Random(user).uniform(0, max(args["think"], 0.05)))  # arrivals spread, not a herd
    try:
        backend = out["backend"] or open_backend(url)
        out["backend"] = backend
        own = user_bank(args, user)  # the user's own story bank, or the sample bank
        ctx = Context(role=args["role"], questions=args["turns"], follow_ups=0, seed=user + 1, offline=True,
                      embedder=args["embedder"], docs=[str(own)] if own else [],
                      index_dir=str(own.with_name(own.name + "-index")) if own else None)  # fmt: skip
        driver = InterviewDriver(ctx, checkpointer=backend)
        out["threads"][user] = driver.thread_id
        step = driver.start()
        for turn in range(args["turns"]):
            time.sleep(args["think"])
            # typed while the user thinks: not part of the turn (the server only receives it)
            text = answer(user, turn, args["answers"], args["role"], step.question_id)
            out["sent"].setdefault(user, []).append(text)
            timing = phases.begin() if phases else None
            began, wall = time.perf_counter(), time.time()
            step = driver.submit(text)
            out["latencies"].append(time.perf_counter() - began)
            if phases:
                out["phases"].append((out["latencies"][-1], phases.end(timing)))
            out["spans"].append((wall, time.time()))
        driver.close()
    except Exception as exc:  # counted and reported, never hidden
        out["errors"].append(f"user {user}: {type(exc).__name__}: {exc}"[:300])


def _worker(url: str, users: list[int], args: dict[str, Any], queue: Any) -> None:
    """One process: its users in threads on one shared backend (as a server worker would run them)."""
    if url != "memory:" and not url.startswith(("postgresql://", "postgres://")):
        os.environ["INTERVIEWER_CHECKPOINTER"] = url
    from agent.backend import open_backend

    shared: dict[str, Any] = {"backend": open_backend(url), "threads": {}, "latencies": [], "spans": [],
                              "errors": [], "build": None, "phases": [], "sent": {}}  # fmt: skip
    if phases := _phases(args):
        phases.install(shared["backend"])
    _warm_up(args)  # a server worker is warm before candidates arrive: not part of any turn
    cpu0 = resource.getrusage(resource.RUSAGE_SELF)
    threads = [threading.Thread(target=_user, args=(url, u, args, shared)) for u in users]
    if args["builder"] and users and users[0] == 0:  # one worker also hosts the candidate whose bank is built
        threads.append(threading.Thread(target=_builder, args=(args, shared)))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    cpu1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    found = _read_back(shared["backend"], shared["threads"])
    queue.put({"threads": shared["threads"], "latencies": shared["latencies"], "spans": shared["spans"],
               "errors": shared["errors"], "build": shared["build"], "cpu": cpu, "rss_mb": cpu1.ru_maxrss / 1024,
               "found": found, "phases": shared["phases"], "sent": shared["sent"]})  # fmt: skip


def _phases(args: dict[str, Any]) -> Any:
    """evals.load_phases when --phases is given, else None."""
    if not args.get("phases"):
        return None
    from evals import load_phases

    return load_phases


def user_bank(args: dict[str, Any], user: int) -> Path | None:
    """User `user`'s own --stories story bank (written by main() before the workers start)."""
    return Path(args["banks"]) / f"user{user}" if args["stories"] else None


def _builder(args: dict[str, Any], out: dict[str, Any]) -> None:
    """Another candidate arrives with a big bank: their index is ingested and embedded while the users answer."""
    from agent.context import Context
    from agent.nodes.retrieve import story_index

    time.sleep(max(args["think"], 0.5))  # the users are mid-interview when it starts
    folder = Path(args["banks"]) / "builder"
    ctx = Context(docs=[str(folder)], index_dir=str(folder.with_name("builder-index")), embedder=args["embedder"])
    began = time.time()
    try:
        story_index(ctx)
    except Exception as exc:
        out["errors"].append(f"builder: {type(exc).__name__}: {exc}"[:300])
    out["build"] = (began, time.time())


def _warm_up(args: dict[str, Any]) -> None:
    from agent.context import Context
    from agent.nodes.critique import warm_up
    from agent.nodes.retrieve import open_index, search_stories

    ctx = Context(role=args["role"], offline=True, embedder=args["embedder"])
    warm(args["answers"])
    warm_up(ctx)
    open_index(ctx).result()
    search_stories(ctx, "Tell me about a time you changed a plan.", None)


def _read_back(backend: Any, threads: dict[int, str]) -> dict[int, list[str]]:
    from agent.graph import compile_graph

    graph = compile_graph(backend.saver)
    found: dict[int, list[str]] = {}
    for user, thread_id in threads.items():
        values = graph.get_state({"configurable": {"thread_id": thread_id}}).values or {}
        found[user] = [t["answer"] for t in values.get("turns", [])]
    return found


def run_backend(url: str, args: dict[str, Any]) -> dict[str, Any]:
    """Run every user against one backend; return the figures."""
    workers = max(1, min(args["workers"], args["users"]))
    groups = [list(range(w, args["users"], workers)) for w in range(workers)]
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    began = time.perf_counter()
    procs = [ctx.Process(target=_worker, args=(url, g, args, queue)) for g in groups]
    for p in procs:
        p.start()
    results = _collect(queue, procs)
    wall = time.perf_counter() - began
    lat = sorted(x for r in results for x in r["latencies"])
    build = next((r["build"] for r in results if r["build"]), None)
    during = sorted(
        end - start for r in results for start, end in r["spans"] if build and start < build[1] and end > build[0]
    )
    lost = crossed = 0
    for r in results:
        for user, answers in r["found"].items():
            lost += missing(r["sent"].get(user, []), answers, args["turns"])
            crossed += sum(1 for a in answers if not a.startswith(f"[u{user}t"))
    reported = {user for r in results for user in r["found"]}
    lost += sum(args["turns"] for user in range(args["users"]) if user not in reported)  # never read back
    turns = len(lat)
    return {
        "checkpointer": "sqlite" if url.endswith(".sqlite") else url.split("@")[-1] if "@" in url else url,
        "users": args["users"], "turns_per_user": args["turns"], "think_s": args["think"], "workers": workers,
        "answers": args["answers"],
        "turns": turns, "wall_s": round(wall, 2), "turns_per_s": round(turns / wall, 1) if wall else 0.0,
        "p50_ms": round(percentile(lat, 0.50) * 1000, 1) if lat else None,
        "p95_ms": round(percentile(lat, 0.95) * 1000, 1) if lat else None,
        "cpu_ms_per_turn": round(sum(r["cpu"] for r in results) / turns * 1000, 1) if turns else None,
        "errors": sum(len(r["errors"]) for r in results), "lost": lost, "crossed": crossed,
        "peak_rss_mb_per_worker": round(max(r["rss_mb"] for r in results), 1),
        **({"build_s": round(build[1] - build[0], 2), "turns_during_build": len(during),
            "p95_during_build_ms": round(percentile(during, 0.95) * 1000, 1) if during else None}
           if build else {}),
        **({"phases": _breakdown(results)} if args.get("phases") else {}),
        "first_errors": [e for r in results for e in r["errors"]][:3],
    }  # fmt: skip


def _breakdown(results: list[dict[str, Any]]) -> dict[str, Any]:
    from evals.load_phases import breakdown

    timed = [t for r in results for t in r.get("phases", [])]
    return breakdown([spent for _, spent in timed], [wall for wall, _ in timed])


def _collect(queue: Any, procs: list[Any]) -> list[dict[str, Any]]:
    """Every worker's figures; a worker that died without reporting is an error, not a hang."""
    import queue as queues

    results: list[dict[str, Any]] = []
    while len(results) < len(procs):
        try:
            results.append(queue.get(timeout=5))
        except queues.Empty:
            if all(not p.is_alive() for p in procs):
                break
    for p in procs:
        p.join()
    for p in procs[len(results) :] if len(results) < len(procs) else []:
        results.append({"threads": {}, "latencies": [], "spans": [], "build": None, "cpu": 0.0, "rss_mb": 0.0,
                        "found": {}, "sent": {},
                        "errors": [f"a worker process died (exit code {p.exitcode})"]})  # fmt: skip
    return results


def _at_least(low: float, kind: type = int) -> Any:
    """An argparse type: a number of `kind` no smaller than `low` (argparse says which option, in one line)."""

    def parse(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a {'whole ' if kind is int else ''}number: {text!r}") from None
        if value < low:
            raise argparse.ArgumentTypeError(f"must be at least {low} (got {text})")
        return value

    return parse


def _checkpointer(text: str) -> str:
    """An argparse type: `sqlite`, a file path (SQLite, as the terminal's backend takes it), or a URL of a kind the
    checkpointers open (agent.server_checkpointer); a URL of another kind (mysql://) is refused."""
    from agent.server_checkpointer import ACCEPTED, checkpointer_kind

    if not text.strip() or ("://" in text and checkpointer_kind(text) is None):
        raise argparse.ArgumentTypeError(f"{text[:80]!r} is not a checkpointer: give sqlite (a fresh file), {ACCEPTED}")
    return text


def _postgres_problem(url: str) -> str | None:
    """Why a postgresql:// --checkpointer cannot be used (one direct connection, at most 5 s), as the server says it
    (agent.server_checkpointer): a server that answers with FATAL refused the database or role; else None."""
    from agent.safe_text import redact_url, redact_urls
    from agent.server_checkpointer import CONNECT_TIMEOUT_S, checkpointer_kind

    if checkpointer_kind(url) != "postgres":
        return None
    import psycopg

    try:
        psycopg.connect(url, connect_timeout=CONNECT_TIMEOUT_S).close()
    except psycopg.Error as exc:
        reason = " ".join(str(exc).split()) or type(exc).__name__
        what = "refused the connection" if "FATAL:" in reason else "cannot be reached"
        return f"--checkpointer: the Postgres server of {redact_url(url)} {what} ({redact_urls(reason)[:300]})"
    return None


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m evals.load", description=__doc__.split("\n")[0])
    p.add_argument("--users", type=_at_least(1), default=20)
    p.add_argument("--turns", type=_at_least(1), default=5)
    p.add_argument("--think", type=_at_least(0, float), default=2.0, help="seconds between a question and the answer")
    p.add_argument("--answers", choices=("labelled", "template"), default="labelled",
                   help="labelled: 90-220 words, labelled for the question asked (default); template: 50 words")
    p.add_argument("--checkpointer", action="append", type=_checkpointer,
                   help="sqlite (a fresh file), a path, postgresql://..., memory:")  # fmt: skip
    p.add_argument("--workers", type=_at_least(1), default=os.cpu_count() or 1,
                   help="processes (default: one per core)")  # fmt: skip
    p.add_argument("--role", default="director")
    p.add_argument("--embedder", default="minilm")
    p.add_argument("--stories", type=_at_least(0), default=0,
                   help="each user has an own bank of N stories (~180 words)")  # fmt: skip
    p.add_argument("--builder", type=_at_least(0), default=0, help="another candidate's N-story index builds meanwhile")
    p.add_argument("--server", help="a running LangGraph Server's URL: drive it through langgraph-sdk")
    p.add_argument("--spawn-server", action="store_true", help="start `langgraph dev` per --checkpointer")
    p.add_argument("--phases", action="store_true",
                   help="time each turn's phases; report the slowest 5%% of turns against the median ones")  # fmt: skip
    p.add_argument("--json", action="store_true")
    ns = p.parse_args(argv)
    for url in [] if ns.server else ns.checkpointer or []:
        if problem := _postgres_problem(url):
            p.error(problem)  # one line, exit 2, before any worker starts (not 30 s of pool retries per worker)
    with tempfile.TemporaryDirectory(prefix="interviewer-load-") as tmp:
        args = {"users": ns.users, "turns": ns.turns, "think": ns.think, "workers": ns.workers, "role": ns.role,
                "embedder": ns.embedder, "stories": ns.stories, "builder": ns.builder, "banks": tmp,
                "phases": ns.phases, "answers": ns.answers}  # fmt: skip
        _write_banks(args)
        os.environ.setdefault("INTERVIEWER_DATA_DIR", tmp)  # history, reports and indexes of the fake users
        rows: list[dict[str, Any]] = []
        if ns.server:
            from evals.load_server import run_server

            rows.append(run_server(ns.server, args))
        for url in ns.checkpointer or ([] if ns.server else ["sqlite"]):
            target = str(Path(tmp) / f"load-{len(rows)}.sqlite") if url == "sqlite" else url
            if ns.spawn_server:
                from evals.load_server import spawn_and_run

                rows.append(spawn_and_run(target, args, str(Path(tmp) / f"server-{len(rows)}")))
            else:
                rows.append(run_backend(target, args))
    if ns.json:
        print(json.dumps(rows, indent=1))
    else:
        for row in rows:
            cpu = row["cpu_ms_per_turn"]
            shown = {**row, "cpu_ms_per_turn": cpu if cpu is not None else "not-measured"}
            print(" ".join(f"{k}={v}" for k, v in shown.items() if k not in ("first_errors", "cpu_note", "phases")))
            if row.get("phases"):
                print(_phase_table(row["phases"]))
            if note := row.get("cpu_note"):
                print(f"  note: {note}")
            for error in row["first_errors"]:
                print(f"  error: {error}")
    return 0 if all(r["errors"] == r["lost"] == r["crossed"] == 0 for r in rows) else 1


def _phase_table(phases: dict[str, Any]) -> str:
    """The --phases breakdown as a table: mean ms per turn, wall / thread CPU, slowest 5% against the median."""
    from evals.load_phases import PHASES

    slow, middle = phases["slowest_5pct"], phases["median_band"]
    lines = [f"  {'phase (ms per turn, wall / CPU)':<34}{'median band':>16}{'slowest 5%':>16}",
             f"  {'turn':<34}{middle['turn_ms']:>16}{slow['turn_ms']:>16}"]  # fmt: skip
    for phase in PHASES:
        if phase in slow or phase in middle:
            a, b = middle.get(phase, [0.0, 0.0]), slow.get(phase, [0.0, 0.0])
            lines.append(f"  {phase:<34}{f'{a[0]} / {a[1]}':>16}{f'{b[0]} / {b[1]}':>16}")
    if calls := phases.get("calls_per_turn"):
        lines.append("  calls per turn: " + ", ".join(f"{name} {count}" for name, count in calls.items()))
    return "\n".join(lines)


def _write_banks(args: dict[str, Any]) -> None:
    from evals.bench_data import synthetic_story_bank

    for user in range(args["users"] if args["stories"] else 0):
        synthetic_story_bank(Path(args["banks"]) / f"user{user}", stories=args["stories"], first=1000 * user)
    if args["builder"]:
        synthetic_story_bank(Path(args["banks"]) / "builder", stories=args["builder"], first=10**6)


if __name__ == "__main__":
    raise SystemExit(main())
