"""A candidate's answers are private: under the usual umask 022 every folder the tool makes is 0700 and every
file 0600 (sessions, reports, transcripts, history, indexes, caches); reports are written atomically."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO
from tests.test_session_cli import FAST, STRONG_1, session_id


def _run_under_umask_022(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "agent.session", *args], input=stdin, capture_output=True, text=True,
        cwd=REPO, timeout=120, env=dict(os.environ), preexec_fn=lambda: os.umask(0o022),
    )


def test_everything_in_the_data_dir_is_owner_only(tmp_path: Path, isolated_data_dir: Path) -> None:
    docs = tmp_path / "prep"
    docs.mkdir()
    (docs / "stories.md").write_text("## Outage\n\nI led the rollback; refunds fell by 80% in a week.\n")
    first = _run_under_umask_022(*FAST, "--questions", "2", "--follow-ups", "0", "--docs", str(docs),
                                 stdin=STRONG_1 + "\n")  # fmt: skip
    assert first.returncode == 3, first.stderr  # ran out of answers: saved, resumable
    resumed = _run_under_umask_022("--resume", stdin=STRONG_1 + "\n")
    assert resumed.returncode == 0, resumed.stderr
    made = list(isolated_data_dir.rglob("*"))
    kinds = {p.name for p in made}
    assert {"sessions.sqlite", "history.json", f"{session_id(first.stdout)}.md"} <= kinds
    assert any(p.parent.name == "ingest-cache" for p in made) and any("index" in p.parts for p in made)
    for path in [isolated_data_dir, *made]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} is {oct(mode)}"


def test_an_existing_open_data_dir_is_tightened(isolated_data_dir: Path) -> None:
    isolated_data_dir.mkdir(mode=0o755)
    os.chmod(isolated_data_dir, 0o755)
    result = _run_under_umask_022("--list-sessions", stdin="")
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(isolated_data_dir.stat().st_mode) == 0o700


def test_a_report_write_that_fails_midway_keeps_the_previous_report(
    isolated_data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from agent import report

    values = {"plan": [], "turns": []}
    paths = report.write_report("t-1", values, {"role": "director"})
    before = Path(paths["markdown"]).read_text(encoding="utf-8")
    assert before

    def disk_gone(fd: int) -> None:  # the data is written but never reaches the disk: like a kill mid-write
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", disk_gone)
    with pytest.raises(OSError):
        report.write_report("t-1", {**values, "ended": True}, {"role": "director"})
    assert Path(paths["markdown"]).read_text(encoding="utf-8") == before  # never left empty or half written
    assert sorted(p.name for p in Path(paths["markdown"]).parent.iterdir()) == ["t-1.json", "t-1.md"]
