"""What the interviewer says around the questions: opening, transitions, closing (prompts/interviewer.yaml)."""

from __future__ import annotations

import hashlib

from agent.names import names
from agent.nodes.question_roles import other_jobs
from agent.state import State
from knowledge.models import RolePack
from prompts import load_yaml, render


def stable_index(key: str, size: int) -> int:
    """An index in range(size) chosen by key, the same in every process (unlike hash())."""
    return int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) % size


def pick(options: list[str], key: str) -> str:
    """One of several phrasings, chosen deterministically by key."""
    return options[stable_index(key, len(options))]


def opening_line(pack: RolePack, count: int) -> str:
    """The role pack's own opening (its {role_title} filled in), else the default one."""
    template = pack.opening.strip() or load_yaml("interviewer.yaml")["opening"]
    return render(template, role_title=pack.title, count=count)


def closing_line(pack: RolePack, candidate_questions: list[str]) -> str:
    """The pack's closing, then 'Do you have any questions for me?', pointing at one the candidate prepared for
    this role (none asking about another job's holder): one that names no company or product if the notes have
    one, else the first, said to be written for one company. When every one is about another job, it says so."""
    lines = load_yaml("interviewer.yaml")
    parts = [render(pack.closing.strip() or lines["closing"], role_title=pack.title)]
    if "questions for me" not in parts[0].lower():
        parts.append(lines["ask_for_questions"])
    fitting = [q for q in candidate_questions if not other_jobs(q, pack.title)]
    if candidate_questions and not fitting:
        jobs = dict.fromkeys(j for q in candidate_questions for j in other_jobs(q, pack.title))
        parts.append(render(lines["candidate_question_other_role"], jobs=" or ".join(f"the {j}" for j in jobs)))
    candidate_questions = fitting
    if candidate_questions:
        portable = [q for q in candidate_questions if not names_in(q)]
        if portable:
            parts.append(render(lines["candidate_question_hint"], example=portable[0]))
        else:
            example = candidate_questions[0]
            named = ", ".join(names_in(example)[:3])
            parts.append(render(lines["candidate_question_named"], example=example, names=named))
    return " ".join(parts)


def names_in(question: str) -> list[str]:
    """The companies, products or teams a prepared question names, each once (an acronym such as SQL, as often a
    field's term as a company's, is left out): a question naming one was written for a particular company."""
    return list(dict.fromkeys(n for n in names(question) if not n.isupper()))


def ended_early_line() -> str:
    """What the interviewer says when the candidate ends the session."""
    return str(load_yaml("interviewer.yaml")["ended_early"])


def question_preamble(state: State, index: int, question_id: str) -> str:
    """The opening before the first question; a short transition before the others."""
    if index == 0:
        return state.get("opening", "")
    lines = load_yaml("interviewer.yaml")
    previous = [t for t in state.get("turns", []) if t["question_index"] == index - 1]
    options = lines["after_skip"] if previous and previous[-1]["skipped"] else lines["transitions"]
    # Rotate from a per-session start: consecutive questions never open with the same line, and a line
    # comes back only after all the others were used.
    plan = state.get("plan") or []
    start = stable_index(plan[0]["id"] if plan else question_id, len(options))
    return options[(start + index - 1) % len(options)]
