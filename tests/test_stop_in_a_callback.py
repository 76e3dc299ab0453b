"""A Ctrl-C whose KeyboardInterrupt lands while a weakref callback runs (the import system's module-lock callback
while a resumed session gets ready, sweep24 S5) is not printed as "Exception ignored ... KeyboardInterrupt" and
dropped: the stop is raised again outside the callback, so the session stops as at any other moment."""

from __future__ import annotations

import subprocess
import sys
import textwrap

from tests.pty_run import REPO

PROGRAM = textwrap.dedent(
    """
    import os, signal, time, weakref
    from agent import cli_signals

    cli_signals.install()

    class Thing:
        pass

    def callback(_ref):
        os.kill(os.getpid(), signal.SIGINT)  # the handler runs inside this callback, which drops exceptions
        sum(range(200_000))

    thing = Thing()
    ref = weakref.ref(thing, callback)
    try:
        del thing  # runs the callback
        time.sleep(60)  # the stop raised again ends this at once; only a lost stop waits it out
        print("went on as if nothing was pressed")
    except KeyboardInterrupt:
        print("stopped")
    """
)


def test_a_stop_swallowed_by_a_callback_is_raised_again() -> None:
    run = subprocess.run([sys.executable, "-c", PROGRAM], capture_output=True, text=True, cwd=REPO, timeout=120)
    assert run.stdout.strip() == "stopped", run.stdout + run.stderr
    assert "Exception ignored" not in run.stderr and "Traceback" not in run.stderr, run.stderr
