"""The terminal session: `python -m agent.session --role director` runs a mock interview in the terminal.

Setup (arguments, the answer source, opening the driver) and exit codes live here; the Context is built
in agent.cli_context, the question/answer loop is agent.cli_loop, all printing is agent.cli_render.
Heavy modules (the graph, the embedder, LLM clients) are imported only once the session starts, to keep
launch fast.

Exit codes: 0 finished (also Ctrl-D at the interactive prompt: saved, resume later); 1 unexpected
error; 2 bad input (arguments, role, --docs path, --answers file, resume id; a damaged session database); 3
scripted answers (--answers or piped stdin) ran out before the end (saved); 130 Ctrl-C (saved); 129 the terminal closed
(SIGHUP, or a hang-up seen on stdin: saved as for Ctrl-C, see agent.cli_signals); 143 SIGTERM (saved likewise).
"""

from __future__ import annotations

import sys

if __name__ == "__main__":
    import os as _os
    import signal as _signal

    def _stopped_loading(signum: int, frame: object) -> None:
        """Ctrl-C while the modules below load (cli() takes over the signals later): nothing has started, so
        leave quietly (a KeyboardInterrupt here printed a traceback from inside the imports)."""
        held = sys.modules.get("agent.cli_input")
        if held is not None and hasattr(held, "release_keys"):
            held.release_keys()  # the terminal gets its echo back
        _os.write(2, b"\nInterrupted before the session started; nothing was saved.\n")
        _os._exit(130)

    _signal.signal(_signal.SIGINT, _stopped_loading)

if __name__ == "__main__" and sys.stdin.isatty():
    # Keys typed while the modules below load are held for the prompt, not echoed raw above the banner.
    from agent.cli_input import hold_now

    hold_now()

import contextlib
import functools
import os
from contextlib import ExitStack
from pathlib import Path
from typing import Any, NoReturn

from agent import answer_journal, cli_signals
from agent.cli_answers import AnswersFileError, load_answers_file, split_answers
from agent.cli_args import (
    EXIT_ERROR,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_SCRIPT_EXHAUSTED,
    EXIT_USAGE,
    Options,
    parse_args,
)
from agent.cli_busy_keys import journal_resumed_answer
from agent.cli_context import (
    UsageError,
    bank_line,
    check_inputs,
    ignored_on_resume,
    mode_line,
    new_context,
    restore_credentials,
    role_title,
)
from agent.cli_drafts import keep_draft, keep_first_draft, restore_draft, settle_unused_draft
from agent.cli_input import (
    AnswerSource,
    PromptSource,
    ScriptedSource,
    ScriptExhausted,
    discard_typed,
    hold_keys,
    keys_kept_at_stop,
    release_keys,
)
from agent.cli_loop import InterviewLoop
from agent.cli_pending import waiting_answers
from agent.cli_preflight import (
    blocked_folder,
    check_session_header,
    check_store_writable,
    checkpointer_from_flag,
    emptied_database,
    foreign_checkpointer,
    held_elsewhere,
    missing_backend_packages,
    missing_database,
    postgres_problem,
    release_early,
)
from agent.cli_render import Renderer, make_console
from agent.context import Context, new_session_id, with_seed
from agent.env_settings import CLI_SETTINGS
from agent.env_settings import problem as setting_problem
from agent.registry_peek import bare_resume_target, resume_refused, unfinished_moves
from agent.session_lock import SessionTakenError
from agent.storage import StorageError
from knowledge.paths import (
    DataDirError,
    data_dir,
    data_dir_path,
    data_dir_problem,
    name_data_dir_setting,
    private_umask,
)

DATABASE_DOWN_AT_STOP = ("Saving… the session database is not answering, so this stop does not wait for it: what it "
                         "has not taken yet is kept on this computer.")  # fmt: skip


def _answer_source(opts: Options) -> AnswerSource:
    """--answers file, else piped stdin, else the interactive prompt."""
    if opts.answers:
        try:
            return ScriptedSource(iter(load_answers_file(opts.answers)))
        except AnswersFileError as exc:
            raise UsageError(str(exc)) from None
    if not sys.stdin.isatty():
        # bytes that are not UTF-8 become U+FFFD here, not lone surrogates that no file can hold
        sys.stdin.reconfigure(errors="replace")  # type: ignore[union-attr]
        return ScriptedSource(split_answers(sys.stdin))
    from agent.typing_ahead import TypingAhead

    return PromptSource(on_draft=TypingAhead().changed)  # sentences are embedded as they are typed


def _kept_elsewhere() -> bool:
    """This data folder's history names sessions kept in another store than the configured one."""
    from agent.stores_elsewhere import elsewhere

    return bool(elsewhere())


