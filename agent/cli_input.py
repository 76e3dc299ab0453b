"""Where the session's answers come from, and the commands a candidate can type instead of an answer.

Two sources share one small interface (`read() -> str`):
- PromptSource: the interactive multi-line prompt (prompt_toolkit, needs a TTY). Enter adds a line;
  Esc then Enter, Alt+Enter, or a line `/done` submits; a lone command line (e.g. `/skip`) submits on Enter.
- ScriptedSource: answers from an --answers file or a piped stdin stream; raises ScriptExhausted
  when it runs dry, so the session can save and say how to resume.
Ctrl-C surfaces as KeyboardInterrupt and Ctrl-D as EOFError from either source.
"""

from __future__ import annotations

import contextlib
import os
import re
import signal
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Protocol

from agent import cli_signals

KEY_QUIET = 0.6  # s without a key before the prompt may be stopped to show something (> prompt_toolkit's Esc wait)
ANSWER_CAP = 20_000  # characters kept of one answer; a longer paste is cut with a notice
COMMANDS = ("hint", "skip", "repeat", "feedback", "end", "help")
SUBMIT_HELP = "Submit: Esc then Enter (or Alt+Enter), or a line /done. Commands: /help"
# A command is a whole line, exactly: "/skip", "/feedback off". "/skip-level meetings..." or "/usr/local was
# full" is an answer that happens to start with a slash, never a command.
_COMMAND_RE = re.compile(r"^/([A-Za-z]+)(?:[ \t]+([A-Za-z]+))?$")


class ScriptExhausted(Exception):
    """The scripted answers ran out before the interview ended."""


@dataclass(frozen=True)
class Command:
    """A command typed at the start of an answer: `/feedback off` -> name='feedback', arg='off'.

    `rest` is any text after the command line; for /hint, /repeat, /help and /feedback it is then
    treated as the answer, so a script can say "/hint" and answer in the same chunk.
    """

    name: str
    arg: str = ""
    rest: str = ""

    @property
    def known(self) -> bool:
        return self.name in COMMANDS


def parse_command(text: str) -> Command | None:
    """The command on the first line of `text`, or None when the text is an ordinary answer.

    The first line must be the command and nothing else (one word of argument only for /feedback);
    a lone unknown "/word" is still a command (a typo the loop answers with the list of commands).
    """
    stripped = text.lstrip()
    first, _, rest = stripped.partition("\n")
    match = _COMMAND_RE.match(first.strip())
    if not match:
        return None
    name, arg = match.group(1).lower(), (match.group(2) or "").lower()
    if arg and name != "feedback":
        return None  # "/skip it" is not a command line
    return Command(name, arg, rest.strip())


def without_done(text: str) -> str:
    """`text` without a last line `/done`: the submit line (the prompt drops it too; an --answers item may keep
    it), never part of the answer, nor an unknown command when it is all there is."""
    lines = text.rstrip().split("\n")
    if lines[-1].strip() != "/done":
        return text
    return "\n".join(lines[:-1])


def cap_answer(text: str, cap: int = ANSWER_CAP) -> tuple[str, bool]:
    """The answer cut to `cap` characters, and whether it was cut."""
    if len(text) <= cap:
        return text, False
    return text[:cap], True


class AnswerSource(Protocol):
    """Something that yields the candidate's next raw input (an answer or a command)."""

    interactive: bool

    def read(self) -> str:
        """The next input; raises ScriptExhausted, EOFError (Ctrl-D) or KeyboardInterrupt (Ctrl-C)."""
        ...


