"""A path option given a link that loops back on itself, or a link to nothing, says so in the same words for every
option (sweep27 S5, S16): it was "index not saved (File exists)" for --index (knowledge.search and the session),
"answers file not found" for --answers and "unknown role" for --role. Real links, real commands."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
LOOP = "a link that loops back on itself"


def _links(folder: Path) -> dict[str, tuple[Path, str]]:
    """A three-link loop and a dangling link, with the words each is to be called."""
    folder.mkdir()
    a, b, c = folder / "l1", folder / "l2", folder / "l3"
    a.symlink_to(b)
    b.symlink_to(c)
    c.symlink_to(a)
    dangling = folder / "gone"
    dangling.symlink_to(folder / "no-such-folder")
    return {"loop": (a, LOOP), "dangling": (dangling, f"a link to {folder / 'no-such-folder'}, which does not exist")}


def _run(*args: str, module: str = "agent.session") -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True, cwd=REPO,
                          timeout=180, env=dict(os.environ), stdin=subprocess.DEVNULL)  # fmt: skip


@pytest.mark.parametrize("kind", ["loop", "dangling"])
def test_every_path_option_names_a_bad_link_as_such(isolated_data_dir: Path, tmp_path: Path, kind: str) -> None:
    link, words = _links(tmp_path / "links")[kind]
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "s.md").write_text("## Story: Cutting build time\n\nI cut build time from 30 to 8 minutes.\n", "utf-8")
    answers = tmp_path / "a.txt"
    answers.write_text("I would measure first.\n", encoding="utf-8")
    search = _run("cut build time", "--docs", str(notes), "--embedder", "hashing", "--index", str(link),
                  module="knowledge.search")  # fmt: skip
    assert search.returncode == 2 and f"--index {link} is {words}" in search.stderr, search.stdout + search.stderr
    assert not list(Path(tmp_path / "links").glob("*.faiss"))
    session = _run("--role", "director", "--questions", "1", "--embedder", "hashing", "--index", str(link),
                   "--answers", str(answers))  # fmt: skip
    assert session.returncode == 2 and f"--index {link} is {words}" in session.stderr, session.stdout + session.stderr
    assert "File exists" not in session.stdout + session.stderr
    scripted = _run("--role", "director", "--questions", "1", "--answers", str(link))
    assert scripted.returncode == 2 and f"answers file {link} is {words}" in scripted.stderr, scripted.stderr
    role = _run("--role", str(link), "--questions", "1", "--answers", str(answers))
    assert role.returncode == 2 and f"{link}: {words}" in role.stderr, role.stderr
    assert "unknown role" not in role.stderr
