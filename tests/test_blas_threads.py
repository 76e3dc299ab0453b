"""Once the critic has judged an answer, the BLAS of the process runs one thread unless the operator chose one.

Each case runs in a fresh process: the limit is set once per process and stays (agent.blas_threads).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from agent.blas_threads import CHOSEN_BY

# A session's start in a service or terminal process: the critic warms up on a made-up answer, then the BLAS
# libraries loaded in the process are listed with their thread counts.
PROBE = """
import json
from threadpoolctl import threadpool_info
from agent.context import Context
from agent.nodes.critique import warm_up
warm_up(Context(role="director", offline=True))
print(json.dumps([lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]))
"""


def _blas_threads(**env: str) -> list[int]:
    clean = {k: v for k, v in os.environ.items() if k not in CHOSEN_BY}
    done = subprocess.run([sys.executable, "-c", PROBE], env={**clean, **env}, capture_output=True, text=True,
                          timeout=120, check=True)  # fmt: skip
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="one core: BLAS runs one thread whatever is set")
def test_after_the_critic_warms_up_blas_runs_one_thread() -> None:
    threads = _blas_threads()
    assert threads, "numpy's BLAS is loaded once the critic has run"
    assert threads == [1] * len(threads)


def test_a_thread_count_the_operator_set_is_kept() -> None:
    assert 2 in _blas_threads(OPENBLAS_NUM_THREADS="2")
