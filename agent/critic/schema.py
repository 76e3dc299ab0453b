"""The Critique: what the critic found in one answer, with the evidence behind each judgment.

Shared vocabulary (see shared DESIGN.md): gaps, ownership and specificity levels, score 1-5.
Invariant enforced here: every score below 5 names its gap; a 5 names none.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field, model_validator

from knowledge.models import Metric, QuestionType

Gap = Literal[
    "relevance",
    "level",
    "signal",
    "situation",
    "task",
    "action",
    "result",
    "quantified_result",
    "ownership",
    "specificity",
    "tradeoffs",
    "requirements",
    "scale",
    "failure_modes",
    "rationale",
    "example",
    "non_answer",
]
GapOrNone = Literal[Gap, "none"]  # what a follow-up probes: a gap, or none for a complete answer
GAPS: tuple[str, ...] = Gap.__args__  # type: ignore[attr-defined]
Ownership = Literal["clear", "mixed", "unclear"]
Specificity = Literal["low", "medium", "high"]
StarPart = Literal["situation", "task", "action", "result"]
Relevance = Literal["on_topic", "partial", "off_topic"]
Level = Literal["below", "at"]


class Span(BaseModel):
    """A span of the answer (character offsets into the answer text)."""

    start: int
    end: int
    text: str


class Evidence(BaseModel):
    """Why a flag was set: the field it supports and the answer span behind it."""

    field: str = Field(description="situation | task | action | result | quantified_result | ownership | ...")
    span: Span
    note: str = ""


class StarFlags(BaseModel):
    """Which STAR parts the answer covers."""

    situation: bool = False
    task: bool = False
    action: bool = False
    result: bool = False


class MetricMention(Metric):
    """A quantity in the answer, and whether it is an outcome or only context."""

    role: Literal["outcome", "context"] = "context"


class SignalCheck(BaseModel):
    """One signal of the question (what a strong answer shows) and the sentence that covers it, if any."""

    signal: str
    covered: bool
    span: Span | None = None


class Signals(BaseModel):
    """The question's signals split into covered and missing, with the covering sentence per signal."""

    covered: list[str] = Field(default_factory=list)
    missing: list[str] = Field(default_factory=list)
    checks: list[SignalCheck] = Field(default_factory=list)


class StoryNote(BaseModel):
    """What the candidate's own stories say about this answer."""

    kind: Literal["contradiction", "omitted_metric", "better_story", "unfinished"]
    story_id: str
    story_title: str
    message: str = Field(description="One sentence for the candidate, e.g. 'Your notes say 30%; you said 40%.'")
    story_text: str = Field(default="", description="The story's figure or passage referred to.")
    answer_text: str = Field(default="", description="The answer's figure referred to, if any.")
    notes_value: str = Field(default="", description="The figure as the notes state it (drift notes).")
    said_value: str = Field(default="", description="The figure as the answer states it (drift notes).")


class Critique(BaseModel):
    """The critic's judgment of one answer."""

    question_type: QuestionType
    star: StarFlags
    quantified_result: bool
    metrics: list[MetricMention] = Field(default_factory=list)
    ownership: Ownership
    specificity: Specificity
    relevance: Relevance = "on_topic"
    relevance_note: str = Field(
        default="", description="Why the answer is partial or off topic: what it is about instead, what was asked."
    )
    level: Level = "at"
    level_note: str = Field(default="", description="Why the answer is below the role's level, with its scope.")
    signals: Signals = Field(default_factory=Signals)
    applies: list[str] = Field(
        default_factory=list,
        description="The flags that apply to this question type (star parts, quantified_result, ownership, ...).",
    )
    weak_or_missing: list[Gap] = Field(
        default_factory=list, description="Gaps, most important first; the follow-up chases the first."
    )
    gap: str = Field(default="", description="One sentence naming the most important gap; empty for a 5.")
    score: int = Field(ge=1, le=5)
    evidence: list[Evidence] = Field(default_factory=list)
    story_notes: list[StoryNote] = Field(default_factory=list)
    strengths: list[str] = Field(default_factory=list)
    non_answer: bool = False
    notes: list[str] = Field(default_factory=list, description="Plain notes, e.g. why a non-answer scored 1.")
    source: Literal["offline", "llm"] = "offline"
    probes: str | None = Field(default=None, description="For a follow-up answer: the gap the follow-up probed.")
    closes_gap: bool | None = Field(default=None, description="For a follow-up answer: did it give what was asked?")

    @model_validator(mode="after")
    def _score_names_gap(self) -> Critique:
        if self.score < 5 and (not self.weak_or_missing or not self.gap.strip()):
            raise ValueError("a score below 5 must name its gap (weak_or_missing and gap)")
        if self.score == 5 and self.weak_or_missing:
            raise ValueError("a score of 5 must name no gap")
        return self

    @property
    def primary_gap(self) -> str:
        """The gap a follow-up should chase, or 'none'."""
        return self.weak_or_missing[0] if self.weak_or_missing else "none"
