"""A later reply of a follow-up chain against the chain's previous reply: a repeat, a correction, or neither.

A second follow-up is asked after the first reply, so that reply is part of what the candidate has already said. A
reply that says again what the previous reply said (most of its words, no figure the previous reply did not give)
adds nothing to the new follow-up, however specific it reads on its own. A reply that restates a figure of the
previous reply with another value ("the cutover took 5 weeks, not 3 as I said") corrects it: the candidate should
hear that the correction was seen, and the reply is judged on what it now says. Figures are paired by what they
measure (drift.py), so "3 weeks" and "5 weeks" of the same cutover are one figure changed, never two new ones.

Any reply of a chain can also say again what the main answer said instead of what its follow-up asks (the answer's
cutover and its 40 minutes told again to "what would you do differently?"): it restates that answer
(`restates_answer`) and closes nothing, however specific the figures and names it repeats make it read.

Unless the follow-up asked again for what was already given ("which tools did you replace?" after an answer naming
them): a reply that says so ("I named both: ...") and gives it again in the words the answer or the previous reply
used (`points_back`) answers that follow-up; the restatement is checked, not taken on the reply's word. A reply that
only opens with "as I said" claims nothing about what was asked and is judged as a restatement.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from agent.critic.drift import Figure, figures, pair, restates
from agent.critic.text import content_stems
from knowledge.metrics import extract_metrics

REPEATED = 0.8  # share of a reply's content words already in the previous reply at which it says nothing new
MIN_WORDS = 4  # content words a reply needs before it can read as a repeat ("Yes, that's right." is an answer)
# Share of a reply's content words already in the main answer at which it restates that answer. A reply to another
# follow-up keeps the answer's subject words, so the share is lower than REPEATED: labelled restating and vague replies
# share 0.60-0.93 of their words with the answer they follow; no labelled reply that gives what was asked and brings
# no figure of its own shares more than 0.50 (all check sets, stop 37).
RESTATED = 0.6
# Content words a reply needs before it can read as restating the answer: a short reply picking one thing out of the
# answer ("the deploy scripts, they hurt most") answers "which one?" in the answer's own words.
RESTATE_WORDS = 8


# Opens by saying the thing asked was already given and by whom: "I named both:", "I just listed those,", "I mentioned
# it above -". The object is what the follow-up asked for; "as I said" has none and is only a way into a restatement.
POINTS_BACK = re.compile(
    r"^\W*(?:(?:yes|right|sure|well|so)\W+)?I (?:already |just |did )?(?:named|mentioned|listed|gave|covered) "
    r"(?:it|them|that|those|these|both|all (?:of them|three|four)|two|three|four|five)"
    r"(?: (?:above|earlier|before|already|in my answer))?\s*[:;,.\u2013\u2014-]",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Relation:
    """How a reply stands to the chain's previous reply (a repeat, a correction) or to the main answer (a
    restatement, or what the follow-up asked again); `changed` holds (now, before) figure texts of a correction."""

    kind: Literal["repeat", "correction", "restatement", "asked_again"]
    changed: tuple[tuple[str, str], ...] = ()


def _figures(text: str) -> list[Figure]:
    return figures(text, extract_metrics(text))


def relation(reply: str, previous: str) -> Relation | None:
    """A correction when a figure of `reply` gives another value for one of `previous`; a repeat when REPEATED of
    its content words are in `previous` and every figure it gives restates one of `previous`'s; None otherwise."""
    if not reply.strip() or not previous.strip():
        return None
    said, before = _figures(reply), _figures(previous)
    changed = pair(said, before)
    if changed:
        return Relation("correction", tuple((a.metric.text, b.metric.text) for a, b in changed))
    mine = set(content_stems(reply))
    if len(mine) < MIN_WORDS:
        return None
    share = len(mine & set(content_stems(previous))) / len(mine)
    if share >= REPEATED and all(restates(a, before) is not None for a in said):
        return Relation("repeat")
    return None


def restates_answer(reply: str, answer: str) -> bool:
    """RESTATED of the reply's content words (RESTATE_WORDS or more) are in the main `answer`, and every figure it
    gives restates one of the answer's: it says that answer again rather than what its follow-up asked."""
    if not reply.strip() or not answer.strip():
        return False
    mine = set(content_stems(reply))
    if len(mine) < RESTATE_WORDS:
        return False
    before = _figures(answer)
    share = len(mine & set(content_stems(answer))) / len(mine)
    return share >= RESTATED and all(restates(a, before) is not None for a in _figures(reply))


def points_back(reply: str, told: str) -> bool:
    """The reply says it already gave what was asked (POINTS_BACK) and what follows says again what `told` (the
    answer and the chain's replies before) said: RESTATED of its content words (MIN_WORDS or more) are there, and
    every figure it gives restates one of them."""
    cue = POINTS_BACK.match(reply)
    if cue is None or not told.strip():
        return False
    rest = reply[cue.end() :]
    mine = set(content_stems(rest))
    if len(mine) < MIN_WORDS:
        return False
    share = len(mine & set(content_stems(told))) / len(mine)
    before = _figures(told)
    return share >= RESTATED and all(restates(a, before) is not None for a in _figures(rest))
