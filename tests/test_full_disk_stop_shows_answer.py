"""sweep 35 K09: the disk fills before an answer is submitted; the screen says "Your answer is not saved yet … press
Esc then Enter" and puts it back in the prompt; the candidate presses Ctrl-C there, the disk still full. The run said
"The draft you had typed could not be kept (No space left on device)" and the answer was gone, never shown to copy
(as the read-only and full-at-resume cases show it). Now the text is printed to copy. A real pty on a real full
tmpfs (root only, as tests/test_disk_faults.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.test_disk_faults import fill, small_disk  # noqa: F401  (small_disk is a fixture)
from tests.test_full_disk_tty import ARGS
from tests.test_persistence import A1, run, scripted
from tests.test_session_tty import Terminal

LAST = "K09MARK I kept the release train on time by cutting the test suite from 40 minutes to 12 minutes."
TAIL = "K09TAILMARK"


def test_ctrl_c_at_the_full_disk_retry_prompt_shows_the_unsaved_answer_to_copy(
    small_disk: Path,  # noqa: F811
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    data = small_disk / "data"
    monkeypatch.setenv("INTERVIEWER_DATA_DIR", str(data))
    seeded = run(*ARGS, stdin=scripted(A1))  # the script ends at question 2: the session is saved to resume
    assert seeded.returncode == 3, seeded.stdout + seeded.stderr
    term = Terminal(["--resume"])  # its database's -wal starts empty: a full disk refuses the next answer
    filler: Path | None = None
    try:
        term.wait_for_prompt(after="Question 2/4")
        filler = fill(small_disk)
        term.type(f"{LAST} {TAIL}\x1b\r")
        term.wait_for("is not saved yet")
        term.wait_for_prompt()  # the answer is back in the prompt
        term.type("\x03")
        term.wait_for("to copy")
        while TAIL not in term.text().rsplit("to copy", 1)[1] and (term._read() or term.proc.poll() is None):
            pass  # the lines after it, until the answer's end is shown or the process is gone
        assert term.exit_code() == 130
        said = " ".join(term.text().split())
    finally:
        term.close()
        if filler is not None:
            filler.unlink(missing_ok=True)
    shown = said.rsplit("Here it is, to copy:", 1)[1]
    assert LAST in shown and TAIL in shown, said[-3000:]  # the whole answer, start to end
    assert "Traceback" not in said
