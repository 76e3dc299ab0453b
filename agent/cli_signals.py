"""How the terminal session stops on a signal: Ctrl-C (SIGINT), a closed terminal (SIGHUP) and SIGTERM alike.

All raise KeyboardInterrupt in the main thread, so the session takes one path: every submitted answer is
already in the session store, the session is released and `--resume` picks it up. A second Ctrl-C or SIGTERM
leaves as soon as the first stop has kept the draft (a third Ctrl-C at once). After a hang-up nothing can be
shown any more (writes to a hung-up terminal fail with EIO), so the output goes to /dev/null before the session
saves, and the process exits 129 (128 + SIGHUP); SIGTERM exits 143.

Nobody is left to press Ctrl-C a second time after a hang-up or SIGTERM, so those end the process within GRACE
seconds whatever the session is doing (an index build, a library that swallowed the KeyboardInterrupt): the
process exit drops the session lock. A terminal can also close without a SIGHUP reaching us (the shell holding
the terminal gets it first, or the terminal is not our controlling one): a watcher thread sees the hang-up on
stdin (POLLHUP, without reading a key) and raises it as one.

The exit code never depends on which comes first. A closed terminal makes writes fail (EIO) a moment before its
SIGHUP is sent, and a loaded machine can stretch that moment: the session could meet the closed terminal, end
with an error and exit 1 before the handler ran (or the handler's KeyboardInterrupt could land in its clean-up).
So the watcher records the hang-up itself, and `exit_code` looks at the terminal once more when the session
ends: a session that ended after its terminal closed exits 129 whatever main() returned or raised.

A signal that arrives while a weakref callback runs (the import system's module-lock callback, while a session gets
ready) raises its KeyboardInterrupt where Python prints and drops exceptions; the stop is then raised again a moment
later from a signal of our own (SIGUSR1), so no Ctrl-C is lost that way.

Every stop goes through one place (on_interrupt) that records it as due until the session takes it (rearm()), and
the interview checks it at each step boundary (check_stop()): a KeyboardInterrupt that something swallowed, or one
that came while the prompt was closing, still stops the session. A stop never raises inside LangGraph's own
bookkeeping (writing a step's results, its checkpoints): a KeyboardInterrupt there once left a saved session whose
resume had lost the answer just submitted (stop 25's SIGINT-30-ms race). It waits there, raised again 20 ms later,
until the main thread is in a node's own code (an LLM call may be stopped) or out of the graph. Likewise a stop never
raises while the prompt applies keys it has read (a SIGTERM or SIGHUP there cut the key from the kept draft), nor
inside a task of the prompt's event loop (prompt_toolkit printed that task's KeyboardInterrupt as a traceback).
"""

from __future__ import annotations

import contextlib
import inspect
import os
import select
import signal
import sys
import threading
import time
from collections.abc import Iterator
from types import CodeType, FrameType
from typing import Any, NoReturn

EXIT_HANGUP = 128 + signal.SIGHUP
EXIT_TERMINATED = 128 + signal.SIGTERM
# s to save and close after a hang-up or SIGTERM. Saving a draft at question 1 takes 0.3-0.6 s on an idle machine
# but 3.2 s was measured at load 5.5 (four sessions hung up at once), and at load 7-8 it once took over 5 s: the
# deadline ended the process before the draft was kept. A watchdog for a stuck library, not a time budget.
GRACE = 15.0

