"""A figure set against its baseline in one sentence: "$0.40 a call now, against $1.10 before".

"What did you measure, and against what?" is answered by a measure and the value it is compared with. The metric
reader (knowledge.metrics) links a baseline when the sentence says "from X to Y"; a reply that puts the measure first
and its baseline after a comparing word ("against", "versus", "compared with") leaves both figures as context, so the
reply read as unmeasured (critic_dev15). Here a number on each side of a comparing word in one sentence is the
measure and its baseline, whatever unit or spoken form the numbers take ("sixty percent against a third").
"""

from __future__ import annotations

import re

from agent.critic.text import sentences
from knowledge.number_words import spoken_numbers

# Words that set the figure before them against the one after: the measure, then what it is compared with.
COMPARING = re.compile(
    r"\b(?:against|versus|vs\.?|compared (?:with|to)|relative to|(?:up|down) from)(?=\s)",
    re.IGNORECASE,
)


def _has_number(text: str) -> bool:
    # "half" and "a quarter" are figures as a speaker gives them; spoken_numbers reads words and digits alike
    return bool(spoken_numbers(text)) or bool(re.search(r"\b(?:half|a third|a quarter)\b", text, re.IGNORECASE))


def measured_against(text: str) -> bool:
    """Some sentence of `text` gives a number before a comparing word and another after it."""
    for s in sentences(text):
        for m in COMPARING.finditer(s.text):
            if _has_number(s.text[: m.start()]) and _has_number(s.text[m.end() :]):
                return True
    return False
