"""A SIGTERM or SIGHUP that lands while the prompt applies a key keeps that key in the draft (stop 26: the signal
landed inside prompt_toolkit's key handling and the kept draft missed its last character, or its last few keys).
The stop is held, as one inside LangGraph's bookkeeping, until the keys read are in the buffer.

The moment is made certain: a `sitecustomize` on the child's path slows prompt_toolkit's buffer insert of the
draft's last character and leaves a file when it starts, and the signal is sent then. Real pty, real signals; the
kept draft is read from the session's answer journal file, and the signal handler's frame test is checked against
the prompt_toolkit installed (it fails if an upgrade renames the callbacks it looks for)."""

from __future__ import annotations

import json
import signal
from pathlib import Path

import pytest

from tests.slow_hook import slow_call
from tests.test_first_draft_kept import ARGS
from tests.test_session_tty import Terminal

DRAFT = "Pager load fell by a third once one team owned the alerts!"


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_stop_while_a_key_is_applied_keeps_the_whole_draft(
    isolated_data_dir: Path, tmp_path: Path, sig: signal.Signals, code: int
) -> None:
    # prompt_toolkit's buffer insert of the draft's last key: 1 s, the mark left as it starts
    env, mark = slow_call(tmp_path / "slow-key", "prompt_toolkit.buffer", "Buffer.insert_text", "args[1] == '!'")
    term = Terminal(ARGS, extra_env=env)
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.type_seen(DRAFT[:-1])
        term.type(DRAFT[-1])
        exited = term.kill_at_mark(mark, 60, sig)
    finally:
        term.close()
    assert exited == code, term.text()[-1500:]
    (kept,) = (isolated_data_dir / "pending").glob("*.json")
    assert json.loads(kept.read_text(encoding="utf-8"))["draft"] == DRAFT


def test_the_handler_sees_a_key_being_applied_by_the_installed_prompt_toolkit() -> None:
    """The frame test (cli_signals._in_key_handling) names prompt_toolkit's reader callbacks: asked from inside a real
    prompt's key binding it must say yes, or stops inside key handling would go unnoticed after an upgrade."""
    import sys

    from prompt_toolkit import PromptSession
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.key_binding import KeyBindings
    from prompt_toolkit.output import DummyOutput

    from agent.cli_signals import _in_key_handling

    seen: list[bool] = []
    keys = KeyBindings()

    @keys.add("x")
    def _(event: object) -> None:
        seen.append(_in_key_handling(sys._getframe()))
        event.app.exit(result="done")  # type: ignore[attr-defined]

    with create_pipe_input() as pipe:
        pipe.send_text("x")
        session: PromptSession[str] = PromptSession(input=pipe, output=DummyOutput(), key_bindings=keys)
        assert session.prompt() == "done"
    assert seen == [True]
    assert not _in_key_handling(sys._getframe())  # and no to a frame outside the prompt
