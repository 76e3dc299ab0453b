"""`python -m evals.load --server URL`: the same load through a running LangGraph Server, via langgraph-sdk.

Each user is one thread (metadata user_id = the user) started with `context={role, questions, follow_ups: 0,
seed, offline: true}`; a turn is timed from sending the answer (runs.create with Command(resume=...)) until the
run has finished and the next question is in the thread's state, as a client sees it. Afterwards every thread's
state is read back through the server and checked for lost and crossed answers. With `--spawn-server` the
benchmark starts `langgraph dev` itself (evals.langgraph_dev) and also reports the server's CPU per turn.
Every request signs in (agent.service_auth): with INTERVIEWER_TOKEN set, as that token; with the server's
INTERVIEWER_AUTH_SECRET in this environment, as the user `evals-load`; else with a random token of its own.
"""

from __future__ import annotations

import asyncio
import os
import random
import secrets
import time
from pathlib import Path
from typing import Any

CPU_NOTE = ("the server's CPU is not measured with --server (a server this tool did not start: read it on the server's "
            "host); --spawn-server measures it")  # fmt: skip


async def _user(client: Any, user: int, args: dict[str, Any], out: dict[str, Any]) -> None:
    from evals.load_answers import answer

    await asyncio.sleep(random.Random(user).uniform(0, max(args["think"], 0.05)))
    context = {"role": args["role"], "questions": args["turns"], "follow_ups": 0, "seed": user + 1, "offline": True}
    try:
        thread = await client.threads.create(metadata={"user_id": f"load-user-{user}"})
        thread_id = thread["thread_id"]
        out["threads"][user] = thread_id
        values = await client.runs.wait(thread_id, "interviewer", input={"candidate_questions": []}, context=context)
        plan = [q.get("id") for q in (values or {}).get("plan", [])] if isinstance(values, dict) else []
        for turn in range(args["turns"]):
            await asyncio.sleep(args["think"])
            asked = plan[turn] if turn < len(plan) else None  # no follow-ups: turn t answers the plan's question t
            text = answer(user, turn, args.get("answers", "labelled"), args["role"], asked)
            out["sent"].setdefault(user, []).append(text)
            began = time.perf_counter()
            command = {"resume": {"kind": "answer", "text": text}}
            run = await client.runs.create(thread_id, "interviewer", command=command, context=context)
            await client.runs.join(thread_id, run["run_id"])
            out["latencies"].append(time.perf_counter() - began)
            done = await client.runs.get(thread_id, run["run_id"])
            if done["status"] != "success":
                raise RuntimeError(f"run {done['status']}")
    except Exception as exc:  # counted and reported, never hidden
        out["errors"].append(f"user {user}: {type(exc).__name__}: {exc}"[:300])


async def _read_back(client: Any, threads: dict[int, str]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for user, thread_id in threads.items():
        state = await client.threads.get_state(thread_id)
        found[user] = [t["answer"] for t in (state.get("values") or {}).get("turns", [])]
    return found


def _group_cpu(pgid: int | None) -> float | None:
    """CPU seconds used so far by every process of the server's process group (Linux /proc)."""
    if pgid is None:
        return None
    total = 0.0
    tick = os.sysconf("SC_CLK_TCK")
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == pgid:  # fields after the name: state, ppid, pgrp, ...
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _token() -> str:
    from agent.service_auth import SECRET_ENV, issue

    if token := os.environ.get("INTERVIEWER_TOKEN"):
        return token
    if secret := os.environ.get(SECRET_ENV):
        return issue("evals-load", secret)
    return f"evals-load-{secrets.token_hex(16)}"


async def _run(url: str, args: dict[str, Any], pgid: int | None) -> dict[str, Any]:
    from langgraph_sdk import get_client

    client = get_client(url=url, headers={"Authorization": f"Bearer {_token()}"})
    out: dict[str, Any] = {"threads": {}, "latencies": [], "errors": [], "sent": {}}
    cpu0 = _group_cpu(pgid)
    began = time.perf_counter()
    await asyncio.gather(*(_user(client, u, args, out) for u in range(args["users"])))
    wall = time.perf_counter() - began
    cpu1 = _group_cpu(pgid)
    out["found"] = await _read_back(client, out["threads"])
    out["wall"] = wall
    out["cpu"] = None if cpu0 is None or cpu1 is None else cpu1 - cpu0
    return out


def run_server(url: str, args: dict[str, Any], pgid: int | None = None, label: str | None = None) -> dict[str, Any]:
    """Run every user against a LangGraph Server at `url`; the same figures as evals.load.run_backend."""
    from evals.load import missing, percentile
    from evals.load_answers import warm

    warm(args.get("answers", "labelled"))  # the labelled files parsed before the users start, not in a turn
    out = asyncio.run(_run(url, args, pgid))
    lat = sorted(out["latencies"])
    lost = crossed = 0
    for user, answers in out["found"].items():
        lost += missing(out["sent"].get(user, []), answers, args["turns"])
        crossed += sum(1 for a in answers if not a.startswith(f"[u{user}t"))
    lost += sum(args["turns"] for u in range(args["users"]) if u not in out["found"])  # never even started
    turns = len(lat)
    return {
        "checkpointer": label or f"server {url}", "users": args["users"], "turns_per_user": args["turns"],
        "think_s": args["think"], "workers": "server", "turns": turns, "wall_s": round(out["wall"], 2),
        "turns_per_s": round(turns / out["wall"], 1) if out["wall"] else 0.0,
        "p50_ms": round(percentile(lat, 0.50) * 1000, 1) if lat else None,
        "p95_ms": round(percentile(lat, 0.95) * 1000, 1) if lat else None,
        "cpu_ms_per_turn": round(out["cpu"] / turns * 1000, 1) if turns and out["cpu"] is not None else None,
        "errors": len(out["errors"]), "lost": lost, "crossed": crossed,
        "first_errors": out["errors"][:3],
        **({} if out["cpu"] is not None else {"cpu_note": CPU_NOTE}),
    }  # fmt: skip


def spawn_and_run(checkpointer: str, args: dict[str, Any], data_dir: str) -> dict[str, Any]:
    """Start `langgraph dev` with this checkpointer (sqlite / postgresql://... / memory:), run, stop it."""
    from evals.langgraph_dev import langgraph_dev_process

    env = {"INTERVIEWER_DATA_DIR": data_dir, "INTERVIEWER_CHECKPOINTER": checkpointer, "INTERVIEWER_OFFLINE": "1",
           "INTERVIEWER_EMBEDDER": args["embedder"]}  # fmt: skip
    with langgraph_dev_process(env, jobs=max(10, args["users"])) as (url, pgid):
        label = "server+" + ("sqlite" if checkpointer.endswith(".sqlite") else checkpointer.split("@")[-1])
        return run_server(url, args, pgid, label)
