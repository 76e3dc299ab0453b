"""sweep35 S32, S33, S44: keys typed while the tool is busy after inviting typing (a resume's "Getting the interview
ready… (you can start typing)", "The model is grading your answer…") were left unread in the terminal; after a
kill -9 the shell that started the tool ran the candidate's lines as commands (`touch FILE` ran), and an answer
submitted there (Esc Enter) was in no file, though the README says it is in pending/ first. Now the keys are read
as they come: kept as the draft, an answer submitted there as the session's next move, and the next prompt gets them.

A real bash on a pty runs the tool, as a user's terminal does; the moment is made certain (tests.slow_hook, or the
stub model server that answers only after the kill)."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import struct
import sys
import termios
import time
from collections.abc import Callable
from pathlib import Path

from stub_openai import Action, StubOpenAI

from tests.slow_hook import release, slow_call, slow_import
from tests.test_persistence import FAST, answers_in_transcript, run, scripted, session_id
from tests.test_session_tty import PATIENCE, PROMPT_READY, REPO, Terminal

SEED = "I moved our builds to one system and cut them from 40 to 9 minutes in a quarter."
TYPED = "I cut incidents by 40% myself with canary deploys"


def _bash(extra_env: dict[str, str] | None = None) -> Terminal:
    term = Terminal([], controlling=True, program=["bash", "--norc", "--noprofile", "-i"],
                    extra_env={"PS1": "SHELL$ ", "HISTFILE": "/dev/null", **(extra_env or {})})  # fmt: skip
    term.wait_for("SHELL$ ")
    return term


def _tool_pid(shell: Terminal) -> int:
    """The tool's process: the shell's child running agent.session."""
    deadline = time.monotonic() + PATIENCE
    while time.monotonic() < deadline:
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                stat = (entry / "stat").read_text()
                cmdline = (entry / "cmdline").read_bytes()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == shell.proc.pid and b"agent.session" in cmdline:
                return int(entry.name)
        time.sleep(0.05)
    raise AssertionError("the tool never started")


def _journal(data_dir: Path, sid: str) -> dict:
    path = data_dir / "pending" / f"{sid}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _moves(data_dir: Path, sid: str) -> str:
    """The text of the moves the session's answer journal keeps."""
    return "\n".join(move["text"] for move in _journal(data_dir, sid).get("moves", {}).values())


def _wait_until(check, patience: float = PATIENCE) -> bool:  # every caller expects it to hold
    deadline = time.monotonic() + patience
    while time.monotonic() < deadline:
        if check():
            return True
        time.sleep(0.1)
    return False


def _gone(pid: int) -> bool:
    """The process has ended (a zombie its shell has not reaped yet counts as ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return True
    return state in ("Z", "X")


def _shell_after_kill(shell: Terminal, pid: int) -> str:
    """kill -9 the tool, then let the shell read whatever the terminal still holds; its screen after the kill."""
    start = len(shell.screen)
    os.kill(pid, signal.SIGKILL)
    assert _wait_until(lambda: _gone(pid))  # dead: the shell reads the terminal from now on (was a 1 s sleep)
    shell.type("echo SHELL-BACK-$((6*7))\r")  # runs after any line the tool left in the terminal
    shell.wait_for("SHELL-BACK-42")
    return shell.screen[start:].decode("utf-8", errors="replace")


def test_keys_typed_while_a_resume_gets_ready_never_run_in_the_shell_and_its_answer_is_kept(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    saved = run(*FAST, "--questions", "2", stdin=scripted(SEED))
    assert saved.returncode == 3, saved.stdout + saved.stderr
    sid = session_id(saved.stdout)
    ran = tmp_path / "SHELL-RAN"
    env, mark = slow_import(tmp_path / "hook", "agent.cli_run", seconds=60)
    shell = _bash(env)
    try:
        shell.type(f"cd {REPO} && {sys.executable} -m agent.session --resume {sid}\r")
        shell.wait_for_mark(mark, PATIENCE)
        shell.wait_for("you can start typing")
        shell.type(f"{TYPED}\rtouch {ran}\r\x1b\r")
        kept = _wait_until(lambda: TYPED in _moves(isolated_data_dir, sid))
        after = _shell_after_kill(shell, _tool_pid(shell))
    finally:
        shell.close()
    assert not ran.exists() and "command not found" not in after, after[-800:]
    assert kept, _journal(isolated_data_dir, sid)
    resumed = run("--resume", sid, stdin="")  # graded on resume, as the README says
    assert resumed.returncode == 0, resumed.stdout + resumed.stderr
    answers = answers_in_transcript(isolated_data_dir, sid)
    assert answers[0] == SEED and TYPED in answers[1] and len(answers) == 2, answers


def waiting_in_terminal(shell: Terminal) -> int:
    """How many typed bytes the terminal holds that no process has read yet. Right after a write to the pty it can
    say 0 for keys not delivered yet (the kernel moves them to the reading side a moment later)."""
    fd = os.open(os.readlink(f"/proc/{shell.proc.pid}/fd/0"), os.O_RDONLY | os.O_NOCTTY | os.O_NONBLOCK)
    try:
        return struct.unpack("i", fcntl.ioctl(fd, termios.FIONREAD, b"\0" * 4))[0]
    finally:
        os.close(fd)


# the grading's reader of keys (agent.cli_loop's _grading starts it), not the one of an early start's spinner
_GRADING_READER = "'_grading' in [frame.name for frame in __import__('traceback').extract_stack()]"


def typed_while_the_model_grades(
    tmp_path: Path, settled: Callable[[Terminal, str], bool], args: str = ""
) -> tuple[str, bool]:
    """From a real bash, an LLM session (a stub model that answers only after the kill): submit an answer, then type
    an answer line and a line that is a command while the model grades, and kill -9 the tool once `settled(shell,
    session id)` holds (or after PATIENCE s). (the session id, whether it held); the command never ran in the shell.
    The keys are typed while the grading's reader is held back from starting (tests.slow_hook), and it is let go
    once the terminal holds them all: whatever `settled` sees after that is the reader's doing."""
    ran = tmp_path / "SHELL-RAN"
    keys = f"{TYPED}\rtouch {ran}\r"
    hook, mark = slow_call(tmp_path / "hook", "agent.cli_busy_keys", "BusyKeys.start", _GRADING_READER, PATIENCE)
    with StubOpenAI() as stub:
        stub.push(Action(delay=60.0))  # the grading lasts until the kill
        shell = _bash({"OPENAI_API_KEY": "sk-test-not-a-key", "OPENAI_BASE_URL": "", **hook})
        try:
            start = len(shell.screen)  # the shell's own prompt turned bracketed paste on before this
            shell.type(f"cd {REPO} && {sys.executable} -m agent.session {' '.join(FAST)} --questions 2 "
                       f"--model stub-model --base-url {stub.url} {args}\r")  # fmt: skip
            shell.wait_for("Submit: Esc then Enter")
            sid = session_id(shell.text())
            # the tool's prompt reads keys (it turns bracketed paste on): was a 0.5 s sleep
            assert _wait_until(lambda: (shell._read(), PROMPT_READY in shell.screen[start:])[1]), shell.text()[-1500:]
            shell.type(SEED + "\x1b\r")
            shell.wait_for("grading your answer")
            shell.wait_for_mark(mark, PATIENCE)
            shell.type(keys)
            assert _wait_until(lambda: waiting_in_terminal(shell) == len(keys.encode()), PATIENCE)
            release(mark)
            assert _wait_until(lambda: stub.calls >= 1, PATIENCE)
            held = _wait_until(lambda: settled(shell, sid))
            after = _shell_after_kill(shell, _tool_pid(shell))
        finally:
            shell.close()
    assert not ran.exists() and "command not found" not in after, after[-800:]
    return sid, held


