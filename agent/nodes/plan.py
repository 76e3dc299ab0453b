"""plan_interview: choose the questions and the interviewer's opening and closing lines."""

from __future__ import annotations

import random

from langgraph.runtime import Runtime

from agent.context import Context
from agent.nodes.lines import closing_line, opening_line
from agent.planning import plan_questions
from agent.state import InputState
from knowledge.models import RolePack


def load_pack(role: str) -> RolePack:
    """The role pack (knowledge.roles, imported lazily so the graph module loads without it), shared: the planner
    only reads it."""
    from knowledge.roles import shared_role

    return shared_role(role)


def plan_interview(state: InputState, runtime: Runtime[Context]) -> dict:
    """Pick the session's questions by competency weight; set the opening and closing lines."""
    ctx = runtime.context
    pack = load_pack(ctx.role)
    plan = plan_questions(
        pack,
        ctx.questions,
        # The terminal always fixes a seed; a server session started without one gets its own random plan
        # (planned once per thread and checkpointed, so a resume keeps it).
        seed=ctx.seed if ctx.seed is not None else random.SystemRandom().randrange(1, 10**6),
        recent=state.get("recent_question_ids", []) if ctx.history else [],
        fixed=ctx.fixed_questions,
        lean=ctx.lean(),
        drill=ctx.drill,
    )
    if not plan:
        raise ValueError(f"role pack {pack.name!r} has no questions to ask")
    return {
        "plan": plan,
        "opening": opening_line(pack, len(plan)),
        "closing": closing_line(pack, state.get("candidate_questions", [])),
    }
