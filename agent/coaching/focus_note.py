"""The line a `--focus weakest` session opens with: what its plan drew on, as a coach would say it (newcomer37 N13:
the second session showed no sign of remembering the first, and nothing said why a competency answered at 3/5 was
not back yet). It names the sessions read, the competencies due again, the weak ones with questions not yet had,
and when the others come back (agent.coaching.focus's spacing), all from the same history the plan used. It ends
with the competencies this session's plan takes first (agent.coaching.focus.first_picks, as many as the planner
pins), so the line and the questions drawn agree (newcomer39 N8: the weak areas named were not asked).
"""

from __future__ import annotations

from collections.abc import Sequence

from agent.coaching.feed import SessionSummary
from agent.coaching.focus import COMES_BACK_AFTER, competency_levels, first_picks, last_asked, weak_with_new_questions
from knowledge.models import RolePack


def _name(competency: str, level: float) -> str:
    return f"{competency.replace('_', ' ')} {round(level, 1):g}/5"


def _sessions(count: int) -> str:
    return "next session" if count == 1 else f"in {count} sessions"


def plan_note(pack: RolePack, sessions: Sequence[SessionSummary], questions: int = 0) -> str:
    """One line: what the plan of a `--focus weakest` session of `questions` questions drew on (see the module
    docstring; 0 leaves out what this session takes first)."""
    if not sessions:
        return (f"From your history: no earlier {pack.name} session yet, so this plan follows the role's weights; "
                "the next --focus weakest session will draw on this one.")  # fmt: skip
    seen = last_asked(pack, sessions)
    levels = competency_levels(pack, sessions)
    known = {q.id for q in pack.questions}
    answers = sum(1 for s in sessions for a in s.answers if a.question_id in known)
    due: list[tuple[float, str]] = []
    open_weak = weak_with_new_questions(pack, sessions)
    later: dict[int, list[tuple[float, str]]] = {}
    for competency, level in levels.items():
        asked = [seen[q.id] for q in pack.questions if q.competency == competency and q.id in seen]
        fresh = any(q.id not in seen for q in pack.questions if q.competency == competency)
        # sessions until each question answered before is due again (0 or less: due in this one)
        waits = [COMES_BACK_AFTER[max(1, min(5, score))] - since for score, since in asked]
        if any(w <= 0 for w in waits):
            due.append((level, competency))
        elif waits and not fresh:
            later.setdefault(min(waits), []).append((level, competency))
    never = [c for c in pack.competencies if c not in levels]
    plural = "s" if len(sessions) != 1 else ""
    head = f"From your history ({len(sessions)} earlier {pack.name} session{plural}, {answers} answers): "
    parts = ["due again: " + _names(due) if due else "nothing is due again yet"]
    if open_weak:
        parts.append("weak, with questions you have not had: " + _names(open_weak))
    if never:
        parts.append(f"not asked yet: {len(never)} competenc{'y' if len(never) == 1 else 'ies'}")
    if later:
        back = [f"{_names(group)} {_sessions(n)}" for n, group in sorted(later.items())]
        parts.append("back later, spaced by score: " + "; ".join(back))
    if questions and (first := _first(pack, sessions, questions, levels)):
        parts.append(first)
    return head + ". ".join(p[0].upper() + p[1:] if i else p for i, p in enumerate(parts)) + "."


def _first(pack: RolePack, sessions: Sequence[SessionSummary], questions: int, levels: dict[str, float]) -> str:
    """'this session takes up a 2/5 and b 3/5, the rest drawn by weight': the competencies of the questions the
    planner pins (agent.planning.drill_slots of first_picks), empty when it pins none."""
    from agent.planning import drill_slots

    competency = {q.id: q.competency for q in pack.questions}
    picks = first_picks(pack, sessions)[: drill_slots(questions)]
    taken = list(dict.fromkeys(competency[qid] for qid in picks))
    if not taken:
        return ""
    rest = questions - len(picks)
    tail = f", then {rest} question{'s' if rest != 1 else ''} drawn by weight" if rest else ""
    return "this session takes up " + _names([(levels[c], c) for c in taken], weakest_first=False) + tail


def _names(group: list[tuple[float, str]], weakest_first: bool = True) -> str:
    """'a 2/5, b 3/5 and c 3/5', weakest first (or in the group's order)."""
    names = [_name(c, v) for v, c in (sorted(group) if weakest_first else group)]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
