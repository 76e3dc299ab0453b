"""The rubric table: per answer shape, which flags apply and which features are gaps, in priority order, at what cost.

Read a row as "for this shape, when this feature is true the answer has this gap, costing this much". The first gap
present is the one the follow-up chases. Costs map to the score: no gap -> 5, at most 1.0 -> 4, at most 2.0 -> 3,
more -> 2 (1 is kept for non-answers). Then the caps: an off-topic answer scores at most 2, so does one below the
role's level, and a several-part question with an ask left unanswered at most 3. Shapes: a past story, a stance on
how one works (leadership), a plan for a hypothetical, a design, a technical explanation, a motivation.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

Shape = str  # "story" | "stance" | "plan" | "system_design" | "technical" | "motivation"


@dataclass(frozen=True)
class Row:
    """One line of the table: when `feature` is true the answer has `gap`, costing `cost`."""

    gap: str
    feature: str
    cost: float


@dataclass(frozen=True)
class Rubric:
    """The rows of one shape, and the flags shown for it on the scorecard."""

    applies: tuple[str, ...]
    rows: tuple[Row, ...]
    hypothetical: bool  # actions may be plans ("I would shard by tenant") and named mechanisms


# A story whose steps are all in the passive (no actor named for any of them) lacks the candidate's part as much as a
# story without steps lacks the action: the same cost, chased as ownership.
# Relevance and level come first in every shape: an answer to another question, or at another level, is what a
# follow-up must address before any detail.
# A missing ask of a several-part question costs through its cap (CAPS), not its row: the asks answered are judged
# on their own, and the form gaps the missing ask leaves (no trade-off, no example) already cost.
_FRONT = (
    Row("relevance", "not_on_topic", 1.0), Row("relevance", "missing_part", 0.0), Row("level", "below_level", 1.0)
)
# Half the question's signals said not done ("we never wrote a postmortem") is what the answer tells, not what the
# matcher missed: it costs as a missing result does, and is never waived (gaps).
_DENIED = Row("signal", "signals_denied", 2.0)
_SIGNAL = Row("signal", "signals_missing", 0.5)
_UNTOLD = Row("signal", "signal_untold", 0.0)  # takes only the 5: a 4 with it stays a 4
_HAZY = Row("specificity", "hazy", 1.0)  # detailed, but unsure of its own details
TABLE: dict[Shape, Rubric] = {
    "story": Rubric(
        ("situation", "task", "action", "result", "quantified_result", "ownership", "specificity"),
        (*_FRONT, Row("action", "no_action", 2.0), Row("ownership", "passive_steps", 2.0),
         Row("ownership", "not_owned", 1.0), Row("result", "no_result", 1.5),
         Row("quantified_result", "unmeasured_result", 1.0),
         Row("specificity", "generic", 1.5), _HAZY, Row("situation", "no_situation", 0.5), Row("task", "no_task", 0.5),
         _DENIED, _SIGNAL),
        hypothetical=False,
    ),
    "stance": Rubric(
        ("example", "rationale", "ownership", "specificity"),
        (*_FRONT, Row("example", "no_lived_case", 2.0), Row("rationale", "no_reason_short", 1.0),
         Row("action", "no_action", 1.5), Row("ownership", "passive_steps", 1.5), Row("ownership", "not_owned", 1.0),
         Row("result", "no_result", 1.5),
         Row("quantified_result", "unmeasured_result", 1.0), Row("specificity", "generic", 1.5), _HAZY, _DENIED,
         _SIGNAL),
        hypothetical=False,
    ),
    # A plan question answered with a past case of the group's ("we ranked the options, we chose, we let the others
    # know"), the candidate never named in it (case_not_owned): how they decide is what was asked, and a group's steps
    # do not say it. That costs more than a plan put as "we would ..." (the approach they propose, told as the team's)
    # and less than a plan with no step at all.
    "plan": Rubric(
        ("action", "rationale", "tradeoffs", "specificity"),
        (*_FRONT, Row("action", "no_plan_step", 2.0), Row("specificity", "generic", 2.5), _HAZY,
         Row("rationale", "no_reason_short", 1.0), Row("ownership", "case_not_owned", 1.5),
         Row("ownership", "plan_not_owned", 0.5), _DENIED, _SIGNAL, _UNTOLD),
        hypothetical=True,
    ),
    "system_design": Rubric(
        ("requirements", "scale", "failure_modes", "tradeoffs", "rationale", "specificity"),
        (*_FRONT, Row("requirements", "no_requirements", 1.0), Row("scale", "no_scale", 1.0),
         Row("failure_modes", "no_failure_modes", 1.0), Row("tradeoffs", "no_tradeoffs", 1.0),
         Row("rationale", "no_reason", 0.5), Row("specificity", "generic", 1.5), _HAZY, _DENIED, _SIGNAL, _UNTOLD),
        hypothetical=True,
    ),
    "technical": Rubric(
        ("rationale", "tradeoffs", "example", "specificity"),
        (*_FRONT, Row("specificity", "generic", 2.0), _HAZY, Row("rationale", "no_reason", 1.0),
         Row("tradeoffs", "no_tradeoffs", 1.0), Row("example", "case_unanchored", 0.5),
         Row("example", "no_lived_case", 0.0), _DENIED, _SIGNAL, _UNTOLD),
        hypothetical=True,
    ),
    "motivation": Rubric(
        ("rationale", "example", "specificity"),
        (*_FRONT, Row("specificity", "generic", 2.5), _HAZY, Row("rationale", "no_motive", 1.0),
         Row("example", "no_own_path", 1.0), _DENIED, _SIGNAL),
        hypothetical=False,
    ),
}  # fmt: skip
# A technical answer's lived case is the last of its form gaps (the labelling guide asks rationale and trade-offs of a
# 5, no case): with no case, an explanation specific throughout (named mechanisms, figures) keeps it from 5 and costs
# nothing more; one that stays partly generic leans on a case to show it was done (case_unanchored, 0.5).
# A several-part question with one ask never answered is at most a 3, however well the rest is told. An answer below
# the role's level is at most a 2, however well its own scope is told: every labelled range of such an answer holds 2
# (76 of the 77 in evals/labeled and critic_dev..15), 37 of them nothing higher.
CAPS = {"off_topic": 2, "below_level": 2, "missing_part": 3}
# The question's own signals say what a strong answer to it shows; the rows below relevance and level ask for the
# generic parts of a shape (a lived case, a sized load, a named trade-off). An answer that shows every signal of its
# question (features: signals_shown) in specific terms has the substance those rows look for, told its own way:
# these form gaps are then not gaps (a thorough design that never writes "trade-off" is not a 4). Waiving at most
# two of them measured the same on the tuned set as waiving all.
FORM_GAPS = frozenset({"example", "scale", "tradeoffs", "rationale", "requirements", "failure_modes", "situation",
                       "task"})  # fmt: skip
# ... except what can go wrong in a design: a design question's signals name its parts (a registry, a deploy path, a
# trace), and a design that has every part and never says what happens when one fails has not been tested against
# failure. That stays a gap of a design however many signals it names.
DESIGN_KEEPS = frozenset({"failure_modes"})

# "Tell me about a time you ...", "Describe a change you drove ...": a past story is asked for.
_STORY = re.compile(
    r"^\W*(?:tell (?:me|us) about|describe|walk (?:me|us) through|give (?:me|us) an example|share|talk about)\b"
    r"(?!.*\b(?:how (?:do|would) you|what (?:do|would) you)\b)",
    re.IGNORECASE,
)
# A hypothetical: the answer is a plan, judged on its steps, not on a past result.
_PLAN = re.compile(
    r"\b(?:how would you|what would you|would you|if you (?:joined|were|had|found|inherit\w*|started|took over)|"
    r"(?:your|the) first (?:\d+|thirty|sixty|ninety|few|six) (?:days|weeks|months)|imagine|suppose|"
    r"what will you|how will you|what is your plan)\b"
    # A scenario put to the candidate in the present ("You take over a team...", "Your team has three times
    # more requests than..."): the answer is what they would do in it.
    r"|^\W*(?:you(?:'re| are)? (?:take|inherit|join|are given|get|have|find|start)\w*"
    r"|your (?:team|org\w*|manager|company|director|product|platform|budget)\b[^.?]{0,80}"
    r"\b(?:has|have|is|are|wants?|asks?|cuts?|gives?|left))\b"
    r"|\b(?:the|your) first (?:month|week|quarter|year)\b",
    re.IGNORECASE,
)


def shape_of(question: str, question_type: str) -> Shape:
    """The shape an answer to this question should have."""
    if question_type in ("system_design", "technical"):
        return question_type
    if _STORY.search(question):
        return "story"
    if _PLAN.search(question):  # "what would you do in your first 90 days?" is a plan, whatever its type
        return "plan"
    if question_type == "motivation":
        return "motivation"
    return "story" if question_type == "behavioral" else "stance"


def extractor_type(shape: Shape) -> str:
    """The question type the STAR/ownership extractors were written for, for this shape."""
    return {"story": "behavioral", "stance": "leadership", "plan": "leadership"}.get(shape, shape)


def gaps(shape: Shape, features: dict[str, bool]) -> list[str]:
    """The gaps present, in the row order of the shape (what the follow-up chases first)."""
    seen: list[str] = []
    for row in TABLE[shape].rows:
        if features.get(row.feature) and row.gap not in seen:
            seen.append(row.gap)
    if features.get("signals_shown"):
        kept = DESIGN_KEEPS if shape == "system_design" else frozenset()
        seen = [g for g in seen if g not in FORM_GAPS or g in kept]
    if seen == ["signal"] and not features.get("signals_denied") and not features.get("signal_untold"):
        # Every part of the shape is there, on topic, at level and specific: the signal matcher naming none of the
        # question's signals (recall about half on the tuned set) is too weak to take a complete answer's 5.
        seen = []
    return seen


def score(shape: Shape, found: list[str], features: dict[str, bool]) -> int:
    """The 1-5 score of a real answer with these gaps, after the caps (never 1: that is for non-answers)."""
    cost: dict[str, float] = {}
    for row in TABLE[shape].rows:  # a gap costs what its first present row says ("generic" before "hazy")
        if features.get(row.feature):
            cost.setdefault(row.gap, row.cost)
    penalty = sum(cost.get(g, 0.5) for g in found)
    points = 5 if not found else 4 if penalty <= 1.0 else 3 if penalty <= 2.0 else 2
    for feature, cap in CAPS.items():
        if features.get(feature):
            points = min(points, cap)
    return points
