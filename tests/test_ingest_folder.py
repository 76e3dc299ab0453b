"""A big folder of notes, as a user meets it: a progress bar on the terminal while it is read (never in piped
output), and re-reading an unchanged folder parses nothing again, however many documents it holds (the cache
used to keep only 500)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import knowledge.ingest.api as api
from knowledge.ingest import ingest_paths
from tests.pty_run import REPO, run_on_a_terminal

STORY = (
    "## Story {i}: Fixing service {i}\n\n**Situation:** Service {i} failed twice a week.\n**Task:** I owned its "
    "on-call.\n**Action:** I added retries and a circuit breaker.\n**Result:** Failures fell by {p}% in a month.\n"
)


def _folder(root: Path, n: int) -> Path:
    for i in range(n):
        sub = root / f"part-{i // 100}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"note-{i:04d}.md").write_text(STORY.format(i=i, p=i % 90 + 5), encoding="utf-8")
    return root


def _count_parses(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Spy on the parser (the real one still runs): the names of the documents actually parsed."""
    parsed: list[str] = []
    real = api.ingest_text

    def spy(text: str | bytes, source: str) -> object:
        parsed.append(source)
        return real(text, source)

    monkeypatch.setattr(api, "ingest_text", spy)
    return parsed


def test_an_unchanged_folder_of_600_documents_is_not_parsed_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, isolated_data_dir: Path
) -> None:
    folder = _folder(tmp_path / "notes", 600)
    parsed = _count_parses(monkeypatch)
    first = ingest_paths([folder])
    assert len(first.stories) == 600 and len(parsed) == 600
    parsed.clear()
    again = ingest_paths([folder])
    assert parsed == []  # every document came from the cache
    assert [s.model_dump() for s in again.stories] == [s.model_dump() for s in first.stories]
    edited = folder / "part-3" / "note-0300.md"
    edited.write_text(STORY.format(i=300, p=77), encoding="utf-8")
    third = ingest_paths([folder])
    assert parsed == [str(edited)]  # only the edited document is read anew
    assert any("77%" in m.text for s in third.stories for m in s.metrics)
    assert (isolated_data_dir / "ingest-cache" / "results.sqlite").stat().st_mode & 0o077 == 0


def test_a_cache_that_cannot_be_written_only_costs_speed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    data = tmp_path / "data"
    (data / "ingest-cache").mkdir(parents=True)
    (data / "ingest-cache" / "results.sqlite").write_bytes(b"this is not a database")
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(data))
    folder = _folder(tmp_path / "notes", 3)
    assert len(ingest_paths([folder]).stories) == 3
    assert len(ingest_paths([folder]).stories) == 3


def test_progress_shows_on_a_terminal_and_never_in_piped_output(tmp_path: Path) -> None:
    folder = _folder(tmp_path / "notes", 60)
    env = {**os.environ, "PYTHONPATH": str(REPO), "INTERVIEWER_DATA_DIR": str(tmp_path / "data"), "COLUMNS": "100"}
    screen = run_on_a_terminal([sys.executable, "-m", "knowledge.ingest", str(folder)], env).decode(errors="replace")
    assert "reading notes" in screen and "/60" in screen
    assert "Ingested documents" in screen
    piped = subprocess.run(
        [sys.executable, "-m", "knowledge.ingest", str(folder), "--json"],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=120, check=False,
    )  # fmt: skip
    assert piped.returncode == 0 and "reading notes" not in piped.stderr + piped.stdout
