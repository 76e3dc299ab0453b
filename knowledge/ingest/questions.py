"""Recognising interview questions in text, cleaning their wording and classifying their type."""

from __future__ import annotations

import html
import re
from functools import lru_cache

from knowledge.models import QuestionType

_BULLET = re.compile(r"^\s*(?:[-*+]|\d{1,3}[.)])\s+")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
# "Q:", "Q1.", "Q 3 -", "Question:", "Question 4)", "Interview Question:" after emphasis markers are removed.
_Q_PREFIX = re.compile(
    r"^(?:(?:interview|example|sample|behaviou?ral|technical|leadership|likely|common|typical|star|practice|main|"
    r"key|bonus|the|follow[- ]?up|(?!open\b|research\b)[A-Z][\w&.'-]{1,20})\s+)?"
    r"(?P<word>q|question|interviewer|q\s*&\s*a)\s*#?(?P<num>\d{1,3})?\s*(?:\((?:[^()]|\([^()]*\))*\)\s*)?"
    r"(?::|[.)](?=\s)|[-–—](?=\s))\s*(?P<text>.*)$",
    re.IGNORECASE,
)
_ANSWER_INLINE = re.compile(r"\s*(?:\*\*|__)?\s*(?:star\s+|sample\s+|my\s+)?answer\s*(?:\*\*|__)?\s*:.*$", re.I)
_QUOTES = "\"'“”‘’«»"
ASKING = re.compile(
    r"^(?:tell me|describe|walk me|walk us|give me|give an example|share|explain|design|how|what|why|when|"
    r"where|which|who|would|could|can|do|does|did|have|has|is|are|should|if you)\b",
    re.IGNORECASE,
)
# Imperative interview prompts ("Tell me about a time ...") are questions even without a "?".
PROMPT = re.compile(
    r"^(?:tell (?:me|us) about|describe (?:a|an|the|your)|walk (?:me|us) through|give (?:me|us) an example|"
    r"explain \w+|design (?:a|an|the))\b",
    re.IGNORECASE,
)
# "3.", "2)", outline numbers "3.1", "4.2.1.": not a number that a unit or an arrow follows ("6.4 s → 0.9 s",
# "2.5 x faster"), which is the figure a title opens with.
_NUMBERED = re.compile(
    r"^\d{1,3}(?:[.)]|(?:\.\d{1,3})+\.?)\s+(?!\s*(?:[%×→]|->|(?:s|ms|secs?|mins?|hrs?|h|k|x|pp|pts)(?![\w-])))"
)
_STORY_PREFIX = re.compile(
    r"^(?:(?:story|example|case|star)\s*#?\d+\s*(?::|[.)]|[-–—](?=\s))|story\s*(?::|[-–—](?=\s)))\s*", re.IGNORECASE
)


# [[Page]] or [[Page|shown text]]; no "[" inside, so a run of brackets fails at once instead of rescanning the
# rest of the line from every "[[" (a 200,000-bracket line took minutes)
_WIKI_LINK = re.compile(r"\[\[(?:[^\[\]|]*\|)?([^\[\]|]+)\]\]")
_TRAILING_TAGS = re.compile(r"(?:\s+#[A-Za-z][\w/-]*)+\s*$")  # Obsidian / Bear "#behavioral" tags


_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!'\"$%&<>|~])")  # pandoc writes "\$40K", "64\%"


def unmark(text: str) -> str:
    """HTML entities and backslash escapes undone, wiki-links read as their shown text, trailing #tags dropped."""
    if "&" in text:
        text = html.unescape(text)  # "Q&amp;A", "don&#39;t" from HTML-ish exports
    return _TRAILING_TAGS.sub("", _WIKI_LINK.sub(r"\1", _ESCAPED.sub(r"\1", text)))


def clean(text: str) -> str:
    """Question/title text without bullets, emphasis, backticks, wiki-links, #tags or surrounding quotes."""
    text = re.sub(r"\*\*|__|`", "", unmark(text))
    text = re.sub(r"(?<!\w)[*_](?=\S)|(?<=\S)[*_](?!\w)", "", text)
    text = re.sub(r"\s+", " ", text).strip()
    for _ in range(2):
        if len(text) > 1 and text[0] in _QUOTES:
            closing = max(text.rfind(q) for q in _QUOTES)
            if closing > 0 and (closing == len(text) - 1 or text[closing + 1 :].strip() in ("?", ".", "")):
                text = (text[1:closing] + text[closing + 1 :].strip()).strip()
    return text


def strip_story_prefix(title: str) -> str:
    """Drop a "Story 2:" prefix: "Story 2: Fixing X" -> "Fixing X" (unless nothing meaningful is left)."""
    stripped = _STORY_PREFIX.sub("", _NUMBERED.sub("", title)).strip()
    return stripped if len(stripped) > 2 else title


def has_story_prefix(title: str) -> bool:
    return bool(_STORY_PREFIX.match(title))


def is_question_like(text: str) -> bool:
    """A complete question: ends with "?" or opens like one; a fragment ending in "..." is not."""
    text = text.strip()
    if not text or text.endswith(("...", "…")):
        return False
    if len(text) < 8:  # only a short question word pair such as "Why us?" or "Why Go?"
        return len(text) >= 6 and text.endswith("?") and len(text.split()) >= 2 and bool(ASKING.match(text))
    aux = _AUX.match(text)
    if aux and not text.endswith("?") and not _SUBJECT.match(text[aux.end() :]):
        return False  # "Could add re-ranking later" is a note; "Could you ...?" asks
    return text.endswith("?") or bool(ASKING.match(text))