class ScriptedSource:
    """Answers from a list or a lazy stream (piped stdin)."""

    interactive = False

    def __init__(self, answers: Iterator[str]) -> None:
        self._answers = answers
        self.used = 0

    def read(self) -> str:
        try:
            answer = next(self._answers)
        except StopIteration:
            raise ScriptExhausted from None
        self.used += 1
        return answer

    def unused(self, wait: float = 0.5) -> tuple[int, bool]:
        """(answers never read, whether that count is complete) once the interview is over.

        Commands and blank chunks do not count. A pipe whose writer keeps it open is read for at most
        `wait` seconds (on a daemon thread), so the session never hangs on it.
        """
        import threading

        count = 0
        finished = threading.Event()

        def drain() -> None:
            nonlocal count
            for answer in self._answers:
                if answer.strip() and parse_command(answer) is None:
                    count += 1
            finished.set()

        threading.Thread(target=drain, name="unused-answers", daemon=True).start()
        finished.wait(wait)
        return count, finished.is_set()


def _is_lone_command(text: str) -> bool:
    """True for a one-line command such as '/skip' or '/feedback off' (Enter submits it at once)."""
    return "\n" not in text.strip() and parse_command(text) is not None


def hold_now() -> None:
    """hold_keys() from now until release_keys() (called at launch, before the slow imports: keys typed then
    would otherwise be echoed raw above the banner)."""
    try:
        import termios

        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
    except (ImportError, OSError, ValueError):
        return
    quiet = list(saved)
    quiet[3] &= ~(termios.ECHO | termios.ICANON)
    _held.append((fd, saved))  # before the echo goes: a Ctrl-C right after it must find what to give back
    termios.tcsetattr(fd, termios.TCSANOW, quiet)
    _erase_early_echo(fd)


def _erase_early_echo(fd: int) -> None:
    """Keys typed before Python could turn the echo off (the first ~0.1 s) were echoed raw, and the banner's top
    border then started mid-line after them (sweep27 S12). They wait in the input queue for the prompt: if any do,
    the line they were echoed on is cleared (the program starts on a fresh line, so that line holds only them)."""
    import fcntl
    import struct
    import termios

    try:
        waiting = struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0\0\0\0"))[0]
        if waiting and os.isatty(1):
            os.write(1, b"\r\x1b[2K")
    except OSError:
        return


@contextmanager
def hold_keys() -> Iterator[None]:
    """While the session gets ready, keys typed are neither echoed raw nor lost: with the terminal's echo and
    line editing off they wait in its input queue, and the prompt reads them when it starts (Ctrl-C still
    interrupts). A no-op without a terminal."""
    try:
        import termios

        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
    except (ImportError, OSError, ValueError):
        yield
        return
    quiet = list(saved)
    quiet[3] &= ~(termios.ECHO | termios.ICANON)
    _held.append((fd, saved))  # before the echo goes, as in hold_now()
    termios.tcsetattr(fd, termios.TCSANOW, quiet)  # TCSANOW: nothing typed is flushed
    try:
        yield
    finally:
        release_keys()


@contextmanager
def keys_kept_at_stop() -> Iterator[None]:
    """A Ctrl-C typed at the terminal (its interrupt key) makes the terminal driver discard every key waiting unread,
    an unfinished line too, before the SIGINT reaches us, unless NOFLSH is set; a SIGTERM or SIGHUP from `kill`
    discards nothing. So keys typed at a resume's "you can start typing" (held unread) or typed ahead while the model
    graded (echoed) were lost at Ctrl-C and kept at SIGTERM (sweep32 S1, S11). NOFLSH is on while the session runs:
    the stop reads those keys into the draft (agent.cli_unread) as it does after a SIGTERM. The terminal gets its own
    setting back at the end; the keys a stop left unread are discarded then (discard_typed), never run by the shell.
    A no-op without a terminal."""
    fd, before = _noflsh_now()
    if fd is None:
        yield
        return
    _set_noflsh(fd, True)
    _kept.append(fd)
    if not before:
        _noflsh_added.append(fd)
    try:
        yield
    finally:
        if fd in _kept:  # restore_terminal may have given it back already
            _kept.remove(fd)
        if fd in _noflsh_added:
            _noflsh_added.remove(fd)
            _set_noflsh(fd, False)


