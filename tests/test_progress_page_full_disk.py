"""sweep 33 S8: `python -m agent.progress --html PAGE` on a full disk, PAGE an earlier (smaller) page: the in-place
rewrite truncated the old page and then failed, leaving a cut page. The room is now taken before a byte changes: the
old page stays whole, one line says so, and once space is freed the page is written. A real full tmpfs."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from tests.test_disk_faults import fill, small_disk  # noqa: F401  (small_disk is a fixture)

REPO = Path(__file__).resolve().parents[1]


def _page(target: Path, data: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "agent.progress", "--role", "director", "--no-coverage", "--html",
                           str(target)], capture_output=True, text=True, cwd=REPO, timeout=180,
                          env={**os.environ, "INTERVIEWER_DATA_DIR": str(data)}, stdin=subprocess.DEVNULL)  # fmt: skip


def test_a_full_disk_leaves_the_old_page_whole(small_disk: Path, tmp_path: Path) -> None:  # noqa: F811
    page = small_disk / "progress.html"
    old = "<!doctype html><html><body><p>Last month's progress, kept by the candidate.</p></body></html>\n" * 40
    page.write_text(old, encoding="utf-8")
    filler = fill(small_disk)
    refused = _page(page, tmp_path / "data")
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert hashlib.sha256(page.read_bytes()).digest() == hashlib.sha256(old.encode()).digest()
    errors = refused.stderr.strip().splitlines()
    assert len(errors) == 1 and "No space left" in errors[0] and "left as it was" in errors[0], refused.stderr
    filler.unlink()
    written = _page(page, tmp_path / "data")
    assert written.returncode == 0, written.stderr
    assert page.read_text(encoding="utf-8").startswith("<!doctype html>") and "Last month" not in page.read_text()
