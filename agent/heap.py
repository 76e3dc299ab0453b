"""The objects a warmed-up process holds, kept out of the garbage collector's full passes.

Once its libraries, graph, role pack and embedders are loaded, a session or service process tracks ~150,000
objects that live as long as it does. A full (generation 2) collection walks every one of them while all threads
wait: on a busy 2-core machine one such pass measured 0.5 s in the middle of 200 candidates' turns. `gc.freeze()`
moves the objects alive at that moment into a permanent generation that collections skip; objects made later
(turns, states, critiques) are collected exactly as before. Done once per process, after the first warm-up: a
second freeze would also pin whatever garbage cycles the sessions since then left behind.
"""

from __future__ import annotations

import gc
import threading

_LOCK = threading.Lock()
_frozen = False


def freeze_warm_heap() -> bool:
    """Freeze the objects alive now out of future collections, the first time only; True when it froze."""
    global _frozen
    with _LOCK:
        if _frozen:
            return False
        gc.freeze()
        _frozen = True
        return True


def reset() -> None:
    """Forget the freeze and give the frozen objects back to the collector (tests)."""
    global _frozen
    with _LOCK:
        gc.unfreeze()
        _frozen = False
