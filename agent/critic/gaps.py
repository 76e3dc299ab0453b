"""Which gaps an answer has for its question type, from the STAR, ownership and rubric-cue findings.

The gap names and their priority are the shared vocabulary (agent/critic/schema.py, rubric.py).
"""

from __future__ import annotations

import re

from agent.critic import rubric
from agent.critic.schema import MetricMention
from agent.critic.star import StarResult
from agent.critic.text import Sentence, i_action, we_action

# Units that size a system (for the scale check of design answers).
_SCALE_UNIT = re.compile(r"(?:users?|qps|rps|tps|requests?|queries|events|messages|docs|documents|tenants|"
                         r"gb|tb|pb|mb|tokens|records|rows|calls|sessions|customers|writes|reads|flags|"
                         r"transactions|notifications|uploads|per (?:second|minute|day))$")  # fmt: skip
# A concrete case in a technical or leadership answer: "on our ranking model", "at my last company".
_CASE = re.compile(
    r"\b(?:(?:on|at|in) (?:our|my|one|a previous|a past|a recent|the last) [\w\- ]{1,40}?"
    r"(?:project|model|team|system|service|product|"
    r"company|client|pipeline|feature|assistant|launch|migration)|last (?:year|quarter|month)|(?:I|we) once|recently|"
    r"at my (?:last|previous|current)|when I (?:was|led|ran|joined|built|worked))\b",
    re.IGNORECASE,
)
# The company or role itself, which is what a motivation answer's reasons should be about.
_ABOUT_ROLE = re.compile(r"\b(?:your|this (?:role|team|company|job|position)|here|you're|you are)\b", re.I)
_OWN_PATH = re.compile(
    r"\bI(?:'ve| have)\s+(?:\w+\s+)?(?:spent|been|done|built|led|run|worked|shipped|seen|managed)\b|"
    r"\b(?:at|in) my (?:last|previous|current)\b|\bI (?:joined|started|moved|spent|built|led|ran|worked)\b",
    re.IGNORECASE,
)
_SHORT_POSITION_WORDS = 60
_RELEVANT = {
    "system_design": ("tradeoffs", "requirements", "failure_modes", "rationale"),
    "technical": ("tradeoffs", "failure_modes", "rationale"),
    "leadership": ("rationale",),
    "motivation": ("rationale",),
}


def _sizes(metric: MetricMention) -> bool:
    """A figure that sizes a system: a load or volume unit, a rate, or a big count of anything."""
    value = abs(metric.value or 0)
    unit = metric.unit
    return (
        bool(_SCALE_UNIT.search(unit))
        or unit.startswith("per ")
        or value >= 1000
        or (value >= 100 and unit.endswith("s") and unit not in ("ms", "s"))
    )


def lived_case(sents: list[Sentence], metrics: list[MetricMention]) -> Sentence | None:
    """A sentence about something that actually happened: a past action, a named case, or a measured outcome."""
    for s in sents:
        if i_action(s.text, False) or we_action(s.text, False) or _CASE.search(s.text):
            return s
        if any(m.role == "outcome" and s.start <= m.start < s.end for m in metrics):
            return s
    return None


def type_gaps(
    qtype: str, sents: list[Sentence], star: StarResult, quantified: bool, own: str, spec: str,
    metrics: list[MetricMention],
) -> tuple[set[str], dict[str, Sentence]]:  # fmt: skip
    """The gaps of this answer for its question type, and the sentences behind the cues found."""
    found: dict[str, Sentence] = {}
    for cue in _RELEVANT.get(qtype, ()):
        hit = rubric.find(cue, sents)
        if hit.sentence is not None:
            found[cue] = hit.sentence
    case = lived_case(sents, metrics)
    gaps: set[str] = set()
    if spec == "low":
        gaps.add("specificity")
    if qtype in ("behavioral", "leadership"):
        if star.action is None:
            gaps.add("action")
        if own != "clear" and star.action is not None:
            gaps.add("ownership")
        if star.result is None:
            gaps.add("result")
        elif not quantified:
            gaps.add("quantified_result")
        if qtype == "behavioral":
            # An unclear part is also why the task reads as missing: one gap, not two.
            gaps |= {p for p in ("situation", "task") if getattr(star, p) is None and "ownership" not in gaps}
        else:
            # A position needs a lived case behind it (mine or my team's) and a reason for it.
            if case is None:
                gaps.add("example")
            # Long answers carry their reasoning in the example even without a "because"; a short verdict
            # with no reason given is what an interviewer answers with "why?".
            if "rationale" not in found and sum(len(x.text.split()) for x in sents) < _SHORT_POSITION_WORDS:
                gaps.add("rationale")
    elif qtype == "system_design":
        if "requirements" not in found:
            gaps.add("requirements")
        sized = [m for m in metrics if _sizes(m)]
        if not sized:
            gaps.add("scale")
        else:
            found["scale"] = next(s for s in sents if s.start <= sized[0].start < s.end)
        gaps |= {c for c in ("failure_modes", "tradeoffs", "rationale") if c not in found}
    elif qtype == "technical":
        gaps |= {c for c in ("rationale", "tradeoffs") if c not in found}
        if case is None:
            gaps.add("example")  # correct in principle, but never shown in practice
    elif qtype == "motivation":
        about_role = next((s for s in sents if _ABOUT_ROLE.search(s.text)), None)
        if "rationale" not in found and about_role is None:
            gaps.add("rationale")
        path = next((s for s in sents if _OWN_PATH.search(s.text)), None) or case
        if path is None:
            gaps.add("example")
        else:
            found["example"] = path
    if case is not None and qtype in ("technical", "leadership"):
        found.setdefault("example", case)
    return gaps, found
