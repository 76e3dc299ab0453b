"""Build a story index's caches in a child process, so a big bank's ingest and embedding never hold the server's GIL.

A 200-story build is ~20 s of CPU, most of it Python (reading, tokenising, building views) that holds the GIL: every
other candidate's turn in the same process waits behind it, however low the build thread's priority. The service
therefore runs the cold build here, in its own interpreter at a low priority, and then opens the index in-process
from what this left on disk (the per-document ingest cache and the index folder's vectors): ~0.2 s instead of the
whole build. The child only fills caches; whatever goes wrong in it, the caller builds in-process as before.

Run as ``python -m agent.index_build`` with one JSON object on stdin (docs, index_dir, embedder); nothing comes
from a client: the service passes its own configured documents.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

from knowledge.threads import BACKGROUND_NICE


def build_caches_in_child(docs: list[str], index_dir: str | None, embedder: str, timeout: float = 600.0) -> bool:
    """Ingest and embed `docs` in a child interpreter; True when it finished (the caches are then warm)."""
    job = json.dumps({"docs": docs, "index_dir": index_dir, "embedder": embedder})
    try:
        done = subprocess.run(
            [sys.executable, "-m", "agent.index_build"],
            input=job,
            text=True,
            capture_output=True,  # its notices are the in-process open's to report, once
            timeout=timeout,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return done.returncode == 0


def _lower_priority() -> None:
    with contextlib.suppress(OSError, AttributeError):  # not permitted or not POSIX: keep the priority
        os.nice(max(0, BACKGROUND_NICE - os.nice(0)))


def main() -> int:
    """Read the job from stdin, open (and so build and save) the index, exit 0; any failure exits 1."""
    _lower_priority()
    job: dict[str, Any] = json.loads(sys.stdin.read())
    from knowledge.index import open_story_index

    open_story_index(
        docs=[str(d) for d in job["docs"]],
        index_dir=Path(job["index_dir"]) if job.get("index_dir") else None,
        embedder=str(job["embedder"]),
    )
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except Exception as exc:  # the parent builds in-process and reports the error itself
        print(f"index build failed: {type(exc).__name__}: {exc}"[:300], file=sys.stderr)
        sys.exit(1)
