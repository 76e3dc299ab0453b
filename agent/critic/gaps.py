"""Features that several rubric rows read: a lived case, a figure that sizes a system, reasons about the role.

The rubric table (rubric.py) maps them to gaps; features.py computes them once per answer.
"""

from __future__ import annotations

import re

from agent.critic.schema import MetricMention
from agent.critic.text import Sentence, i_action, we_action

# Units that size a system (for the scale check of design answers).
_SCALE_UNIT = re.compile(r"(?:users?|qps|rps|tps|requests?|queries|events|messages|docs|documents|tenants|"
                         r"gb|tb|pb|mb|tokens|records|rows|calls|sessions|customers|writes|reads|flags|"
                         r"transactions|notifications|uploads|per (?:second|minute|day))$")  # fmt: skip
# Things a platform serves, counted: tens of them size it ("about forty models, retrained weekly"); two or three are
# the options weighed, not a load.
_FLEET_UNIT = re.compile(r"(?:models|services|pipelines|datasets|tables|jobs|indexes|indices|endpoints|repos)$")
FLEET = 10
# A concrete case in a technical or leadership answer: "on our ranking model", "at my last company".
_CASE = re.compile(
    r"\b(?:(?:on|at|in) (?:our|my|one|a previous|a past|a recent|the last) [\w\- ]{1,40}?"
    r"(?:project|model|team|system|service|product|"
    r"company|client|pipeline|feature|assistant|launch|migration)|last (?:year|quarter|month)|(?:I|we) once|recently|"
    r"at my (?:last|previous|current)|when I (?:was|led|ran|joined|built|worked)"
    # A measured past state of something of theirs: "our support classifier started at 64 percent".
    r"|(?:our|my) [\w\-]+(?: [\w\-]+){0,2} (?:started|began|stood|sat) at (?=\d|about|around|roughly|under|over))\b",
    re.IGNORECASE,
)
# The company or role itself, which is what a motivation answer's reasons should be about.
ABOUT_ROLE = re.compile(r"\b(?:your|this (?:role|team|company|job|position)|here|you're|you are)\b", re.I)
OWN_PATH = re.compile(
    r"\bI(?:'ve| have)\s+(?:\w+\s+)?(?:spent|been|done|built|led|run|worked|shipped|seen|managed)\b|"
    r"\b(?:at|in) my (?:last|previous|current)\b|\bI (?:joined|started|moved|spent|built|led|ran|worked)\b",
    re.IGNORECASE,
)
SHORT_POSITION_WORDS = 60  # a stance this short with no reason given is what an interviewer answers with "why?"


def sizes(metric: MetricMention) -> bool:
    """A figure that sizes a system: a load or volume unit, a rate, tens of things a platform serves (FLEET), or a big
    count of anything."""
    value = abs(metric.value or 0)
    unit = metric.unit
    return (
        bool(_SCALE_UNIT.search(unit))
        or unit.startswith("per ")
        or (value >= FLEET and bool(_FLEET_UNIT.search(unit)))
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
