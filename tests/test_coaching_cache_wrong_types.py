"""A coaching cache file (data folder's coaching/<kind>-<key>.json) hand-edited to the wrong types ended
`agent.progress` in an AttributeError traceback (sweep 43 F4's check of the other coaching files). A cache holds
only what can be computed again: it is computed again and rewritten, and the view is shown. Real subprocesses, a
real data folder."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.test_persistence import A1, FAST, REPO, run, scripted


def progress() -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "agent.progress", "--role", "director", "--json"], capture_output=True,
                          text=True, timeout=180, cwd=REPO, env=dict(os.environ))  # fmt: skip


def test_a_coaching_cache_of_the_wrong_types_is_computed_again(isolated_data_dir: Path) -> None:
    assert run(*FAST, "--questions", "1", stdin=scripted(A1)).returncode == 0
    first = progress()
    assert first.returncode == 0, first.stdout + first.stderr
    (cache,) = (isolated_data_dir / "coaching").glob("coverage-*.json")
    cache.write_text('{"found": 5, "infos": 7}', encoding="utf-8")
    again = progress()
    assert again.returncode == 0 and "Traceback" not in again.stderr, again.stdout + again.stderr
    assert json.loads(again.stdout)["coverage"] == json.loads(first.stdout)["coverage"]
    assert isinstance(json.loads(cache.read_text(encoding="utf-8"))["found"], dict)  # rewritten
