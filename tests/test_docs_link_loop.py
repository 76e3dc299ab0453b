"""`--docs` naming a link that loops back on itself is bad input said in one line (exit 2), not
`error: RuntimeError: Symlink loop from ...` (exit 1) after the first question (sweep23 S8); knowledge.ingest names
the loop instead of calling the path missing."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.pty_run import REPO


def _loop(folder: Path) -> Path:
    folder.mkdir()
    (folder / "a.md").symlink_to("b.md")
    (folder / "b.md").symlink_to("a.md")
    return folder / "a.md"


def _run(args: list[str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "INTERVIEWER_DATA_DIR": str(tmp_path / "data")}
    return subprocess.run([sys.executable, "-m", *args], capture_output=True, text=True, cwd=REPO, env=env,
                          timeout=180, check=False, stdin=subprocess.DEVNULL)  # fmt: skip


def test_a_session_given_a_looping_link_refuses_it_in_one_line(tmp_path: Path) -> None:
    loop = _loop(tmp_path / "notes")
    run = _run(["agent.session", "--role", "director", "--questions", "1", "--embedder", "hashing", "--docs",
                str(loop)], tmp_path)  # fmt: skip
    assert run.returncode == 2, run.stdout + run.stderr
    assert run.stderr.strip() == f"error: --docs {loop}: a link that loops back on itself", run.stderr
    assert "Question 1" not in run.stdout


def test_ingest_names_the_loop(tmp_path: Path) -> None:
    loop = _loop(tmp_path / "notes")
    run = _run(["knowledge.ingest", str(loop)], tmp_path)
    assert run.stderr.strip() == f"error: {loop}: a link that loops back on itself", run.stderr
    assert run.returncode == 2 and run.stdout == "", run.stdout  # sweep30 S10: no empty table, not rc 1


def test_search_and_ingest_say_a_bad_path_as_the_session_does(tmp_path: Path) -> None:
    """sweep30 S7 and S10: `knowledge.search --docs` a link loop or a dangling link said "no such file or folder"
    under the usage text; `knowledge.ingest` of a loop, a dangling link, a pipe or a folder without notes said "a
    link that loops back on itself or points nowhere" (the two apart nowhere) over an empty table, rc 1 (1 is an
    unexpected error). Now each is one line in the session's words, rc 2."""
    loop = _loop(tmp_path / "notes")
    dangling = tmp_path / "gone.md"
    dangling.symlink_to(tmp_path / "nowhere" / "x.md")
    pipe = tmp_path / "pipe.md"
    os.mkfifo(pipe)
    bare = tmp_path / "bare"
    bare.mkdir()
    said = {
        loop: "a link that loops back on itself",
        dangling: f"a link to {tmp_path / 'nowhere' / 'x.md'}, which does not exist",
        tmp_path / "missing.md": "no such file or folder",
    }
    for path, problem in said.items():
        run = _run(["knowledge.search", "cut costs", "--embedder", "hashing", "--docs", str(path)], tmp_path)
        assert (run.returncode, run.stderr.strip()) == (2, f"error: --docs {path}: {problem}"), run.stderr
    said |= {pipe: "not a regular file (a pipe, device or socket)", bare: "no .md, .markdown or .txt files in "
             "this folder"}  # fmt: skip
    for path, problem in said.items():
        run = _run(["knowledge.ingest", str(path), "--embedder", "hashing"], tmp_path)
        assert (run.returncode, run.stderr.strip(), run.stdout) == (2, f"error: {path}: {problem}", ""), run.stderr


def test_a_link_chain_that_ends_nowhere_is_named_as_given(tmp_path: Path) -> None:
    """sweep25 S9: loop1.md -> loop2 -> loop1 (missing) was "--docs path not found: .../loop1", a path never typed."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "loop2").symlink_to("loop1")
    (notes / "loop1.md").symlink_to("loop2")
    given = notes / "loop1.md"
    run = _run(["agent.session", "--role", "director", "--questions", "1", "--embedder", "hashing", "--docs",
                str(given)], tmp_path)  # fmt: skip
    assert run.returncode == 2, run.stdout + run.stderr
    assert run.stderr.strip() == f"error: --docs {given}: a link to a path that does not exist ({notes / 'loop1'})"
    assert "Question 1" not in run.stdout


def test_progress_names_a_link_chain_or_loop_as_given(tmp_path: Path) -> None:
    """agent.progress checks --docs as a session does (6d62db3): a link chain ending at a missing path and a link that
    loops back on itself are named as given and said to be links ("--docs path not found" named neither)."""
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "loop2").symlink_to("loop1")
    (notes / "loop1.md").symlink_to("loop2")
    given = notes / "loop1.md"
    run = _run(["agent.progress", "--role", "director", "--docs", str(given)], tmp_path)
    assert run.returncode == 2, run.stdout + run.stderr
    assert run.stderr.strip() == f"error: --docs {given}: a link to a path that does not exist ({notes / 'loop1'})"
    loop = _loop(tmp_path / "looped")
    run = _run(["agent.progress", "--role", "director", "--docs", str(loop)], tmp_path)
    assert run.returncode == 2, run.stdout + run.stderr
    assert run.stderr.strip() == f"error: --docs {loop}: a link that loops back on itself"
