"""Cue patterns that come from role files: checked at load and always run with a time bound.

A role file is the user's own, and one shared by someone else can hold a pattern that backtracks catastrophically
(`(a+)+b` against a long run of "a"s takes longer than the universe has). Two guards:

- `pattern_problem` refuses, at load, a pattern that does not compile or repeats a part that itself repeats without
  bound (the usual shape of such a pattern), so the file is refused with one line before the interview starts;
- `search` runs every cue with the `regex` package's timeout, for shapes the load check cannot see (overlapping
  alternatives such as `(a|aa)+b`): a cue that runs past it counts as not found and is not tried again in this
  process, so one bad cue costs at most one timeout, never a frozen critic.

The bound is the search's own CPU time, never the clock or the process's CPU time: the `regex` timeout counts the
whole process's CPU (every thread's: MiniLM passes, story searches, other sessions of a server), so a cue taking
microseconds could run out while other threads worked, be skipped for the rest of the process and change every
later verdict that needed it. A timeout is therefore only believed once the calling thread itself has spent the
bound on the search; before that the search is run again with twice the process-wide allowance, so a search needing
less than half the bound always finishes however busy the other threads are.
"""

from __future__ import annotations

import importlib
import time
from functools import lru_cache
from typing import Any

import regex

from knowledge.pattern_screen import case_blind_screen, may_match

__all__ = ["CUE_TIMEOUT_S", "compiled", "pattern_problem", "search"]

CUE_TIMEOUT_S = 1.0  # a shipped cue takes microseconds on a long answer; this stops a runaway one, with room for a
# loaded machine (a cue that times out is skipped for the rest of the process, so a false one must not happen)
_slow: set[str] = set()  # patterns that timed out once: skipped afterwards
# re's own parser: the load check reads the pattern's structure (private, hence loaded by name, typed Any).
_parser: Any = importlib.import_module("re._parser")
_REPEATS = ("MAX_REPEAT", "MIN_REPEAT")  # a possessive repeat or an atomic group gives nothing back: not checked


@lru_cache(maxsize=256)
def compiled(pattern: str) -> regex.Pattern[str]:
    """The case-blind compiled cue (regex's version 0 behaves as the standard library's re)."""
    return regex.compile(pattern, regex.IGNORECASE | regex.VERSION0)


def search(pattern: str, text: str) -> regex.Match[str] | None:
    """The first match of the cue in `text`, or None; None too when this thread spent CUE_TIMEOUT_S of its own CPU
    on it after the process spent as much (or did before, on any text)."""
    if pattern in _slow:
        return None
    screen = _screen(pattern)
    if screen is not None and not may_match(screen, text):
        return None  # none of the literals some part of the cue needs is in the text: it cannot match
    try:
        return compiled(pattern).search(text, timeout=CUE_TIMEOUT_S)
    except TimeoutError:
        pass
    # Past here only when the process spent the bound: measured from now (nothing measured on the fast path above),
    # so a runaway cue costs at most twice the bound of this thread's CPU.
    started, allowance = time.thread_time(), 2 * CUE_TIMEOUT_S
    while True:
        try:
            return compiled(pattern).search(text, timeout=allowance)
        except TimeoutError:
            if time.thread_time() - started >= CUE_TIMEOUT_S:
                _slow.add(pattern)
                return None
            allowance *= 2  # other threads' CPU ran the process-wide timeout out, not this search


# Syntax the regex package reads otherwise than re, whose parser the screen reads: a "{" that is no plain repeat
# (regex's fuzzy matching), a POSIX class ("[:alpha:]"), regex-only escapes. A cue holding one is never screened.
_REGEX_ONLY = regex.compile(r"\{(?!\d*(?:,\d*)?\})|\[:|\\[pPXmMGKLVRhQE]|\(\?[|V&]")


@lru_cache(maxsize=256)
def _screen(pattern: str) -> tuple[tuple[str, ...], ...] | None:
    """The cue's literal screen (knowledge.pattern_screen, anchors case-folded as regex's IGNORECASE folds them: its
    non-ASCII aliases of ASCII letters are among re's, checked by tests/test_pattern_screen.py), or None."""
    return None if _REGEX_ONLY.search(pattern) else case_blind_screen(pattern)


def pattern_problem(pattern: str) -> str | None:
    """Why a role file's cue pattern cannot be used, or None: it must compile with Python's re and with regex, and
    no part repeated without bound may itself hold an unbounded repeat (exponential backtracking)."""
    try:
        tree = _parser.parse(pattern)
        compiled(pattern)
    except Exception as exc:  # re.error and regex.error share no base class but Exception
        return f"is not a valid regular expression ({str(exc).splitlines()[0]})"
    if _nested_repeat(tree, inside=False):
        return ("repeats a part that itself repeats without bound, which can take minutes on some answers; "
                "bound the inner or outer repeat (e.g. {0,3}) or write it without the nesting")
    return None


def _nested_repeat(items: Any, inside: bool) -> bool:
    """True when an unbounded repeat sits inside another unbounded repeat, anywhere in the parsed pattern."""
    for op, arg in items:
        name = str(op)
        if name in _REPEATS:
            _low, high, body = arg
            unbounded = high == _parser.MAXREPEAT and _can_vary(body)
            if (unbounded and inside) or _nested_repeat(body, inside or unbounded):
                return True
            continue
        if any(_nested_repeat(part, inside) for part in _parts(name, arg)):
            return True
    return False


def _parts(name: str, arg: Any) -> list[Any]:
    """The sub-patterns a group, alternative or lookaround holds; an atomic group gives nothing back: not read."""
    if name == "SUBPATTERN":
        return [arg[-1]]
    if name == "BRANCH":
        return list(arg[1])
    return [arg[1]] if name in ("ASSERT", "ASSERT_NOT") else []


def _can_vary(body: Any) -> bool:
    """False for a repeated body that matches no text (an empty group, a lone assertion): repeating it cannot
    backtrack over text."""
    return any(str(op) not in ("AT", "ASSERT", "ASSERT_NOT") for op, _ in body)
