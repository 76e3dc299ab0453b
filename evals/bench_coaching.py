"""Coaching figures for evals.bench: `python -m agent.progress` over 100 sessions (fresh process, as a user runs
it) and the size of the progress page for 100 sessions.

progress_100_sessions: the second and later runs over unchanged documents (the story-coverage search is cached);
progress_100_sessions_cold: the first run after the documents changed (coverage searched again, story index
reused); progress_page_100_sessions: the size of the --html page.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SESSIONS = 100


def _run(env: dict[str, str], *args: str) -> float:
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "agent.progress", "--role", "director", *args],
        check=True,
        stdout=subprocess.DEVNULL,
        cwd=REPO,
        env=env,
    )
    return time.perf_counter() - start


def bench_coaching(runs: int, stats: Any) -> dict[str, Any]:
    """Timings (fresh processes) and the page size; `stats` is evals.bench._stats."""
    from agent.coaching.feed import FileFeed
    from evals.coaching_data import fill_feed

    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "INTERVIEWER_DATA_DIR": tmp, "NO_COLOR": "1"}
        fill_feed(FileFeed(Path(tmp) / "history"), "director", SESSIONS)
        _run(env, "--json")  # builds the sample bank's index and the coverage cache once
        warm = [_run(env, "--json") for _ in range(runs)]
        cold = []
        for _ in range(max(1, runs // 2)):
            shutil.rmtree(Path(tmp) / "coaching", ignore_errors=True)
            cold.append(_run(env, "--json"))
        page = Path(tmp) / "progress.html"
        _run(env, "--html", str(page))
        size_mb = round(page.stat().st_size / 2**20, 3)
    return {
        "progress_100_sessions": stats(warm, 1.0, unit="s"),
        "progress_100_sessions_cold": stats(cold, None, unit="s"),
        "progress_page_100_sessions": {
            "median": size_mb,
            "p95": size_mb,
            "runs": 1,
            "unit": "MB",
            "target": 2.0,
            "ok": size_mb <= 2.0,
        },
    }
