"""STAR flags from sentence-level cues, each with the sentence that supports it.

A part counts only when it has content a reader could picture: "we had challenges" is not a situation,
"I worked hard" is not an action, "it went well" is not a result (see evals/labeled/README.md).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from agent.critic.schema import MetricMention
from agent.critic.text import STOPWORDS, VAGUE, Sentence, content_stems, i_action, we_action, word_set, words

# A lived setting: past tense or an anchored time/place ("last year", "at my previous company", "when I joined").
_LIVED_CONTEXT = re.compile(
    r"\b(?:was|were|had|\w+[^\We]ed|ago|last (?:year|quarter|month|spring|summer|autumn|fall|winter)|"
    r"previous|back in|in (?:19|20)\d\d|when I|at my (?:last|previous|current|old)|on (?:my|our) (?:last|previous)|"
    r"I(?:'ve| have) (?:spent|been|done|built|led|run)|my current|our current|currently|today|right now)\b",
    re.IGNORECASE,
)
_OPENS_ACTING = re.compile(
    r"(?:Then|So|First|Also)?,?\s*I\s+(?:also\s+|then\s+)?(?!was\b|had\b|joined\b|inherited\b|started\b)[a-z]+ed\b"
    r"(?![^.]*\b(?:when|at my|last|ago|our|my team|who|which)\b)|(?:Then|So|First|Also)?,?\s*I\s+(?:gave|told|sent|"
    r"took|made|set|ran|wrote|met|got|put|kept|cut|led|built)\b(?![^.]*\b(?:when|at my|last|ago|our|my team)\b)"
)
# An assumed setting of a design: numbers about users, traffic, data, or explicit assumptions.
_ASSUMED = re.compile(
    r"\b(?:assum\w*|let's say|suppose|say we have|given|users?|customers?|tenants?|traffic|requests?|qps|rps|"
    r"volume|peak|per (?:second|day|minute)|a day|a second|documents?|records?|calls)\b",
    re.IGNORECASE,
)


def _task(text: str, question_type: str) -> bool:
    extra = {"system_design": _DESIGN_TASK, "motivation": _MOTIVATION_TASK}.get(question_type)
    return bool(_TASK.search(text) or (extra is not None and extra.search(text)))


def _situation(sentence: Sentence, metrics: list[MetricMention], question_type: str) -> bool:
    """A setting the reader could picture: lived and concrete, or (for a design) assumed with figures."""
    has_figure = any(sentence.start <= m.start < sentence.end for m in metrics)
    if question_type == "system_design":
        return has_figure and bool(_ASSUMED.search(sentence.text))
    return bool(_LIVED_CONTEXT.search(sentence.text)) and _concrete(sentence, metrics)


_TASK = re.compile(
    r"\b(?:(?:my|our|the)\s+(?:\w+\s+)?(?:job|task|goal|role|responsibility|mandate|mission|brief|objective|remit|"
    r"ask|aim|priority|call)\s+(?:was|is|were)\b|I\s+was\s+(?:\w+\s+)?(?:asked|tasked|hired|brought|responsible|given|"
    r"charged|assigned|accountable|expected|the\s+\w+\s+(?:lead|owner))|(?:I|we)\s+(?:\w+\s+)?(?:needed|had|wanted|"
    r"set out|aimed|was asked|were asked|got asked|have|need|must|want)\s+to\b|I\s+own(?:ed)?\b|"
    r"took\s+(?:on|over|ownership)|it was (?:my|on me)|to decide (?:whether|how|if)|the question was|"
    r"looking for|in my next role|what I want|I want (?:a|to|the)|the problem (?:was|is|we)|"
    r"the challenge (?:was|is)|(?:I|we) committed to|I promised|signed up to)",
    re.IGNORECASE,
)
# In a design, the goal is the requirements ("must support", "the goal is").
_DESIGN_TASK = re.compile(
    r"\b(?:requi?r\w*ments?|goals?(?:\s+is|:)|the goal|must|should\s+(?:support|handle|serve|stay|keep)|needs? to)\b",
    re.I,
)
# In a motivation answer, the task is what the candidate is looking for next.
_MOTIVATION_TASK = re.compile(
    r"\b(?:looking for|I(?:'d| would) (?:like|love)|I want|opportunity|next (?:step|role|stage)|excites? me|"
    r"interested in|hoping to|grow(?:th)?|to learn|to move (?:into|from))\b",
    re.I,
)
# Concrete design/technical moves (components, mechanisms) count as action in hypothetical answers.
_MECHANISM = re.compile(
    r"\b(?:cache|caching|queue|kafka|database|db|index\w*|shard\w*|replica\w*|partition\w*|load balancer|api|"
    r"gateway|worker|batch\w*|stream\w*|embedding\w*|retriev\w*|rerank\w*|vector|model|fine-?tun\w*|prompt\w*|"
    r"eval\w*|pipeline|schema|endpoint|microservice|service|store|bucket|cdn|rate limit\w*|circuit breaker|"
    r"retry|retries|fallback|timeout|idempot\w*|consisten\w*|lock\w*|hash\w*|ttl|postgres\w*|redis|s3|"
    r"feature flag|canary|rollout|rollback|metric|alert\w*|dashboard|a/b|experiment|hire|hiring|1:1|one-on-one|"
    r"roadmap|okr|process|review|rotation|on-?call|postmortem|runbook|test\w*|benchmark\w*|profil\w*)\b",
    re.IGNORECASE,
)
_VAGUE_ACTION = re.compile(
    r"\b(?:worked hard|aligned|align\w* everyone|helped|supported|collaborated|communicated|focused on|made sure|"
    r"took care|handled it|did my best|stepped up|drove alignment|was involved)\b",
    re.IGNORECASE,
)
# Result cues. Markers and changes that happen to things ("latency dropped") count anywhere after the action;
# agentive verbs ("we shipped", "I cut") are also actions, so they count only near the end of the answer.
_RESULT_MARK = re.compile(
    r"\b(?:as a result|result(?:ed|ing)? in|the result|the outcome|in the end|ended up|eventually|afterwards|later|"
    r"since then|from then on|by the end|which meant|that meant|led to|so now|now|no longer|never again|"
    r"stopped|dropp\w*|fell|grew|rose|increased|decreased|doubled|tripled|halved|went (?:up|down|from|to)|came down|"
    r"disappeared|renewed|stayed|churned|left|recovered|passed|became|turned into|went away|improved|"
    r"better|happier|success\w*|worked|went well|landed)\b",
    re.IGNORECASE,
)
_RESULT_AGENT = re.compile(
    r"\b(?:cut|reduced|saved|shipped|launched|delivered|eliminated|hit|reached|won|retained|kept|closed|"
    r"completed|finished|rolled out|went live|signed|promoted|adopted|got|moved|retired|switched|migrated|"
    r"caught|replaced|removed)\b",
    re.IGNORECASE,
)
# Evaluative words: a result made only of these is a bare verdict ("things improved", "it went well").
_VERDICT = word_set(
    "went well success successful great good better worked fine positive happy happier improved "
    "improve things everyone overall really very result results outcome impact landed lot much "
    "people team teams smoother pleased late bit end now felt feel complex"
)
_LIVED = re.compile(r"\b(?:was|were|had|did|went|\w+[^\We]ed|fell|rose|grew|cut|hit|won|kept|caught|took|made)\b", re.I)
_FUTURE = re.compile(r"\b(?:should|would|will|'ll|'d|could|might|hope\w*|expect\w*|plan\w*|going to)\b", re.I)


@dataclass
class StarResult:
    """STAR flags and, per flag, the supporting sentence."""

    situation: Sentence | None = None
    task: Sentence | None = None
    action: Sentence | None = None
    result: Sentence | None = None
    action_index: int | None = None
    actions: list[int] = field(default_factory=list)


def _concrete(sentence: Sentence, metrics: list[MetricMention]) -> bool:
    """A sentence a reader could picture: a number, a name, or enough non-vague content words."""
    if any(sentence.start <= m.start < sentence.end for m in metrics):
        return True
    if re.search(r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z0-9]+|\b[A-Z]{2,}\b|\w+\d\w*|\b[a-z]+-[a-z]+", sentence.text[1:]):
        return True
    content = [w for w in content_stems(sentence.text) if w not in VAGUE]
    return len(content) >= 6


def _action(sentence: Sentence, hypothetical: bool) -> bool:
    """A concrete step; in a design/technical answer a named mechanism counts without an actor."""
    text = sentence.text
    mover = (
        i_action(text, hypothetical)
        or we_action(text, hypothetical)
        or bool(re.match(r"\s*(?:Then|First|Next|So|Also)?,?\s*[A-Z]?[a-z]+ed\b", text))  # "Reorganised the org"
    )
    if not mover and not (hypothetical and _MECHANISM.search(text)):
        return False
    content = [w for w in words(text) if w not in VAGUE]
    if _VAGUE_ACTION.search(text) and len(content) < 12:
        return False
    return len(content) >= 5


def _result(sentence: Sentence, metrics: list[MetricMention], near_end: bool, hypothetical: bool) -> bool:
    if any(m.role == "outcome" and sentence.start <= m.start < sentence.end for m in metrics):
        return True
    text = sentence.text
    cues = [m.group(0).lower() for m in _RESULT_MARK.finditer(text)]
    if near_end:
        cues += [m.group(0).lower() for m in _RESULT_AGENT.finditer(text)]
    if not cues or _FUTURE.search(text):
        return False
    if hypothetical and not _LIVED.search(text):
        return False  # a design "rerank the top 50" is not something that happened
    if all(c in _VERDICT for c in cues):
        return False  # a bare verdict is not a result
    rest = [w for w in words(text) if w not in cues and w not in STOPWORDS and w not in VAGUE and len(w) > 2]
    content = [w for w in rest if w not in _VERDICT]
    # "The escalations stopped" is a result; "overall it went really well and the product grew" is a verdict.
    return len(content) >= 1 and len(rest) - len(content) < len(content) + 1


def action_indexes(sents: list[Sentence], question_type: str) -> list[int]:
    """Indexes of the sentences that state a concrete action."""
    hypothetical = question_type in ("system_design", "technical")
    return [i for i, s in enumerate(sents) if _action(s, hypothetical)]


def star_flags(
    sents: list[Sentence], metrics: list[MetricMention], question_type: str, actions: list[int]
) -> StarResult:
    """Find the STAR parts; the result must come at or after the first action (or carry an outcome number)."""
    res = StarResult()
    res.actions = actions
    if res.actions:
        res.action_index = res.actions[0]
        res.action = sents[res.actions[0]]
    first_act = res.action_index if res.action_index is not None else len(sents)
    for i, s in enumerate(sents):
        early = i <= max(first_act, 1) or question_type != "behavioral"  # a story sets the scene before acting
        # A behavioral story that opens with the candidate acting ("I gave him that feedback") has not set a scene.
        opens_acting = question_type == "behavioral" and bool(_OPENS_ACTING.match(s.text))
        if res.situation is None and early and not opens_acting and _situation(s, metrics, question_type):
            res.situation = s
        if res.task is None and _task(s.text, question_type):
            res.task = s
        near_end = i == len(sents) - 1
        if (
            res.result is None
            and i >= min(first_act, len(sents) - 1)
            and i > 0
            and _result(s, metrics, near_end, question_type in ("system_design", "technical"))
        ):
            res.result = s
    hypothetical = question_type in ("system_design", "technical")
    own_act = hypothetical or any(i_action(sents[i].text, False) for i in actions)
    if (
        res.task is None
        and res.situation
        and res.action
        and own_act
        and len(sents) >= 3
        and question_type != "motivation"
    ):
        # A concrete setting the candidate then personally acts on implies the task, even when never said outright.
        res.task = res.situation
    if question_type == "motivation":
        # A motivation answer is reasons, not steps or results; a lived example is scored as "example".
        res.action = None
        res.result = None
        return res
    if res.result is None:  # an outcome number anywhere is a result ("I cut p95 by 40% by ...")
        res.result = next(
            (s for s in sents if any(m.role == "outcome" and s.start <= m.start < s.end for m in metrics)), None
        )
    return res
