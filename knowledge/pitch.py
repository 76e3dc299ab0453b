"""What a pitch is: the prepared answer to "tell me about yourself". Kept outside knowledge.ingest so the story
index can recognise pitch questions without importing the ingestion package (it may be imported concurrently, from
a background thread, while a session starts)."""

from __future__ import annotations

import re

# A pitch answers "tell me about yourself": it is a prepared answer, never a story, whatever its tense.
PITCH = re.compile(
    r"tell (?:me|us) about yourself|introduce yourself|elevator pitch|\bpitch\b|walk (?:me|us) (?:\w+ )?through your "
    r"(?:resume|cv|background|career)|\babout me\b|\bintro(?:duction)?\b|(?<!\d)\d+[- ]second (?:version|intro|answer)|"
    r"\bwho am i\b|your background|\btmay\b|\belevator (?:version|speech|answer)\b|自我介绍|自己紹介|자기소개",
    re.IGNORECASE,
)
# Questions a pitch answers beside "tell me about yourself": the career told short, why this kind of role, what
# brought you into the field or into management. A question asking for a past situation stays a story question.
_WHY_HERE = (
    r"\byour career (?:so far|to date|in (?:brief|short))\b|\bversion of your career\b|"
    r"\bwhy (?:a|this|the) (?:\w+ ){0,2}(?:role|position|job)\b(?! (?:you|that|where|in which))|"
    r"\bwhat (?:first )?(?:made|led|drew|draws|pulled|pulls|attracts|got|brought|motivated) you (?:\w+ ){0,8}?"
    # the field itself, not a place in it: "what draws you to building with generative models"
    r"(?:(?:in)?to (?:people management|management|leadership|managing|machine learning|ml|ai|data science|"
    r"(?:building|working) with (?:generative models|llms?|language models|gen ?ai)|generative ai|gen ?ai|llms)|"
    r"start (?:managing|leading) (?:people|a team|teams))\b(?=\s*(?:\?|,|\.|$| and\b| in the first place))|"
    # how the career began or where it goes next: "how did you get into ...", "why are you leaving", "why now"
    r"\bhow did you (?:first )?(?:get|become|end up|fall) (?:\w+ ){0,2}?(?:hooked on|into|interested in|drawn to)\b|"
    # "how did you end up leading engineers", "how did you come to manage people": the way into management
    r"\bhow did you (?:first )?(?:end up|come to|start) (?:leading|managing|lead|manage) (?:people|engineers|teams?|"
    r"a team|others)\b|"
    r"\bwhy (?:are you|do you want to be) (?:\w+ )?(?:leaving|looking to (?:leave|move))\b|"
    r"\b(?:right|best) (?:moment|time|point) in your career\b"
)
PITCH_QUESTION = re.compile(rf"{PITCH.pattern}|{_WHY_HERE}", re.IGNORECASE)
# A section titled like this holds a pitch even when it is not told as a story.
PITCH_TITLE = re.compile(
    r"\bpitch\b|\babout me\b|\bwho i am\b|tell (?:me|us) about yourself|introduce yourself|"
    r"(?<!\d)\d+\s*[- ]?\s*(?:seconds?|secs?|s|minutes?|mins?)\b[\s-]*(?:version|intro(?:duction)?)|"  # "60-sec intro"
    r"\bself[- ]introduction\b|\b(?:my|short|quick|personal) intro(?:duction)?\b|\btmay\b|^\W*intro\b|"
    # the speaker alone, timed or not: "Me", "ME (2 MIN)", "Myself - 45s"
    r"^\W*(?:me|myself)\W*(?:\d+\s*(?:s|secs?|seconds?|mins?|minutes?)\W*)?$|"
    # "Me in 2 min (also why management)", "myself in 90 seconds": the speaker, timed
    r"^\W*(?:me|myself)\s+in\s+(?:\d+|one|two|three)\s*(?:s|secs?|seconds?|mins?|minutes?)\b|"
    r"\bpersonal statement\b|"  # an application form's opening statement is its owner's pitch
    r"\belevator (?:version|speech|answer)\b|自我介绍|自己紹介|자기소개|"
    # a CV's summary is its owner's pitch; so is a review's "Self summary (max 300 words)"
    r"^\W*(?:professional |personal |career |self[- ])?(?:summary|profile)\W*(?:\([^()]{0,40}\)\W*)?$|"
    # the "why" half of a pitch: "why ML", "Why I went into management", "Intro (why this company)"; not
    # "Why remote, and why not hybrid" or "why the data platform team ..."
    r"(?:^|[(—–/]\s*)\W*why\s+(?:i\s+(?:do|did|chose|picked|love|went into|moved into|got into|am in|stay in)\s+)?"
    r"(?:ai|ml|machine learning|data(?: science)?|(?:engineering |people )?management|leadership|em|"
    r"this (?:role|job|field|company))\b(?!\s+(?:team|project|platform|model|system|migration)s?\b)",
    re.IGNORECASE,
)


# A text that opens by introducing its speaker ("Hi, I'm Maelle.", "I'm Raff, a backend engineer ...", "Hello
# everyone, my name is Jo."): a pitch, whatever the heading over it calls it (a speech club's first speech, a card).
SELF_INTRODUCTION = re.compile(
    r"^\W*(?i:(?:hi|hello|hey|good (?:morning|afternoon|evening))(?:\s+(?:everyone|all|there|folks))?\W{0,3}\s*)?"
    r"(?i:i'm|i’m|i am|my name is|my name's|my name’s)\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’.-]*)?\s*[,.;—–-]"
)


# A text that opens on its owner and their present job, as a profile or a bio does: "Jo Bloggs. Head of data at
# Acme ...", "Sam - ML engineer, one of two at Acme ...", "I'm a staff engineer at Acme ...". The role names a
# trade (engineer, manager, head of ...); "Priya, our lead at the client, ..." (someone else) does not count.
_ROLE = (
    r"(?i:(?:[\w&/+'’-]+,?\s+){0,6}?(?:engineer|manager|director|head|lead|scientist|analyst|developer|architect|"
    r"designer|consultant|founder|cto|cdo|vp|officer|researcher|em|tech lead)\b[^.\n]{0,80}?\b(?:at|for|@))\s+[A-Z]"
)
OWNER_INTRODUCTION = re.compile(
    r"^\W*(?:(?i:i'm|i’m|i am)\s+(?i:an?\s+)?|[A-Z][a-z'’-]+(?:\s+[A-Z][\w'’-]+)?\s*(?:[.—–]|\s-|,)\s+"
    r"(?!(?i:a|an|the|our|my|his|her|their|your|this|that)\b))" + _ROLE
)


def introduces_speaker(text: str) -> bool:
    """The text's first or second paragraph (a line of facts about a talk may come first) introduces its speaker."""
    return any(SELF_INTRODUCTION.match(x) for x in _first_paragraphs(text))


def introduces_owner(text: str) -> bool:
    """The text introduces its speaker, or opens on its owner and their present job (OWNER_INTRODUCTION)."""
    return any(SELF_INTRODUCTION.match(x) or OWNER_INTRODUCTION.match(x) for x in _first_paragraphs(text))


def _first_paragraphs(text: str) -> list[str]:
    return [x.strip() for x in re.split(r"\n\s*\n", text) if x.strip()][:2]
