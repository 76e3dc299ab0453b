"""An --answers item that is `/done`, or ends with a `/done` line, means what it means at the prompt (sweep22 S2: the
help names `/done` as the submit line, but a scripted "/done" was answered "Unknown command" and "answer\\n/done" kept
the "/done" in the answer)."""

from __future__ import annotations

from pathlib import Path

import yaml

from tests.test_session_cli import answers_in, only_transcript, run_cli

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "1", "--follow-ups", "0"]
ANSWER = "I moved four teams to trunk-based delivery and lead time fell from 12 days to 3 in one quarter."


def test_a_scripted_done_line_is_the_submit_line(tmp_path: Path, isolated_data_dir: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(yaml.safe_dump(["/done", f"{ANSWER}\n/done"]), encoding="utf-8")
    result = run_cli(*ARGS, "--answers", str(answers))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Unknown command" not in result.stdout
    assert "Empty answer" in result.stdout  # as a lone /done at the prompt
    assert answers_in(only_transcript(isolated_data_dir)) == [ANSWER]
