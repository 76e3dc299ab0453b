"""Work out a session's lean before it starts: --jd (the job's requirements) and --focus weakest (the history).

Both become multipliers on the planner's competency and question weights, stored in the Context, so the preview,
the graph and a resumed session plan alike, and the same seed with the same history gives the same plan.
"""

from __future__ import annotations

from agent.context import Context


def _merge(into: dict[str, float], more: dict[str, float]) -> None:
    for key, value in more.items():
        into[key] = round(into.get(key, 1.0) * value, 4)


def apply_lean(context: Context, jd: str | None, focus: str | None) -> None:
    """Fill context.jd/requirements/focus/focus_note/drill/lean_*; ValueError (one line) on a bad job description
    or role."""
    from knowledge.roles import load_role

    pack = load_role(context.role)
    if jd:
        from agent.coaching.jd import lean_weights
        from agent.coaching.views import requirements_view

        requirements = requirements_view(pack, list(context.docs), context.embedder, jd)
        comps, questions = lean_weights(requirements)
        context.jd = str(jd)
        context.requirements = [r.to_dict() for r in requirements]
        _merge(context.lean_competencies, comps)
        _merge(context.lean_questions, questions)
    if focus == "weakest":
        from agent.coaching.feed import open_feed
        from agent.coaching.focus import first_picks, focus_weights
        from agent.coaching.focus_note import plan_note

        history = open_feed().sessions(pack.name)
        comps, questions = focus_weights(pack, history)
        context.focus = focus
        context.focus_note = plan_note(pack, history, context.questions)
        context.drill = first_picks(pack, history)  # the plan takes what the note names first
        _merge(context.lean_competencies, comps)
        _merge(context.lean_questions, questions)
