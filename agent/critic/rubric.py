"""Per-question-type rubric: which gaps matter, in which order, and how much each costs.

The order is the follow-up priority of evals/labeled/README.md (the first gap is what the follow-up chases).
Weights map to the score scale: one small gap -> 4, a major gap or several small ones -> 3, the core of the
answer missing or mostly generic -> 2; 1 is kept for non-answers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.critic.text import Sentence

# (gap, weight) in priority order, per question type.
PRIORITY: dict[str, tuple[tuple[str, float], ...]] = {
    "behavioral": (("action", 2.0), ("ownership", 1.0), ("result", 1.5), ("quantified_result", 1.0),
                   ("specificity", 1.5), ("situation", 0.5), ("task", 0.5)),
    "leadership": (("example", 2.0), ("rationale", 1.0), ("action", 1.5), ("ownership", 1.0), ("result", 1.0),
                   ("quantified_result", 1.0), ("specificity", 1.5)),
    "system_design": (("requirements", 1.0), ("scale", 1.0), ("failure_modes", 1.0), ("tradeoffs", 1.0),
                      ("rationale", 0.5), ("specificity", 1.5)),
    "technical": (("specificity", 2.0), ("rationale", 1.0), ("tradeoffs", 1.0), ("example", 0.5),
                  ("failure_modes", 0.5)),
    "motivation": (("specificity", 2.0), ("rationale", 1.0), ("example", 1.0)),
}  # fmt: skip

_CUES: dict[str, re.Pattern[str]] = {
    "tradeoffs": re.compile(
        r"\b(?:trade-?offs?|at the (?:cost|expense) of|instead of|rather than|versus|vs\.?|downsides?|"
        r"upsides?|on the other hand|the price|costs? (?:more|less)|sacrific\w*|compromis\w*|pros and cons|"
        r"alternatives?|cheaper|simpler|chose \w+ over|over-?engineer\w*|overkill|worth it|not worth|"
        r"in exchange|balanc\w*|but (?:it|that|this|the|you|we|then)\b"
        # A cost stated without the word: "cheap but lowers recall", "the cost is latency", "I'd accept that",
        # "fine for compliance, too slow for chat".
        r"|(?:cheap|fast|quick|simple|easy|accurate|precise|flexible|robust|safe|slow|expensive|costly|complex)\w*"
        r"\s*,?\s*but\b|but\s+(?:\w+\s+)?(?:lowers?|hurts?|costs?|adds?|loses?|slows?|locks?|limits?|doubles?|"
        r"triples?|needs?|requires?|misses|drops?|sacrifices?|gives? up|breaks?)\b"
        r"|the (?:cost|price|catch|downside|penalty) (?:is|was|being|here)\b"
        r"|(?:I'd|I would|we'd|we would|I'll|I will) (?:happily |gladly )?(?:accept|tolerate|live with|pay)\b"
        r"|(?:fine|acceptable|ok|okay|good enough|great|ideal)\s+for\b[^.!?]{0,80}?\b(?:not|too\s+\w+|wrong|"
        r"unacceptable)\s+for\b)",
        re.IGNORECASE,
    ),
    "requirements": re.compile(
        r"\b(?:requirements?|users?|qps|rps|requests? per|latency|p9[059]|sla|slo|throughput|availability|"
        r"consisten\w*|must|needs? to (?:support|handle|serve|be)|assum\w*|read-heavy|write-heavy|budget|"
        r"constraints?|functional|non-functional|clarify|scope|goals?|tenants?|peak|traffic)\b",
        re.IGNORECASE,
    ),
    "failure_modes": re.compile(
        r"\b(?:fail\w*|failover|retr(?:y|ies|ied)|backpressure|back-pressure|degrad\w*|outages?|single points?|"
        r"circuit[- ]breakers?|fallbacks?|timeouts?|redundan\w*|recover\w*|dead[- ]letter|idempoten\w*|"
        r"roll ?backs?|crash\w*|goes down|went down|is down|network partitions?|brownout|overload\w*|"
        r"rate[- ]limit\w*|disaster|replay|drift|hallucinat\w*|guardrails?|alert\w*|on-?call)\b",
        re.IGNORECASE,
    ),
    "rationale": re.compile(
        r"(?:\b(?:because|so that|since|the reason|which means|meaning|that's why|this is why|in order to|"
        r"given that|to avoid|to keep|to make sure|to prevent|otherwise|that way|this lets|which lets|lets us|"
        r"gives us|which gives|the point|the risk|this means|the cost of|worth|pays off)\b|,\s*so\b|"
        r"(?:^|[.;:]\s*)So\b)",
        re.IGNORECASE,
    ),
}


# "Tell me about a time you ...", "Describe a change you drove ...": the question asks for a story, whatever
# competency it probes, so it is judged as a story (STAR, ownership, outcome) rather than as a stated position.
_STORY_QUESTION = re.compile(
    r"^\W*(?:tell (?:me|us) about|describe|walk (?:me|us) through|give (?:me|us) an example|share|talk about)\b"
    r"(?!.*\b(?:how (?:do|would) you|what (?:do|would) you)\b)",
    re.IGNORECASE,
)


def rubric_type(question: str, question_type: str) -> str:
    """The rubric to apply: a leadership question that asks for a story is judged like a behavioral one."""
    if question_type == "leadership" and _STORY_QUESTION.search(question):
        return "behavioral"
    return question_type


@dataclass(frozen=True)
class Finding:
    """A rubric cue found (with its sentence) or not."""

    present: bool
    sentence: Sentence | None = None


def find(cue: str, sents: list[Sentence]) -> Finding:
    """The first sentence with the cue."""
    for s in sents:
        if _CUES[cue].search(s.text):
            return Finding(True, s)
    return Finding(False)


def score_from(gaps: list[str], question_type: str) -> int:
    """The 1-5 score for a real answer with these gaps (never 1: that is for non-answers)."""
    if not gaps:
        return 5
    weights = dict(PRIORITY[question_type])
    penalty = sum(weights.get(g, 0.5) for g in gaps)
    if penalty <= 1.0:
        return 4
    if penalty <= 2.0:
        return 3
    return 2


def order(gaps: set[str], question_type: str) -> list[str]:
    """Gaps in the type's priority order (unknown ones last, alphabetically)."""
    ranked = [g for g, _ in PRIORITY[question_type] if g in gaps]
    return ranked + sorted(gaps - set(ranked))
