"""Follow-up questions that chase the answer's most important gap, in the candidate's own words.

The gap comes from the critique (weak_or_missing, most important first, skipping gaps already probed
for this question). The wording comes from prompts/follow_ups.yaml, filled with a salient phrase of the
answer: a metric for an unquantified result, a "we" sentence for ownership, an outcome claim, a named
thing. Variant choice is deterministic and a follow-up is never asked twice in a session.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from agent.critic import cues
from agent.critic.core import WE_WORDS
from agent.critic.gaps import lived_case
from agent.critic.schema import Critique
from agent.critic.text import sentences
from agent.names import names
from agent.nodes.lines import stable_index
from agent.signal_ask import ask_for
from agent.state import FollowUp
from prompts import load_yaml, render

MAX_PHRASE_WORDS = 10
# A quoted phrase never ends on a word that needs what follows it ("... timing out during").
_STOP_TAIL = {"and", "or", "but", "the", "a", "an", "to", "of", "with", "for", "in", "on", "by", "so", "that",
              "during", "at", "from", "about", "after", "before", "using", "via", "into", "over", "under",
              "across", "through", "between", "than", "as", "our", "my", "their", "its", "this", "these", "those"}
_BOUNDARY = {"and", "with", "by", "to", "for", "in", "on", "at", "from", "about", "after", "before", "using", "via",
             "during", "through", "across", "over"}
_CLAUSE_BREAK = {"because", "since", "but", "which", "so", "although", "though", "while", "whereas", "after"}
_RESULT_VERB = (
    r"(?:cut|reduced|improved|increased|decreased|saved|grew|dropped|fell|boosted|halved|doubled|tripled|"
    r"lowered|raised|sped up|fixed|shipped|launched|delivered|went (?:up|down)|"
    r"got (?:\w+ )?(?:better|faster|cheaper|worse))"
)
_REST = r"(?:[^.;!?\n]|\.(?=\d))*"  # to the end of the sentence; "0.5%" does not end it
# Subject words a result clause may open with besides "we", "I" and "the/our/my X" (one that opened the candidate's
# sentence starts in lower case when the clause is quoted back mid-question: _second_person).
_PLAIN_SUBJECTS = ("it", "this", "that", "they", "things", "everything")
_SUBJECT = rf"(?:we|i|{'|'.join(_PLAIN_SUBJECTS)}|the\s+[\w-]+|our\s+[\w-]+|my\s+[\w-]+)"
_RESULT_RE = re.compile(rf"\b{_SUBJECT}\s+(?:[\w-]+\s+)?{_RESULT_VERB}\b{_REST}", re.IGNORECASE)
_DECISION_RE = re.compile(
    r"\b(?:i|we)\s+(?:[\w-]+\s+)?(?:chose|decided|picked|went with|opted|switched|moved|adopted|introduced|"
    r"replaced|standardi[sz]ed|built)\b" + _REST,
    re.IGNORECASE,
)
_WE_RE = re.compile(r"\b(?:we|the team|our team)\s+[\w'-]+" + _REST, re.IGNORECASE)
_CLAIM_RE = re.compile(r"\b(?:i|we)\s+[\w'-]+" + _REST, re.IGNORECASE)
_OPENERS = {"the", *_PLAIN_SUBJECTS}
# A habit or a belief ("I always look for curious people", "we usually pair on it") is not a case: asking what the
# situation was "before that", or what the steps were, makes no sense of it. Only a gap asking for a case (example)
# may quote one back.
_HABIT = re.compile(
    r"\b(?:always|usually|generally|typically|normally|often|tend to|whenever|every time|as a rule|in general)\b"
    r"|\b(?:i|we)\s+(?:really\s+)?(?:believe|think|feel|like|love|prefer|look for|value|try to|want)\b",
    re.IGNORECASE,
)
# An answer that already says what it would change or learned: "looking back, what would you do differently?" asks
# again for what it said.
_HINDSIGHT = re.compile(
    r"\b(?:in hindsight|looking back|next time|(?:i|we)(?:'d| would) (?:now |also )?(?:do|have done) [^.;!?]{0,40}"
    r"differently|(?:i|we)(?:'d| would) (?:have )?(?:start|started|push|pushed|ask|asked|move|moved)\w* [^.;!?]{0,30}"
    r"(?:earlier|sooner)|(?:the|my|one) lesson|(?:i|we) learned)\b",
    re.IGNORECASE,
)
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
    head = re.split(r"\s*[:;—–]\s+|\s+-\s+", text.strip(" ,:-\"'"), maxsplit=1)[0]
    if len(head.split()) >= 4:  # "X broke: we had Y" -> quote the first clause whole rather than half of both
        text = head
    words = text.strip(" ,:-\"'").split()
    cut = next((i for i, w in enumerate(words) if i >= 3 and w.lower() in _CLAUSE_BREAK), len(words))
    comma = next((i + 1 for i, w in enumerate(words) if w.endswith(",")), len(words))
    words = words[: min(cut, comma)]
    if len(words) > MAX_PHRASE_WORDS:  # cut before a preposition or 'and', never mid-phrase if avoidable
        bounds = [i for i in range(4, len(words)) if words[i].lower() in _BOUNDARY]
        inside = [i for i in bounds if i <= MAX_PHRASE_WORDS]
        after = [i for i in bounds if i <= MAX_PHRASE_WORDS + 3]  # a little longer beats cutting mid-phrase
        words = words[: (inside or after or [MAX_PHRASE_WORDS])[-1 if inside else 0]]
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
    if out and out[0].lower() in _OPENERS:  # "The bill went down" opened a sentence; quoted back it sits mid-question
        out[0] = out[0].lower()
    return re.sub(r"\byou was\b", "you were", " ".join(out))


def named_thing(answer: str) -> str | None:
    """The first named system, tool or product in the answer (not 'I', not a sentence opener)."""
    return next(names(answer), None)


def _clause(pattern: re.Pattern[str], answer: str, quote: bool = False, habits: bool = False) -> str | None:
    """The first clause matching pattern that says something (3+ words): quoted, or in the second person. A habit or
    a belief is skipped unless `habits` (a gap asking for a case may quote one)."""
    for match in pattern.finditer(answer):
        phrase = _trim(match.group(0))
        if not habits and _HABIT.search(phrase):
            continue
        if len(phrase.split()) >= 3:
            return f'"{phrase}"' if quote else _second_person(phrase)
    return None


def _already_quoted(phrase: str, asked: Collection[str]) -> bool:
    """Whether an earlier follow-up quoted these words (as "we ..." or as "you ...")."""
    core = re.sub(r"^(?:you|we|i|it|they)\s+", "", phrase.strip('"').lower())
    return any(core in text.lower() for text in asked)


def salient_phrase(gap: str, answer: str, critique: Critique) -> str | None:
    """A short span of the answer worth quoting back for this gap, or None (then a plain variant is used)."""
    if gap in ("non_answer", "relevance", "level"):
        return None
    if gap == "signal":  # asked through agent.signal_ask, never quoted
        return None
    answer = " ".join(answer.split())  # answers wrap lines; a clause must not stop at a line break
    if gap == "quantified_result":
        # An outcome stated without a baseline; a context figure ("a team of 12") is not a result.
        loose = [m for m in critique.metrics if m.role == "outcome" and m.baseline is None and m.text.strip()]
        if loose:
            return loose[0].text.strip()
    if gap == "ownership":
        return _clause(_WE_RE, answer, quote=True)  # their own "we", quoted back
    if gap in {"rationale", "tradeoffs"}:  # a decision is what needs a reason or a cost
        return _clause(_DECISION_RE, answer) or named_thing(answer)
    if gap == "quantified_result":  # only an outcome claim can be asked "from what to what?"
        return _clause(_RESULT_RE, answer)
    if gap == "result":  # quote what they did, ask what came of it
        return _clause(_RESULT_RE, answer) or _clause(_CLAIM_RE, answer)
    if gap in {"scale", "failure_modes", "requirements"}:  # these ask about a named system
        return named_thing(answer)
    if gap == "none":  # a depth probe quotes a decision told, for what it cost (only asked when none was weighed)
        return _clause(_DECISION_RE, answer)
    if gap == "example":  # "you said you always X: a specific time you did?" is the case it asks for
        return _clause(_CLAIM_RE, answer, habits=True) or named_thing(answer)
    return _clause(_CLAIM_RE, answer) or named_thing(answer)


def _variants(gap: str, phrase: str | None, key: str, shape: str | None = None) -> list[str]:
    """Rendered templates for a gap: quoting variants first, each group rotated by the key."""
    templates = load_yaml("follow_ups.yaml").get(gap) or {}
    if shape is not None and shape in templates:  # a gap worded per question shape (level: org or depth)
        templates = templates[shape]
    groups = [[render(t, phrase=phrase) for t in templates.get("with_phrase", [])] if phrase else []]
    groups.append([render(t) for t in templates.get("plain", [])])
    ordered: list[str] = []
    for group in groups:
        if group:
            first = stable_index(f"{key}:{gap}", len(group))
            ordered += group[first:] + group[:first]
    return ordered


def _level_group(critique: Critique) -> str:
    """Which scope a level follow-up chases: "depth" when the answer fell short of an engineer's technical depth
    (management words to a hands-on question, or a story only coordinated), "org" when it fell short of a manager's
    scope (their own hands-on work). The critic's level note names the role's scope (knowledge/roles `level.scope`);
    without one the question type decides."""
    if critique.level_note:
        return "depth" if "technical depth" in critique.level_note else "org"
    return "depth" if critique.question_type in ("technical", "system_design") else "org"


def _contradiction(critique: Critique) -> str | None:
    """The contradiction note that is the critique's gap (core.critique_answer puts it there), or None."""
    gap = critique.gap.strip()
    note = next((n for n in critique.story_notes if n.kind == "contradiction" and n.message.strip() == gap), None)
    return note.message.strip() if note is not None else None


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
    if budget_left <= 0:
        return None
    if critique.score == 5 or not critique.weak_or_missing:
        # A real interviewer still probes a strong answer once: the hardest decision, what they would change.
        if probed:
            return None
        return _depth(critique, answer, asked, key)
    if critique.weak_or_missing[0] == "relevance" and critique.relevance_note:
        # Bring the candidate back to the question asked, in the critic's own words.
        text = f"{critique.relevance_note} {load_yaml('follow_ups.yaml')['relevance']['plain'][0]}"
        if "relevance" not in probed and text not in asked:
            return {"text": text, "probes": "relevance"}
    for gap in critique.weak_or_missing:
        if gap in probed:
            continue
        drift = _contradiction(critique) if gap == "quantified_result" else None
        if drift is not None:
            # A figure that disagrees with the candidate's own notes: asking for "a number" when one was just given
            # misses it; a real interviewer asks which figure is right.
            text = render(load_yaml("follow_ups.yaml")["contradiction"]["plain"][0], phrase=drift)
            if text not in asked:
                return {"text": text, "probes": gap}
        phrase = salient_phrase(gap, answer, critique)
        if phrase and _already_quoted(phrase, asked):
            phrase = None  # already quoted back once: a second quote of the same words sounds scripted
        group = _level_group(critique) if gap == "level" else None
        group = "no_we" if gap == "ownership" and not WE_WORDS.search(answer) else group
        texts = _variants(gap, phrase, key, group)
        if gap == "signal":  # each missing signal asked as a question, not quoted in the rubric's words
            texts = [ask_for(s) for s in critique.signals.missing] + texts
        for text in texts:
            if text not in asked:
                return {"text": text, "probes": gap}
    return None


