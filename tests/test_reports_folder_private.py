"""A reports/ folder made before the tool ran (by hand, or an older version under umask 022) is tightened to 0700 once
a report is written into it: the reports hold the candidate's answers (sweep: a pre-created 0755 folder stayed 0755)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "1", "--follow-ups", "0"]


def test_a_pre_created_open_reports_folder_is_made_private(isolated_data_dir: Path) -> None:
    reports = isolated_data_dir / "reports"
    reports.mkdir(parents=True)
    os.chmod(reports, 0o755)
    done = subprocess.run([sys.executable, "-m", "agent.session", *ARGS], input="I cut deploys from 40 to 9 minutes.\n",
                          capture_output=True, text=True, cwd=REPO, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(reports.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(p.stat().st_mode) == 0o600 for p in reports.iterdir())
