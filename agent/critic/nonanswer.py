"""Non-answers: empty, "I don't know", off-topic, or an attempt to instruct the grader.

Instructions to the grader are never obeyed. An answer that is only such an instruction is a non-answer;
one buried in a real answer is removed and the rest is judged on its content (the critic notes it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from agent.critic.text import (
    STOPWORDS,
    content_stems,
    has_first_person,
    i_action,
    stem,
    we_action,
    word_set,
    words,
)
from knowledge.pattern_screen import screened

_TOP_SCORE = (
    r"\b(?:(?:full|top|maximum|max|highest|perfect)\s+(?:marks?|scores?|points?|ratings?|grades?|five|5|ten|10)\b"
    r"|five out of five|5 out of 5)"
)
# Text addressed to whoever grades the answer rather than to the interviewer.
_INJECTION = re.compile(
    r"(?:\bignore\b[^.!?\n]{0,40}\b(?:rubric|instructions?|prompt|rules?|above|previous|criteria|grading|scoring)"
    r"|\bdisregard\b[^.!?\n]{0,40}\b(?:rubric|instructions?|prompt|rules?|above|previous)"
    r"|\b(?:give|grade|rate|score|mark)\s+(?:me|this|this answer|it|my answer)?\s*(?:a|an|as)?\s*"
    r"(?:5|five|10|perfect|full marks|top marks|the (?:highest|maximum|top) score)\b"
    # "score: 5" sets a grade; "F1 score: 0.81" or "trust score: 4.3 against 3.1" reports a measure
    r"|\bscore\s*[:=]\s*(?:5|10)(?:\s*/\s*(?:5|10))?(?![.,]?\d)"
    r"|\b[45]\s*/\s*5\b|\byou are now\b|\byou must now\b|\bpretend (?:to be|you)\b"
    r"|^\s*(?:system|assistant|developer)\s*:|\bnew instructions?\b|\bjailbreak\b"
    r"|\boverride\b[^.!?\n]{0,30}\b(?:score|rubric|instructions?)"
    r"|\b(?:to|dear) the (?:grader|reviewer|evaluator|grading (?:model|system)|scoring (?:model|system)|critic)\b"
    r"|\b(?:reviewer|grader|evaluator|grading|scoring) (?:instruction|note|override)s?\b"
    r"|\bweak_or_missing\b|\b(?:is|as|be) (?:a|the|my) (?:model|best|top|perfect) answer\b"
    r"|\b(?:do not|don't|no) (?:ask (?:a|any) )?follow-?ups?\b"
    r"|\bas (?:an|the) (?:ai|grader|evaluator|critic)\b[^.!?\n]{0,40}\b(?:must|should|will))"
    # Polite requests are still instructions: a grading verb aimed at a top score, or the grader addressed.
    # A request ("please record the top score"), a grading verb aimed at this answer ("give it full marks"), or
    # this answer said to deserve one ("this deserves full marks"). "Our judge gives full marks when ..." is not.
    rf"|\b(?:please|kindly|could you|can you|would you|you could|you can|you would)\b[^.!?\n]{{0,40}}{_TOP_SCORE}"
    rf"|\b(?:give|award|assign|record|log|note|put|mark|rate|grade|score)\s+(?:me|this|it|my \w+|this \w+)\b"
    rf"[^.!?\n]{{0,25}}{_TOP_SCORE}"
    rf"|\b(?:this|it|my answer|this answer|this one|that)\s+(?:\w+\s+)?(?:deserves?|merits?|warrants?|earns?|is worth)"
    rf"\b[^.!?\n]{{0,20}}{_TOP_SCORE}"
    r"|\bas an? (?:ai|llm|language model|automated)\s+(?:grader|evaluator|reviewer|assessor|judge|model|assistant)\b"
    r"|\bas (?:the|my) (?:grader|evaluator|assessor)\b"
    r"|\b(?:whoever|anyone who|the person who) (?:grades?|scores?|marks?|evaluates?|assesses?) this\b"
    r"|\b(?:please|kindly)\s+(?:\w+\s+){0,2}(?:rate|score|grade)\b"
    r"|(?:^|[.!?]\s+)(?:reviewer|grader|evaluator|assessor|dear (?:reviewer|grader|evaluator))\s*[,:]",
    re.IGNORECASE | re.MULTILINE,
)
_DONT_KNOW = re.compile(
    r"\b(?:i\s*(?:do not|don'?t|dont|dunno)\s*(?:really\s+)?know|no idea|not sure|"
    r"i can'?t (?:answer|think|recall|remember)"
    r"|i have no (?:idea|clue|answer|example)|^\s*(?:pass|skip)\b|next question|i'?m blank|nothing comes to mind|"
    r"i haven'?t (?:done|had) (?:that|this|anything like)"
    # Asking to leave the question ("could we come back to that one?"): declines it, says nothing of another subject.
    r"|(?:can|could|may) (?:we|i) (?:please )?(?:skip|pass on|move past|come back to) (?:this|that|it)\b)\b",
    re.IGNORECASE,
)
# "I don't really have one", "none that I remember", "not something I can point to": no example offered.
_NO_EXAMPLE = re.compile(
    r"\b(?:i\s*(?:do not|don'?t|dont|didn'?t)\s+(?:\w+ly\s+)?(?:have|had|got)\s+(?:one|an? (?:example|story|case|"
    r"instance|situation)|any(?:thing)?|such)|i\s*(?:haven'?t|have not|never)\s+(?:\w+ly\s+)?(?:had|faced|been in|"
    r"experienced|run into)\s+(?:one|that|this|such|any)|(?:none|nothing)\s+(?:that\s+)?i\s+(?:can\s+|could\s+)?"
    r"(?:remember|recall|think of)|not something i (?:can|could|have)|(?:can'?t|cannot|couldn'?t) (?:point to|come "
    r"up with|name) (?:one|any|an? )|nothing (?:like that|comes to mind))",
    re.IGNORECASE,
)

# A question that asks for something of the candidate's that went wrong ("a hire that did not work out", "a mistake
# you made as a manager", "a project that slipped"). WRONG_ASKED is also what relevance.FAILURE_ASKED reads.
WRONG_ASKED = r"did(?:n't| not) work(?: out| as expected)?|went wrong|got wrong|failed|mistake"
_ASKS_WRONG = re.compile(rf"\b(?:{WRONG_ASKED}|mistakes|slipped)\b", re.IGNORECASE)
# Its premise denied instead of a case told: "I've been fortunate there", "all my launches went well", "every one of
# them is still with us", "nothing has ever gone wrong", "I never made one that failed". What follows is a success
# story, however concrete: it evades what was asked.
_DENIED = re.compile(
    r"\b(?:I(?:'ve| have) been (?:\w+ )?(?:lucky|fortunate)|all (?:of )?(?:my|our|the) \w+ (?:have )?(?:worked out|"
    r"went (?:well|fine)|succeeded|turned out (?:well|fine))|(?:every|each) (?:one|person|hire|project|launch)\b"
    r"[^.!?]{0,40}?\b(?:worked out|went (?:well|fine)|succeeded|(?:is|are|was|were) still (?:doing well|here|with us|"
    r"thriving))|nothing (?:has |ever |really )*(?:gone|went) wrong|never (?:had|made|hired) (?:one|a \w+|anyone) "
    r"(?:that |who )?(?:failed|went wrong|did(?:n't| not) work))",
    re.IGNORECASE,
)
# How a story tells that something did go wrong (then the denial is only modesty: "I've been lucky, but one hire ...").
# WRONG_TOLD, the words any story uses for it, is also where relevance.FAILURE_TOLD starts.
WRONG_TOLD = r"did(?:n't| not) work|failed|failure|wrong|mistake"
_TOLD_WRONG = re.compile(
    rf"\b(?:{WRONG_TOLD}|struggl\w*|let (?:him|her|them) go|(?:was|were) (?:let go|fired|managed out)|"
    r"left (?:after|within)|missed|slipped|regret\w*)\b",
    re.IGNORECASE,
)


def denies_premise(question: str, answer: str) -> bool:
    """The question asks for something that went wrong and the answer says nothing did, telling no such case."""
    denied = _DENIED.search(answer) if _ASKS_WRONG.search(question) else None
    if denied is None:
        return False
    rest = answer[: denied.start()] + " " + answer[denied.end() :]
    return not _TOLD_WRONG.search(rest)


# Moving away from the question ("I'd rather talk about ..."); a preference inside a real answer
# ("I'd rather build something a lawyer can trust") is not a dodge.
_DEFLECT = re.compile(
    r"\b(?:(?:I'd|I would) rather (?:not|talk|discuss|skip|pass|move on|focus on (?:something|another))|"
    r"let's talk about|let me talk about (?:something|another)|change the subject|"
    r"(?:a )?different (?:topic|question)|off[- ]topic)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|went|got|built|wrote|ran|led|made|took|told|gave|found|kept|[a-z]{2,}ed)\b", re.I
)


@dataclass(frozen=True)
class NonAnswer:
    """Why the answer is a non-answer, or the cleaned text to judge."""

    reason: str | None  # "empty" | "dont_know" | "no_example" | "off_topic" | "injection" | None (a real answer)
    text: str  # the answer with any grader instruction removed
    injection: bool


# A sentence that asks, however politely, for this answer's grade: it names grading, a high value and a request
# together (a polite wish for the highest mark for this reply), or addresses whoever grades it.
_GRADING = re.compile(
    r"\b(?:scor\w*|grad(?:e|ed|es|ing|er|ers)|marks?|marked|marking|markers?|rat(?:e|ed|ing)|review(?:s|ed|er|ers)?|"
    r"evaluat\w*|assess\w*|rubric|(?:top|end|high end) of (?:the|your) scale|as an? (?:five|5))\b",
    re.IGNORECASE,
)
_HIGH = re.compile(r"\b(?:top|highest|maximum|perfect|an? (?:five|5)|full marks|best possible)\b", re.IGNORECASE)
_ASKS = re.compile(
    r"\b(?:please|kindly|grateful|appreciate it|treat (?:this|it)|count (?:this|it)|record (?:this|it)|"
    r"consider (?:this|it)|(?:would|could|can) you\b[^.!?\n]{0,30}\b(?:this|it|my answer|me))\b",
    re.IGNORECASE,
)
_ADDRESSED = re.compile(
    r"\b(?:whoever|anyone|the person|the people|those|you)\s+(?:who\s+)?(?:is\s+|are\s+)?(?:grad|scor|mark|rat|"
    r"review|evaluat|assess)\w*\s+(?:this|these|the answers?|my answers?|them|it)\b",
    re.IGNORECASE,
)


def _asks_for_grade(sentence: str) -> bool:
    if _ADDRESSED.search(sentence):
        return True
    if not _ASKS.search(sentence):
        return False
    # The grade asked for sits next to the grading word ("the highest score").
    grading = [m.span() for m in _GRADING.finditer(sentence)]
    return any(abs(h.start() - g[0]) <= 40 for h in _HIGH.finditer(sentence) for g in grading)


def strip_injection(answer: str) -> tuple[str, bool]:
    """The answer with sentences that instruct the grader blanked out (same length: offsets stay valid)."""
    out, found = answer, False
    if not _INJECTION.search(answer) and not any(_asks_for_grade(p) for p in re.split(r"(?<=[.!?])\s+", answer)):
        return answer, False  # the usual case: nothing addressed to the grader
    for piece in re.finditer(r"[^.!?\n]+[.!?]*", answer):
        if _INJECTION.search(piece.group(0)) or _asks_for_grade(piece.group(0)):
            found = True
            out = out[: piece.start()] + " " * (piece.end() - piece.start()) + out[piece.end() :]
    return out, found


def _story_like(text: str) -> bool:
    """First-person content, actions or numbers: something the candidate has lived or designed."""
    return (
        i_action(text)
        or we_action(text)
        or (has_first_person(text) and len(words(text)) >= 12)
        or bool(re.search(r"\d", text))
        or bool(re.search(r"(?:^|[.!?]\s+)[A-Z][a-z]+ed\b", text))  # "Reorganised the org": a terse action
    )


def _overlap(question: str, answer: str) -> int:
    """Answer words sharing a root with a question word ("class" ~ "classification", "cache" ~ "caching")."""
    return len(_roots(question) & _roots(answer))


@lru_cache(maxsize=256)
def _roots(text: str) -> frozenset[str]:
    """Four-letter stems of the words of `text` (hyphenated parts apart); kept: a question's recur every turn, and
    _overlap and _topical_overlap read the same answer's."""
    parts = (p for w in words(text) for p in w.split("-"))
    return frozenset(stem(p)[:4] for p in parts if len(p) > 2 and p not in STOPWORDS)


