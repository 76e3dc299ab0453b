"""A count of one is said in the singular where the candidate meets it (stop 21: "index built: 1 stories embedded")."""

from __future__ import annotations

from pathlib import Path

from tests.test_session_cli import run_cli

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "1", "--follow-ups", "0"]


def test_an_index_of_one_story_says_story(tmp_path: Path, isolated_data_dir: Path) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text("## Platform migration\nSituation: deploys took 40 minutes.\nAction: I split the build into "
                     "four stages.\nResult: deploys fell to 9 minutes in one quarter.\n", encoding="utf-8")  # fmt: skip
    result = run_cli(*ARGS, "--docs", str(notes), stdin="/end\n")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "index built: 1 story embedded with hashing" in result.stdout, result.stdout
    assert "1 stories" not in result.stdout
