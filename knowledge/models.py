"""Knowledge models shared by ingestion, the story index, role packs and the critic.

Pydantic, because these cross boundaries (files on disk, JSON output, graph state as dumps).
"""

from __future__ import annotations

import hashlib
import re
from typing import Literal

from pydantic import BaseModel, Field

QuestionType = Literal["behavioral", "technical", "system_design", "leadership", "motivation"]
QUESTION_TYPES: tuple[QuestionType, ...] = (
    "behavioral",
    "technical",
    "system_design",
    "leadership",
    "motivation",
)
StoryFormat = Literal["star", "qa", "prose"]
# story: a past situation; answer: a prepared non-story answer (pitch, opinion, technical explanation);
# reference: kept but never retrieved (a STAR legend, advice, a list of questions, tips).
StoryKind = Literal["story", "answer", "reference"]


class Metric(BaseModel):
    """A quantity a text states, e.g. "cut p95 latency from 800 ms to 120 ms in 6 weeks"."""

    text: str = Field(description="The span of the source text that states the quantity.")
    value: float | None = Field(default=None, description="The headline number (the 'after' value if any).")
    unit: str = Field(default="", description="Normalised unit: %, ms, s, x, $, users, engineers, ...")
    baseline: float | None = Field(default=None, description="The 'from' value when a change is stated.")
    after: float | None = Field(default=None, description="The 'to' value when a change is stated.")
    timeframe: str | None = Field(default=None, description="'in 6 weeks', 'per quarter', ...")
    start: int = Field(default=0, description="Character offset of `text` in the source.")
    end: int = Field(default=0, description="End offset of `text` in the source.")
    noun: str = Field(default="", description="What the number qualifies: 'p95 latency', 'tickets' ('' if unsaid).")
    phase: str = Field(
        default="", description="change (from X to Y), delta (by 30%), before, after, or '' when the text is silent."
    )


class Story(BaseModel):
    """One prepared story or prepared answer of the candidate."""

    id: str = Field(description="Stable id: survives re-ingest of an unchanged or lightly edited document.")
    title: str
    kind: StoryKind = "story"
    format: StoryFormat = Field(default="star", description="How it was written: STAR labels, Q&A, or prose.")
    situation: str = ""
    task: str = ""
    action: str = ""
    result: str = ""
    text: str = Field(description="The full text of the story as written (repaired encoding).")
    metrics: list[Metric] = Field(default_factory=list)
    competencies: list[str] = Field(default_factory=list)
    question: str | None = Field(default=None, description="The question this answer was prepared for, if any.")
    questions: list[str] = Field(
        default_factory=list, description="Every question linked to it (the one above it, 'Also answers: ...' tags)."
    )
    unfinished: bool = Field(default=False, description="Placeholders ([?], [FILL: ...], TODO) left in it.")
    source: str = Field(description="Path of the document it came from.")
    line: int = Field(default=1, description="1-based line where the story starts in the source.")


class Question(BaseModel):
    """An interview question: from a role pack or found in the candidate's documents."""

    id: str
    text: str
    type: QuestionType = "behavioral"
    competency: str = "general"
    signals: list[str] = Field(default_factory=list, description="What a strong answer shows.")
    source: str = ""
    line: int | None = None
    story_ids: list[str] = Field(
        default_factory=list, description="Ids of the candidate's stories prepared for this question (their links)."
    )


class Cue(BaseModel):
    """One entry of a cue list kept as data: a regular expression and a sentence it must match (tested)."""

    pattern: str
    example: str
    # What kind of lower scope a `below` cue shows, a key of the critic's phrase table (prompts/critic_phrases.yaml
    # `level_below`): the level note then names that reason, not the pack's general `below_means`.
    kind: str = ""


class LevelSpec(BaseModel):
    """The scope a strong answer shows for this role, and the cues that show it or show a lower scope."""

    scope: str = Field(description="One line: what a strong answer's scope is for this role.")
    applies_to: list[QuestionType] = Field(description="Question types whose answers are judged for level.")
    at: list[Cue] = Field(description="Evidence of the role's scope (any one is enough).")
    below: list[Cue] = Field(description="Evidence of a lower scope (counts only when no `at` cue is found).")
    below_means: str = Field(description="What the lower scope is, for the note: 'your own code', 'one team'.")
    min_at: int = Field(default=1, ge=1, description="Distinct `at` cues an answer needs to be at the level.")
    # A slice of someone else's work: another person led it ("my lead designed the pipeline") and the candidate was
    # given a part of it ("I was handed the export script"). Both together are below the level, whatever technical
    # words the part has: the role asks for what the candidate led, decided and evaluated.
    led_by_other: list[Cue] = Field(default_factory=list, description="Another person led or designed the work.")
    given_part: list[Cue] = Field(default_factory=list, description="The candidate was given one part of it.")
    slice_means: str = Field(default="", description="What a slice is, for the note: 'one part of a lead's plan'.")
    # A first-step technique where the role asks for a mechanism ("tell the model to return JSON", "retry once"):
    # told with fewer of the role's scope cues than the pack asks for, it is below the level in its own words.
    entry: list[Cue] = Field(default_factory=list, description="A first-step technique in place of a mechanism.")
    entry_means: str = Field(default="", description="What the first step is, for the note: 'a prompt instruction'.")


class RolePack(BaseModel):
    """The questions and competency weights for one role."""

    name: str
    title: str
    description: str = ""
    competencies: dict[str, float] = Field(description="Competency -> weight (relative; need not sum to 1).")
    questions: list[Question]
    opening: str = ""
    closing: str = ""
    level: LevelSpec | None = None
    source: str = ""


def slugify(text: str, max_len: int = 40) -> str:
    """Lower-case ASCII slug for ids and file names."""
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:max_len].rstrip("-") or "item"


def stable_id(prefix: str, source_name: str, title: str) -> str:
    """Id from the document's file name and the item's normalised title.

    Re-ingesting the same document (even after edits elsewhere in it, or a move to another folder)
    keeps the id; a renamed story gets a new id, which is what a user would expect.
    """
    norm = re.sub(r"\s+", " ", title.strip().lower())
    digest = hashlib.sha1(f"{source_name}\x00{norm}".encode()).hexdigest()[:8]
    return f"{prefix}-{slugify(title, 32)}-{digest}"