_installed = False  # set by install(): the process ends right after main() returns
_interrupts = 0  # Ctrl-C presses and hang-ups seen
_hung_up = False  # the terminal is gone (output silenced)
_stop_code: int | None = None  # set once a hang-up or SIGTERM stops the session: the exit code
_raised = False  # the stop was raised in the main thread (a KeyboardInterrupt); a repeat of it is ignored
_ended = False  # main() has returned: a signal now only sets the exit code (nothing is left to interrupt)
_tty = False  # stdin was a terminal at launch (only then does a hang-up on it mean the terminal closed)
_deadline: float | None = None  # monotonic time by which the process exits after a hang-up or SIGTERM
_holding = False  # a submitted answer is on its way to the session journal: a stop waits for it (hold/release)
_pending = False  # a stop came while holding: raised by release()
_leave = False  # a second stop signal came: leave once the first stop has kept the answer or draft (_again)
RAISE_AGAIN = signal.SIGUSR1  # sent to ourselves: raise again a stop that a callback swallowed (_unraisable)
_stop_due = False  # a stop was asked for and the session has not taken it yet (rearm): see check_stop()
RETRY = 0.02  # s before a stop that came inside LangGraph's bookkeeping is raised again (see _in_graph_machinery)
_retry: threading.Timer | None = None  # that retry, until it fires (rearm() cancels it)
_saved_resume = ""  # the resume command leaving at once prints once a move is saved (set_leave_note), else ""
_draft_resume = ""  # the resume command once a draft typed at the prompt is on disk (set_draft_kept), else ""


def install() -> None:
    """Take over SIGINT, SIGHUP and SIGTERM for the command line (not for tests that call main() in-process).

    The watcher's thread starts first: Thread.start() waits for the thread to run, and a Ctrl-C taken by
    on_interrupt during that wait raised KeyboardInterrupt out of install() (a traceback, stop 33's CI); until the
    handlers change, the launch's own (agent.session: leave quietly, exit 130) has it. A stop in the instant the
    handlers change leaves the same way: nothing has started."""
    global _installed, _tty
    _installed = True
    with contextlib.suppress(OSError, ValueError):
        _tty = os.isatty(0)
    sys.unraisablehook = _unraisable
    threading.Thread(target=_watch, name="terminal-watch", daemon=True).start()
    try:
        signal.signal(RAISE_AGAIN, _raise_again)
        signal.signal(signal.SIGHUP, on_hangup)
        signal.signal(signal.SIGTERM, on_terminate)
        signal.signal(signal.SIGINT, on_interrupt)
    except KeyboardInterrupt:
        os.write(2, f"\n{stop_word()} before the session started; nothing was saved.\n".encode())
        leave(_stop_code or 130)  # the terminal as it was (echo, line mode)


def _unraisable(info: Any) -> None:
    """The stop raised where Python drops exceptions (the signal came while a weakref callback ran, e.g. the
    import system's module-lock callback, or a __del__): Python would print a traceback and go on as if nothing
    had been pressed. Raised again a moment later, outside that callback (RAISE_AGAIN)."""
    if isinstance(info.exc_value, KeyboardInterrupt) and not _ended:
        threading.Timer(0.02, os.kill, (os.getpid(), RAISE_AGAIN)).start()
        return
    sys.__unraisablehook__(info)


def _raise_again(signum: int, frame: Any) -> None:
    """The stop a dropping callback swallowed (see _unraisable), or one that waited for LangGraph, raised again."""
    if not _ended and _stop_due:
        stop_now(frame)


def on_interrupt(signum: int, frame: Any) -> None:
    """First signal: KeyboardInterrupt (save, say how to resume). Second: leave as soon as that stop has kept the
    answer submitted just before and the draft (_again); every answer is then in the session store, and SQLite
    survives a process that stops mid-write."""
    global _interrupts, _stop_due
    if _ended:
        return
    _interrupts += 1
    if _interrupts > 1:
        _again()
        return
    _stop_due = True
    stop_now(frame)


INSIST = 3  # the Ctrl-C that leaves at once even before the first stop has kept the draft (a stuck library)


