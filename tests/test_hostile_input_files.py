"""--jd and --answers take regular files of sane size; anything else is refused in one line, exit 2 (sweep N5, N8).

`--jd /dev/zero` exhausted memory, `--jd` on a named pipe hung for ever, and an --answers file had no size bound.
Driven as a user runs it (subprocess); an address-space limit keeps a regression from taking the machine down.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "1", "--follow-ups", "0"]


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (3 << 30, 3 << 30))  # 3 GB: reading /dev/zero whole fails fast


@pytest.mark.parametrize("flag", ["--jd", "--answers"])
@pytest.mark.parametrize("kind", ["device", "fifo", "folder", "huge"])
def test_a_file_flag_refuses_what_is_not_a_sane_regular_file(tmp_path: Path, flag: str, kind: str) -> None:
    if kind == "device":
        path = Path("/dev/zero")
    elif kind == "fifo":
        path = tmp_path / "pipe"
        os.mkfifo(path)
    elif kind == "folder":
        path = tmp_path
    else:
        path = tmp_path / "huge.md"
        path.write_text(("- Led a platform migration for six teams.\n" * 150_000), encoding="utf-8")  # ~6.3 MB
    done = subprocess.run([sys.executable, "-m", "agent.session", *ARGS, flag, str(path)], input="/end\n",
                          capture_output=True, text=True, cwd=REPO, timeout=60, preexec_fn=_limited)  # fmt: skip
    assert done.returncode == 2, done.stdout[-500:] + done.stderr[-500:]
    (line,) = done.stderr.strip().splitlines()
    assert line.startswith(f"error: {flag} {path}: ")
    assert ("not a regular file" in line) if kind != "huge" else ("bytes;" in line and "is under" in line)
    assert "Question 1" not in done.stdout


HOSTILE_JD = (
    "# Staff engineer\n## Requirements\n- Led \x1b[2Ja platform \x1b]0;pwned\x07migration for six teams\n"
    "- Own \x1b]8;;http://evil.example/\x1b\\reliability\x1b]8;;\x1b\\ of the data platform\n"
    "- Mentor engineers \x07 across teams\n"
)


def test_terminal_escapes_in_the_job_description_reach_neither_transcript_nor_progress_page(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    # sweep N11: the --jd text's requirements went raw into the transcript and the progress page (main 8424fad)
    jd = tmp_path / "jd.md"
    jd.write_text(HOSTILE_JD, encoding="utf-8")
    answer = "I led a platform migration for six teams and deploy time fell from 40 to 9 minutes.\n"
    done = subprocess.run([sys.executable, "-m", "agent.session", *ARGS, "--jd", str(jd)], input=answer,
                          capture_output=True, text=True, cwd=REPO, timeout=120)  # fmt: skip
    assert done.returncode == 0, done.stderr
    page = tmp_path / "progress.html"
    shown = subprocess.run([sys.executable, "-m", "agent.progress", "--embedder", "hashing", "--jd", str(jd),
                            "--html", str(page)], capture_output=True, text=True, cwd=REPO, timeout=120)  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    (transcript,) = (isolated_data_dir / "reports").glob("*.json")
    for text in (transcript.read_text(encoding="utf-8"), page.read_text(encoding="utf-8"), done.stdout, shown.stdout):
        assert not any(mark in text for mark in ("\x1b", "\x07", "\\u001b", "\\u0007", "&#27;", "&#x1b;"))
    assert "Led a platform migration for six teams" in transcript.read_text(encoding="utf-8")  # the text stays
