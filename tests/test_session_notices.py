"""Notices a candidate meets at launch: warnings about their documents said once (not at every launch and
resume), and a rebuilt story index announced even for the bundled sample bank (subprocess runs)."""

from __future__ import annotations

import sys
from pathlib import Path

from tests.test_session_cli import FAST, STRONG_1, STRONG_2, flat, run_cli


def test_document_warnings_are_not_repeated_at_every_launch(tmp_path: Path) -> None:
    docs = tmp_path / "prep"
    docs.mkdir()
    (docs / "stories.md").write_text("## Outage\n\nI led the rollback; refunds fell by 80% in a week.\n")
    (docs / "todo.md").write_text("buy milk\n")  # nothing to ingest: a warning
    args = [*FAST, "--questions", "2", "--follow-ups", "0", "--docs", str(docs)]
    first = flat(run_cli(*args, stdin=STRONG_1 + "\n").stdout)
    assert "todo.md: no stories or questions found" in first
    resumed = run_cli("--resume", stdin=STRONG_2 + "\n")
    assert resumed.returncode == 0, resumed.stderr
    again = flat(resumed.stdout)
    assert "todo.md: no stories" not in again
    assert "warning(s) about your documents, unchanged since last time, not repeated" in again
    # the command shown runs as printed: this interpreter, not a bare `python` that may lack the venv (sweep21 S5)
    assert f"(see them with: {sys.executable} -m knowledge.ingest {docs})" in again
    (docs / "notes.md").write_text("   \n")  # a new problem is said at once
    third = flat(run_cli(*args, stdin=STRONG_1 + "\n").stdout)
    assert "notes.md" in third and "todo.md: no stories" not in third


def test_a_rebuilt_sample_bank_index_is_announced(isolated_data_dir: Path) -> None:
    args = [*FAST, "--questions", "2", "--follow-ups", "0"]
    assert run_cli(*args, stdin=f"{STRONG_1}\n---\n{STRONG_2}\n").returncode == 0
    (manifest,) = (isolated_data_dir / "index").glob("*/manifest.json")
    manifest.write_text("damaged")
    second = run_cli(*args, stdin=f"{STRONG_1}\n---\n{STRONG_2}\n")
    assert second.returncode == 0, second.stderr
    assert "index rebuilt: manifest is not valid JSON" in flat(second.stdout)


def test_a_rebuilt_index_is_announced_in_a_one_question_session(isolated_data_dir: Path) -> None:
    # sweep21 S11: every index file overwritten, a one-question session: the rebuild was met by /hint, and its notice
    # waited for a next question that never came (nothing said)
    args = [*FAST, "--questions", "1", "--follow-ups", "0"]
    assert run_cli(*args, stdin="/end\n").returncode == 0
    for path in (isolated_data_dir / "index").glob("*/*"):
        path.write_bytes(b"\x00garbage" * 10)
    again = run_cli(*args, stdin=f"/hint\n{STRONG_1}\n")
    assert again.returncode == 0, again.stderr
    assert "index rebuilt" in flat(again.stdout), again.stdout


def test_documents_without_a_single_story_are_said(tmp_path: Path) -> None:
    # sweep21 S6: a --docs folder holding only a binary file: the banner said "your documents", /hint "no matching
    # story", and nothing said the index was empty
    docs = tmp_path / "prep"
    docs.mkdir()
    (docs / "b.md").write_bytes(bytes(range(256)) * 40)
    result = run_cli(*FAST, "--questions", "1", "--follow-ups", "0", "--docs", str(docs), stdin="/end\n")
    assert result.returncode == 0, result.stderr
    assert f"No story was found in your documents ({docs})" in flat(result.stdout), result.stdout
