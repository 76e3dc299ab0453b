"""Keys the candidate typed that no prompt has taken yet, gathered when the session stops so the draft keeps them.

A stop (Ctrl-C, SIGTERM, a SIGHUP from `kill`) can come while typed keys still wait: in the terminal's input queue
(typed while the session got ready, before the prompt read them, or while a busy machine gave the prompt no turn)
or in prompt_toolkit's own queue of keys read but not yet handled. They are the end of the draft on the screen (or
all of it): a draft kept without them was cut short, or lost whole when the prompt had taken none (sweep24 S3).
Only text is kept: Enter is a line break, Backspace removes the character before it, escape sequences (arrows,
a paste's markers) and other control keys are dropped. The submit keys (Esc Enter) among them mean the text before
them was submitted: it is an answer, kept as one (split_submitted), and only what follows is a draft.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from typing import Any

# CSI (arrows, paste markers), SS3 (keypad) and Esc + one key (Alt+key, Esc Enter: the submit keys themselves)
_ESCAPES = re.compile(r"\x1b(?:\[[0-9;?]*[ -/]*[@-~]|O.|.)?", re.DOTALL)


def as_text(keys: str) -> str:
    """The text a run of raw keys types."""
    text: list[str] = []
    for char in _ESCAPES.sub("", keys.replace("\r\n", "\n")):
        if char in "\x7f\x08":
            if text and text[-1] != "\n":
                text.pop()
        elif char in "\r\n":
            text.append("\n")
        elif char == "\t" or char >= " ":
            text.append(char)
    return "".join(text)


def _prompt_keys(prompt_input: Any, key_processor: Any) -> str:
    """Keys prompt_toolkit read from the terminal and did not handle: its key queue (a prompt stopped by a
    signal), then the typeahead a closed prompt leaves for the next one."""
    from prompt_toolkit.input.typeahead import get_typeahead

    keys: list[Any] = []
    if key_processor is not None:
        with contextlib.suppress(Exception):  # a prompt that never ran, or a queue in an odd state: keep the rest
            keys.extend(key_processor.empty_queue())
    if prompt_input is not None:
        with contextlib.suppress(Exception):
            keys.extend(get_typeahead(prompt_input))
    return "".join(str(getattr(key, "data", "")) for key in keys)


def _terminal_keys() -> bytes:
    """What waits in the terminal's input queue, read without waiting (line mode is switched off for the read, or
    an unfinished line would stay unreadable). Empty when stdin is no terminal or the terminal is gone."""
    try:
        import termios
    except ImportError:
        return b""
    try:
        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
    except (OSError, ValueError, termios.error):  # not a terminal (termios.error is not an OSError)
        return b""
    now = list(saved)
    now[3] &= ~termios.ICANON
    now[6] = list(saved[6])
    now[6][termios.VMIN], now[6][termios.VTIME] = 0, 0  # a read returns at once, with whatever is there
    data = b""
    try:
        termios.tcsetattr(fd, termios.TCSANOW, now)  # TCSANOW: nothing typed is flushed
        while len(data) < 1_000_000:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            data += chunk
    except (OSError, termios.error):
        pass  # the terminal closed meanwhile: what was read is kept
    finally:
        with contextlib.suppress(OSError, termios.error):
            termios.tcsetattr(fd, termios.TCSANOW, saved)
    return data


def unread_text(prompt_input: Any = None, key_processor: Any = None) -> str:
    """The text of every key typed and not taken by a prompt, in the order typed (prompt_toolkit's queue first:
    it read those keys from the terminal before the ones still waiting there)."""
    return as_text(unread_keys(prompt_input, key_processor))


def unread_keys(prompt_input: Any = None, key_processor: Any = None, busy: str = "") -> str:
    """The raw keys typed and not taken by a prompt, in the order typed (see unread_text); `busy`: those read
    while the session was busy (agent.cli_busy_keys), typed after prompt_toolkit's and before the terminal's."""
    keys = _prompt_keys(prompt_input, key_processor) if prompt_input is not None or key_processor else ""
    return keys + busy + _terminal_keys().decode("utf-8", errors="replace")


_SUBMIT = re.compile(r"\x1b[\r\n]")  # Esc Enter (Alt+Enter sends the same): the prompt's submit keys


def submit_at(keys: str) -> tuple[int, int] | None:
    """Where the first submit key (Esc Enter) is in `keys`: (its start, its end), or None."""
    match = _SUBMIT.search(keys)
    return None if match is None else (match.start(), match.end())


def split_submitted(keys: str) -> tuple[str, str] | None:
    """(text typed before the first submit key, text typed after it) when the unread keys hold a submit (Esc Enter),
    else None: the candidate submitted before the stop, and the prompt had not taken those keys yet (sweep26 S1:
    the answer was kept as an unsubmitted draft, "Nothing was answered yet")."""
    match = _SUBMIT.search(keys)
    if match is None:
        return None
    return as_text(keys[: match.start()]), as_text(keys[match.end() :])
