"""Build the messages for the one call per answered turn, within a prompt-token budget.

Everything the candidate wrote is data, fenced: the answer in <answer>...</answer>, their prep notes
(story titles, key numbers, what the critic read in them) in <notes>...</notes>; any fence tag inside
that text is defused, whatever its case or spacing. The offline critique goes in as compact JSON
evidence of keys and numbers (its gap sentence, which can name a story, sits in <notes>); the question's
numbered signals, the role's level expectation and the other questions the answer may fit better go in as
plain facts, so the model can judge substance, not only shape.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence

from agent.critic.schema import Critique
from agent.llm.question_facts import QuestionFacts
from knowledge.models import Story
from prompts import load_text, render

MAX_ANSWER_CHARS = 4000  # ~1,000 tokens: enough for a long spoken answer, bounded for cost
MAX_STORIES = 3
MAX_METRICS_PER_STORY = 3
MAX_ASKED = 4
PROMPT_TOKEN_BUDGET = 2900  # messages plus the schema sent beside them: every turn stays under 3,000
SCHEMA_OVERHEAD = 40  # the response_format / tool wrapper around the schema
MAIN_GAP_LINE = "- critic's main gap: "
_FENCE_TAG = re.compile(r"<(\s*/?\s*(?:answer|notes)\b[^<>]*)>", re.I)


def estimate_tokens(text: str) -> int:
    """About four characters a token (English through a BPE tokenizer); no tokenizer download needed."""
    return math.ceil(len(text) / 4)


def clip(text: str, limit: int) -> str:
    """Cut at a word boundary, marking the cut so the model knows the answer went on."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(None, 1)[0] if " " in text[:limit] else text[:limit]
    return cut + " [...answer truncated]"


def defuse(text: str) -> str:
    """Stop candidate text from opening or closing a data block ("</ANSWER>", "</answer\\n>", "< notes >")."""
    return _FENCE_TAG.sub(lambda m: "[" + m.group(1).strip() + "]", text)


def offline_evidence(critique: Critique, signals: Sequence[str]) -> str:
    """The offline critique as compact JSON: facts the model must respect (no candidate prose inside)."""
    covered = set(critique.signals.covered)
    data = {
        "score": critique.score,
        "relevance": critique.relevance,
        "level": critique.level,
        "signals_covered": [i for i, s in enumerate(signals, start=1) if s in covered],
        "star": critique.star.model_dump(),
        "quantified_result": critique.quantified_result,
        "numbers": [{"text": defuse(m.text), "role": m.role} for m in critique.metrics][:8],
        "ownership": critique.ownership,
        "specificity": critique.specificity,
        "weak_or_missing": critique.weak_or_missing,
        "main_gap": critique.primary_gap,  # a vocabulary key; its sentence can quote notes, so it goes in <notes>
        "non_answer": critique.non_answer,
    }
    return json.dumps(data, separators=(",", ":"), ensure_ascii=False)


def notes_block(critique: Critique, stories: Sequence[Story]) -> str:
    """The candidate's prep notes that bear on this answer: story titles and numbers, and what the critic saw."""
    lines = []
    for story in list(stories)[:MAX_STORIES]:
        metrics = "; ".join(m.text for m in story.metrics[:MAX_METRICS_PER_STORY]) or "no numbers"
        lines.append(f"- {story.title[:80]} ({metrics[:160]})")
    lines += [f"- critic: {n.message[:200]}" for n in critique.story_notes[:3]]
    if critique.gap:  # the critic's sentence may name a story title or quote the answer: data, so fenced
        lines.append(f"{MAIN_GAP_LINE}{critique.gap[:300]}")
    return defuse("\n".join(lines) or "- none")


def _numbered(items: Sequence[str], empty: str) -> str:
    return "\n".join(f"{i}. {defuse(s)}" for i, s in enumerate(items, start=1)) or empty


def build_messages(
    *,
    question: str,
    question_type: str,
    answer: str,
    critique: Critique,
    stories: Sequence[Story],
    asked_follow_ups: Sequence[str],
    facts: QuestionFacts | None = None,
    json_mode: bool = False,
    schema_json: str = "",
    schema_tokens: int = 0,
) -> list[tuple[str, str]]:
    """System + user messages; the answer is trimmed further if the whole would exceed the budget.

    schema_tokens: what the schema costs beside the messages (json_schema / function-calling modes).
    """
    facts = facts or QuestionFacts()
    system = load_text("llm_system.md").strip()
    if json_mode:
        system += "\n\n" + render(load_text("llm_json_mode.md"), schema=schema_json).strip()
    asked = "\n".join(f"- {defuse(q[:200])}" for q in list(asked_follow_ups)[-MAX_ASKED:]) or "- none"
    values = {
        "question": defuse(question[:600]),
        "question_type": question_type,
        "level": defuse(facts.level) or "not stated",
        "signals": _numbered(facts.signals, "- none listed"),
        "others": "\n".join(f"- {defuse(q)}" for q in facts.others) or "- none",
        "evidence": offline_evidence(critique, facts.signals),
        "notes": notes_block(critique, stories),
        "asked": asked,
    }
    template = load_text("llm_user.md")
    overhead = 0 if json_mode else schema_tokens + SCHEMA_OVERHEAD
    fixed = estimate_tokens(system + render(template, answer="", **values)) + overhead
    room_chars = max(400, (PROMPT_TOKEN_BUDGET - fixed) * 4)
    body = defuse(clip(answer.strip(), min(MAX_ANSWER_CHARS, room_chars)))
    return [("system", system), ("user", render(template, answer=body, **values))]