def _again() -> None:
    """A stop signal after the first (Ctrl-C, SIGTERM): leave, but only once the first stop has kept what it keeps
    (the answer on its way to disk: release(); the draft and the save line: saving()). Leaving at once lost the
    draft typed at the prompt when a second SIGTERM, or a SIGTERM after a Ctrl-C, came within ~50 ms (sweep 37
    S88/S89: the first stop had not reached its save yet), and said only "Interrupted." over an answer it kept
    (S79). The watchdog leaves GRACE s later if that save hangs; a third Ctrl-C leaves at once."""
    global _leave
    _leave = True
    _stop(_stop_code or (EXIT_HANGUP if _hung_up else 130))  # the first stop's code (a Ctrl-C sets none) and the
    # watchdog's deadline
    if _interrupts >= INSIST:
        _leave_now()


def set_leave_note(command: str) -> None:
    """Something of the session is saved: `command` resumes it ("": it cannot be resumed, e.g. kept in memory only).
    Leaving at once (a third Ctrl-C) then says "Session saved" and that command after the stop's word."""
    global _saved_resume
    _saved_resume = command


def set_draft_kept(command: str) -> None:
    """A draft typed at the prompt is on disk now (agent.cli_draft_saver): `command` resumes its session ("": none
    is). Leaving at once says so: at question 1 it said only "Interrupted." over a draft it kept (sweep 38 S111)."""
    global _draft_resume
    _draft_resume = command


def stop_word() -> str:
    """What stopped the session, to start the line that says so: a Ctrl-C is "Interrupted"; a SIGTERM was sent by
    another program (a supervisor, `kill`), so it is named ("Interrupted." read as if the user had pressed keys)."""
    return "Stopped by a signal (SIGTERM)" if _stop_code == EXIT_TERMINATED else "Interrupted"


def leave_line() -> str:
    """The line leaving at once prints: what stopped the session, what is kept and the resume command."""
    draft = "The draft you had typed is kept" if _draft_resume else ""
    if _saved_resume:
        kept = f"Session saved.{f' {draft} too.' if draft else ''} Resume with: {_saved_resume}"
    elif draft:
        kept = f"{draft} with the session. Resume with: {_draft_resume}"
    else:
        kept = ""
    return f"{stop_word()}. {kept}".rstrip()


def _leave_now() -> None:
    os.write(2, f"\n{leave_line()}".encode("utf-8", "replace") + b"\n")
    leave(_stop_code or (EXIT_HANGUP if _hung_up else 130))  # the first stop's code: 143 after a SIGTERM


def leave(code: int) -> NoReturn:
    """Exit at once (os._exit: no `finally` runs), the terminal's settings given back first (NOFLSH, echo and line
    mode: agent.cli_input.restore_terminal; sweep 33: NOFLSH stayed on after a second Ctrl-C)."""
    held = sys.modules.get("agent.cli_input")  # loaded by then whenever the terminal was changed
    restore = getattr(held, "restore_terminal", None)
    if callable(restore):
        with contextlib.suppress(Exception):  # a terminal that is gone: leave anyway
            restore()
    os._exit(code)


def stop_now(frame: FrameType | None = None) -> None:
    """Raise the stop (KeyboardInterrupt), or keep it for release() while a submitted answer is being saved, or
    for a moment while `frame` (where the signal found the main thread) is in LangGraph's bookkeeping."""
    global _pending, _retry
    if _holding:
        _pending = True
        return
    if _in_graph_machinery(frame) or _in_key_handling(frame) or _in_loop_setup(frame) or _in_loop_task(frame):
        _retry = threading.Timer(RETRY, os.kill, (os.getpid(), RAISE_AGAIN))
        _retry.start()
        return
    raise KeyboardInterrupt


_GRAPH_PACKAGE = f"{os.sep}langgraph{os.sep}"
_GRAPH_CODE: set[CodeType] = set()  # our node and routing functions (graph_code): a frame of one is our own work


def graph_code(*functions: Any) -> None:
    """Name the functions a graph runs as nodes or routes (agent.graph does): a stop that finds the main thread inside
    one of them is raised there, whatever LangGraph's own functions are called in the installed version."""
    for function in functions:
        function = inspect.unwrap(function)
        code = getattr(function, "__code__", None)
        if code is not None:
            _GRAPH_CODE.add(code)