_AUX = re.compile(r"^(?:would|could|can|do|does|did|have|has|is|are|should)\s+", re.IGNORECASE)
_SUBJECT = re.compile(
    r"(?:(?i:you|we|i|they|he|she|it|there|this|that|these|those|the|a|an|your|our|my|his|her|their|someone|"
    r"anyone|people|one|any|all|each|every)|[A-Z]\w*)\b"
)


@lru_cache(maxsize=8192)
def question_line(line: str) -> tuple[str, str] | None:
    """(question text, inline answer) if `line` opens an explicit question ("Q:", "**Question**:", ...)."""
    s = _BULLET.sub("", line.strip(), count=1)
    s = _HEADING.sub("", s, count=1)
    bare = re.sub(r"\*\*|__", "", s).strip()
    m = _Q_PREFIX.match(bare)
    if not m:
        return None
    text = m.group("text")
    answer = ""
    inline = _ANSWER_INLINE.search(text)
    if inline:
        answer = re.sub(r"^[^:]*:", "", inline.group(0)).strip()
        text = text[: inline.start()]
    text = clean(text)
    if len(text) < 4:
        return None
    # "Q3: launch" in a roadmap is a quarter, not a question: numbered Q's must read like questions.
    if m.group("word").lower() == "q" and m.group("num") and not is_question_like(text):
        return None
    if m.group("word").lower() == "interviewer" and not is_question_like(text):
        return None  # "Interviewer: Thanks, let's move on." in a practice transcript
    return text, answer


def heading_question(title: str) -> str | None:
    """Question text of a heading like "Q1: ...", "Question 3 - ..." or one that ends in "?"."""
    explicit = question_line(title)
    if explicit:
        return explicit[0]
    text = _NUMBERED.sub("", clean(title))
    if has_story_prefix(text) or len(text.split()) < 2:
        return None
    if text.endswith("?") or (PROMPT.match(text) and len(text.split()) >= 4):
        return text
    return None


# fmt: off
_TYPE_RULES: tuple[tuple[QuestionType, re.Pattern[str]], ...] = (
    ("motivation", re.compile(
        r"tell me about yourself|introduce yourself|walk me through your (?:resume|background|career)|"
        r"why (?:do you want|are you (?:interested|leaving|looking)|this (?:company|role|job|team)|us\b|join|"
        r"should we hire you)|where do you see yourself|what (?:motivates|drives) you|what are you looking for|"
        r"^\W*why\s+[\w.&'-]+\W*$", re.I)),
    ("behavioral", re.compile(
        r"tell (?:me|us) about a (?:time|situation|project|moment)|describe a (?:time|situation)|"
        r"give (?:me|us) an example|have you ever|a time (?:when|you)|"
        r"tell me about (?:your|the) (?:biggest|hardest|most)|how do you (?:handle|balance|make) trade-?offs",
        re.I)),
    ("behavioral", re.compile(
        r"how (?:do|would|did) you (?:handle|deal with|approach|respond to|work with) (?:an? |the |your )?(?:\w+ )?"
        r"(?:stakeholders?|teammates?|colleagues?|peers?|managers?|reports?|engineers?|person|people|customers?|"
        r"conflicts?|disagreements?|feedback|pressure|stress|ambiguity|failures?|mistakes?|setbacks?|criticism)\b",
        re.I)),
    ("system_design", re.compile(
        r"\bdesign (?:a|an|the|your)\b|\bscale (?:\w+ )?to\b|architecture for|architect (?:a|an|the)|"
        r"how would you (?:build|scale|design)|\bhigh[- ]concurrency\b|\bsystem design\b|multi-?tenan|"
        r"multiple tenants", re.I)),
    ("leadership", re.compile(
        r"how (?:do|would) you (?:structure|manage|hire|grow|build (?:a|the|your) team|organi[sz]e|lead|"
        r"prioriti[sz]e|measure|set)|\bhire\b|hiring|build vs\.? buy|build or buy|\bstrategy\b|\broadmap\b|"
        r"\bwin against\b|\bcompet|\borgani[sz]ation\b|\bheadcount\b|technical debt|"
        r"what (?:do|would) you do\b|\bunderperform|\bperformance (?:issue|problem|review)|\breorg|\bmorale\b|"
        r"\bdirect reports?\b|\b(?:keep|motivate|grow) (?:a|the|your) team\b|"
        r"^\W*should (?:we|a company|the company|our|an? (?:org|team|startup))\b", re.I)),
    ("technical", re.compile(
        r"how does|explain|why does|what(?: is|'s|’s) the difference|what happens when|isolation levels?|\bgil\b|"
        r"under the hood|how do(?:es)? \w+ work|\bwhy do they matter\b|\bwhy (?:is|are) (?!you|your|this|it)\w+|"
        r"\bwhat (?:is|are) (?:a|an)\b", re.I)),
    ("behavioral", re.compile(r"\bfail|\bconflict|\bdisagree|\bmistake|\bdifficult|\bchalleng|\bpushback", re.I)),
    ("technical", re.compile(
        r"how (?:do|would|can) you (?:stop|prevent|detect|ensure|guarantee|debug|test|handle|avoid|reduce|invalidate|"
        r"pick|choose|make (?:an?|the) (?:[\w-]+ ){1,3}(?:idempotent|consistent|durable|secure|fast))|\bstand for\b|"
        r"when (?:would|do|should) you (?:use|choose|pick)\b", re.I)),
)
# fmt: on


def classify(text: str) -> QuestionType:
    """Question type by ordered wording rules; behavioral when nothing more specific matches."""
    for qtype, pattern in _TYPE_RULES:
        if pattern.search(text):
            return qtype
    return "behavioral"
