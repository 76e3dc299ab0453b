"""sweep29 S1: a `--jd` that is a link looping back on itself, or a link to nothing, got the raw errno text ("cannot
read (Too many levels of symbolic links)") where every other path option names the link. Real links; the session
and the progress command as subprocesses."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


@pytest.mark.parametrize("module", ["agent.session", "agent.progress"])
def test_a_looping_or_dangling_jd_link_is_named_as_such(isolated_data_dir: Path, tmp_path: Path, module: str) -> None:
    (tmp_path / "l1").symlink_to(tmp_path / "l2")
    (tmp_path / "l2").symlink_to(tmp_path / "l1")
    (tmp_path / "dangling").symlink_to(tmp_path / "nowhere" / "jd.md")
    answers = tmp_path / "answers.txt"
    answers.write_text("/end\n", encoding="utf-8")
    extra = ["--answers", str(answers)] if module == "agent.session" else []
    said = []
    for jd in ("l1", "dangling"):
        done = subprocess.run([sys.executable, "-m", module, "--role", "director", "--embedder", "hashing", "--jd",
                               str(tmp_path / jd), *extra], capture_output=True, text=True, cwd=REPO, timeout=180,
                              stdin=subprocess.DEVNULL)  # fmt: skip
        assert done.returncode == 2, done.stdout + done.stderr
        said.append(" ".join(done.stderr.split()))
    assert f"--jd {tmp_path / 'l1'} is a link that loops back on itself" in said[0], said[0]
    assert f"is a link to {tmp_path / 'nowhere' / 'jd.md'}, which does not exist" in said[1], said[1]
