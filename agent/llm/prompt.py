"""Build the messages for the one call per answered turn, within a prompt-token budget.

The answer is delimited as data (<answer>...</answer>, with any closing tag inside it defused), the
offline critique goes in as compact JSON evidence, stories as titles plus key metrics only.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence

from agent.critic.schema import Critique
from knowledge.models import Story
from prompts import load_text, render

MAX_ANSWER_CHARS = 4000  # ~1,000 tokens: enough for a long spoken answer, bounded for cost
MAX_STORIES = 3
MAX_METRICS_PER_STORY = 3
MAX_ASKED = 4
PROMPT_TOKEN_BUDGET = 2200  # messages only; the schema adds ~500, keeping a turn well under 3,000


def estimate_tokens(text: str) -> int:
    """About four characters a token (English through a BPE tokenizer); no tokenizer download needed."""
    return math.ceil(len(text) / 4)


def clip(text: str, limit: int) -> str:
    """Cut at a word boundary, marking the cut so the model knows the answer went on."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(None, 1)[0] if " " in text[:limit] else text[:limit]
    return cut + " [...answer truncated]"


def defuse(answer: str) -> str:
    """Stop an answer from closing the data block early and speaking as the system."""
    return answer.replace("</answer>", "</ answer>").replace("<answer>", "< answer>")


def offline_evidence(critique: Critique) -> str:
    """The offline critique as compact JSON: facts the model must respect."""
    data = {
        "score": critique.score,
        "star": critique.star.model_dump(),
        "quantified_result": critique.quantified_result,
        "numbers": [{"text": m.text, "role": m.role} for m in critique.metrics][:8],
        "ownership": critique.ownership,
        "specificity": critique.specificity,
        "weak_or_missing": critique.weak_or_missing,
        "gap": critique.gap,
        "non_answer": critique.non_answer,
        "story_notes": [n.message for n in critique.story_notes][:3],
    }
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def story_lines(stories: Sequence[Story]) -> str:
    lines = []
    for story in list(stories)[:MAX_STORIES]:
        metrics = "; ".join(m.text for m in story.metrics[:MAX_METRICS_PER_STORY]) or "no numbers"
        lines.append(f"- {story.title[:80]} ({metrics[:160]})")
    return "\n".join(lines) or "- none"


def build_messages(
    *,
    question: str,
    question_type: str,
    answer: str,
    critique: Critique,
    stories: Sequence[Story],
    asked_follow_ups: Sequence[str],
    json_mode: bool = False,
    schema_json: str = "",
) -> list[tuple[str, str]]:
    """System + user messages; the answer is trimmed further if the whole would exceed the budget."""
    system = load_text("llm_system.md").strip()
    if json_mode:
        system += "\n\n" + render(load_text("llm_json_mode.md"), schema=schema_json).strip()
    asked = "\n".join(f"- {q[:200]}" for q in list(asked_follow_ups)[-MAX_ASKED:]) or "- none"
    values = {
        "question": question[:600],
        "question_type": question_type,
        "evidence": offline_evidence(critique),
        "stories": story_lines(stories),
        "asked": asked,
    }
    template = load_text("llm_user.md")
    fixed = estimate_tokens(system + render(template, answer="", **values))
    room_chars = max(400, (PROMPT_TOKEN_BUDGET - fixed) * 4)
    body = defuse(clip(answer.strip(), min(MAX_ANSWER_CHARS, room_chars)))
    return [("system", system), ("user", render(template, answer=body, **values))]