def _in_graph_machinery(frame: FrameType | None) -> bool:
    """True when the innermost LangGraph frame in `frame`'s stack is LangGraph's own work (applying a step's
    writes, saving a checkpoint, starting the next step), not the call of a node function outside LangGraph.

    A frame of a function named by graph_code() met first is our own work: that needs nothing of LangGraph but its
    package folder. Other node functions (tests' graphs) are told by the frame that calls them (LangGraph 1.x:
    RunnableCallable.invoke in _runnable.py), the older, name-bound rule."""
    callee = None
    while frame is not None:
        if frame.f_code in _GRAPH_CODE:
            return False
        if _GRAPH_PACKAGE in frame.f_code.co_filename:
            into_node = callee is not None and _GRAPH_PACKAGE not in callee.f_code.co_filename
            return not (into_node and frame.f_code.co_name == "invoke" and frame.f_code.co_filename.endswith(
                f"{os.sep}_runnable.py"))  # RunnableCallable.invoke calling the node (or a routing function)
        callee, frame = frame, frame.f_back
    return False


_PROMPT_APP = f"{os.sep}prompt_toolkit{os.sep}application{os.sep}"
# prompt_toolkit's reader callbacks (Application._run_async): each reads keys from the terminal, parses them and
# applies them to the buffer; keys it has read are in its locals until then, so a stop raised inside one lost them
_KEY_CALLBACKS = frozenset({"read_from_input", "read_from_input_in_context", "flush_input"})


def _in_key_handling(frame: FrameType | None) -> bool:
    """True while the prompt handles keys it read from the terminal: a SIGTERM or SIGHUP raised there cut off the
    key being applied (a kept draft missing a character, or the last few keys). Held like a stop inside LangGraph's
    bookkeeping: raised again RETRY s later, once the keys are in the buffer the draft is kept from."""
    while frame is not None:
        code = frame.f_code
        if code.co_name in _KEY_CALLBACKS and _PROMPT_APP in code.co_filename:
            return True
        frame = frame.f_back
    return False


_ASYNCIO = f"{os.sep}asyncio{os.sep}"
# asyncio's event loop being built or closed (the prompt makes one per question): a stop raised there left a loop
# without its _signal_handlers / _ssock, whose __del__ printed "Exception ignored ... AttributeError" with "coroutine
# 'Application.run_async' was never awaited" under "Session saved", and twice the process did not exit for 30-60 s
# (sweep 37 S75: Ctrl-C the instant the follow-up panel was drawn)
_LOOP_SETUP = frozenset({"__init__", "_make_self_pipe", "close", "_close_self_pipe", "new_event_loop", "_lazy_init"})


def _in_loop_setup(frame: FrameType | None) -> bool:
    """True while an event loop is being built or closed (asyncio's own code, or prompt_toolkit's loop factory):
    held like a stop inside LangGraph's bookkeeping, raised again RETRY s later once the loop is whole or gone."""
    while frame is not None:
        code = frame.f_code
        if (code.co_name in _LOOP_SETUP and _ASYNCIO in code.co_filename) or (
            code.co_name == "new_eventloop_with_inputhook"
        ):
            return True
        frame = frame.f_back
    return False


def _in_loop_task(frame: FrameType | None) -> bool:
    """True while the event loop runs one of its callbacks or a task's step (the prompt's completer after a key, a
    redraw), not while it waits for a key. A KeyboardInterrupt raised inside a task is kept by that task, and
    prompt_toolkit reports it as the loop winds down: "Unhandled exception in event loop", a traceback and "Press
    ENTER to continue..." over the save line (sweep 39 S118). Held like a stop inside LangGraph's bookkeeping:
    raised again RETRY s later, where the loop waits for keys and the stop leaves the prompt as it always did."""
    while frame is not None:
        code = frame.f_code
        if code.co_name == "_run" and code.co_filename.endswith(f"{_ASYNCIO}events.py"):  # asyncio.Handle._run
            return True
        frame = frame.f_back
    return False