# Everyday verbs and nouns a question and an unrelated story can share without being about the same thing.
_GENERIC_ROOTS = word_set(
    "cut redu impr make made time deci work chan bett help star find plan week year day save choo keep need "
    "hard good use take give most best fast quic slow long shor high low big smal way thin part fix"
)
# The vocabulary of work: people at work, organisations, products and engineering.
_WORK = re.compile(
    r"\b(?:engineer\w*|develop\w*|team\w*|manag\w*|customer\w*|client\w*|users?|product\w*|servic\w*|system\w*|"
    r"platform\w*|models?|data\w*|code\w*|deploy\w*|releas\w*|sprint\w*|project\w*|compan\w*|org|organi[sz]ation\w*|"
    r"roles?|roadmap\w*|stakeholder\w*|api\w*|latenc\w*|budget\w*|revenue|hir\w*|reports?|colleague\w*|boss|"
    r"vp|cto|ceo|pm|features?|bugs?|incidents?|outages?|pipeline\w*|database\w*|servers?|cloud|gpus?|llms?|"
    r"prompt\w*|evals?|evaluat\w*|tests?|testing|reviews?|migrat\w*|architect\w*|infra\w*|vendors?|contracts?|"
    r"meetings?|office|jobs?|career|business\w*|market\w*|startup\w*|employ\w*|interview\w*|stack|"
    r"software|hardware|app|apps|queries|query|retriev\w*|index\w*|cach\w*|shard\w*|scal\w*|traffic|"
    r"requests?|metrics?|dashboard\w*|tickets?|backlog|strateg\w*|leadership|mentor\w*|1:1s?|"
    r"feedback|one-on-ones?|promot\w*|deadlines?|launch\w*|ship\w*|estimat\w*|senior|junior|"
    r"peers?|hr|impact|offsite|quarter\w*|okrs?|kpis?|security|privacy|compliance|legal|design\w*)\b",
    re.IGNORECASE,
)