_kept: list[int] = []  # terminals keys_kept_at_stop set NOFLSH on, until it ends (release_keys leaves it on)
_noflsh_added: list[int] = []  # those of them that had NOFLSH off before: turned off again at the end


def restore_terminal() -> None:
    """The terminal exactly as the session found it, for a path that leaves through os._exit (a second Ctrl-C,
    SIGTERM twice, the watchdog), where no `finally` runs: echo and line mode back, and NOFLSH off again if the
    session set it (left on, every Ctrl-C in the shell afterwards kept the half-typed line). Keys still unread are
    discarded first, as at a normal end: with NOFLSH on they would run as a shell command line."""
    if not (_kept or _held or _noflsh_added):
        return  # nothing changed, or given back already by the normal end
    discard_typed()
    _kept.clear()  # release_keys then restores the saved settings without adding NOFLSH back
    release_keys()
    while _noflsh_added:
        _set_noflsh(_noflsh_added.pop(), False)


def _noflsh_now() -> tuple[int | None, bool]:
    """(stdin's fd, whether NOFLSH is set on it), or (None, False) when stdin is no terminal."""
    try:
        import termios
    except ImportError:
        return None, False
    try:
        fd = sys.stdin.fileno()
        return fd, bool(termios.tcgetattr(fd)[3] & termios.NOFLSH)
    except (OSError, ValueError, termios.error):  # not a terminal (termios.error is not an OSError)
        return None, False


def _set_noflsh(fd: int, on: bool) -> None:
    import termios

    with contextlib.suppress(OSError, termios.error):  # the terminal may be gone
        now = termios.tcgetattr(fd)
        now[3] = now[3] | termios.NOFLSH if on else now[3] & ~termios.NOFLSH
        termios.tcsetattr(fd, termios.TCSANOW, now)  # TCSANOW: nothing typed is flushed


_held: list[tuple[int, Any]] = []  # terminal settings to restore (also after an unexpected error)


ASK_POLL = 0.1  # s between looks for a stop while a y/N question waits for its line


def confirm(question: str) -> bool:
    """A y/N question on the terminal; Ctrl-D (end of input) is No. The hold on the keys (hold_keys: no echo, no
    line mode) is lifted while it is answered: without line mode Ctrl-D was only a character, and the session sat
    silent until Enter (sweep26 S6).

    Nothing is on its way to disk while the candidate is asked, so a stop held for that (an accepted answer the
    start's interruption overtook) is raised now: kept, it made Ctrl-C at the question wait for ever. So is a stop
    that is due and was not raised yet (cli_signals.before_question): the question is then not asked."""
    cli_signals.before_question()
    with _line_mode():
        try:
            return _answer_line(question).strip().lower() in ("y", "yes")
        except KeyboardInterrupt:
            discard_typed()  # a y or n begun there is no draft (NOFLSH kept it: keys_kept_at_stop)
            raise


def _answer_line(question: str) -> str:
    """The line typed after `question` ("" at end of input). Not input(): a signal that lands after input() has
    written the question and before its read() starts only sets Python's flag, and the read then waits for a key
    while the Ctrl-C is never acted on (a CI run hung 240 s at the move-aside question). Waiting in select() for
    at most ASK_POLL s at a time runs the signal's handler within that time whenever it comes."""
    import select

    try:
        fd = sys.stdin.fileno()
    except (OSError, ValueError):  # no real stdin (a test's replacement): nothing can wait on it
        try:
            return input(question)
        except EOFError:
            return ""
    sys.stdout.flush()
    sys.stderr.write(question)
    sys.stderr.flush()
    line = b""
    while not line.endswith(b"\n"):
        if not select.select([fd], [], [], ASK_POLL)[0]:
            continue  # a signal's handler runs here, between two waits
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            _stop_if_hung_up()
            raise
        if not chunk:
            _stop_if_hung_up()
            break  # end of input (Ctrl-D on an empty line): No
        line += chunk
    return line.decode("utf-8", "replace")