def check_stop() -> None:
    """A step boundary: a stop asked for and not yet raised where the session takes it (swallowed on the way, or
    waiting for LangGraph) is raised here, unless a submitted answer is still on its way to disk (release())."""
    if _stop_due and not _holding and not _ended:
        raise KeyboardInterrupt


def hold() -> None:
    """The prompt accepted an answer: until release(), a Ctrl-C, hang-up or SIGTERM waits (it would otherwise land
    between the prompt and the session journal, and the answer the screen showed as sent would be lost)."""
    global _holding
    _holding = True


def release() -> None:
    """The answer is in the session journal (or was not an answer): a stop that waited is raised now."""
    global _holding, _pending
    held, _holding = _holding, False
    if _leave and held and not _pending:
        _leave_now()  # a second Ctrl-C came while the answer was saved: it is saved now
    # a first stop that waited for this save is raised even after a second signal: leaving here said only
    # "Interrupted." (exit 130 for two SIGTERMs) over an answer it had kept (sweep 38 S104, S99b); that stop
    # prints the save line and the resume command, saving() holds a second signal, the watchdog's GRACE still holds
    if _pending:
        _pending = False
        raise KeyboardInterrupt


def before_question() -> None:
    """A question is about to wait for the candidate (a y/N read): no stop may wait behind it. A hold still on (an
    answer accepted by a prompt that never handed it back; it is in the answer journal by then) is lifted, and a
    stop that waited for it, or is due and not raised yet, is raised now: the question is not asked."""
    release()
    check_stop()


@contextlib.contextmanager
def saving() -> Iterator[None]:
    """While a stop keeps what there is to keep (the draft, the save line): a second Ctrl-C waits for it (it left at
    once, and a draft typed at question 1 was lost with its session, sweep25 S2), and the stop then ends as it
    would have (leaving here cut the resume command printed after a resume's stop, sweep 37 S79)."""
    global _holding, _pending
    _holding = True
    said = False
    try:
        yield
        said = True
    finally:
        _holding = _pending = False  # a stop that waited is the one being handled here
        if _leave and not said:  # kept: the stop goes on to its last lines (the watchdog's deadline still holds)
            _leave_now()


def holding() -> bool:
    """True between hold() and release()."""
    return _holding


def on_hangup(signum: int, frame: Any) -> None:
    """The terminal is gone (window closed, ssh dropped): stop as for Ctrl-C, printing nowhere."""
    global _hung_up, _raised
    if not _hung_up:
        _hung_up = True
        _silence()
    _stop(EXIT_HANGUP)
    if _raised or _ended:
        return  # the same hang-up again (the watcher's and the kernel's): the first one is being handled
    _raised = True
    on_interrupt(signum, frame)


def on_terminate(signum: int, frame: Any) -> None:
    """SIGTERM: stop as for Ctrl-C (the save line is printed); a second one leaves once the first has saved."""
    global _raised
    if _raised or _interrupts:  # after a Ctrl-C too: that first stop decides the exit code
        if _ended:  # nothing is left to keep
            leave(_stop_code or EXIT_TERMINATED)
        _again()
        return
    _stop(EXIT_TERMINATED)
    if _ended:
        return
    _raised = True
    on_interrupt(signum, frame)


def _stop(code: int) -> None:
    global _stop_code, _deadline
    if _stop_code is None:  # the first stop decides the exit code
        _stop_code = code
    if _deadline is None:
        _deadline = time.monotonic() + GRACE


