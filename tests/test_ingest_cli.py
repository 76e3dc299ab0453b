"""The CLI as a user runs it: `python -m knowledge.ingest PATH... [--json] [--index DIR]`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOCS = Path(__file__).parent / "fixtures" / "docs"


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "knowledge.ingest", *args],
        capture_output=True, text=True, cwd=REPO, env=env, timeout=60, check=False,
    )  # fmt: skip


def test_json_output_shape_and_exit_code(tmp_path: Path) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("")
    proc = run(str(DOCS / "flashcards.md"), str(empty), "--json")
    assert proc.returncode == 0, proc.stderr
    doc = json.loads(proc.stdout)
    assert set(doc) >= {"files", "stories", "questions", "candidate_questions", "warnings", "errors"}
    story = doc["stories"][0]
    assert {"id", "title", "type", "source", "line"} <= set(story)
    assert story["title"] == "Tell me about yourself?" and story["type"] == "qa" and story["line"] == 9
    question = doc["questions"][1]
    assert question["text"] == "How do you handle an underperforming engineer?"
    assert {"id", "text", "type", "source", "line"} <= set(question)
    assert len(doc["candidate_questions"]) == 3
    assert doc["warnings"] == [f"{empty}: file is empty; nothing to ingest"]
    assert f"warning: {empty}: file is empty" in proc.stderr


def test_summary_and_missing_path_continue(tmp_path: Path) -> None:
    proc = run(str(tmp_path / "nope.md"), str(DOCS / "star-labels.md"))
    assert proc.returncode == 0
    assert "warning: " in proc.stderr and "nope.md: no such file or folder" in proc.stderr  # skipped, the rest read
    assert "error" not in proc.stderr
    assert "Traceback" not in proc.stderr
    assert "star-labels.md" in proc.stdout and "Rescuing the Invoice" in proc.stdout


def test_nothing_ingested_exits_1(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("   \n")
    proc = run(str(tmp_path / "empty.txt"), "--json")
    assert proc.returncode == 1
    assert json.loads(proc.stdout)["stories"] == []
    assert "Traceback" not in proc.stderr


def test_usage_error_exits_2() -> None:
    proc = run()
    assert proc.returncode == 2
    assert "usage" in proc.stderr.lower()


def test_index_option_builds_an_index(tmp_path: Path) -> None:
    index_dir = tmp_path / "index"
    proc = run(str(DOCS / "star-labels.md"), "--index", str(index_dir), "--embedder", "hashing", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["index"]["error"] is None
    assert index_dir.exists() and any(index_dir.iterdir())


def test_same_file_named_twice_is_ingested_once() -> None:
    from knowledge.ingest import ingest_paths

    result = ingest_paths([DOCS, DOCS / "flashcards.md"])
    assert sum(Path(f).name == "flashcards.md" for f in result.files) == 1


def test_a_skipped_link_beside_files_that_were_read_is_a_warning(tmp_path: Path) -> None:
    """sweep 33 S7: a link pointing out of the folder was said as "error:" while the run read the rest and exited 0,
    and other skipped files said "warning:". Every path skipped beside files that were read is a warning, exit 0."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "kept.md").write_text((DOCS / "star-labels.md").read_text(encoding="utf-8"), encoding="utf-8")
    outside = tmp_path / "elsewhere.md"
    outside.write_text("## Not in the folder\nSituation: somewhere else.\n", encoding="utf-8")
    (notes / "pointer.md").symlink_to(outside)
    (notes / "round-a.md").symlink_to(notes / "round-b.md")
    (notes / "round-b.md").symlink_to(notes / "round-a.md")
    proc = run(str(notes))
    assert proc.returncode == 0, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert lines and all(line.startswith("warning: ") for line in lines), proc.stderr
    assert any("pointer.md: a link to" in line for line in lines) and any("round-a.md" in line for line in lines)
    assert "Rescuing the Invoice" in proc.stdout
