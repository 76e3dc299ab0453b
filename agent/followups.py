"""Follow-up questions that chase the answer's most important gap, in the candidate's own words.

The gap comes from the critique (weak_or_missing, most important first, skipping gaps already probed
for this question). The wording comes from prompts/follow_ups.yaml, filled with a salient phrase of the
answer: a metric for an unquantified result, a "we" sentence for ownership, an outcome claim, a named
thing. Variant choice is deterministic and a follow-up is never asked twice in a session.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Collection

from agent.critic.schema import Critique
from agent.state import FollowUp
from prompts import load_yaml, render

MAX_PHRASE_WORDS = 9
_STOP_TAIL = {"and", "or", "but", "the", "a", "an", "to", "of", "with", "for", "in", "on", "by", "so", "that"}
_CLAUSE_BREAK = {"because", "since", "but", "which", "so", "although", "though", "while", "whereas", "after"}
_RESULT_VERB = (
    r"(?:cut|cuts|reduc\w*|improv\w*|increas\w*|decreas\w*|sav\w*|grew|grow\w*|dropp\w*|drop|boost\w*|"
    r"halv\w*|doubl\w*|lower\w*|rais\w*|sped up|speed\w* up|fix\w*|shipp\w*|launch\w*|deliver\w*)"
)
_SUBJECT = r"(?:we|i|it|this|that|they|the\s+[\w-]+|our\s+[\w-]+|my\s+[\w-]+)"
_RESULT_RE = re.compile(rf"\b{_SUBJECT}\s+(?:[\w-]+\s+)?{_RESULT_VERB}\b[^.;!?\n]*", re.IGNORECASE)
_DECISION_RE = re.compile(
    r"\b(?:i|we)\s+(?:[\w-]+\s+)?(?:chose|decided|picked|went with|opted|switched|moved|adopted|introduced|"
    r"replaced|standardi[sz]ed|built)\b[^.;!?\n]*",
    re.IGNORECASE,
)
_WE_RE = re.compile(r"\b(?:we|the team|our team)\s+[\w'-]+[^.;!?\n]*", re.IGNORECASE)
_CLAIM_RE = re.compile(r"\b(?:i|we)\s+[\w'-]+[^.;!?\n]*", re.IGNORECASE)
# A named thing: a run of capitalised words not at a sentence start, an acronym, or a versioned name.
_NAMED_RE = re.compile(r"(?<![.!?]\s)(?<!^)\b(?:[A-Z][\w.+-]*[A-Za-z0-9](?:\s+[A-Z][\w.+-]*[A-Za-z0-9])*)")
_SWAP = {
    "i": "you",
    "we": "you",
    "me": "you",
    "us": "you",
    "my": "your",
    "our": "your",
    "mine": "yours",
    "ours": "yours",
    "myself": "yourself",
    "ourselves": "yourselves",
    "i'm": "you're",
    "we're": "you're",
    "i've": "you've",
    "we've": "you've",
    "i'd": "you'd",
    "we'd": "you'd",
    "am": "are",
}


def _trim(text: str) -> str:
    """The main clause (cut before 'because', 'but', ...), at most MAX_PHRASE_WORDS words, no dangling 'and'."""
    words = text.strip(" ,:-\"'").split()
    cut = next((i for i, w in enumerate(words) if i >= 3 and w.lower() in _CLAUSE_BREAK), len(words))
    words = words[: min(cut, MAX_PHRASE_WORDS)]
    while words and words[-1].lower().strip(",") in _STOP_TAIL:
        words.pop()
    return " ".join(words).rstrip(",")


def _second_person(text: str) -> str:
    """Turn the candidate's 'I/we' into the interviewer's 'you'."""
    out = []
    for word in text.split():
        core = word.lower().rstrip(",")
        swap = _SWAP.get(core)
        out.append(word if swap is None else swap + word[len(core) :])
    return re.sub(r"\byou was\b", "you were", " ".join(out))


def named_thing(answer: str) -> str | None:
    """The first named system, tool or product in the answer (not 'I', not a sentence opener)."""
    for match in _NAMED_RE.finditer(answer):
        name = match.group(0)
        if name not in {"I", "I'm", "I've", "I'd"} and (len(name) > 2 or name.isupper()):
            return name
    return None


def _clause(pattern: re.Pattern[str], answer: str) -> str | None:
    match = pattern.search(answer)
    return _second_person(_trim(match.group(0))) if match else None


def salient_phrase(gap: str, answer: str, critique: Critique) -> str | None:
    """A short span of the answer worth quoting back for this gap, or None (then a plain variant is used)."""
    if gap == "non_answer":
        return None
    if gap == "quantified_result":
        loose = [m for m in critique.metrics if m.baseline is None and m.text.strip()]
        if loose:
            return loose[0].text.strip()
    if gap == "ownership":
        match = _WE_RE.search(answer)
        return f'"{_trim(match.group(0))}"' if match else None
    if gap in {"rationale", "tradeoffs"}:  # a decision is what needs a reason or a cost
        return _clause(_DECISION_RE, answer) or named_thing(answer)
    if gap in {"quantified_result", "result"} and (phrase := _clause(_RESULT_RE, answer)):
        return phrase
    if gap in {"specificity", "scale", "failure_modes", "requirements"} and (name := named_thing(answer)):
        return name
    if gap in {"scale", "failure_modes", "requirements"}:
        return None
    return _clause(_CLAIM_RE, answer) or named_thing(answer)


def _variants(gap: str, phrase: str | None, key: str) -> list[str]:
    """Rendered templates for a gap: quoting variants first, each group rotated by the key."""
    templates = load_yaml("follow_ups.yaml").get(gap) or {}
    groups = [[render(t, phrase=phrase) for t in templates.get("with_phrase", [])] if phrase else []]
    groups.append([render(t) for t in templates.get("plain", [])])
    ordered: list[str] = []
    for group in groups:
        if group:
            first = _start(f"{key}:{gap}", len(group))
            ordered += group[first:] + group[:first]
    return ordered


def _start(key: str, size: int) -> int:
    return int(hashlib.sha1(key.encode()).hexdigest()[:8], 16) % size


def choose_follow_up(
    critique: Critique,
    answer: str,
    *,
    probed: Collection[str],
    asked: Collection[str],
    budget_left: int,
    key: str,
) -> FollowUp | None:
    """The next follow-up, or None when the answer is strong, the budget is spent or every gap is probed.

    probed: gaps already probed for this question; asked: follow-up texts already asked this session;
    key: a stable string (question id + seed) that makes the variant choice deterministic.
    """
    if budget_left <= 0 or critique.score == 5:
        return None
    for gap in critique.weak_or_missing:
        if gap in probed:
            continue
        for text in _variants(gap, salient_phrase(gap, answer, critique), key):
            if text not in asked:
                return {"text": text, "probes": gap}
    return None
