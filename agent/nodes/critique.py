"""critique_answer: judge the answer, then choose the follow-up that chases its biggest gap.

The offline critic always runs first (deterministic evidence); when the Context enables an LLM, the
LLM helper's `agent.llm.refine_turn` may refine the critique and word the follow-up. A follow-up answer
is judged together with the earlier answers to the same question, so a gap it closed disappears.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from langgraph.runtime import Runtime

from agent.context import Context
from agent.critic import critique_answer as run_critic
from agent.critic.schema import Critique
from agent.followups import choose_follow_up
from agent.nodes.ask import InvalidStateError
from agent.nodes.retrieve import stories_for
from agent.state import FollowUp, PlannedQuestion, State, TurnRecord, next_question_index, turns_for
from knowledge.models import Story


def offline_critique(q: PlannedQuestion, answer: str, stories: Sequence[Story]) -> Critique:
    """The deterministic critic (agent.critic)."""
    return run_critic(q["text"], q["type"], answer, stories, q["competency"])


_WARM = False


def warm_up(ctx: Context) -> None:
    """Run the critic and the follow-up chooser once so the first real answer is as fast as the rest."""
    global _WARM
    if ctx.may_use_llm():
        import threading

        from agent.llm import prepare

        # Building the chat client imports langchain-openai (~3 s): do it while the candidate reads the first
        # question, so the first turn's timeout/fallback budget is not spent importing.
        threading.Thread(target=prepare, args=(ctx,), name="llm-prepare", daemon=True).start()
    if _WARM:
        return
    q: PlannedQuestion = {
        "id": "warm-up",
        "text": "Tell me about a time you improved something.",
        "type": "behavioral",
        "competency": "general",
        "signals": [],
    }
    answer = "We added a cache and latency dropped from 800 ms to 120 ms in two weeks."
    critique = offline_critique(q, answer, [])
    choose_follow_up(critique, answer, probed=[], asked=[], budget_left=1, key="warm-up")
    _WARM = True


def judge(
    ctx: Context, q: PlannedQuestion, answer: str, stories: Sequence[Story], asked: list[str]
) -> tuple[Critique, FollowUp | None, dict[str, Any] | None]:
    """Offline critique, refined by the LLM when one is configured: (critique, LLM follow-up, usage)."""
    critique = offline_critique(q, answer, stories)
    if not ctx.may_use_llm():
        return critique, None, None
    from agent.llm import is_llm_mode, refine_turn

    if not is_llm_mode(ctx):
        return critique, None, None
    # refine_turn falls back to the offline critique itself on any model failure (usage says why).
    turn = refine_turn(
        context=ctx,
        question=q["text"],
        answer=answer,
        critique=critique,
        question_type=q["type"],
        stories=list(stories),
        asked_follow_ups=asked,
        signals=q["signals"],
    )
    llm_follow_up: FollowUp | None = (
        {"text": turn.follow_up.strip(), "probes": turn.probes} if turn.follow_up and turn.follow_up.strip() else None
    )
    return turn.critique, llm_follow_up, turn.usage


def _follow_up(
    ctx: Context,
    critique: Critique,
    answer: str,
    llm: FollowUp | None,
    earlier: list[TurnRecord],
    asked: list[str],
    key: str,
) -> FollowUp | None:
    """The rules decide whether to follow up (budget, strong answer, gaps left); the LLM may word it."""
    probed = [t["follow_up"]["probes"] for t in earlier if t["follow_up"]]
    budget_left = ctx.follow_ups - len(probed)
    chosen = choose_follow_up(critique, answer, probed=probed, asked=asked, budget_left=budget_left, key=key)
    if chosen is not None and llm is not None and llm["text"] not in asked and llm["probes"] not in probed:
        return llm
    return chosen


def critique_answer(state: State, runtime: Runtime[Context]) -> dict:
    """Critique the pending answer and record the turn with its follow-up (if any)."""
    pending = state.get("pending_answer")
    if pending is None:
        raise InvalidStateError("critique_answer reached without an answer")
    ctx = runtime.context
    index = next_question_index(state) - (1 if pending["is_follow_up"] else 0)
    q = state["plan"][index]
    earlier = turns_for(state, index)
    full = "\n\n".join([*(t["answer"] for t in earlier if t["answer"].strip()), pending["text"]])
    refs = state.get("stories", [])
    stories = stories_for(ctx, refs, q["text"], q["competency"])
    asked = [t["follow_up"]["text"] for t in state.get("turns", []) if t["follow_up"]]
    critique, llm_follow_up, usage = judge(ctx, q, full, stories, asked)
    before = [t["critique"] for t in earlier if t["critique"] is not None]
    if critique.non_answer and before and not before[-1].get("non_answer"):
        # "I don't know" to a follow-up adds nothing: the earlier answer still stands as it was judged.
        critique = Critique.model_validate(before[-1])
    follow_up = _follow_up(ctx, critique, full, llm_follow_up, earlier, asked, key=f"{q['id']}:{ctx.seed}")
    asked_text = earlier[-1]["follow_up"]["text"] if pending["is_follow_up"] and earlier[-1]["follow_up"] else q["text"]
    record: TurnRecord = {
        "question_index": index,
        "question_id": q["id"],
        "question": asked_text,
        "question_type": q["type"],
        "competency": q["competency"],
        "answer": pending["text"],
        "is_follow_up": pending["is_follow_up"],
        "skipped": False,
        "critique": critique.model_dump(mode="json"),
        "follow_up": follow_up,
        "stories": refs,
        "usage": usage,
    }
    return {"turns": [record], "pending_answer": None}
