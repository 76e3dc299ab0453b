"""Background threads that yield the CPU to interactive work.

A 200-story index build keeps both cores of a small server busy for seconds (MiniLM passes release the GIL and
run side by side). Another candidate's turn then queues behind it. On Linux a thread has its own nice value, so
the threads that only do background work (index builds, their embedding helpers, the history writer) run at a
lower priority: idle cores still go to them, but a waiting turn gets a core first.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading

BACKGROUND_NICE = 10


def lower_this_thread() -> None:
    """Make the calling thread a background thread (ThreadPoolExecutor initializer). Linux only: elsewhere a
    thread id passed to setpriority would name a process, so nothing is changed."""
    if sys.platform != "linux":
        return
    with contextlib.suppress(OSError):  # a sandbox that forbids it: the thread just keeps its priority
        tid = threading.get_native_id()
        os.setpriority(os.PRIO_PROCESS, tid, max(os.getpriority(os.PRIO_PROCESS, tid), BACKGROUND_NICE))
