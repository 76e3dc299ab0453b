"""`agent.progress --html PATH` never replaces what is at PATH when it is not a page file: a pipe (or a device) or a
link that points nowhere is refused before anything is written, and a link to a file gets the page at its target
(sweep28 S14: each was replaced by a regular 0600 file and the command said it wrote the page). Real fifo and links."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def _page(target: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "agent.progress", "--role", "director", "--no-coverage", "--html",
                           str(target)], capture_output=True, text=True, cwd=REPO, timeout=180, env=dict(os.environ),
                          stdin=subprocess.DEVNULL)  # fmt: skip


def test_the_page_never_replaces_a_pipe_or_a_link(isolated_data_dir: Path, tmp_path: Path) -> None:
    pipe = tmp_path / "page.html"
    os.mkfifo(pipe)
    refused = _page(pipe)
    assert refused.returncode == 2 and "not a regular file" in refused.stderr, refused.stderr
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    dangling = tmp_path / "gone.html"
    dangling.symlink_to(tmp_path / "missing" / "p.html")
    refused = _page(dangling)
    assert refused.returncode == 2 and "which does not exist" in refused.stderr, refused.stderr
    assert dangling.is_symlink()
    (tmp_path / "site").mkdir()
    served = tmp_path / "site" / "progress.html"
    served.write_text("old page", encoding="utf-8")
    link = tmp_path / "progress.html"
    link.symlink_to(served)
    written = _page(link)
    assert written.returncode == 0, written.stderr
    assert link.is_symlink() and served.read_text(encoding="utf-8").startswith("<!doctype html>")


def test_an_existing_page_file_keeps_its_mode_and_a_new_one_is_private(isolated_data_dir: Path, tmp_path: Path) -> None:
    """sweep29 S2: a page file the candidate named (served by a web server, read by a sync tool) was reset to 0600."""
    served = tmp_path / "served.html"
    served.write_text("old page", encoding="utf-8")
    served.chmod(0o644)
    written = _page(served)
    assert written.returncode == 0, written.stderr
    assert served.read_text(encoding="utf-8").startswith("<!doctype html>")
    assert stat.S_IMODE(served.stat().st_mode) == 0o644
    new = tmp_path / "new.html"
    assert _page(new).returncode == 0
    assert stat.S_IMODE(new.stat().st_mode) == 0o600


def test_an_existing_page_is_rewritten_in_place_and_other_files_are_never_overwritten(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    """sweep29 S2: an existing page was replaced by a new file (a hard link kept the old page); sweep30 S8: any file
    named by --html was overwritten without a word (prep notes, an answers file, a read-only file)."""
    site = tmp_path / "site.html"
    site.write_text("old", encoding="utf-8")
    os.chmod(site, 0o644)
    hard = tmp_path / "hard.html"
    os.link(site, hard)
    written = _page(site)
    assert written.returncode == 0, written.stderr
    assert hard.read_text(encoding="utf-8").startswith("<!doctype html>")  # the same file, rewritten in place
    assert os.stat(site).st_ino == os.stat(hard).st_ino and stat.S_IMODE(os.stat(site).st_mode) == 0o644
    page = tmp_path / "progress.page"  # a page under another name: written new, then recognised as a page
    assert _page(page).returncode == 0 and _page(page).returncode == 0
    notes = tmp_path / "notes.md"
    notes.write_text("## Story: my prep notes\n", encoding="utf-8")
    locked = tmp_path / "locked.html"
    locked.write_text("keep", encoding="utf-8")
    os.chmod(locked, 0o444)
    for path, said in ((notes, "is a file that is not a web page"), (locked, "is read-only")):
        before = path.read_bytes()
        refused = _page(path)
        assert refused.returncode == 2, refused.stdout + refused.stderr
        assert f"--html {path} {said}; nothing was written there" in refused.stderr, refused.stderr
        assert path.read_bytes() == before
