"""Ctrl-C during `python -m knowledge.ingest PATH --index DIR` leaves with one line and exit 130 (sweep 37 N10).

The real CLI in a subprocess over a few hundred invented notes, stopped with SIGINT (what Ctrl-C sends) while the
package loads and while notes are read and embedded; a run after it builds the whole index and no temp file stays.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _notes(folder: Path, count: int = 300) -> Path:
    folder.mkdir()
    for i in range(count):
        (folder / f"note{i}.md").write_text(
            f"## Story: Warehouse move {i}\n\nSituation: the depot {i} had to move in {i % 7 + 2} weeks. "
            f"Task: I ran the move. Action: I booked trucks by zone and kept a daily list. "
            f"Result: it moved {i % 3 + 1} days early with {i % 20 + 3}% less overtime.\n",
            encoding="utf-8",
        )
    return folder


def _ingest(notes: Path, index: Path, data: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO), "INTERVIEWER_DATA_DIR": str(data)}
    return subprocess.Popen(
        [sys.executable, "-m", "knowledge.ingest", str(notes), "--index", str(index)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO, env=env,
    )  # fmt: skip


@pytest.mark.parametrize("after", [0.05, 0.15, 0.8])
def test_ctrl_c_is_one_line_and_130(tmp_path: Path, after: float) -> None:
    notes, index, data = _notes(tmp_path / "notes"), tmp_path / "index", tmp_path / "data"
    proc = _ingest(notes, index, data)
    time.sleep(after)
    proc.send_signal(signal.SIGINT)
    out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, (out, err)
    assert "Traceback" not in err and "KeyboardInterrupt" not in err
    assert err.strip().splitlines() == ["Interrupted; stopped before the end (run it again to finish)."]
    # the next run finishes the index, and nothing half-written is left beside it
    again = _ingest(notes, index, data)
    out, err = again.communicate(timeout=120)
    assert again.returncode == 0, err
    assert json.loads((index / "manifest.json").read_text(encoding="utf-8"))["count"] == 300
    assert not list(index.glob("*.tmp"))
