"""ask_question and ask_follow_up: the two places the graph stops and waits for the candidate.

Each calls interrupt() with what the interviewer says; the driver resumes with
{"kind": "answer" | "skip" | "end", "text": ...}. A node that interrupts re-runs from its top on
resume, so everything before interrupt() is pure.

A resume may also echo which prompt it answers (the interrupt's `step`, `question_id`, `turn_index`): a
value that names another prompt (a double submit, a retry after the answer already landed) is refused, and
the prompt is asked again with a `refused` line naming the current question, so an answer is never filed
against a question the candidate was not shown. The service also refuses an unmarked answer whose text
repeats the one just recorded, and a skip or end that does not echo `step` (`repeats`); an answer without its
text, or longer than MAX_ANSWER_CHARS, or any value that is no move is refused the same way.
"""

from __future__ import annotations

from typing import Any, Literal

from langgraph.types import interrupt

from agent.nodes.lines import question_preamble
from agent.report import model_failure_line
from agent.state import PlannedQuestion, State, TurnRecord, next_question_index
from knowledge.safe_text import clean_text

ResumeKind = Literal["answer", "skip", "end"]


class InvalidStateError(RuntimeError):
    """The graph reached a state its wiring should make impossible."""


MAX_ANSWER_CHARS = 20_000  # as the terminal's cap: a server client cannot make one turn grade megabytes


ECHOED = ("step", "question_id", "turn_index")  # what a resume may echo from the interrupt it answers


class RefusedMove(ValueError):
    """A resume value the interview does not take (one line for the client; nothing is recorded)."""


def _answer_text(text: Any) -> str:
    """An answer's text as sent; RefusedMove for none, a value that is not a string, or one over the cap (never
    an empty answer the client did not send, a list's repr, or an answer cut without a word)."""
    if text is None:
        raise RefusedMove("an answer needs its text (a string, empty for a blank answer); nothing was recorded")
    if not isinstance(text, str):
        raise RefusedMove(f"the answer text must be a string (got a {type(text).__name__}); nothing was recorded")
    if len(text) > MAX_ANSWER_CHARS:
        raise RefusedMove(f"this answer is {len(text):,} characters, over the {MAX_ANSWER_CHARS:,} an answer may have; "
                          "nothing was recorded: send it shorter")  # fmt: skip
    # terminal controls never reach the state, the transcript or a report (sweep28 S13: a service client's answer
    # kept them; the terminal tool cleans its answers before they get here, so this changes nothing for it)
    return clean_text(text)


def parse_resume(value: Any) -> tuple[ResumeKind, str]:
    """The candidate's move from the resume value (a bare string is an answer); RefusedMove if it is none."""
    if isinstance(value, str):
        return "answer", _answer_text(value)
    if isinstance(value, dict) and value.get("kind") in ("answer", "skip", "end"):
        if value["kind"] == "answer":
            return "answer", _answer_text(value.get("text"))
        return value["kind"], ""
    raise RefusedMove(f"resume value must be an answer string or {{'kind': answer|skip|end}}, got {repr(value)[:80]}; "
                      "nothing was recorded")  # fmt: skip


def _current(prompt: dict[str, Any]) -> str:
    what = "follow-up to question" if prompt["kind"] == "follow_up" else "question"
    return (f"the current prompt is step {prompt['step']}, the {what} {prompt['turn_index'] + 1} of {prompt['total']} "
            f"({prompt['question_id']}): {' '.join(prompt['question'].split())[:80]!r}")  # fmt: skip


def check_move(
    value: Any, prompt: dict[str, Any], last_answer: str | None, strict: bool = False
) -> tuple[ResumeKind, str]:
    """parse_resume, refusing a value that names another prompt than `prompt` (the interrupt it resumes), or,
    when `last_answer` is given, an unmarked answer repeating it; `strict` (a service client): a skip or end that
    does not echo the prompt's `step`, since nothing else tells a second click from a move on the next prompt."""
    try:
        kind, text = parse_resume(value)
    except RefusedMove as refused:
        raise RefusedMove(f"{refused}; {_current(prompt)}") from None  # what is waiting, as for every refusal
    echoed = {k: value[k] for k in ECHOED if isinstance(value, dict) and value.get(k) is not None}
    if strict and kind != "answer" and "step" not in echoed:
        raise RefusedMove(f"a {kind} must echo the waiting prompt's step (\"step\": {prompt['step']}), so that a "
                          f"second click cannot {kind} a prompt not yet shown; nothing was recorded; "
                          f"{_current(prompt)}")  # fmt: skip
    if wrong := [k for k, v in echoed.items() if v != prompt[k]]:
        said = ", ".join(f"{k} {echoed[k]!r}" for k in wrong)
        if kind == "answer" and last_answer and text.strip() == last_answer.strip():  # a retry of one that landed
            raise RefusedMove(f"this answer, sent for {said}, is the one recorded there already, so it was not taken "
                              f"again; {_current(prompt)}")  # fmt: skip
        raise RefusedMove(f"this {kind} was sent for {said}, which is not the prompt waiting; {_current(prompt)}")
    if not echoed and kind == "answer" and last_answer and text.strip() == last_answer.strip():
        raise RefusedMove(f"this answer repeats the one just recorded, so it was not taken again; {_current(prompt)}")
    return kind, text


