"""The critic's warm-up in a server process, once per role pack, and whether it is done.

The terminal's driver warms the critic (agent.nodes.critique.warm_up: the pack's vectors, word tables and signal
examples) while its one candidate reads the first question. A server process did it nowhere, so the first answers
of each pack's first candidates paid for it (~0.2 s of CPU each) and every turn that arrived meanwhile queued
behind them. Here the first session of a pack starts it on a background thread, once per process.

The warm-up loads ~200 MB that the process keeps. Whoever measures the server's memory or its first turns (an
operator's probe, the service tests) waits until it is over: `status()` says per pack, the http app serves it at
GET /interviewer/warm-up (agent.service_http), and the server's log says "critic warm-up for pack <name>: ready".

A module of its own, imported by name: LangGraph Server loads agent/service.py from its path under another module
name, and the http app must see the same state as the graph.
"""

from __future__ import annotations

import logging
import threading
import time

from agent.context import Context

LOG = logging.getLogger("interviewer.service")

WARMING, READY, FAILED = "warming", "ready", "failed"
_STATUS: dict[str, str] = {}  # role pack -> WARMING / READY / FAILED, for the packs this process started
_LOCK = threading.Lock()


def warm_pack_once(ctx: Context) -> threading.Thread | None:
    """Start the critic's warm-up for ctx's role pack on a background thread, the first time only; the thread,
    or None when the pack's warm-up had started already."""
    with _LOCK:
        if ctx.role in _STATUS:
            return None
        _STATUS[ctx.role] = WARMING
    # Not a daemon, as in agent.driver: a daemon frozen at exit inside the ONNX runtime aborts the process.
    thread = threading.Thread(target=_warm, args=(ctx,), name="critic-warm-up", daemon=False)
    thread.start()
    return thread


def _warm(ctx: Context) -> None:
    from agent.nodes.critique import warm_up

    started = time.monotonic()
    try:
        warm_up(ctx)
    except Exception as exc:  # only a speed-up: the first turn runs the same code in the open and reports it
        _STATUS[ctx.role] = FAILED
        LOG.warning("critic warm-up for pack %s: failed (%s); turns will do it", ctx.role, type(exc).__name__)
        return
    _STATUS[ctx.role] = READY
    LOG.info("critic warm-up for pack %s: ready in %.1f s", ctx.role, time.monotonic() - started)


def status() -> dict[str, str]:
    """Each role pack whose warm-up this process started, with "warming", "ready" or "failed"."""
    with _LOCK:
        return dict(_STATUS)


def reset() -> None:
    """Forget which packs were started (tests: xdist workers share a process)."""
    with _LOCK:
        _STATUS.clear()
