"""`python -m agent.progress` run as a user runs it (a subprocess in the repository, with this environment), for the
tests that read its table or its JSON."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def progress(*args: str) -> subprocess.CompletedProcess[str]:
    """The finished run of `python -m agent.progress *args`."""
    return subprocess.run([sys.executable, "-m", "agent.progress", *args], capture_output=True, text=True,
                          timeout=300, cwd=REPO, env=dict(os.environ))  # fmt: skip


def progress_json(*args: str) -> dict[str, Any]:
    """What `python -m agent.progress *args --json` prints, once it exited 0."""
    shown = progress(*args, "--json")
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)
