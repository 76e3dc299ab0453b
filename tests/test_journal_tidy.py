"""The answer journal (data_dir()/pending) leaves nothing behind once the session holds its answers: no empty
folder after a session, and on a backend other than SQLite (`--checkpointer memory:`) an answer submitted while
the session got ready does not stay in it forever, named at every start as "not graded yet"."""

from __future__ import annotations

from pathlib import Path

from tests.test_early_answer_durable import ANSWER, ARGS, _docs, _run
from tests.test_session_tty import Terminal


def test_a_finished_session_leaves_no_pending_folder(isolated_data_dir: Path) -> None:
    done = _run(*ARGS, stdin=f"{ANSWER}\n---\n/end\n")
    assert done.returncode == 0, done.stdout + done.stderr
    assert not (isolated_data_dir / "pending").exists()


def test_an_early_answer_on_the_memory_backend_leaves_the_journal(isolated_data_dir: Path, tmp_path: Path) -> None:
    term = Terminal([*ARGS, "--checkpointer", "memory:", "--docs", str(_docs(tmp_path, 400))])
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.type(ANSWER + "\x1b\r")  # submitted while the session gets ready: journalled first
        term.wait_for("Question 2/2")  # graded: the session holds it
        term.wait_for_prompt()
        term.type("/end\r")
        term.wait_for("Transcript:")
        assert term.exit_code() == 0
    finally:
        term.close()
    assert not list(isolated_data_dir.glob("pending/*.json"))
    fresh = _run(*ARGS, stdin="/end\n")
    assert "not graded yet" not in fresh.stdout, fresh.stdout