def test_keys_typed_while_the_model_grades_never_run_in_the_shell_and_are_kept_as_the_draft(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    sid, kept = typed_while_the_model_grades(
        tmp_path, lambda _, sid: TYPED in _journal(isolated_data_dir, sid).get("draft", "")
    )
    assert kept, _journal(isolated_data_dir, sid)
    again = Terminal(["--resume", sid], extra_env={"INTERVIEWER_OFFLINE": "1"})
    try:
        again.wait_for("back in the prompt")
        again.wait_for(TYPED)  # the next question's prompt starts with it
    finally:
        again.close()


def test_keys_typed_after_an_answer_submitted_while_a_new_session_gets_ready_never_run_in_the_shell(
    isolated_data_dir: Path, tmp_path: Path
) -> None:
    """The first answer submitted before the start is done waits under "Getting the interview ready…": keys typed
    there are the next question's draft, kept with the session, and never a command line after a kill."""
    ran = tmp_path / "SHELL-RAN"
    env, mark = slow_call(tmp_path / "hook", "agent.cli_run", "started_step", seconds=60)
    shell = _bash(env)
    try:
        shell.type(f"cd {REPO} && {sys.executable} -m agent.session {' '.join(FAST)} --questions 2\r")
        shell.wait_for_mark(mark, PATIENCE)
        shell.wait_for("Submit: Esc then Enter")
        sid = session_id(shell.text())
        shell.type(SEED + "\x1b\r")
        shell.wait_for("Getting the interview ready")
        shell.type(f"{TYPED}\rtouch {ran}\r")
        kept = _wait_until(lambda: TYPED in _journal(isolated_data_dir, sid).get("draft", ""))
        after = _shell_after_kill(shell, _tool_pid(shell))
    finally:
        shell.close()
    assert not ran.exists() and "command not found" not in after, after[-800:]
    assert kept and SEED in _moves(isolated_data_dir, sid), _journal(isolated_data_dir, sid)


def test_keys_typed_while_a_resume_gets_ready_reach_its_prompt_once(isolated_data_dir: Path, tmp_path: Path) -> None:
    """No stop: a draft typed there is in the prompt; an answer submitted there is graded once, whether the resume
    found it in the journal (typed while its modules loaded) or the prompt submits it (typed while it opened)."""
    for moment, submit in (("loading", True), ("opening", True), ("loading", False)):
        saved = run(*FAST, "--questions", "2", stdin=scripted(SEED))
        sid = session_id(saved.stdout)
        hook = tmp_path / f"hook-{moment}-{submit}"
        # held at that moment until the keys are read there (a 3 s hold let a late test type after it)
        if moment == "loading":
            env, mark = slow_import(hook, "agent.cli_run", seconds=PATIENCE)
        else:
            env, mark = slow_call(hook, "agent.cli_run", "first_step", seconds=PATIENCE)
        term = Terminal(["--resume", sid], extra_env=env)
        try:
            term.wait_for_mark(mark, PATIENCE)
            term.type(TYPED + ("\x1b\r" if submit else ""))
            term.wait_read()  # the keys reached the terminal and the busy reader took them all
            release(mark)
            if not submit:
                term.wait_for_prompt(after="Question 2/2")
                term.wait_for(TYPED)
                term.type("\x1b\r")
            term.wait_for("Transcript:")
            assert term.exit_code() == 0
        finally:
            term.close()
        assert answers_in_transcript(isolated_data_dir, sid) == [SEED, TYPED], (moment, submit)
