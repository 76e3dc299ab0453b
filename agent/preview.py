"""The first question, worked out before LangGraph is imported, so it is on screen while the graph loads.

It calls the same planner and interviewer lines as the graph's plan and ask nodes, with the same seed and
question history, so it is the question the graph will ask. The session still compares it with the graph's
own first step and shows the graph's when they differ: the preview only ever saves time, never decides.
"""

from __future__ import annotations

from dataclasses import dataclass

from agent.context import Context


@dataclass(frozen=True)
class Preview:
    """What the first Step will show: its text and the number of planned questions."""

    text: str
    total: int
    kind: str = "question"
    turn_index: int = 0


def first_question(context: Context) -> Preview | None:
    """The opening and first question for a new session, or None when it cannot be worked out cheaply."""
    from agent.nodes.lines import opening_line
    from agent.planning import load_recent, plan_questions
    from knowledge.roles import load_role

    try:
        pack = load_role(context.role)
        recent = load_recent(context.role) if context.history else []
        plan = plan_questions(pack, context.questions, seed=context.seed or 0, recent=recent,
                              fixed=context.fixed_questions, lean=context.lean(),
                              drill=context.drill)  # fmt: skip
    except (ValueError, OSError):
        return None  # the driver reports the problem properly
    if not plan:
        return None
    opening = opening_line(pack, len(plan))
    text = f"{opening}\n\n{plan[0]['text']}" if opening else plan[0]["text"]
    return Preview(text=text, total=len(plan))
