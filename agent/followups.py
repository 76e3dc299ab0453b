"""Follow-up questions that chase the answer's most important gap, in the candidate's own words.

The gap comes from the critique (weak_or_missing, most important first, skipping gaps already probed
for this question). The wording comes from prompts/follow_ups.yaml, filled with a salient phrase of the
answer: a metric for an unquantified result, a "we" sentence for ownership, an outcome claim, a named
thing. Variant choice is deterministic and a follow-up is never asked twice in a session.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from agent.critic.schema import Critique
from agent.nodes.lines import stable_index
from agent.state import FollowUp
from prompts import load_yaml, render

MAX_PHRASE_WORDS = 10
_STOP_TAIL = {"and", "or", "but", "the", "a", "an", "to", "of", "with", "for", "in", "on", "by", "so", "that"}
_BOUNDARY = {"and", "with", "by", "to", "for", "in", "on", "at", "from", "about", "after", "before", "using", "via"}
_CLAUSE_BREAK = {"because", "since", "but", "which", "so", "although", "though", "while", "whereas", "after"}
_RESULT_VERB = (
    r"(?:cut|cuts|reduc\w*|improv\w*|increas\w*|decreas\w*|sav\w*|grew|grow\w*|dropp\w*|drop|boost\w*|"
    r"halv\w*|doubl\w*|lower\w*|rais\w*|sped up|speed\w* up|fix\w*|shipp\w*|launch\w*|deliver\w*|"
    r"got (?:\w+ )?(?:better|faster|cheaper|worse)|went (?:up|down))"
)
_SUBJECT = r"(?:we|i|it|this|that|they|things|everything|the\s+[\w-]+|our\s+[\w-]+|my\s+[\w-]+)"
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
    """The main clause (cut before 'because', 'but', ...), shortened at a phrase boundary, no dangling 'and'."""
    words = text.strip(" ,:-\"'").split()
    cut = next((i for i, w in enumerate(words) if i >= 3 and w.lower() in _CLAUSE_BREAK), len(words))
    words = words[:cut]
    if len(words) > MAX_PHRASE_WORDS:  # cut before a preposition or 'and', never mid-phrase if avoidable
        bounds = [i for i in range(4, MAX_PHRASE_WORDS + 1) if words[i].lower().strip(",") in _BOUNDARY]
        words = words[: bounds[-1]] if bounds else words[:MAX_PHRASE_WORDS]
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
        # An outcome stated without a baseline; a context figure ("a team of 12") is not a result.
        loose = [m for m in critique.metrics if m.role == "outcome" and m.baseline is None and m.text.strip()]
        if loose:
            return loose[0].text.strip()
    if gap == "ownership":
        match = _WE_RE.search(answer)
        return f'"{_trim(match.group(0))}"' if match else None
    if gap in {"rationale", "tradeoffs"}:  # a decision is what needs a reason or a cost
        return _clause(_DECISION_RE, answer) or named_thing(answer)
    if gap == "quantified_result":  # only an outcome claim can be asked "from what to what?"
        return _clause(_RESULT_RE, answer)
    if gap == "result":  # quote what they did, ask what came of it
        return _clause(_RESULT_RE, answer) or _clause(_CLAIM_RE, answer)
    if gap in {"scale", "failure_modes", "requirements"}:  # these ask about a named system
        return named_thing(answer)
    return _clause(_CLAIM_RE, answer) or named_thing(answer)


def _variants(gap: str, phrase: str | None, key: str) -> list[str]:
    """Rendered templates for a gap: quoting variants first, each group rotated by the key."""
    templates = load_yaml("follow_ups.yaml").get(gap) or {}
    groups = [[render(t, phrase=phrase) for t in templates.get("with_phrase", [])] if phrase else []]
    groups.append([render(t) for t in templates.get("plain", [])])
    ordered: list[str] = []
    for group in groups:
        if group:
            first = stable_index(f"{key}:{gap}", len(group))
            ordered += group[first:] + group[:first]
    return ordered


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
        phrase = salient_phrase(gap, answer, critique)
        if phrase and any(phrase in text for text in asked):
            phrase = None  # already quoted back once: a second quote of the same words sounds scripted
        for text in _variants(gap, phrase, key):
            if text not in asked:
                return {"text": text, "probes": gap}
    return None