def wait_for_move(prompt: dict[str, Any], last_answer: str | None, strict: bool = False) -> tuple[ResumeKind, str]:
    """Interrupt with `prompt` until a move it takes arrives; a refused one is answered by asking again, the
    reason in the payload's `refused` line.

    Not by raising: the resume value an interrupt consumed stays with the task, so a task that failed on it
    would fail on it again at every later resume. Asked again, the node replays each refused value (refused
    the same way: the state has not moved) and reaches the new one."""
    value = interrupt(prompt)
    while True:
        try:
            return check_move(value, prompt, last_answer, strict)
        except RefusedMove as refused:
            value = interrupt({**prompt, "refused": str(refused)})


def skipped_record(q: PlannedQuestion, index: int, question: str, is_follow_up: bool) -> TurnRecord:
    """The record of a question the candidate skipped."""
    return {
        "question_index": index,
        "question_id": q["id"],
        "question": question,
        "question_type": q["type"],
        "competency": q["competency"],
        "answer": "",
        "is_follow_up": is_follow_up,
        "skipped": True,
        "critique": None,
        "follow_up": None,
        "stories": [],
        "usage": None,
    }


def _after_move(kind: ResumeKind, text: str, is_follow_up: bool, skipped: TurnRecord) -> dict:
    if kind == "answer":
        return {"pending_answer": {"text": text, "is_follow_up": is_follow_up}}
    if kind == "skip":
        return {"turns": [skipped], "pending_answer": None}
    return {"ended": True, "pending_answer": None}


def _last_answer(state: State, repeats: bool) -> str | None:
    turns = state.get("turns", [])
    return turns[-1]["answer"] if repeats and turns else None


def _with_notice(prompt: dict[str, Any], state: State, notice: str | None = None) -> dict[str, Any]:
    """The prompt, with a `notice` when the configured model failed on the answer just graded (a service client
    sees no server log: the interrupt is where it learns the critique was offline), or the caller's own line
    (the service's: the thread's documents are gone)."""
    turns = state.get("turns", [])
    lines = [line] if turns and (line := model_failure_line(turns[-1].get("usage"))) else []
    lines += [notice] if notice else []
    return {**prompt, "notice": "; ".join(lines)} if lines else prompt


def ask_question(state: State, repeats: bool = False, notice: str | None = None) -> dict:
    """Ask the next main question of the plan and wait for the answer (`repeats`, the service's checks: refuse a
    repeated unmarked answer, and a skip or end without `step`)."""
    index = next_question_index(state)
    plan = state.get("plan", [])
    if index >= len(plan):
        raise InvalidStateError(f"no question {index + 1} in a plan of {len(plan)}")
    q = plan[index]
    preamble = question_preamble(state, index, q["id"])
    prompt = {
        "kind": "question",
        "text": f"{preamble}\n\n{q['text']}" if preamble else q["text"],
        "question": q["text"],
        "main_question": q["text"],
        "question_id": q["id"],
        "competency": q["competency"],
        "turn_index": index,
        "total": len(plan),
        "step": len(state.get("turns", [])),  # one per prompt: the moves recorded before it
    }
    kind, text = wait_for_move(_with_notice(prompt, state, notice), _last_answer(state, repeats), strict=repeats)
    update = _after_move(kind, text, False, skipped_record(q, index, q["text"], False))
    if kind == "answer":
        update["stories"] = []  # hits of the previous question no longer apply
    return update


def ask_follow_up(state: State, repeats: bool = False, notice: str | None = None) -> dict:
    """Ask the follow-up the critique step chose and wait for the answer (`repeats`: as ask_question)."""
    turns = state.get("turns", [])
    follow_up = turns[-1]["follow_up"] if turns else None
    if follow_up is None:
        raise InvalidStateError("ask_follow_up reached without a chosen follow-up")
    last = turns[-1]
    q = state["plan"][last["question_index"]]
    prompt = {
        "kind": "follow_up",
        "text": follow_up["text"],
        "question": follow_up["text"],
        "main_question": q["text"],
        "question_id": q["id"],
        "competency": q["competency"],
        "turn_index": last["question_index"],
        "total": len(state["plan"]),
        "probes": follow_up["probes"],
        "step": len(turns),
    }
    kind, text = wait_for_move(_with_notice(prompt, state, notice), _last_answer(state, repeats), strict=repeats)
    return _after_move(kind, text, True, skipped_record(q, last["question_index"], follow_up["text"], True))
