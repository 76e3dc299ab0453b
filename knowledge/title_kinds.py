"""Competencies a story's title names outright ("Hiring — grew the team", "The outage (failure)", "LLM triage bot").

Candidates often title a story by what it is an example of. Ingestion's keyword tags read the whole text and weigh a
title's word like any other, so a story about a reorg that hired two managers can outrank the one titled for hiring.
A title naming a competency is the candidate's own filing: coverage counts the story for that competency, and
search lifts it for a question that asks about the same thing in the same words ("a project that failed" ~ "(failure)").
Only the parts of a title that file a story count (title_labels), and only a story's title (filed_under).

The vocabulary is narrow on purpose: words that say what kind of story it is, not topic words that many stories
share ("team", "data"). A trailing "*" matches any ending.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from knowledge.models import Story

# fmt: off
KIND_WORDS: dict[str, tuple[str, ...]] = {
    "failure_learning": ("fail*", "mistake*", "misstep*", "flop*", "what went wrong"),
    "hiring": ("hiring", "hire", "hires", "hired", "recruit*"),
    "mentoring": ("mentor*", "coaching", "coached", "sponsorship"),
    "conflict_resolution": ("conflict*", "disagree*"),
    "incident_response": ("incident*", "outage*", "postmortem*", "post-mortem*"),
    "ai_ml": ("ai", "ml", "llm*", "genai", "gen ai", "machine learning"),
    "cost_efficiency": ("cost", "costs", "cost-cutting", "cost cutting"),
    "stakeholder_management": ("stakeholder*", "influence"),
    "prioritization": ("prioriti*",),
    "strategy": ("strategy",),
    "system_design": ("system design", "architecture"),
    "communication": ("communication",),
}
# fmt: on


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    out = {}
    for competency, words in KIND_WORDS.items():
        parts = [re.escape(w.rstrip("*")) + (r"[\w-]*" if w.endswith("*") else "") for w in words]
        out[competency] = re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])", re.IGNORECASE)
    return out


def named_kinds(text: str) -> set[str]:
    """Competencies whose kind words occur in `text` (a story's title, or a question)."""
    return {competency for competency, pattern in _patterns().items() if pattern.search(text)}


# "Hiring — built the platform team (growth)", "Incident: the bad purge", "The purge (failure)": the first word of a
# title and its closing parenthesis say what kind of story it is; the rest says what it was about ("the ML platform
# team" is no AI story, nor is "Templates vs LLM" filed as one).
_CLOSING = re.compile(r"\(([^()]*)\)\W*$")
_FIRST_WORD = re.compile(r"^\W*([\w-]+)")
_TAG_WORDS = 2


def title_labels(title: str) -> str:
    """The parts of a title that file the story: its first word and its closing parenthesis."""
    closing = _CLOSING.search(title)
    first = _FIRST_WORD.match(title[: closing.start()] if closing else title)
    tags = closing.group(1) if closing else ""
    # tags are a word or two each ("(hiring / growth)"); an aside ("(what we called the March outage)") is not one
    if any(len(tag.split()) > _TAG_WORDS for tag in re.split(r"[/,;&+]", tags)):
        tags = ""
    return " / ".join([first.group(1) if first else "", tags])


def titled_for(title: str, competency: str) -> bool:
    """The title files the story under `competency` (title_labels names it outright)."""
    pattern = _patterns().get(competency)
    return bool(pattern and pattern.search(title_labels(title)))


def filed_under(story: Story, competency: str) -> bool:
    """A story proper whose title files it under `competency`; a prepared answer's title is the question it
    answers, whose words name what was asked, not what the story is."""
    return story.kind == "story" and not story.title.rstrip().endswith("?") and titled_for(story.title, competency)


def titled_matches(stories: Sequence[Story], query: str, competency: str | None) -> set[int]:
    """Positions of the stories filed under what the question asks about: the kind its own words name ("that
    failed"), or its competency."""
    kinds = named_kinds(query) | ({competency} if competency else set())
    return {i for i, story in enumerate(stories) if any(filed_under(story, c) for c in kinds)}
