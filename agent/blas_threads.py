"""The process's BLAS runs each matrix product on the calling thread (one BLAS thread), unless the operator chose.

The critic's products are small: an answer's ~10 sentences against a pack's ~500 signal words (critic.paraphrase),
its sentences against the pack's questions (critic.semantic). OpenBLAS hands each of them to a thread per core all
the same, and its threads then spin waiting for the next product: in a load worker running 100 sessions' turns
(evals.load, 200 users on 2 cores) that spinning was ~6 of the ~20 ms of CPU a turn cost, taken from the turns
queued behind it, for no product large enough to gain from a second thread. Every session runs on a thread of its
own already, so the cores are used by the sessions, not by BLAS. Each product gives the same values either way (a
BLAS thread computes its own block of the result; checked on every critic set with evals.calibrate).

An operator who set OPENBLAS_NUM_THREADS, MKL_NUM_THREADS or OMP_NUM_THREADS keeps what they set.
"""

from __future__ import annotations

import os
import threading

CHOSEN_BY = ("OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "OMP_NUM_THREADS")
_LOCK = threading.Lock()
_done = False


def one_blas_thread() -> bool:
    """Limit the BLAS libraries loaded in this process to one thread, the first time only and only when no
    variable of CHOSEN_BY is set; True when it limited them. Call it once numpy is imported (its BLAS is loaded then);
    the libraries found are the ones loaded at that moment."""
    global _done
    with _LOCK:
        if _done:
            return False
        _done = True
        if any(os.environ.get(name, "").strip() for name in CHOSEN_BY):
            return False
        import numpy  # noqa: F401  (its BLAS must be loaded for the limit to reach it)
        from threadpoolctl import threadpool_limits

        threadpool_limits(limits=1, user_api="blas")  # kept for the process: not used as a context manager
        return True
