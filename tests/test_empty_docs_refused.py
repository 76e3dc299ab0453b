"""`--docs ""` (a script's unset variable) is refused with one line and exit 2, as `--data-dir ""` is, instead of
indexing every note under the folder the session runs in (sweep 37 B34); `--answers ""`, `--jd ""` and `--index ""`
likewise, which were ignored. The real CLI, run from a folder holding a private note in our own words."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SECRET = "QUINCE-LEDGER-7"


@pytest.mark.parametrize(
    "args",
    [["--docs", ""], ["--docs", "  "], ["--answers", ""], ["--jd", ""], ["--index", ""], ["--data-dir", ""]],
    ids=["docs", "docs-blank", "answers", "jd", "index", "data-dir"],
)
def test_an_empty_path_option_is_refused(tmp_path: Path, args: list[str]) -> None:
    here = tmp_path / "home"
    (here / "private").mkdir(parents=True)
    (here / "private" / "journal.md").write_text(
        f"## Story: Garden shed\n\nSituation: {SECRET} the roof leaked in 2022. Task: I had to fix it. "
        "Action: I replaced the felt. Result: dry for 3 winters.\n",
        encoding="utf-8",
    )
    data = tmp_path / "data"
    data_args = [] if args[0] == "--data-dir" else ["--data-dir", str(data)]
    proc = subprocess.run(
        [sys.executable, "-m", "agent.session", "--role", "director", "--questions", "1", "--follow-ups", "0",
         *data_args, *args],
        input="I fixed it by splitting the work.\n/done\n/end\n", capture_output=True, text=True, cwd=here,
        env={**os.environ, "PYTHONPATH": str(REPO)}, timeout=120, check=False,
    )  # fmt: skip
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.strip().splitlines() == [f"error: {args[0]} needs a value, not an empty string (see --help)"]
    assert proc.stdout == ""
    written = [p for p in data.rglob("*") if p.is_file()] if data.exists() else []
    assert not any(SECRET.encode() in p.read_bytes() for p in written)
    assert sorted(p.name for p in here.iterdir()) == ["private"]


def test_search_refuses_an_empty_docs_path(tmp_path: Path) -> None:
    """`knowledge.search Q --docs ""` read every note under the folder it ran in, as the session did."""
    here = tmp_path / "home"
    (here / "private").mkdir(parents=True)
    (here / "private" / "journal.md").write_text(
        f"## Story: Garden shed\n\nSituation: {SECRET} the roof leaked. Task: fix it. Action: new felt. Result: dry.\n",
        encoding="utf-8",
    )
    proc = subprocess.run(
        [sys.executable, "-m", "knowledge.search", "roof", "--docs", "", "--embedder", "hashing"],
        capture_output=True, text=True, cwd=here, timeout=60, check=False,
        env={**os.environ, "PYTHONPATH": str(REPO), "INTERVIEWER_DATA_DIR": str(tmp_path / "data")},
    )  # fmt: skip
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert proc.stderr.strip().endswith("error: --docs needs a value, not an empty string")
    assert SECRET not in proc.stdout and not (tmp_path / "data").exists()
