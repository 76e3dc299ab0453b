"""Entry point for `python -m knowledge.ingest`."""

import os
import signal
import sys


def _interrupted(signum: int, frame: object) -> None:
    """Ctrl-C: one line and exit 130 (sweep 37 N10: a 34-42-line KeyboardInterrupt traceback).

    Leaving at once, not raising: a KeyboardInterrupt raised inside a compiled extension's import ended in a Rust
    panic, not in an except clause. Every file the run writes goes through a temp file and a rename (the index's
    manifest last, the cache in SQLite transactions), so what was already there stays whole; a temp file left by
    this process is removed by the next save, and the next run builds what was not finished.
    """
    os.write(2, b"\nInterrupted; stopped before the end (run it again to finish).\n")
    os._exit(130)


signal.signal(signal.SIGINT, _interrupted)

from knowledge.ingest.cli import main  # noqa: E402  (after the handler: loading it takes a while)

sys.exit(main())