def _stop_if_hung_up() -> None:
    """The read ended because the terminal closed: stop as its SIGHUP stops the session (KeyboardInterrupt), never
    as a "No". A closed terminal wakes its reader before the kernel sends the SIGHUP, so the read could end first,
    and the draft typed at question 1 went the "No" way, shown to a terminal that was gone (a 1-in-5 CI flake of
    test_damaged_question_shows_draft). terminal_closed() takes the hang-up as handled: its SIGHUP raises nothing."""
    if cli_signals.terminal_closed():
        raise KeyboardInterrupt


@contextmanager
def _line_mode() -> Iterator[None]:
    """The terminal's echo and line editing on for a moment (a no-op without a terminal)."""
    try:
        import termios
    except ImportError:
        yield
        return
    try:
        fd = sys.stdin.fileno()
        saved = termios.tcgetattr(fd)
    except (OSError, ValueError, termios.error):
        yield
        return
    now = list(saved)
    now[3] |= termios.ECHO | termios.ICANON
    termios.tcsetattr(fd, termios.TCSANOW, now)
    try:
        yield
    finally:
        with contextlib.suppress(OSError, termios.error):
            termios.tcsetattr(fd, termios.TCSANOW, saved)


def discard_typed() -> None:
    """Drop the keys waiting unread on the terminal: typed for a session that then refused to start or resume
    (another process holds it, a full or read-only disk), they reached the shell as a command line (sweep26 S2)."""
    try:
        import termios

        if os.isatty(0):
            termios.tcflush(0, termios.TCIFLUSH)
    except (ImportError, OSError, ValueError):
        pass


def release_keys() -> None:
    """Give the terminal its echo and line editing back, if hold_keys() took them (idempotent)."""
    import contextlib
    import termios

    while _held:
        fd, saved = _held.pop()
        if fd in _kept:  # settings saved before keys_kept_at_stop began: it stays on until it ends
            saved = [*saved[:3], saved[3] | termios.NOFLSH, *saved[4:]]
        with contextlib.suppress(OSError, termios.error):  # the terminal may be gone
            termios.tcsetattr(fd, termios.TCSANOW, saved)


