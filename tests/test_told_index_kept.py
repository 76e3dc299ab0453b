"""story_notes.told_index keeps its result per answer and story list, and scores with a matrix product: the story it
finds must follow the list it is given (order, subset) and match a plain word-by-word cosine, whole or in passing."""

from __future__ import annotations

import math
from collections import Counter

from agent.critic.story_notes import told_index
from agent.critic.text import content_stems
from knowledge.models import Story, stable_id


def _story(title: str, text: str) -> Story:
    return Story(id=stable_id("story", "notes.md", title), title=title, text=text, source="notes.md")


GREENHOUSE = _story(
    "Greenhouse sensor rollout",
    "Our greenhouse sensors dropped readings every night, so I rewired the gateway, moved the humidity probes to a "
    "mesh radio and wrote a nightly check. Lost readings fell from 18 percent to under 1 percent in six weeks.",
)
BAKERY = _story(
    "Bakery ordering app",
    "The bakery took phone orders on paper and lost a fifth of them at the weekend. I built a small ordering page, "
    "taught the counter staff to use a tablet and printed pickup slips. Missed orders went from 20 to 2 a week.",
)
FERRY = _story(
    "Ferry timetable migration",
    "The ferry timetable lived in a spreadsheet that three offices edited by hand. I moved it into a shared "
    "database, added a review step for changes and published it as a feed the kiosks read every hour.",
)

WHOLE = (
    "Our greenhouse sensors kept dropping readings at night. I rewired the gateway and moved the humidity probes "
    "onto a mesh radio, then wrote a nightly check. Lost readings fell from 18 percent to under 1 percent."
)
# A longer answer about something else that retells the bakery story in two sentences.
IN_PASSING = (
    "When I plan a hiring loop I write the interview rubric first, agree on it with the panel, and calibrate the "
    "interviewers on recorded mock sessions before any candidate arrives. Each panelist owns one competency and "
    "writes feedback independently within a day, and the debrief compares evidence against the rubric rather than "
    "overall impressions. Candidates get a prep guide and the same timings. Recruiters schedule the loop within a "
    "week of the screen, keep every slot the same length, and send a note explaining who they will meet and why. "
    "Hiring managers read the rubric scores before the debrief, never after, so loud voices cannot anchor the "
    "panel, and any strong disagreement gets a follow-up conversation with the candidate instead of a vote. "
    "It mirrors what I did at a bakery: phone orders taken on paper got lost at the weekend, so I built an "
    "ordering page, taught the counter staff to use a tablet and printed pickup slips. Missed orders went from 20 "
    "to 2 a week. "
    "For the hiring loop, the debrief notes go to the recruiter, the offer decision names the evidence, and every "
    "quarter we review which rubric questions predicted success and retire the ones that never did. New "
    "interviewers shadow two loops and reverse-shadow one before joining a panel alone, and their written feedback "
    "is reviewed by a senior panelist for evidence, not adjectives. Rejected candidates receive specific "
    "feedback within three days, and the panel rotates every month so nobody interviews for too many teams."
)


def _bag(text: str) -> tuple[Counter[str], float]:
    bag = Counter(content_stems(text))
    return bag, math.sqrt(sum(v * v for v in bag.values()))


def _cosine(a: str, b: str) -> float:
    (x, nx), (y, ny) = _bag(a), _bag(b)
    return sum(v * y[k] for k, v in x.items()) / (nx * ny) if nx and ny else 0.0


def test_the_whole_retelling_is_found_wherever_the_story_sits_in_the_list() -> None:
    assert told_index(WHOLE, [GREENHOUSE, BAKERY, FERRY]) == 0
    assert told_index(WHOLE, [FERRY, BAKERY, GREENHOUSE]) == 2  # the same answer, another list: not the kept 0
    assert told_index(WHOLE, [BAKERY, FERRY]) is None  # its story is not among these
    best = max(range(3), key=lambda i: _cosine(WHOLE, [GREENHOUSE, BAKERY, FERRY][i].text))
    assert best == 0 and _cosine(WHOLE, GREENHOUSE.text) >= 0.35


def test_a_story_told_in_passing_is_found_by_its_passage_and_follows_the_list() -> None:
    assert max(_cosine(IN_PASSING, s.text) for s in (GREENHOUSE, BAKERY, FERRY)) < 0.35  # not told as a whole
    assert told_index(IN_PASSING, [GREENHOUSE, BAKERY, FERRY]) == 1
    assert told_index(IN_PASSING, [BAKERY, GREENHOUSE]) == 0
    assert told_index(IN_PASSING, [GREENHOUSE, FERRY]) is None


def test_an_answer_with_no_content_words_tells_nothing() -> None:
    assert told_index("Yes.", [GREENHOUSE, BAKERY]) is None
    assert told_index(WHOLE, []) is None
