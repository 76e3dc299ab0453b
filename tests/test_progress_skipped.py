"""`agent.progress --docs FOLDER` says which entries it skipped, one line each, as `knowledge.ingest` and the session
do (sweep27 S10: a pipe, a link loop, a dangling link, a link out of the folder and an unreadable history file were
all skipped without a word). Real folder, real links and pipe, the real command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
STORY = "## Story: Halving the build queue\n\n**Situation:** builds waited an hour.\n**Action:** I split the queue.\n" \
        "**Result:** the wait fell to 25 minutes.\n"  # fmt: skip


def test_progress_names_every_entry_it_skipped(isolated_data_dir: Path, tmp_path: Path) -> None:
    docs, outside = tmp_path / "docs", tmp_path / "elsewhere"
    docs.mkdir()
    outside.mkdir()
    (docs / "story.md").write_text(STORY, encoding="utf-8")
    os.mkfifo(docs / "pipe.md")
    (docs / "a.md").symlink_to(docs / "b.md")
    (docs / "b.md").symlink_to(docs / "a.md")
    (docs / "gone.md").symlink_to(tmp_path / "no-such.md")
    (outside / "far.md").write_text(STORY, encoding="utf-8")
    (docs / "far.md").symlink_to(outside / "far.md")
    history = isolated_data_dir / "history"
    history.mkdir(parents=True)
    (history / "broken.json").write_text("{not json", encoding="utf-8")
    args = [sys.executable, "-m", "agent.progress", "--role", "director", "--docs", str(docs), "--embedder", "hashing"]
    for extra in ([], ["--json"]):
        out = subprocess.run([*args, *extra], capture_output=True, text=True, cwd=REPO, timeout=180,
                             env=dict(os.environ), stdin=subprocess.DEVNULL)  # fmt: skip
        assert out.returncode == 0, out.stderr
        notes = [line for line in out.stderr.splitlines() if line.startswith("note: ")]
        for name in ("pipe.md", "a.md", "b.md", "gone.md", "far.md", "broken.json"):
            assert any(f"{name}:" in line for line in notes), (name, out.stderr)
        assert "loops back on itself" in out.stderr and "outside the folder" in out.stderr
        assert not any("story.md" in line for line in notes)
        if extra:
            assert len(json.loads(out.stdout)["notices"]) == 6