def _topical_overlap(question: str, answer: str) -> int:
    """Shared roots that are not everyday words: what makes an answer about the same subject."""
    return len((_roots(question) & _roots(answer)) - _GENERIC_ROOTS)


def _english(text: str) -> bool:
    """Enough English function words that English tense cues mean something."""
    ws = words(text)
    return bool(ws) and sum(1 for w in ws if w in STOPWORDS) / len(ws) >= 0.2


def detect(question: str, answer: str, question_type: str = "behavioral") -> NonAnswer:
    """Classify the answer; `reason` is None for a real answer."""
    cleaned, injected = strip_injection(answer)
    ws = words(cleaned)
    if not ws:
        return NonAnswer("injection" if injected else "empty", cleaned, injected)
    if _DONT_KNOW.search(cleaned) and len(ws) < 20:
        return NonAnswer("dont_know", cleaned, injected)
    # "I don't really have one. I've been lucky ...": declining plus an excuse, with nothing done described.
    # A related case or a plan ("..., but I would first check ...") is an answer, however short.
    declined = _NO_EXAMPLE.search(cleaned)
    if declined and len(ws) < 45:
        # The refusal itself ("not something I can point to") is not a plan.
        rest = cleaned[: declined.start()] + " " + cleaned[declined.end() :]
        if not (i_action(rest, True, True) or we_action(rest)):
            return NonAnswer("no_example", cleaned, injected)
    if denies_premise(question, cleaned):
        return NonAnswer("no_example", cleaned, injected)
    if injected and len(ws) < 12:
        return NonAnswer("injection", cleaned, injected)
    overlap = _overlap(question, cleaned) if content_stems(question) else 1
    english = _english(cleaned)
    if overlap == 0 and (not _story_like(cleaned) or _DEFLECT.search(cleaned)):
        return NonAnswer("off_topic", cleaned, injected)  # nothing shared with the question, or says it moves on
    personal_story = has_first_person(cleaned) and len(ws) >= 15
    joined = re.sub(r"-\s*\n\s*", "-", cleaned)  # "one-on-\nones" wrapped across a line
    if english and personal_story and _topical_overlap(question, cleaned) == 0 and not _WORK.search(joined):
        # A story from outside work that shares only everyday words ("cut", "decide") with the question.
        return NonAnswer("off_topic", cleaned, injected)
    lived = _PAST.search(cleaned) or i_action(cleaned, False, True)  # "I show the numbers": present narration
    if question_type == "behavioral" and english and overlap <= 1 and not lived:
        return NonAnswer("off_topic", cleaned, injected)  # "tell me about a time" answered with opinions only
    return NonAnswer(None, cleaned, injected)


# Run only the alternatives whose literals are in the text (knowledge.pattern_screen): the same matches, less CPU.
_INJECTION = screened(_INJECTION)
_DONT_KNOW = screened(_DONT_KNOW)