def _depth(critique: Critique, answer: str, asked: Collection[str], key: str) -> FollowUp | None:
    """The one follow-up on a complete answer: it asks for what that answer leaves out, never for what it said.

    A measured outcome is not asked how it was measured (N8); an alternative or a price named is not asked what was
    given up; a lesson drawn is not asked what they would do differently. An answer that weighs no alternative has
    a decision of its own quoted back and its cost asked, so the question follows the answer, not a stock list.
    """
    templates = load_yaml("follow_ups.yaml")["none"]
    sents = sentences(answer)
    told = lived_case(sents, critique.metrics) is not None
    weighed = cues.find("tradeoffs", sents) is not None
    said: set[str] = set()
    if critique.quantified_result:
        said |= set(templates.get("measure", []))
    if weighed:
        said |= set(templates.get("tradeoff", []))
    if _HINDSIGHT.search(answer):
        said |= set(templates.get("hindsight", []))
    phrase = salient_phrase("none", " ".join(answer.split()), critique) if told and not weighed else None
    if phrase and _already_quoted(phrase, asked):
        phrase = None
    texts = _variants("none", phrase, key, None if told else "hypothetical")
    text = next((t for t in texts if t not in asked and t not in said), None)
    return {"text": text, "probes": "none"} if text is not None else None
