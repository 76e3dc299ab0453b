"""Ctrl-C in the instant the next prompt builds its event loop (the follow-up panel just drawn) stops the session as
anywhere else: "Session saved", exit 130, the answer kept, and no "Exception ignored ... _signal_handlers" or
"coroutine 'Application.run_async' was never awaited" under it (sweep 37 S75: 1 run in 10-25, and twice the process
stayed 30-60 s). tests/slow_hook.py pauses the loop's construction halfway (after its self-pipe, before the rest of
its __init__), armed only once the first answer is on its way, so the SIGINT lands there every time. Real pty."""

from __future__ import annotations

import signal
from pathlib import Path

from tests.slow_hook import release, slow_call
from tests.test_early_answer_durable import _reported_answers
from tests.test_first_draft_kept import _run
from tests.test_session_tty import PATIENCE, Terminal

ARGS = ["--role", "director", "--embedder", "hashing", "--seed", "3", "--questions", "2", "--follow-ups", "1"]
ANSWER = "I merged three on-call rotas into one; pages per person fell from 14 to 5 a month within a quarter."
MAIN_THREAD = "__import__('threading').current_thread() is __import__('threading').main_thread()"


def test_ctrl_c_while_the_next_prompt_builds_its_loop_leaves_cleanly(isolated_data_dir: Path, tmp_path: Path) -> None:
    arm = tmp_path / "armed"
    armed = f"os.path.exists({str(arm)!r}) and {MAIN_THREAD}"
    env, mark = slow_call(tmp_path / "hook", "asyncio.selector_events", "BaseSelectorEventLoop._make_self_pipe",
                          condition=armed, seconds=60, after=True)  # fmt: skip
    term = Terminal(ARGS, extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/2")
        arm.touch()  # the next event loop the main thread builds is the next prompt's
        term.submit(ANSWER)
        term.wait_for_mark(mark)
        term.proc.send_signal(signal.SIGINT)
        term.wait_delivered(signal.SIGINT)  # the handler runs inside the half-built loop
        release(mark)
        exited = term.proc.wait(timeout=PATIENCE)
        said = term.said()
    finally:
        term.close()
    assert exited == 130, said[-1500:]
    assert "Session saved" in said, said[-1500:]
    assert "Exception ignored" not in said and "never awaited" not in said, said[-1500:]
    assert "Traceback" not in said, said[-1500:]
    resumed = _run("--resume", stdin="/end\n")
    assert resumed.returncode == 0, resumed.stdout[-800:] + resumed.stderr[-800:]
    assert _reported_answers(isolated_data_dir) == [ANSWER]
