"""The candidate's own part, as a reply to "what was your own part?" states it.

Such a reply is short and divides the work: "the pricing model was my call", "I wrote the comparison; Lena owned the
rollout". Read as a first answer it is one unspecific sentence, and a claim of a decision ("my call", "was mine")
has no "I" at all, so the answer's ownership and specificity features miss it. What the follow-up asks is whether
a part is named as the candidate's: a step of theirs with what it acted on ("I wrote the comparison", "I ran most of
the interviews"), or a named thing claimed as their decision. A claim that names nothing ("I was hands-on
throughout", "I kept pushing", "I helped the team") or hands the work on ("I made sure the leads ...") is not a part.
"""

from __future__ import annotations

import re

from agent.critic.ownership import _VAGUE_CLAIM, _oversight
from agent.critic.star_cues import VAGUE_ACTION
from agent.critic.text import IRREGULAR_ACTIONS, i_action, sentences

# "I <verb> [most of] the/a/my <thing>" or "I picked which ...": a step with what it acted on (the verb is checked
# to be an action).
_OBJECT = (
    r"\s+(?:(?:most|all|much|part|half|each|both|some|one|two) of\s+)?"
    r"(?:the|a|an|my|our|his|her|their|every|each|both|that|this|those|these|which|what|whom|where|when)\s+[a-z][\w-]*"
)
_STEP = re.compile(r"\bI\s+(?:\w+ly\s+)?[a-z]+" + _OBJECT, re.IGNORECASE)
# A second step of the same "I": "I read the dumps and picked which nodes to restart".
_AND_STEP = re.compile(rf"\band\s+(?:[a-z]+ed|{IRREGULAR_ACTIONS})" + _OBJECT, re.IGNORECASE)
_OTHER_SUBJECT = re.compile(r"\b(?:we|they|he|she|it|the team)\b", re.IGNORECASE)
# A thing claimed as the candidate's decision: "buying was my call", "the rota was mine", "I owned the rollout".
_CLAIM = re.compile(
    r"\b(?:(?:was|were) (?:all |entirely )?mine|my (?:own )?(?:call|decision|idea|recommendation|proposal|choice|"
    r"design|plan)s?|I (?:owned|decided|chose|picked|proposed|recommended|designed)\b)",
    re.IGNORECASE,
)
_NEGATED = re.compile(r"\b(?:not|never|n't|wasn't|weren't)\s+(?:\w+\s+)?$", re.IGNORECASE)


def _step(text: str) -> bool:
    """A step of the candidate's with the thing it acted on, neither vague nor handed on."""
    if _VAGUE_CLAIM.search(text) or VAGUE_ACTION.search(text) or _oversight(text):
        return False
    if any(i_action(m.group(0), False) for m in _STEP.finditer(text)):
        return True
    # the coordinated verb is the candidate's when "I" is the last subject before it
    for m in _AND_STEP.finditer(text):
        subjects = list(re.finditer(r"\bI\b", text[: m.start()]))
        if subjects and not _OTHER_SUBJECT.search(text[subjects[-1].end() : m.start()]):
            return True
    return False


def _claim(text: str) -> bool:
    """A decision claimed as the candidate's, not negated ("it wasn't my call")."""
    return any(not _NEGATED.search(text[: m.start()]) for m in _CLAIM.finditer(text))


def names_own_part(reply: str) -> bool:
    """Some sentence of the reply states a part of the work as the candidate's own."""
    return any(_step(s.text) or _claim(s.text) for s in sentences(reply))
