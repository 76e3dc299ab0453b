"""`python -m evals.load` as an operator runs it: nonsense sizes and a checkpointer of another kind stop at once with
one line (exit 2) before any worker starts, and a small run's p95 is never below its p50."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def load(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "evals.load", *args]
    return subprocess.run(command, cwd=tmp_path, capture_output=True, text=True, timeout=300)


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--users", "-3"], "--users: must be at least 1 (got -3)"),
        (["--turns", "0"], "--turns: must be at least 1 (got 0)"),
        (["--think", "-1"], "--think: must be at least 0 (got -1)"),
        (["--workers", "0"], "--workers: must be at least 1 (got 0)"),
        (["--checkpointer", "mysql://x"], "--checkpointer: 'mysql://x' is not a checkpointer: give sqlite"),
    ],
)
def test_a_nonsense_size_or_checkpointer_stops_at_once_with_one_line(
    args: list[str], said: str, tmp_path: Path
) -> None:
    done = load(tmp_path, "--checkpointer", "memory:", *args)
    assert done.returncode == 2 and done.stdout == ""
    [line] = [line for line in done.stderr.splitlines() if line.startswith("python -m evals.load: error:")]
    assert said in line and "Traceback" not in done.stderr and "read-only" not in done.stderr


def test_a_postgres_that_cannot_be_used_stops_at_once_with_one_line(tmp_path: Path) -> None:
    """An unreachable server and a missing database: the server's own words, exit 2, no worker started."""
    import os
    from urllib.parse import urlsplit, urlunsplit

    from evals.stub_openai import free_port

    cases = [(f"postgresql://postgres@127.0.0.1:{free_port()}/x", "cannot be reached")]
    if real := os.environ.get("INTERVIEWER_TEST_POSTGRES"):
        cases.append((urlunsplit(urlsplit(real)._replace(path="/no_such_db_load")), "refused the connection"))
    for url, what in cases:
        done = load(tmp_path, "--users", "2", "--turns", "1", "--checkpointer", url)
        assert done.returncode == 2 and done.stdout == "", done.stderr[-2000:]
        [line] = [line for line in done.stderr.splitlines() if line.startswith("python -m evals.load: error:")]
        assert "the Postgres server of postgresql://" in line and what in line, line
        assert "Traceback" not in done.stderr and "pool" not in done.stderr


def test_a_small_runs_p95_is_never_below_its_p50(tmp_path: Path) -> None:
    done = load(tmp_path, "--users", "2", "--turns", "1", "--think", "0", "--workers", "1", "--embedder", "hashing",
                "--checkpointer", "memory:", "--json")  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    [row] = json.loads(done.stdout)
    assert row["turns"] == 2 and row["p95_ms"] >= row["p50_ms"] > 0  # two turns: the median was their mean


def test_phases_split_each_turn_without_gaps_or_double_counting(tmp_path: Path) -> None:
    """--phases: the slowest turns and the median ones, each phase's wall and CPU; the phases add up to the turn."""
    done = load(tmp_path, "--users", "3", "--turns", "2", "--think", "0", "--workers", "1", "--embedder", "hashing",
                "--checkpointer", "sqlite", "--phases", "--json")  # fmt: skip
    assert done.returncode == 0, done.stderr[-2000:]
    [row] = json.loads(done.stdout)
    groups = row["phases"]
    assert groups["slowest_5pct"]["turns"] == 1 and groups["median_band"]["turns"] == 1
    assert groups["slowest_5pct"]["turn_ms"] == pytest.approx(row["p95_ms"], abs=0.11)
    for group in (groups["slowest_5pct"], groups["median_band"]):
        phases = {k: v for k, v in group.items() if k not in ("turns", "turn_ms")}
        assert {"journal", "checkpoint read", "checkpoint write", "critic", "graph", "driver"} <= set(phases)
        assert all(wall >= 0 and cpu >= 0 for wall, cpu in phases.values())
        assert group["critic"][1] > 0  # the critic's CPU is the calling thread's
        total = sum(wall for wall, _ in phases.values())
        assert 0.95 * group["turn_ms"] - 0.5 <= total <= 1.25 * group["turn_ms"] + 0.5, (total, group)
    # each turn's saver calls are counted: one checkpoint read and one write per answer (durability="exit"); the
    # interrupt's writes on every turn but an interview's last
    calls = groups["calls_per_turn"]
    assert calls["get_tuple"] == calls["put"] == 1.0 and 0 < calls["put_writes"] < 1, calls
    assert calls["saver calls"] == calls["get_tuple"] + calls["put"] + calls["put_writes"]
    text = load(tmp_path, "--users", "2", "--turns", "1", "--think", "0", "--workers", "1", "--embedder", "hashing",
                "--checkpointer", "memory:", "--phases")  # fmt: skip
    assert text.returncode == 0, text.stderr[-2000:]
    assert "slowest 5%" in text.stdout and "checkpoint write" in text.stdout and "{" not in text.stdout
    assert "calls per turn: get_tuple 1.0, put 1.0" in text.stdout
