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
import time
from pathlib import Path

import pytest

from tests.test_first_draft_kept import ARGS
from tests.test_session_tty import Terminal

DRAFT = "Pager load fell by a third once one team owned the alerts!"
SLOW_KEY = """
import importlib.abc, importlib.util, os, sys, time
class _SlowKey(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name != "prompt_toolkit.buffer":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run = spec.loader.exec_module
        def exec_module(module):
            run(module)
            insert = module.Buffer.insert_text
            def slow_insert(self, data, *args, **kwargs):
                if data == "!":  # the draft's last key: the stop is sent while it is being applied
                    open(os.environ["SLOW_KEY_MARK"], "w").close()
                    for _ in range(100):  # 1 s, in steps (a signal is handled between them)
                        time.sleep(0.01)
                return insert(self, data, *args, **kwargs)
            module.Buffer.insert_text = slow_insert
        spec.loader.exec_module = exec_module
        return spec
sys.meta_path.insert(0, _SlowKey())
"""


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_stop_while_a_key_is_applied_keeps_the_whole_draft(
    isolated_data_dir: Path, tmp_path: Path, sig: signal.Signals, code: int
) -> None:
    hook = tmp_path / "slow-key"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(SLOW_KEY, encoding="utf-8")
    mark = tmp_path / "applying-the-key"
    term = Terminal(ARGS, extra_env={"PYTHONPATH": str(hook), "SLOW_KEY_MARK": str(mark)})
    try:
        term.wait_for_prompt(after="Question 1/2")
        term.type_seen(DRAFT[:-1])
        term.type(DRAFT[-1])
        deadline = time.monotonic() + 60
        while not mark.exists():
            assert time.monotonic() < deadline and term.proc.poll() is None, term.text()[-1500:]
            term._read()
        term.proc.send_signal(sig)
        exited = term.proc.wait(timeout=60)
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