def _watch() -> None:
    """The watchdog (exit once GRACE is over) and the terminal's hang-up seen on stdin."""
    global _hung_up, _deadline
    poller = None
    with contextlib.suppress(OSError, ValueError):
        if os.isatty(0):
            poller = select.poll()
            poller.register(0, 0)  # no events asked: only POLLHUP / POLLERR wake it, never a key typed
    while True:
        if _deadline is not None and time.monotonic() > _deadline:
            # with the line a third Ctrl-C prints: under load two Ctrl-C can reach the handler as one (Python runs it
            # once for signals that came before it ran), and this exit said nothing over a kept draft
            _leave_now()
        if poller is None or _hung_up:
            time.sleep(0.25)
            continue
        events = poller.poll(250)
        if any(flags & (select.POLLHUP | select.POLLERR) for _, flags in events):
            poller = None
            _hung_up = True
            _silence()  # before the main thread meets the closed terminal (EIO) on its own
            _stop(EXIT_HANGUP)  # the exit code and the deadline, even if the handler never runs
            os.kill(os.getpid(), signal.SIGHUP)  # the handler raises KeyboardInterrupt in the main thread


def _silence() -> None:
    # stdout and stderr (fds 1 and 2) point at /dev/null from now on; stdin stays, so the prompt's own
    # clean-up meets the terminal it set up (and ignores that it is gone).
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    for fd in (1, 2):
        with contextlib.suppress(OSError):
            os.dup2(null, fd)
    os.close(null)


def rearm() -> None:
    """After a Ctrl-C (the prompt may have swapped handlers): the next signal exits at once (command line only).
    The session is taking the stop now: it is no longer due (check_stop, a retry that waited for LangGraph)."""
    global _stop_due
    _stop_due = False
    if _retry is not None:
        _retry.cancel()
    if _installed:
        signal.signal(signal.SIGINT, on_interrupt)
        signal.signal(signal.SIGHUP, on_hangup)
        signal.signal(signal.SIGTERM, on_terminate)


def _terminal_gone() -> bool:
    """True when stdin was a terminal and is hung up now (asked without reading a key)."""
    if not _tty:
        return False
    try:
        poller = select.poll()
        poller.register(0, 0)
        return any(flags & (select.POLLHUP | select.POLLERR | select.POLLNVAL) for _, flags in poller.poll(0))
    except (OSError, ValueError):
        return False


def terminal_closed() -> bool:
    """True once the terminal has hung up, also when the session met it closed (an OSError from the prompt or a
    print) before its SIGHUP arrived: the hang-up is then taken as handled here (a late SIGHUP raises nothing)."""
    global _hung_up, _raised
    if not _hung_up and _stop_code is None and not _terminal_gone():
        return False
    if not _hung_up:
        _hung_up = True
        _silence()
    _stop(EXIT_HANGUP)
    _raised = True
    return True


def exit_code() -> int | None:
    """When the session has ended: the code to leave with at once after a hang-up or SIGTERM (also when the
    terminal closed and its SIGHUP has not been handled yet), else None (leave with what main() returned).
    From now on a signal only sets that code: a KeyboardInterrupt would only break the exit."""
    global _hung_up, _ended
    _ended = True
    if _stop_code is None and _terminal_gone():
        if not _hung_up:
            _hung_up = True
            _silence()
        _stop(EXIT_HANGUP)
    return _stop_code


def interview_over() -> None:
    """The interview is done and its report saved: nothing is left to stop or keep, so from now on a signal only
    sets the exit code (a stop raised while the scorecard is shown, or while the session closes, said "Session
    saved. Resume with ..." or "Interrupted before the session started" under a finished report: sweep25 S8)."""
    global _ended
    _ended = True


def check_interrupted() -> None:
    """A Ctrl-C or hang-up that a library swallowed while the session got ready still stops it before the prompt."""
    if _interrupts:
        raise KeyboardInterrupt


def hung_up() -> bool:
    """True once the terminal has hung up."""
    return _hung_up


def stop_code() -> int | None:
    """The exit code once a hang-up or SIGTERM stopped the session (whatever main() returned), else None."""
    return _stop_code