def run(opts: Options) -> int:
    """One session from the parsed options; returns the exit code."""
    render = Renderer(make_console(sys.stdout.isatty()), opts.questions or 5)
    if problem := setting_problem(CLI_SETTINGS):  # INTERVIEWER_LLM_THREADS=0 was silently 32 (sweep 37 V21)
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if folder := (opts.data_dir or os.environ.get("INTERVIEWER_DATA_DIR", "").strip()):
        # made absolute and put in the environment: workers read it, and the resume command printed later carries
        # it, so the session is found from another shell or folder (a newcomer's "unknown session id")
        os.environ["INTERVIEWER_DATA_DIR"] = str(data_dir_path(folder))
        if opts.data_dir:
            name_data_dir_setting("--data-dir")
    if url := (opts.checkpointer or os.environ.get("INTERVIEWER_CHECKPOINTER", "").strip()):
        # the backend module reads it; child helpers started from here see it too; a relative SQLite path is made
        # absolute here, so the resume command printed later works from any folder
        from agent.backend import absolute

        os.environ["INTERVIEWER_CHECKPOINTER"] = absolute(url)
    checkpointer_from_flag(bool(opts.checkpointer))  # a refusal names the setting the user gave
    if opts.list_sessions and not os.environ.get("INTERVIEWER_CHECKPOINTER") and not data_dir_path().exists():
        from agent.cli_listing import no_sessions_line

        if problem := data_dir_problem():  # under a file, or a link to nothing: its start command would fail
            print(f"error: {problem}", file=sys.stderr)
            return EXIT_USAGE
        render.line(no_sessions_line())  # a folder that holds nothing yet is not made by looking (sweep 35 X06)
        return EXIT_OK
    if problem := missing_backend_packages() or foreign_checkpointer() or emptied_database() or postgres_problem():
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    try:
        data_dir()  # a file in its place or no permission: one line now, not a traceback from a worker
    except DataDirError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if not opts.list_sessions and (problem := blocked_folder(opts.resume is not None)):
        print(f"error: {problem}", file=sys.stderr)
        return EXIT_USAGE
    if opts.list_sessions:
        from agent.cli_listing import show_sessions

        show_sessions(render)
        return EXIT_OK
    resuming = opts.resume is not None
    # the session a resume opens, when known before it opens (a bare --resume: as the registry says): keys typed
    # while it gets ready are kept as its draft at a stop (sweep 33 S2: a bare --resume only showed them to copy)
    target = (opts.resume or bare_resume_target()) if resuming else None
    if target:  # a third Ctrl-C while it gets ready leaves at once: it says how to resume (sweep 37 S79)
        cli_signals.set_leave_note(_resume_again(opts))
    try:
        source = _answer_source(opts)
        if not source.interactive:
            release_keys()  # held at launch in case it was
        context = None if resuming else new_context(opts)
        # an unknown id, nothing unfinished: said before a spinner invites typing (sweep 39 RR8); piped, the
        # resume goes on to finish what stops left (a cut report) and says so, unless the database is gone (K31)
        # (a session kept by a --checkpointer elsewhere too: named before an empty database is made here, 42b G1)
        asked = resuming and (source.interactive or missing_database() or _kept_elsewhere())
        if asked and (refused := resume_refused(opts.resume)):
            raise UsageError(refused)
        if target and (held := held_elsewhere(target)):
            raise UsageError(held)  # before the banner and a spinner that invites typing
        if context is not None:
            check_inputs(context)
            check_store_writable()  # a read-only data folder or a full disk is said now, not after an answer
            check_session_header(ask=source.interactive)  # a damaged database too, before the first question
    except (UsageError, ValueError, StorageError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        if isinstance(exc, StorageError) and exc.problem == "full":
            render.line("Nothing was asked or saved: start again once there is room.")
        return EXIT_USAGE
    # Until the prompt reads keys: keys typed are kept for it (not echoed raw), then a spinner once the
    # question is on screen.
    getting_ready = ExitStack()
    if source.interactive:
        getting_ready.enter_context(hold_keys())
    shown = None
    thread_id = None
    if context is not None:
        # A new session is on screen (banner and first question) before LangGraph is imported; the graph
        # asks the same question (same planner, seed and history) and the loop re-shows it only if it differs.
        from agent.cli_early import EarlyStart  # loaded before the question shows: a stop from then on keeps a draft
        from agent.preview import first_question

        context = with_seed(context)
        thread_id = new_session_id(context.role)
        _banner(render, context, role_title(context.role), thread_id, source.interactive)
        if context.focus_note:  # what a --focus weakest plan drew on, before its first question
            render.line(context.focus_note)
        for line in waiting_answers():
            render.notice(line)
        preview = first_question(context)
        if preview is not None:
            _fewer_questions(render, opts.questions, preview.total, context.role)
            render.total = preview.total
            render.step(preview)
            shown = preview.text
    early = None
    keeper: Any = None  # keeps what is typed while a resume gets ready (agent.cli_busy_keys)
    first_input, stopped = None, None
    if context is not None and thread_id and shown is not None and isinstance(source, PromptSource):
        # The prompt reads keys now; the graph, the session database and the index start beside it.
        early = EarlyStart(context, thread_id, shown)
        source.saver = _draft_saver(thread_id, context, shown)
        first_input, stopped = early.first_input(source, render)
    elif source.interactive:
        if isinstance(source, PromptSource):  # the keys it invites are read from now on, never left for the shell
            keeper = _typed_keeper(target)
            getting_ready.enter_context(source.busy(keeper))
        getting_ready.enter_context(render.waiting("Getting the interview ready… (you can start typing)"))
    if early is not None and early.abandoned:
        # said and kept now: importing what the start was still loading could outlast the stop's grace period
        return _stopped_getting_ready(source, early, render, getting_ready)
    try:
        from agent import cli_run  # lazy: imports the graph, LangGraph and the index (done after an early start)
        from knowledge.embeddings import EmbedderUnavailableError
    except BaseException:  # Ctrl-C while it loads (on --resume): main() says so, under no spinner drawn again
        if resuming:
            with cli_signals.saving():
                if isinstance(source, PromptSource):  # before the terminal gets its line mode back (getting_ready)
                    with contextlib.suppress(Exception):
                        source.take_unread()
                getting_ready.close()  # the spinner stops before the lines below (sweep 33 S3: drawn among them)
                _keep_typed_at_resume(source, target, render)
        getting_ready.close()
        raise

    driver: Any = early.driver if early and not early.abandoned else None
    step: Any = None
    stopped_by_key = False  # a Ctrl-C typed after an early answer, found before the damaged database's question
    try:
        if early is not None:
            driver, step = early.result(stopped)
            if driver is None:  # a damaged session database: asked about here, as without an early start
                typed, ctrl_c = source.take_typed_ahead() if isinstance(source, PromptSource) else ("", False)
                # a Ctrl-C typed after the answer (a key, not a signal, while the prompt held the terminal) stops
                # here: the damage is said, not asked about (sweep30 S9: the question waited, the Ctrl-C unseen)
                stopped_by_key = ctrl_c
                # an answer submitted while the start met the damaged database: graded once it is moved aside, as
                # any answer submitted early (not left in the prompt as if it had not been sent); what was typed
                # after it is the next prompt's draft (kept with the session at a stop or "N")
                answer = source.draft() if early.kept and isinstance(source, PromptSource) else None
                if isinstance(source, PromptSource):
                    source.keep_draft(typed if answer is not None else source.draft() + typed)
                driver = cli_run.new_driver(early.context, early.thread_id, ask=not ctrl_c)
                if answer is not None:
                    first_input = answer
        elif context is None:
            resume = functools.partial(cli_run.resume_driver, opts.resume or "", opts.embedder, bool(opts.offline))
            try:
                try:
                    driver = resume()
                except StorageError as exc:
                    if not _moved_aside_to_resume(exc, opts.resume, source, getting_ready):
                        raise
                    driver = resume()
            except cli_run.ResumeError as exc:
                if isinstance(source, PromptSource):  # before the terminal gets its line mode back (getting_ready)
                    with contextlib.suppress(Exception):
                        source.take_unread()
                getting_ready.close()
                for line in [*exc.notices, *answer_journal.take_notices()]:  # a damaged journal file met: never silent
                    render.notice(line)
                print(f"error: {exc}", file=sys.stderr)
                # what was typed or submitted at "you can start typing": kept for an unfinished session, else shown
                # to copy (sweep 39 RR8: a refusal the registry could not foresee dropped it)
                _keep_typed_at_resume(source, target if target and unfinished_moves(target) is not None else None,
                                      render)  # fmt: skip
                return EXIT_USAGE
            context = driver.context
            if restore_credentials(context, opts):
                opts.base_url = None  # used, not ignored
            _banner(render, context, role_title(context.role, strict=False), driver.thread_id, source.interactive)
            render.notice(f"Resuming session {driver.thread_id}.")
            for line in answer_journal.take_notices():  # a damaged journal file met on the way, moved aside: said
                render.notice(line)  # (sweep 35 K12: renamed .damaged-… without a word)
            used = {"--embedder"} if context.embedder == opts.embedder else set()  # instead of openai without a key
            if opts.offline:
                used.add("--offline")  # honoured: graded offline from now on
            if ignored := [flag for flag in ignored_on_resume(opts) if flag not in used]:
                render.notice(f"Ignored on resume (the session keeps its settings): {' '.join(ignored)}")
        else:
            driver = cli_run.new_driver(context, thread_id, ask=source.interactive)
        if step is None:
            step = cli_run.first_step(driver, resuming, render)
        if resuming and isinstance(source, PromptSource):
            # the keys typed while it got ready go to the prompt; an answer among them kept as the next move is
            # submitted there unless the resume graded it already (it was in the journal before the session opened)
            source.end_busy(taken=keeper is not None and keeper.seq is not None and driver.moves > keeper.seq)
        if resuming and step.kind != "done":  # a finished session's draft is saved beside its report (below)
            restore_draft(source, driver.thread_id, render)  # once the session is open: a failed resume keeps it
        context = driver.context
        feedback = context.feedback if opts.feedback is None else opts.feedback
        if resuming and opts.feedback is None:
            from agent.cli_prefs import load_feedback

            feedback = load_feedback(driver.thread_id, feedback)  # a /feedback choice made before the resume
        context.feedback = feedback  # what the session does, as its transcript records it
        getting_ready.close()
        cli_signals.check_interrupted()
        if isinstance(source, PromptSource) and source.saver is None:
            source.saver = _draft_saver(driver.thread_id, context, step.question)
        loop = InterviewLoop(driver, source, render, feedback=feedback)
        shown = early.shown if early else shown
        final = loop.run(step, already_shown=shown, resumed=resuming, first=first_input)
        cli_signals.interview_over()  # the report is saved: a stop from now on leaves quietly once it is shown
        cli_run.closing(final, loop, render)
        _summary_unwritten(driver.thread_id)
        settle_unused_draft(driver.thread_id, render)
        _report_unused(source, render)
        return EXIT_OK
    except (cli_run.ResumeError, EmbedderUnavailableError, SessionTakenError) as exc:
        # SessionTakenError: another process took the session while its lock file was deleted (sweep 37 C10)
        getting_ready.close()
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except StorageError as exc:
        if resuming and (driver is None or exc.problem == "readonly") and isinstance(source, PromptSource):
            # keys typed while it got ready ("you can start typing") wait unread: taken before the terminal gets its
            # line mode back, so they are shown to copy below, not dropped without a word (sweep29 S4)
            with contextlib.suppress(Exception):
                source.take_unread()
        getting_ready.close()  # the spinner stops before the error is printed (it was redrawn among its lines)
        print(f"error: {exc}", file=sys.stderr)
        if exc.problem == "readonly" and resuming and driver is not None and not driver.report_unwritten:
            # nothing was written: a resume command now would meet the same folder, so say when it will work
            from agent.cli_render import resume_command

            render.line(f"The session is kept as it was; once {exc.path.parent} is writable again, resume it with: "
                        f"{resume_command(driver.thread_id)}")  # fmt: skip
            # typed at "you can start typing", an answer submitted there too (sweep 39 RR11: only the draft was
            # shown): a read-only folder cannot keep either (stop 32)
            typed = _typed_and_submitted(source)
            if typed.strip():
                render.line("What you typed was not saved (the folder is read-only); here it is, to copy:")
                render.line(typed)
            return EXIT_USAGE
        if early is not None and early.kept is not None and (driver is None or not driver.started):
            # submitted while it got ready, then the database could not take the session (e.g. "N" to moving a
            # damaged one aside): the answer journal keeps it, so say where and how it is graded (sweep26 S3)
            _kept_for_later(early.kept, exc.problem, render)
            keep_draft(source, None, early.kept, early.context, render)  # typed after the answer
            return EXIT_INTERRUPTED if stopped_by_key else EXIT_USAGE  # as a Ctrl-C at the question; as any
            # session the data folder could not take
        if resuming and exc.problem == "corrupt" and (waiting := _journalled(opts.resume)):
            # the session's answers wait in the answer journal: say so, not only that the database is damaged
            _kept_for_later(waiting, exc.problem, render)  # (sweep28 S1)
            # keys typed while it got ready, then "N" (or Ctrl-D) to moving the file: kept as a Ctrl-C there keeps
            # them (sweep32 S6: dropped without a word)
            _keep_typed_at_resume(source, opts.resume or waiting, render)  # the session a bare --resume picks
            return EXIT_USAGE
        if resuming and exc.problem == "corrupt":
            _what_the_move_keeps(opts.resume, exc.path, render)  # (sweep30 S14)
        if driver is not None and driver.report_unwritten:  # the disk filled as the finished interview's report
            from agent.report import mark_report_due

            mark_report_due(driver.thread_id)  # the next listing or start with space writes it (sweep 33 S3)
            once = {"blocked": "it is moved away", "readonly": f"{exc.path} is writable again"}.get(
                exc.problem, "there is space")  # fmt: skip
            render.resume_hint(driver.thread_id, "The interview is over and every answer is saved; only its report "
                               f"could not be written. Once {once}, this writes it.")  # fmt: skip
            return EXIT_ERROR
        if exc.problem == "gone":  # kept in the answer journal (the error says where), else shown to copy above
            if driver is not None and driver.rescued is not None:
                render.resume_hint(driver.thread_id, "The session goes on from those answers.")
            return EXIT_ERROR
        if _answered(driver):
            render.resume_hint(driver.thread_id, "Everything answered so far is saved.")
            return EXIT_USAGE if exc.problem == "corrupt" else EXIT_ERROR  # a damaged database: as its header check
        typed = source.draft() if isinstance(source, PromptSource) and not (early and early.kept) else ""
        if typed.strip():  # submitted (or typed) while the session got ready, and the disk took nothing: shown back
            render.line("What you typed was not saved; here it is, to copy before you start again:")
            render.line(typed)
        elif exc.problem != "corrupt" and not resuming:  # a resume command here would fail: nothing to resume
            render.line("Nothing was answered yet, so there is nothing to resume: start again once it is fixed.")
        # the session could not be created: the data folder cannot take one (as when refused before the start)
        started = driver is not None and driver.started
        return EXIT_USAGE if exc.problem == "corrupt" or not started else EXIT_ERROR
    except ScriptExhausted:
        cli_run.saved_hint(driver, render, "Scripted answers ran out before the end. Session saved.")
        return EXIT_SCRIPT_EXHAUSTED
    except EOFError:
        _take_unread(source)
        if driver is not None and driver.started and not driver.database_answers():
            render.line(DATABASE_DOWN_AT_STOP)  # as at a Ctrl-C: its calls then fail at once (sweep 42 F1: ~4 s)
        if not _first_draft_kept(source, driver, early, render):
            cli_run.saved_hint(driver, render, kept=_ungraded(early, driver))
            keep_draft(source, driver, early.kept if early else None, context, render)
        return EXIT_OK
    except (KeyboardInterrupt, OSError) as exc:
        if isinstance(exc, OSError) and not cli_signals.terminal_closed():
            raise  # not the closed terminal: reported as an unexpected error
        # Ctrl-C, SIGTERM, a hang-up, or the terminal met closed before its SIGHUP arrived (EIO): the same stop
        cli_signals.rearm()
        with cli_signals.saving():  # a second Ctrl-C leaves once the draft is kept
            # before the terminal gets its line mode back (getting_ready), which hides them
            _take_unread(source, driver, early if driver is None else None)
            getting_ready.close()
            render.line("")
            if driver is not None and driver.started and not driver.database_answers():
                render.line(DATABASE_DOWN_AT_STOP)  # said before the few calls that find it down (sweep 41 Q5)
            if resuming and (driver is None or not driver.started):
                # stopped while the saved session was opened (e.g. its story index rebuilt): nothing of it changed
                _keep_typed_at_resume(source, target, render)
                render.line(f"Stopped before the session resumed; {_kept_as_it_was(opts)}")
                return EXIT_INTERRUPTED
            if early is not None and early.damaged and early.kept is not None and driver is None:
                # stopped at "move the damaged database aside?": the resume command alone would meet it again
                _kept_for_later(early.kept, "corrupt", render)  # (sweep28 S1)
                keep_draft(source, None, early.kept, context, render)
                return EXIT_INTERRUPTED
            if early is not None and early.damaged and driver is None:
                # stopped at "move the damaged database aside?" with nothing submitted: question 1 was on screen
                _stopped_at_damage_question(source, early, render)
                return EXIT_INTERRUPTED
            if not _first_draft_kept(source, driver, early, render):
                cli_run.saved_hint(driver, render, kept=_ungraded(early, driver))
                keep_draft(source, driver, early.kept if early else None, context, render)
            return EXIT_INTERRUPTED
    finally:
        getting_ready.close()  # the terminal gets its echo back whatever happened
        if driver is not None:
            driver.close()


def _fewer_questions(render: Renderer, asked: int | None, total: int, role: str) -> None:
    """--questions above what the role's pack holds is said, not silently cut to the pack."""
    if not asked or total >= asked:
        return
    from knowledge.roles import load_role

    held = len(load_role(role).questions)
    where = f"the {role_title(role, strict=False)} pack has {held} questions" if held == total else "there are fewer"
    render.notice(f"--questions {asked:,}: {where}, so this interview asks {total}.")


def _first_draft_kept(source: AnswerSource, driver: Any, early: Any, render: Renderer) -> bool:
    """Stopped at the first question with nothing answered: a draft typed there is kept with the session instead of
    the session being dropped as empty (True: kept and the resume command said, or why it could not be)."""
    if early is not None and early.kept is not None:
        return False  # an answer submitted while it got ready is journalled: the usual save line
    if driver is None or not driver.started or driver.holds_moves():
        return False
    return keep_first_draft(source, driver.thread_id, driver.context, early.shown if early else "", render)


def _stopped_getting_ready(source: AnswerSource, early: Any, render: Renderer, getting_ready: ExitStack) -> int:
    """Ctrl-C, SIGTERM or a hang-up while the new session still got ready (its start is left alone, and nothing is
    imported for it: a stop's grace period may end first). What the candidate submitted or typed is kept in the
    answer journal, as the session would keep it, and the resume command says so."""
    cli_signals.rearm()
    with cli_signals.saving():  # a second Ctrl-C leaves once the draft is kept
        _take_unread(source, early=early)  # before the terminal gets its line mode back (getting_ready)
        getting_ready.close()
        render.line("")
        dropped = " (the story index build is dropped; it runs again next time)" if early.context.docs else ""
        render.line(f"Stopped while the interview was getting ready{dropped}.")
        if early.kept is not None:  # an answer submitted early: in the journal, graded on resume
            from agent.memory_report import keep_unstarted  # memory only: the answer goes to the report instead

            report = keep_unstarted(early.kept, early.context.to_dict())
            if early.whole_note:
                render.notice(early.whole_note)
            render.resume_hint(early.kept, "Your answer is saved; it is graded when you resume.", report=report)
            keep_draft(source, None, early.kept, early.context, render)
        elif not keep_first_draft(source, early.thread_id, early.context, early.shown, render):
            render.line("Nothing was answered yet, so nothing was saved.")
    return EXIT_INTERRUPTED


def _take_unread(source: AnswerSource, driver: Any = None, early: Any = None) -> None:
    """Keys typed that no prompt took yet join the draft kept at a stop (agent.cli_unread); an answer whose submit
    keys were among them is kept as submitted (the answer journal grades it on resume), never as a draft."""
    if not isinstance(source, PromptSource):
        return
    with contextlib.suppress(Exception):  # never in the way of saving what is already there
        source.take_unread()
    from agent.cli_early import early_move  # loaded already when a prompt ran

    answer = source.submitted_at_stop()
    move = early_move(answer) if answer else None
    if move is None:
        return
    with contextlib.suppress(OSError):  # a full disk: the draft line below says what could not be kept
        if driver is not None and driver.started:
            driver.keep_submitted(move)
        elif early is not None:
            early.keep_answer(answer)


def _stopped_at_damage_question(source: AnswerSource, early: Any, render: Renderer) -> None:
    """A stop at a new session's "move the damaged database aside?" with a draft typed at question 1: the draft is
    kept with the session in the answer journal, as a stop a moment earlier keeps it, and shown to copy too. Shown
    only, a hang-up lost it: there is no terminal left to show it on (sweep30 O1)."""
    draft = source.draft() if isinstance(source, PromptSource) else ""
    if not draft.strip():
        render.line("Stopped at the damaged database's question; nothing was saved.")
        return
    render.line("Stopped at the damaged database's question; nothing was answered yet.")
    try:
        answer_journal.keep_draft(early.thread_id, early.context.to_dict(), draft, early.shown)
    except (OSError, DataDirError) as exc:  # DataDirError: the data folder replaced meanwhile (stop 42)
        render.line(f"The draft you had typed could not be kept ({getattr(exc, 'strerror', None) or exc}). Here it "
                    "is, to copy:")  # fmt: skip
        render.line(draft)
        return
    from agent.cli_render import resume_command

    render.line(f"The draft you had typed is kept in {answer_journal.journal_path(early.thread_id)}: once the damaged "
                "database is moved aside (the mv command above), it is back in the prompt when you resume: "
                f"{resume_command(early.thread_id)}. Here it is, to copy:")  # fmt: skip
    render.line(draft)


def _kept_for_later(thread_id: str, problem: str, render: Renderer) -> None:
    """The answer submitted while the session got ready (or a session's answers) is kept in the answer journal:
    where, and how to get it graded once the session database can take it (`problem`: the StorageError's)."""
    when = {"corrupt": "once the damaged database is moved aside (the mv command above)",
            "unreachable": "once the database server answers again"}.get(problem, "once that is fixed")  # fmt: skip
    render.resume_hint(thread_id, f"Your answer is kept in {answer_journal.journal_path(thread_id)}; {when}, it is "
                                  "graded when you resume.")  # fmt: skip


def _what_the_move_keeps(session_id: str | None, database: Path, render: Renderer) -> None:
    """A --resume met a damaged session database and no answer of the session waits in the answer journal: the
    damage line says to move the file aside "to start afresh", not that the session resumed is in it (sweep30 S14).
    Say which session cannot be resumed and what is left of it elsewhere (sweep 38 K28: "what it saved stays in the
    moved file" promised what no command reads back), or, for a session that only kept a draft (stopped at the
    damaged database's question), that the draft comes back once the file is moved."""
    entry = answer_journal.load(session_id) if session_id else None
    if session_id and entry is not None and entry.draft.strip():
        from agent.cli_render import resume_command

        render.line(f"The draft you had typed for session {session_id} is kept in "
                    f"{answer_journal.journal_path(session_id)}: once the damaged database is moved aside (the mv "
                    f"command above), it is back in the prompt when you resume: "
                    f"{resume_command(session_id)}")  # fmt: skip
        return
    from agent.damaged_leftovers import unresumable

    render.line(unresumable(database, session_id))


def _moved_aside_to_resume(exc: StorageError, resume: str | None, source: Any, getting_ready: ExitStack) -> bool:
    """A --resume at a terminal met a damaged session database while the session's answers wait in the answer
    journal: the candidate may move the file aside and resume from them there and then, as a new session may
    (it only said to move it by hand). True once it is moved."""
    from agent.cli_input import confirm
    from agent.storage import move_aside

    if exc.problem != "corrupt" or not source.interactive or not (waiting := _journalled(resume)):
        return False
    if isinstance(source, PromptSource):
        with contextlib.suppress(Exception):  # keys typed while it got ready: the prompt's draft, not the answer here
            source.take_unread()
    getting_ready.close()  # the spinner stops and the keys echo: a question follows
    if not confirm(f"{exc}\nMove it aside and resume session {waiting} from its kept answers? [y/N] "):
        return False
    print(f"Moved the damaged database to {move_aside(exc.path)}.", file=sys.stderr)
    return True


def _journalled(session_id: str | None) -> str | None:
    """The session a --resume meant whose answers wait in the answer journal (the given id, or for a bare --resume
    the newest session waiting there), else None."""
    if session_id:
        entry = answer_journal.load(session_id)
        return session_id if entry is not None and entry.moves else None
    waiting = answer_journal.waiting()
    return waiting[0].thread_id if waiting else None


def _ungraded(early: Any, driver: Any) -> str | None:
    """The session whose answer submitted while it got ready still waits to be graded (None once the interview
    graded it: then the plain save line is right, not 'it is graded when you resume')."""
    if early is None or early.kept is None:
        return None
    return None if driver is not None and driver.graded else early.kept


def _answered(driver: Any) -> bool:
    """True when the session holds a move to resume from (True as well when that cannot be read: say how)."""
    if driver is None or not driver.started:
        return False
    try:
        return bool(driver.store.moves(driver.thread_id))
    except StorageError:
        return True


def _report_unused(source: AnswerSource, render: Renderer) -> None:
    """Scripted answers left over when the interview ended are said, not silently dropped."""
    if not isinstance(source, ScriptedSource):
        return
    count, complete = source.unused()
    if count:
        many = f"{count}" if complete else f"at least {count}"
        render.notice(f"{many} scripted answer(s) were not used: the interview ended before them.")


def _banner(render: Renderer, context: Context, title: str, session_id: str, interactive: bool) -> None:
    """Role, mode, whose stories, session id."""
    render.sample_bank = not context.docs
    render.banner(title, mode_line(context), bank_line(context), session_id, interactive)


def _keep_typed_at_resume(source: AnswerSource, session_id: str | None, render: Renderer) -> None:
    """Keys typed at "Getting the interview ready… (you can start typing)" of a --resume stopped before the session
    opened (an answer submitted there too: no prompt was drawn, it was never shown accepted) are kept as the draft of
    `session_id` (the session resumed: given, or the one a bare --resume picks), back in the prompt on the next
    resume; shown to copy when that session cannot be named (a bare --resume that a kept journal or draft decides, a
    session not in a local database) or the file cannot be written (sweep30 S1: dropped without a word)."""
    if not isinstance(source, PromptSource):
        return
    with contextlib.suppress(Exception):  # never in the way of the stop
        source.take_unread()
    answer = source.submitted_at_stop()
    if source.kept_while_busy or (
        answer.strip() and session_id and journal_resumed_answer(session_id, answer) is not None
    ):
        render.line("Your answer submitted while the session got ready is saved (the session had not opened); it is "
                    "graded when you resume.")  # fmt: skip
        answer = ""
    typed = "\n".join(text for text in (answer, source.draft()) if text.strip())
    if not typed.strip():
        return
    known = False
    with contextlib.suppress(OSError, DataDirError):  # the data folder replaced meanwhile: shown to copy below
        known = bool(session_id) and _known_session(str(session_id))
    if session_id and known:
        try:
            entry = answer_journal.load(session_id)
            before = entry.draft if entry is not None else ""
            if answer_journal.keep_draft(session_id, {}, f"{before}\n{typed}" if before.strip() else typed):
                render.line("What you typed while the session got ready is kept, not submitted (the session had not "
                            "opened): it is back in the prompt when you resume.")  # fmt: skip
                return
        except (OSError, DataDirError):
            pass
    render.line("What you typed while the session got ready was not saved (the session had not opened); here it is, "
                "to copy:")  # fmt: skip
    render.line(typed)


def _typed_and_submitted(source: AnswerSource) -> str:
    """An answer submitted at a resume's "you can start typing" that no prompt took, then what was typed after it."""
    if not isinstance(source, PromptSource):
        return ""
    return "\n".join(text for text in (source.submitted_at_stop(), source.draft()) if text.strip())


def _typed_keeper(session_id: str | None) -> Any:
    """What keeps the keys typed while a resume gets ready on disk (the session's draft, an answer submitted there
    its next move): only for a session named before it opens, on a backend that outlives the process; else None (a
    stop shows the keys to copy)."""
    from agent.backend import memory_only
    from agent.cli_busy_keys import TypedKeeper

    if not session_id or memory_only():
        return None
    try:
        return TypedKeeper(session_id, answers=True)
    except OSError:
        return None


def _draft_saver(thread_id: str, context: Context, question: str) -> Any:
    """What keeps the prompt's text on disk as the session's draft while it is typed (a kill -9 at any question
    keeps it: agent.cli_draft_saver); None for a session kept in memory only, which a kill ends anyway."""
    from agent.backend import memory_only
    from agent.cli_draft_saver import DraftSaver

    return None if memory_only() else DraftSaver(thread_id, context.to_dict(), question)


def _known_session(thread_id: str) -> bool:
    """The session is in the answer journal or the registry of a backend that outlives the process."""
    from agent.backend import memory_only
    from agent.registry_peek import known

    if memory_only():
        return False
    return answer_journal.load(thread_id) is not None or known(thread_id)


def _kept_as_it_was(opts: Options) -> str:
    """What a stop before a resumed session opened says: nothing changed, and the command that resumes it."""
    return f"it is kept as it was. Resume with: {_resume_again(opts)}"


def _resume_again(opts: Options) -> str:
    """The command that resumes the session this `--resume` opens (bare, as it was given, when no id was)."""
    from agent.cli_render import session_command, store_args

    return session_command("--resume", *([opts.resume] if opts.resume else []), *store_args())


def main(argv: list[str] | None = None) -> int:
    """Entry point: never a traceback for the user (INTERVIEWER_DEBUG=1 shows it)."""
    private_umask()  # sessions, reports and indexes are the candidate's: 0600, whatever the umask
    if not sys.stdout.isatty():
        # a reader on the other end of a pipe sees each question as soon as it is printed
        sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    opts = None
    try:
        opts = parse_args(argv)
        with keys_kept_at_stop():  # a Ctrl-C leaves typed keys for the stop to keep, as SIGTERM does (sweep32 S1)
            code = run(opts)
        if code in (EXIT_USAGE, EXIT_INTERRUPTED):
            discard_typed()  # keys typed for a session that refused or stopped: never left for the shell to run
        return code
    except KeyboardInterrupt:
        cli_signals.rearm()
        discard_typed()
        if opts is not None and opts.resume is not None:  # a saved session stays as it was saved
            print(f"\n{cli_signals.stop_word()} before the session resumed; {_kept_as_it_was(opts)}", file=sys.stderr)
        else:  # question 1 may be on screen already (sweep 37 S80): "before the session started" read wrong
            print(f"\n{cli_signals.stop_word()} while the interview was getting ready; nothing was answered yet, so "
                  "nothing was saved.", file=sys.stderr)  # fmt: skip
        return EXIT_INTERRUPTED
    except DataDirError as exc:  # the folder replaced or made unusable after the check at the start: its one line
        print(f"error: {exc}", file=sys.stderr)  # (stop 42: "error: DataDirError: ...")
        return EXIT_USAGE
    except StorageError as exc:  # the session store itself (damaged, full, read-only), e.g. for --list-sessions
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE if exc.problem == "corrupt" else EXIT_ERROR  # a data folder that cannot serve: exit 2
    except Exception as exc:
        if os.environ.get("INTERVIEWER_DEBUG"):
            raise
        print(f"error: {type(exc).__name__}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    finally:
        release_keys()  # never leave the terminal without echo
        release_early()  # the session lock a `--resume` took before it got ready


def _summary_unwritten(thread_id: str) -> None:
    """One warning line when the session's coaching summary missed the history (what agent.progress and --focus
    weakest read), with what fixes it; a --resume of the finished session writes it then."""
    from agent.cli_render import resume_command
    from agent.coaching.record import unwritten_summary

    if why := unwritten_summary(thread_id):
        print(f"warning: this session's coaching summary was not saved: {why}; then {resume_command(thread_id)} "
              "saves it", file=sys.stderr)  # fmt: skip


def cli() -> NoReturn:
    """`python -m agent.session`: main(), then exit. After Ctrl-C the process leaves at once: waiting for a
    background worker (the embedder still loading) would let another Ctrl-C hit interpreter shutdown, which
    prints a traceback and aborts (exit 134). Everything is saved before main() returns."""
    cli_signals.install()
    try:
        code = main()
    except (Exception, KeyboardInterrupt):
        # main() lets nothing out, except while it reports an error after the terminal closed (the report meets
        # the closed terminal too) or when a hang-up's KeyboardInterrupt lands in its clean-up
        if cli_signals.exit_code() is None:
            raise
        code = EXIT_INTERRUPTED
    if cli_signals.exit_code() is not None:  # a hang-up or SIGTERM: whatever main() made of it, leave now
        code = EXIT_INTERRUPTED
    if code == EXIT_INTERRUPTED:
        # The last answer's history summary; os._exit below would not wait for it. Only a session that loaded the
        # history writer has one: importing it here, after a Ctrl-C that may have cut an import short, can fail;
        # and another thread may still be importing it (partially initialized, no flush_history yet: sweep28 S16)
        record = sys.modules.get("agent.coaching.record")
        flush = getattr(record, "flush_history", None)
        if callable(flush):
            flush()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(OSError):  # the terminal is gone
                stream.flush()
        cli_signals.leave(cli_signals.stop_code() or code)  # the terminal as it was: no `finally` runs after it
    raise SystemExit(code)


if __name__ == "__main__":
    cli()
