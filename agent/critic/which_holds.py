"""A follow-up that sets figures side by side and asks which holds, and whether a reply settles it.

The notes check ("Your notes say 12 ms; you said 20 ms. Which is right?") and a later check against an earlier reply
("Earlier you said about 0.9. Which is it?") ask one thing: which figure stands. A reply settles that by giving one
of the figures again, in any form a speaker uses ("12", "twelve", "4.2 million" for $4.2M), or by naming a side with
a verdict ("the notes are right", "what I said holds", "the first one is correct"), or by giving a figure and owning
the other as its own slip ("Eight. I overstated it before."): the follow-up may name the quantity without setting
its figures out ("Which is right: how many sites?"), and a slip owned says which side is dropped. It need not say
what the figure measured again: the follow-up just said it, so a three-word reply is complete.
"""

from __future__ import annotations

import re

from knowledge.number_words import spoken_numbers

# "which is right / correct / it", "which one was true", "which of the two is accurate".
WHICH_HOLDS = re.compile(
    r"\bwhich (?:one |figure |number |of (?:them|the two|these) )?(?:is|was) (?:it|right|correct|true|accurate)\b",
    re.IGNORECASE,
)
# The sides a reply can name: the notes, the answer ("what I said"), or a position in the follow-up.
SIDE = re.compile(
    r"\b(?:(?:the|my) notes?|notes (?:are|is|were|have)|what I (?:just )?(?:said|told you|wrote)|I said|"
    r"my (?:answer|figure|number)|"
    r"the (?:first|second|former|latter|earlier|later|original|new)(?: one| figure| number)?)\b",
    re.IGNORECASE,
)
# What a reply says of the side it names: it holds, or it is wrong and why.
VERDICT = re.compile(
    r"\b(?:right|correct(?:ly)?|accurate|true|holds?|stands?|wrong|off|out of date|outdated|stale|misspoke|"
    r"mixed (?:it |them )?up|rounded|typo|mistake|misremembered)\b",
    re.IGNORECASE,
)
# The speaker owns the other figure as a slip of their own: the side dropped is what they said.
SLIP = re.compile(
    r"\b(?:I (?:misremembered|misspoke|mis-?stated|misquoted|undersold|oversold|overstated|understated|"
    r"(?:over|under)counted|got (?:it|that|this|the \w+) wrong|mixed (?:it|them|those|the \w+) up)|"
    r"(?:a|my) slip|(?:by|in) (?:mistake|error))\b",
    re.IGNORECASE,
)
CLOSE = 0.01  # relative difference at which two written values are the same figure


def asks_which(follow_up: str) -> bool:
    """The follow-up asks which of its figures holds."""
    return bool(WHICH_HOLDS.search(follow_up))


def _same(a: float, b: float) -> bool:
    return abs(a - b) <= CLOSE * max(abs(a), abs(b), 1e-9)


def gives_a_figure(follow_up: str, reply: str) -> bool:
    """The reply gives one of the follow-up's figures again, in whatever form."""
    asked = spoken_numbers(follow_up)  # a follow-up asking which holds has no numbers but the figures it sets out
    return any(_same(a, r) for a in asked for r in spoken_numbers(reply))


def settles(follow_up: str, reply: str) -> bool:
    """The follow-up asks which figure holds and the reply says: it gives one of them, names a side and a verdict, or
    gives a figure and owns the other as a slip, or gives a figure and names the side it comes from."""
    if not asks_which(follow_up) or not reply.strip():
        return False
    figure = bool(spoken_numbers(reply))
    owned = bool(SLIP.search(reply)) and figure
    # A figure given beside the side it comes from ("three weeks, as in my notes") is that side chosen: the bare
    # "Which is right?" sets no figure out for gives_a_figure to match, and the reply needs no verdict word.
    sided = bool(SIDE.search(reply)) and (bool(VERDICT.search(reply)) or figure)
    return gives_a_figure(follow_up, reply) or sided or owned
