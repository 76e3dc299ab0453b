"""Whether a text tells a case lived by its teller: what makes the text under a title-like line a story (units.py).

A narrative by prose.py's measure, or a case told in the past with its teller in it however it is phrased; notes
to self that tell the reader what to do ("Lead with the numbers") are not.
"""

from __future__ import annotations

import re

from knowledge.ingest import prose


def is_told(plain: str) -> bool:
    """Text that tells a case: a narrative by prose.py's measure (the title is evidence enough for two first-person
    past-tense sentences), or a case lived by its teller however phrased."""
    return prose.is_narrative(plain) or _lived(plain)


def _lived(plain: str) -> bool:
    """A case told in the past with its teller in it, however it is phrased ("the queue kept growing ...; nobody
    knew which job fed it; we traced ..."): two thirds of its sentences in the past tense (advice that mentions
    a past case is mostly imperatives), the teller in two or more, and something the teller did."""
    sents = prose.note_sentences(plain)
    past = sum(1 for x in sents if prose.PAST.search(x))
    lived = sum(1 for x in sents if _NARRATOR.search(x) and prose.PAST.search(x))
    acted = any(_FIRST_PAST.search(x) for x in sents)
    if sum(1 for x in sents if _ADVICE.match(x)) >= _LIVED:
        return False  # "Stop saying ...", "Say the trade-off ...": notes to self about stories, not one told
    return len(plain) >= prose.MIN_CHARS and acted and past >= max(2, _PAST_SHARE * len(sents)) and lived >= _LIVED


_LIVED = 2
# Sentences that tell the reader what to do; each alternative opens an instruction in real notes ("Keep it short.",
# "Lead with the numbers", "Mention the rollback", "Have one more ready.").
_ADVICE = re.compile(
    r"^[\"'(]?(?:don'?t|do not|never|always|stop|say|use|keep|avoid|remember|make sure|try|lead with|pick|talk about|"
    r"mention|practi[cs]e|prepare|bring|need one|have (?:a|one|the)|be (?:ready|specific|clear))\b",
    re.IGNORECASE,
)
_PAST_SHARE = 0.65
_FIRST_PAST = re.compile(rf"\b(?:[Ii]|[Ww]e) (?:\w+ly )?(?:{prose.PAST.pattern})")
_NARRATOR = re.compile(r"\b(?:[Ii]|[Ww]e|me|[Mm]y|[Oo]ur|us)\b")  # "i" too: notes typed on a phone
