"""The schema the model fills in on each answered turn: a refined critique and a follow-up together.

Field descriptions double as instructions (they reach the model through the JSON schema), so they
are short and imperative. Every claim that would raise the offline verdict carries a verbatim quote
from the answer, which the reconciler looks up in the answer before believing it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from agent.critic.schema import Gap, GapOrNone, Level, Ownership, Relevance, Specificity

# A quote supports a STAR flag or clears a gap: any gap of the vocabulary except a non-answer.
QuoteField = Literal[
    "situation", "task", "action", "result", "quantified_result", "ownership", "specificity", "tradeoffs",
    "requirements", "scale", "failure_modes", "rationale", "example", "relevance", "level", "signal",
]
Probe = GapOrNone
SCHEMA_NAME = "answer_review"


class Quote(BaseModel):
    """Proof from the answer for one judgment."""

    field: QuoteField = Field(description="The flag or gap this quote supports.")
    quote: str = Field(description="Words copied exactly from the answer, 4 to 30 words.")


class SignalQuote(BaseModel):
    """One numbered signal of the question that the answer shows, with the words that show it."""

    signal: int = Field(description="The signal's number in the prompt's list.")
    quote: str = Field(description="Words copied exactly from the answer that show it.")


class AnswerReview(BaseModel):
    """Refined review of one interview answer, plus the one best follow-up question."""

    relevance: Relevance = Field(
        description="on_topic: answers THIS question; partial: touches it; off_topic: answers another question."
    )
    relevance_note: str = Field(
        default="", description="If not on_topic: what the answer is about instead and what was asked (one sentence)."
    )
    relevance_quote: str = Field(
        default="", description="The answer's sentence that answers this question, copied exactly; empty if none."
    )
    level: Level = Field(description="at: shows the scope this role expects; below: a smaller scope.")
    level_note: str = Field(default="", description="If below: the scope shown versus the scope expected.")
    signals_covered: list[SignalQuote] = Field(
        default_factory=list, description="Signals the answer shows, each with its verbatim quote."
    )
    signals_missing: list[int] = Field(default_factory=list, description="Numbers of the signals it does not show.")
    situation: bool = Field(description="The answer sets the scene: context and what was at stake.")
    task: bool = Field(description="It says what the candidate had to achieve or own.")
    action: bool = Field(description="It says what the candidate personally did.")
    result: bool = Field(description="It says how it ended.")
    quantified_result: bool = Field(
        description="The outcome is a number (%, time, money, count). Context numbers do not count."
    )
    ownership: Ownership = Field(description="clear: 'I' did it; mixed: I/we blur; unclear: only 'we' or passive.")
    specificity: Specificity = Field(description="low: generic; medium: some detail; high: names, numbers, choices.")
    score: int = Field(ge=1, le=5, description="1 non-answer, 2 vague, 3 partial, 4 solid with a gap, 5 complete.")
    weak_or_missing: list[Gap] = Field(description="Gaps, most important first; empty only for a 5.")
    gap: str = Field(description="One sentence to the candidate naming the first gap; empty only for a 5.")
    evidence: list[Quote] = Field(
        default_factory=list,
        description="A verbatim quote for every flag you set true or gap you clear that the offline critic had not.",
    )
    follow_up: str = Field(description="One short question (max 30 words) chasing the first gap; no repeats.")
    probes: Probe = Field(description="The gap the follow-up chases, or none.")