class PromptSource:
    """The interactive multi-line prompt; built lazily so scripted runs never import prompt_toolkit."""

    interactive = True

    def __init__(self, on_draft: Callable[[str], None] | None = None) -> None:
        self._session: Any = None
        self._last_key = 0.0  # monotonic time of the last key the prompt took
        self._draft = ""  # text the next prompt starts with (typed before the session could take it)
        self._submitted = False  # the last read returned: its text is an answer now, not a draft
        self._stopped = False  # a SIGINT came while the prompt was closing for another reason
        self._sigint_due = False  # a SIGINT seen by the prompt's handler, not acted on yet
        self._outer_sigint: Any = None  # the SIGINT handler the prompt's own replaced (_started), put back after it
        self._on_draft = on_draft  # told the draft after every edit (agent.typing_ahead)
        self._at_stop = ""  # an answer submitted in keys a stop found unread (take_unread)
        self._busy: Any = None  # the reader of keys typed while the session is busy (busy())
        self._busy_keeper: Any = None  # what keeps those keys on disk meanwhile
        self._ahead = ""  # keys read while busy that no prompt has taken yet: the next prompt's typeahead
        self.kept_while_busy = ""  # an answer submitted while busy, in the answer journal and not submitted again
        self.on_submit: Callable[[str], None] | None = None  # told a submitted text before the prompt closes
        self.saver: Any = None  # keeps the text typed as the session's draft on disk (agent.cli_draft_saver)

    def _build(self) -> Any:
        from prompt_toolkit import PromptSession
        from prompt_toolkit.key_binding import KeyBindings

        bindings = KeyBindings()

        # Keys typed before the prompt took the terminal arrive with Enter as c-j (the terminal's CR-to-NL mapping
        # was still on): the same keys as Enter, or a typed-ahead Esc Enter would only add a line.
        @bindings.add("enter")
        @bindings.add("c-j")
        def _enter(event: Any) -> None:
            buf = event.current_buffer
            line = buf.document.current_line.strip()
            if line == "/done":
                # drop the /done line itself, keep the answer above it
                buf.text = "\n".join(buf.text.splitlines()[:-1]) if "\n" in buf.text else ""
                self._accept(buf)
            elif _is_lone_command(buf.text):
                self._accept(buf)
            else:
                buf.insert_text("\n")

        @bindings.add("escape", "enter")
        @bindings.add("escape", "c-j")
        def _submit(event: Any) -> None:
            self._accept(event.current_buffer)

        # Ctrl-Space (NUL): prompt_toolkit's Emacs keys set the mark with it, and while that selection lasts no
        # printable key is inserted (the prompt looked frozen, the answer was cut: sweep 39 H35). Desktops use
        # Ctrl-Space to switch the input language, so it is pressed by accident: it does nothing here.
        @bindings.add("c-@")
        def _ignore(event: Any) -> None:
            pass

        @bindings.add("c-d")
        def _quit(event: Any) -> None:
            # Ctrl-D means "save and leave" even mid-answer (prompt_toolkit alone only exits on an empty line).
            event.app.exit(exception=EOFError())

        session: Any = PromptSession(
            multiline=True,
            key_bindings=bindings,
            prompt_continuation=lambda width, line_number, is_soft_wrap: ". ".rjust(width),
            bottom_toolbar=SUBMIT_HELP,
        )
        session.app.key_processor.before_key_press += lambda _event: self._touch()
        session.default_buffer.on_text_changed += lambda buffer: self._changed(buffer.text)
        return session

    def _changed(self, text: str) -> None:
        if self._on_draft is not None:
            self._on_draft(text)
        if self.saver is not None:
            self.saver.changed(text)

    def _accept(self, buffer: Any) -> None:
        """Submit the text: from this key on it is an answer, and a stop waits until the session journal holds it
        (agent.cli_signals.hold; the interview loop releases it once the move is saved)."""
        cli_signals.hold()
        if self.on_submit is not None:
            # on disk before the prompt draws the answer as accepted: a kill -9 at that sight keeps it
            with contextlib.suppress(OSError):  # a full disk: the interview loop says so when it saves the answer
                self.on_submit(buffer.text)
        buffer.validate_and_handle()

    def _started(self, pre_run: Callable[[], None] | None) -> None:
        """The prompt runs: SIGINT is ours until it ends. prompt_toolkit's own handler goes through its event loop,
        and a SIGINT that comes while the prompt closes after a submit never reaches it (the stop was lost)."""
        import asyncio

        loop = asyncio.get_running_loop()

        def on_signal(signum: int, frame: Any) -> None:
            self._sigint_due = True
            with contextlib.suppress(RuntimeError):  # the loop has closed: read() handles it
                loop.call_soon_threadsafe(self._sigint_in_loop)

        with contextlib.suppress(RuntimeError, ValueError):  # the main thread only
            self._outer_sigint = signal.signal(signal.SIGINT, on_signal)  # read() puts it back at the prompt's end
        if pre_run is not None:
            pre_run()

    def _sigint_in_loop(self) -> None:
        if self._sigint_due:
            self._sigint_due = False
            self._on_sigint()

    def _on_sigint(self) -> None:
        """Stop the prompt with the draft kept; once an answer was accepted, stop as soon as it is saved."""
        app = self._session.app
        try:
            cli_signals.on_interrupt(signal.SIGINT, None)
        except KeyboardInterrupt:
            if app.is_running and not app.is_done:
                app.exit(exception=KeyboardInterrupt(), style="class:aborting")
            else:  # closing for another reason (Ctrl-D, or the session start has something to show)
                self._stopped = True

    def prepare(self) -> None:
        """Build the prompt now (imports prompt_toolkit)."""
        if self._session is None:
            self._session = self._build()

    def read(self, default: str = "", pre_run: Callable[[], None] | None = None) -> str:
        """The next input; `default` is text already in the prompt, `pre_run` runs once the prompt reads keys."""
        self.prepare()
        self.end_busy()
        self._typeahead()
        self._session.app.erase_when_done = False
        self._draft = default or self._draft  # a stop raised just below keeps it (draft())
        cli_signals.release()  # the last answer is saved by now: a stop that waited for it is raised here
        cli_signals.check_stop()  # a stop that came since the last prompt and was not raised yet: never dropped
        default, self._draft = self._draft, ""
        self._submitted = False
        self._stopped = self._sigint_due = False
        saver, text = self.saver, None
        if saver is not None:
            saver.opened(default)
        try:
            # handle_sigint=False: prompt_toolkit's own SIGINT handler goes through the loop's self-pipe, and one
            # that came before _started replaced it was dropped (the loop found no handler when it read the pipe):
            # the prompt waited with no word after a Ctrl-C (stop 39, Ctrl-C as question 1's prompt opened). Until
            # _started, the session's handler (agent.cli_signals) takes a Ctrl-C as it takes a SIGTERM there.
            text = str(self._session.prompt("> ", default=default, pre_run=lambda: self._started(pre_run),
                                            handle_sigint=False))  # fmt: skip
        finally:
            if self._outer_sigint is not None:
                with contextlib.suppress(ValueError):
                    signal.signal(signal.SIGINT, self._outer_sigint)
                self._outer_sigint = None
            if saver is not None:  # submitted: an answer now, no longer a draft; stopped: the draft as it is
                saver.closed("" if text is not None else str(self._session.default_buffer.text), text is None)
            self._sigint_in_loop()  # a SIGINT the closing prompt's loop never ran
            if self._stopped and not cli_signals.holding():
                raise KeyboardInterrupt  # the prompt was closing when the SIGINT came: the stop still happens
            cli_signals.check_stop()  # a stop that came while the prompt closed for another reason
        self._submitted = True
        return text

    @contextmanager
    def busy(self, keeper: Any = None, hold: bool = False) -> Iterator[None]:
        """While the session is busy after inviting typing, its keys are read as they come (never left in the
        terminal for the shell: agent.cli_busy_keys); `keeper` keeps them on disk meanwhile; `hold`: the terminal's
        echo and line mode are off meanwhile (on already while a resume gets ready)."""
        from agent.cli_busy_keys import BusyKeys, preload, terminal_fd

        fd = terminal_fd()
        if fd is None or self._busy is not None:
            yield
            return
        preload()
        with hold_keys() if hold else contextlib.nullcontext():
            self._busy, self._busy_keeper = BusyKeys(fd, keeper), keeper
            self._busy.start()
            try:
                yield
            finally:
                self.end_busy()

    def end_busy(self, taken: bool = True) -> None:
        """Stop reading keys for the session (busy()): the keys read wait for the next prompt or a stop. `taken`:
        the answer the keeper kept as a move needs no submitting (a stop finds it in the answer journal, or the
        resume graded it), so only the keys after its submit keys are left; False: the prompt gets its keys too and
        submits it as typed (as the same move)."""
        reader, keeper = self._busy, self._busy_keeper
        if reader is None:
            return
        self._busy = self._busy_keeper = None
        keys = reader.stop()
        if keeper is not None:
            keeper.close()
            if taken and keeper.seq is not None:
                self.kept_while_busy = keeper.answer
                keys = keys[keeper.skip :]
        self._ahead += keys

    def _typeahead(self) -> None:
        """Keys read while busy go to the prompt first, as keys it had read itself."""
        if not self._ahead:
            return
        from prompt_toolkit.input.typeahead import store_typeahead
        from prompt_toolkit.input.vt100_parser import Vt100Parser

        presses: list[Any] = []
        parser = Vt100Parser(presses.append)
        parser.feed(self._ahead)
        parser.flush()
        self._ahead = ""
        store_typeahead(self._session.input, presses)

    def keep_draft(self, text: str) -> None:
        """The next prompt starts with `text`."""
        self._draft = text

    def draft(self) -> str:
        """What is typed in the prompt and not submitted (after it stopped). The buffer still holds a submitted
        text until the next read: that text is an answer (journalled), never a draft to put back."""
        if self._draft:
            return self._draft  # put back for the next prompt, which never opened
        if self._session is None or self._submitted:
            return ""
        return str(self._session.default_buffer.text)

    def take_unread(self) -> None:
        """After a stop: the keys typed that no prompt took yet (still in the terminal's input queue or in
        prompt_toolkit's) join the draft, so it is kept as typed (agent.cli_unread). When they hold the submit
        keys, the text before them was submitted: it is kept for submitted_at_stop(), and only the rest is a draft."""
        from agent.cli_unread import as_text, split_submitted

        self.end_busy(taken=True)  # a stop: an answer the keeper kept as a move is not submitted again
        keys = self._unread_keys()
        split = split_submitted(keys)
        if split is not None and (answer := self.draft() + split[0]).strip():
            self._at_stop = answer
            self._submitted = True  # the prompt's buffer holds the answer now, not a draft
            self._draft = split[1]
        elif extra := as_text(keys):
            self._draft = self.draft() + extra

    def take_typed_ahead(self) -> tuple[str, bool]:
        """Keys typed after the last submit that no prompt took (prompt_toolkit keeps those it read past the submit
        for the next prompt; the rest wait in the terminal): (their text, True when a Ctrl-C was among them). Typed
        while the prompt held the terminal, a Ctrl-C is such a key, not a signal: a y/N question asked next never
        saw it and waited (sweep30 S9). Only the text typed before the Ctrl-C is returned."""
        from agent.cli_unread import as_text

        self.end_busy()
        keys = self._unread_keys()
        before, ctrl_c, _ = keys.partition("\x03")
        return as_text(before), bool(ctrl_c)

    def _unread_keys(self) -> str:
        """Every key no prompt took: prompt_toolkit's, those read while busy, the terminal's (agent.cli_unread)."""
        from agent.cli_unread import unread_keys

        session, ahead, self._ahead = self._session, self._ahead, ""
        if session is None:
            return unread_keys(busy=ahead)
        return unread_keys(session.input, session.app.key_processor, busy=ahead)

    def submitted_at_stop(self) -> str:
        """An answer whose submit keys came before a stop and were not taken by the prompt yet (take_unread)."""
        return self._at_stop

    def interrupt(self, exc: BaseException) -> None:
        """Stop the running prompt from another thread: read() raises `exc`; the draft stays in draft()."""
        app = self._session.app
        loop = app.loop
        if loop is None:
            return  # the prompt has just ended: nothing to stop

        def stop() -> None:
            if not app.is_running or app.is_done:
                return
            if self._typing():
                # keys are arriving (typed ahead, a paste, an Esc waiting for its Enter): stopping now would drop
                # the ones not yet taken, and a submit would become a new line; stop once they have landed
                loop.call_later(KEY_QUIET, stop)
                return
            app.erase_when_done = True  # the prompt comes back below what is shown, with the same draft
            app.exit(exception=exc)

        loop.call_soon_threadsafe(stop)

    def _touch(self) -> None:
        import time

        self._last_key = time.monotonic()

    def _typing(self) -> bool:
        """True while keys wait unread on the terminal or the last one came less than KEY_QUIET ago."""
        import select
        import time

        if time.monotonic() - self._last_key < KEY_QUIET:
            return True
        try:
            return bool(select.select([sys.stdin], [], [], 0)[0])
        except (OSError, ValueError):
            return False
