"""A follow-up reply that answers another question: the candidate tells another story or turns to another subject.

A reply typed for the next question (a polished story about something else) can be specific, first-person and
measured, so every part check passes and it scored 5/5 "answered the follow-up". Two checks, neither of which waits on
MiniLM (a reply must never queue behind background embedding work):

1. The candidate's notes: the reply retells one story of their notes and the answer it follows retells another
   (story_notes.told_index, a word-bag cosine over the retrieved stories).
2. The pack: a long reply that takes few of its topical words from the answer it follows and the follow-up, that the
   main question's relevance check (its rival questions and their signals, static word vectors) calls an answer to
   another question, and that either shares almost nothing with them or announces a turn to another subject
   ("what really helped in the end was ..."). A short reply is off topic here only by announcing such a turn with
   few of those words, or with none of the words the follow-up itself adds to the main question ("actually the thing
   I'm proudest of that year is ..." after "what did you tell the team?"), unless the follow-up asked for it.

Neither applies when the follow-up asks for another example ("Give me an example", "Where have you applied that
since?"): a new story is then what was asked.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from agent.critic.features import compute
from agent.critic.question import QuestionInfo
from agent.critic.relevance import topic_share
from agent.critic.semantic import Semantic
from agent.critic.story_notes import told_index
from agent.critic.text import words
from knowledge.models import Story

# Replies longer than this are placed by their words (shorter ones are judged by follow_up._about_else, and off
# topic here only when they announce their turn to another subject).
LONG_WORDS = 40
# Share of a reply's topical words found in the answer it follows and the follow-up. Labelled replies that go on with
# the story: 0.04-0.47, the ones under 0.15 mostly answer a request for another example; replies answering another
# question: 0.00-0.29.
FEW_SHARED = 0.15
NONE_SHARED = 0.10  # under this, the words alone say the reply is elsewhere (with the rival-question verdict)
# Cue lists (pattern, an example it must match; tests/test_critic_another_story.py checks every example).
# The follow-up asks for another case: a new story is the answer.
ASKS_ANOTHER_CUES: tuple[tuple[str, str], ...] = (
    (r"example", "Can you give me an example of that?"),
    (r"another (?:time|case|project|situation)", "Tell me about another time this came up."),
    (r"(?:applied|used|reused) (?:it|that|this|those|them|that lesson|the lesson)", "Have you applied that since?"),
    (r"(?:since then|since\?)", "What have you done differently since then?"),
    (r"(?:an?|one) (?:instance|case) (?:where|when|of)", "Walk me through one case where it failed."),
)
# The reply announces that it turns to something else than what was asked.
TURNS_CUES: tuple[tuple[str, str], ...] = (
    (
        r"what (?:really |actually )?(?:helped|worked|mattered|made the difference)(?: most)?(?: in the end)?,? "
        r"(?:was|is)",
        "What really helped in the end was a new hire.",
    ),
    (
        r"the (?:one )?thing that (?:really |actually )?"
        r"(?:helped|mattered|made (?:the|a) (?:biggest |real )?difference)",
        "The thing that made the biggest difference was the offsite.",
    ),
    (r"what I(?:'m| am) (?:most )?proud(?:est)? of", "What I'm proudest of from that year is the guild."),
    (r"the (?:one )?thing I(?:'m| am) (?:most )?proud(?:est)? of", "Really the thing I'm proudest of is mentoring."),
    (
        r"the (?:most useful|most important|biggest|best) (?:thing|lesson) I (?:learned|learnt|took away)",
        "The most useful thing I learned then came from a mentor.",
    ),
    (r"(?:the way|how) I \w+ \w+ in general", "The way I run planning in general is a yearly memo."),
    # Picks what to talk about instead: the part the candidate would stress or liked best, not the part asked.
    (
        r"the (?:one )?(?:thing|part|bit) I(?:'d| would) (?:really |most )?"
        r"(?:highlight|stress|emphasi[sz]e|single out)",
        "The part I'd really stress is the onboarding guide.",
    ),
    (
        r"(?:the (?:one )?(?:thing|part|bit)|what) I (?:enjoyed|liked|loved) (?:most|best)",
        "What I liked best that spring was the design review.",
    ),
)

# A follow-up that itself asks what helped, mattered, worked or made one proud: a reply opening that way answers it.
ASKS_WHAT_HELPED = re.compile(r"\b(?:help|differen|proud|learn|matter|work)", re.IGNORECASE)


def _compiled(cues: tuple[tuple[str, str], ...]) -> re.Pattern[str]:
    return re.compile(r"\b(?:" + "|".join(p for p, _ in cues) + r")", re.IGNORECASE)


ASKS_ANOTHER = _compiled(ASKS_ANOTHER_CUES)
TURNS = _compiled(TURNS_CUES)


def shares_ask(reply: str, follow_up: str, question: str) -> bool:
    """The reply uses a topical word the follow-up adds to the main question (what this follow-up asks)."""
    return topic_share(follow_up, f"{question} {reply}") > topic_share(follow_up, question)


def retells_another(reply: str, earlier: str, stories: Sequence[Story]) -> bool:
    """The reply retells a story of the candidate's notes other than the one the answer it follows retells."""
    if not stories or not earlier.strip():
        return False
    told = told_index(earlier, stories)
    if told is None:
        return False
    now = told_index(reply, stories)
    return now is not None and now != told


def answers_another(info: QuestionInfo, follow_up: str, reply: str, sem: Semantic, earlier: str,
                    stories: Sequence[Story] = ()) -> bool:  # fmt: skip
    """The reply answers another question than the follow-up (module docstring). Static vectors only."""
    if not earlier.strip() or ASKS_ANOTHER.search(follow_up):
        return False
    if retells_another(reply, earlier, stories):
        return True
    share = topic_share(reply, f"{earlier} {follow_up}")
    short = len(words(reply)) <= LONG_WORDS
    if short or not info.in_pack:
        # A short reply is too short for the rival questions to place, but one that announces its turn to another
        # subject ("the thing I'm proudest of that year is ...") and shares few words with what it follows says so.
        turned = bool(TURNS.search(reply)) and not ASKS_WHAT_HELPED.search(follow_up)
        # Words of the story it follows ("engineers", "two") are easy to keep while turning away; what the follow-up
        # asks beyond the main question ("tell", "expect") is what a reply to it picks up.
        asked = topic_share(follow_up, info.text) < 1.0 and not shares_ask(reply, follow_up, info.text)
        return short and turned and (share < FEW_SHARED or asked)
    if share >= FEW_SHARED or (share >= NONE_SHARED and not TURNS.search(reply)):
        return False
    # The rival questions judge the reply as an answer to the main question (a follow-up is judged without them).
    return compute(info, reply, sem).relevance.label == "off_topic"
