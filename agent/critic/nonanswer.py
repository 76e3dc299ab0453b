"""Non-answers: empty, "I don't know", off-topic, or an attempt to instruct the grader.

Instructions to the grader are never obeyed. An answer that is only such an instruction is a non-answer;
one buried in a real answer is removed and the rest is judged on its content (the critic notes it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.critic.text import STOPWORDS, content_stems, has_first_person, i_action, stem, we_action, words

# Text addressed to whoever grades the answer rather than to the interviewer.
_INJECTION = re.compile(
    r"(?:\bignore\b[^.!?\n]{0,40}\b(?:rubric|instructions?|prompt|rules?|above|previous|criteria|grading|scoring)"
    r"|\bdisregard\b[^.!?\n]{0,40}\b(?:rubric|instructions?|prompt|rules?|above|previous)"
    r"|\b(?:give|grade|rate|score|mark)\s+(?:me|this|this answer|it|my answer)?\s*(?:a|an|as)?\s*"
    r"(?:5|five|10|perfect|full marks|top marks|the (?:highest|maximum|top) score)\b"
    r"|\bscore\s*[:=]\s*\d|\b[45]\s*/\s*5\b|\byou are now\b|\byou must now\b|\bpretend (?:to be|you)\b"
    r"|^\s*(?:system|assistant|developer)\s*:|\bnew instructions?\b|\bjailbreak\b"
    r"|\boverride\b[^.!?\n]{0,30}\b(?:score|rubric|instructions?)"
    r"|\b(?:to|dear) the (?:grader|reviewer|evaluator|grading (?:model|system)|scoring (?:model|system)|critic)\b"
    r"|\b(?:reviewer|grader|evaluator|grading|scoring) (?:instruction|note|override)s?\b"
    r"|\bweak_or_missing\b|\bmodel answer\b|\b(?:do not|don't|no) (?:ask (?:a|any) )?follow-?ups?\b"
    r"|\bas (?:an|the) (?:ai|grader|evaluator|critic)\b[^.!?\n]{0,40}\b(?:must|should|will))",
    re.IGNORECASE | re.MULTILINE,
)
_DONT_KNOW = re.compile(
    r"\b(?:i\s*(?:do not|don'?t|dont|dunno)\s*(?:really\s+)?know|no idea|not sure|"
    r"i can'?t (?:answer|think|recall|remember)"
    r"|i have no (?:idea|clue|answer|example)|^\s*(?:pass|skip)\b|next question|i'?m blank|nothing comes to mind|"
    r"i haven'?t (?:done|had) (?:that|this|anything like))\b",
    re.IGNORECASE,
)


_DEFLECT = re.compile(
    r"\b(?:I'd rather|I would rather|rather talk about|let's talk about|let me talk about|change the subject|"
    r"(?:a )?different (?:topic|question)|off[- ]topic|not (?:really )?(?:relevant|related)|unrelated)\b",
    re.IGNORECASE,
)
_PAST = re.compile(
    r"\b(?:was|were|had|did|went|got|built|wrote|ran|led|made|took|told|gave|found|kept|[a-z]{2,}ed)\b", re.I
)


@dataclass(frozen=True)
class NonAnswer:
    """Why the answer is a non-answer, or the cleaned text to judge."""

    reason: str | None  # "empty" | "dont_know" | "off_topic" | "injection" | None (a real answer)
    text: str  # the answer with any grader instruction removed
    injection: bool


def strip_injection(answer: str) -> tuple[str, bool]:
    """The answer with sentences that instruct the grader blanked out (same length: offsets stay valid)."""
    out, found = answer, False
    if not _INJECTION.search(answer):  # one pass over the whole answer in the usual case
        return answer, False
    for piece in re.finditer(r"[^.!?\n]+[.!?]*", answer):
        if _INJECTION.search(piece.group(0)):
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

    def roots(text: str) -> set[str]:
        parts = (p for w in words(text) for p in w.split("-"))
        return {stem(p)[:4] for p in parts if len(p) > 2 and p not in STOPWORDS}

    return len(roots(question) & roots(answer))


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
    if injected and len(ws) < 12:
        return NonAnswer("injection", cleaned, injected)
    overlap = _overlap(question, cleaned) if content_stems(question) else 1
    english = _english(cleaned)
    if overlap == 0 and (not _story_like(cleaned) or _DEFLECT.search(cleaned)):
        return NonAnswer("off_topic", cleaned, injected)  # nothing shared with the question, or says it moves on
    if question_type == "behavioral" and english and overlap <= 1 and not _PAST.search(cleaned):
        return NonAnswer("off_topic", cleaned, injected)  # "tell me about a time" answered with opinions only
    return NonAnswer(None, cleaned, injected)
