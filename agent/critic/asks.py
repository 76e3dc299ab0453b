"""The asks of a question with more than one ("what do you monitor, and what would make you roll it back?"), and
whether some sentence of the answer covers each.

A question splits into asks at its question marks and at ", and <wh-word>". An ask is checkable when it is of a kind
below: the kind says which words a sentence covering it uses (an ask for what was learned is covered by a lesson or
by what the candidate does differently now, an ask for how success is known by a measure). An answer that covers none
of a checkable ask after the first answers only part of the question. Each kind is data: (name, the ask, the cover,
an example ask, an example covering sentence); tests/test_critic_asks.py checks every example.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from agent.critic.schema import MetricMention
from agent.critic.star import states_result
from agent.critic.text import Sentence, i_action, we_action

_SPLIT = re.compile(r"\?\s*|\.\s+|[,;]\s+and\s+(?=(?:what|how|why|when|where|who|which|did|do|does|would)\b)", re.I)


@dataclass(frozen=True)
class AskKind:
    """One kind of ask: the question words that make it, the answer words that cover it, and an example of each."""

    name: str
    ask: re.Pattern[str]
    cover: re.Pattern[str]
    example_ask: str
    example_cover: str


def _kind(name: str, ask: str, cover: str, example_ask: str, example_cover: str) -> AskKind:
    return AskKind(name, re.compile(ask, re.I), re.compile(cover, re.I), example_ask, example_cover)


KINDS: tuple[AskKind, ...] = (
    _kind("lesson", r"\b(?:what did you learn|what (?:would|will) you do differently|how did you learn|lessons?|"
          r"take ?aways?)\b",
          r"\b(?:learn\w*|lessons?|taught|realis\w*|realiz\w*|hindsight|looking back|next time|differently|"
          r"(?:now|today|these days|since then),? I|I now|I (?:always|never|no longer) |(?:I'd|I would) (?:have|"
          r"do|start|ask|check)|take ?away|took (?:from|away)|mistake)",
          "What did you learn?", "Since then I check the logs for typos before training."),
    _kind("known", r"\bhow (?:do|would|did|will|can) you (?:measure|know|evaluate|tell|check|prove|verify|judge)\b|"
          r"\bhow (?:do|would|did) you know\b|\bmeasure what\b",
          r"\b(?:measur\w*|metrics?|eval\w*|tests?|tested|recall|precision|accuracy|benchmark\w*|a/b|compar\w*|"
          r"track\w*|labell?ed|golden|baseline|dashboards?|audit\w*|sampl\w*|per cent|percent|how often|share of)\b",
          "How would you know it was a good choice?", "I'd compare recall at 5 on a labelled query set."),
    _kind("rollback", r"\broll\w*\s+(?:\w+\s+)?back\b|\brevert\b",
          r"\b(?:roll\w*\s*back|revert\w*|thresholds?|triggers?|kill switch|switch (?:it )?off|turn (?:it )?off|"
          r"(?:drops?|falls?|goes|rises?) (?:below|above|under|over)|more than|worse than|"
          # the revert told as what goes back: "the previous version goes back", "we put the old model back"
          r"(?:previous|old|earlier|last good) (?:version|model|release|build)\b[^.;]{0,20}\bback|"
          r"put (?:\w+ ){0,4}back)\b",
          "What would make you roll it back?", "If the error rate goes above 2% for an hour, I revert."),
    _kind("shipped", r"\bwhat did you (?:ship|deliver|launch|release)\b|\bwhat (?:happened|was the (?:outcome|"
          r"result))\b|\bhow did it (?:go|end|turn out)\b",
          r"\b(?:shipped|launched|delivered|went live|released|rolled out|landed|met the|missed the|on time|late|"
          r"in the end|ended|result\w*|outcome)\b",
          "What did you ship?", "We shipped the reason codes on 28 June."),
    _kind("stuck", r"\b(?:get stuck|go(?:es)? wrong|pitfalls?|trip (?:up|over)|where do (?:teams|people|they) "
          r"(?:fail|struggle))\b",
          r"\b(?:stuck|stall\w*|block\w*|fail\w*|struggl\w*|wrong|hard(?:est)?|pitfalls?|mistakes?|traps?|break\w*|"
          r"bottlenecks?|usually|often|common(?:ly)?|slow\w*|forget|skip)\b",
          "Where do teams usually get stuck?", "Most teams stall at packaging the preprocessing."),
    _kind("change", r"\bwhat (?:did|have|would) you change\b|\bwhat changed\b",
          r"\b(?:chang\w*|now (?:we|I|every|each|all|the)|since then|from then on|no longer|"
          r"\w+ (?<!right )(?<!until )(?<!by )(?<!for )(?<!just )now \w+|"
          r"(?:I|we) (?:added|introduced|started|stopped|moved|made|require\w*|set up|dropped|replaced)|"
          r"new (?:rule|step|process|round|check))\b",
          "What did you change?", "I added a reference call to every senior loop."),
    _kind("limits", r"\bwhen (?:[\w-]+ ){0,6}(?:mislead|fail|break|go wrong|hurt|stop working)\w*|\blimitations?\b|"
          r"\bdownsides?\b",
          r"\b(?:mislead\w*|fail\w*|break\w*|wrong|limit\w*|downsides?|pitfalls?|caveats?|careful|unless|except|"
          r"fool\w*|not always|doesn't|does not|can't|cannot)\b",
          "When can cosine similarity mislead you?", "It misleads when both texts share boilerplate."),
    _kind("done", r"\bwhat (?:have|did) you (?:done|do)\b(?! differently)",
          r"^(?!)",  # covered by a sentence where the candidate acts (i_action), not by words
          "What have you done to make that true?", "I gave her the quarterly planning last spring."),
    _kind("first_steps", r"\b(?:what would you do|first (?:\w+ )?(?:days|weeks|months|steps?))\b",
          r"\b(?:first|start\w*|begin\w*|step|initially|immediately|early|day one|week one|month one|"
          r"(?:I'd|I would|I will|I'll) (?:\w+ )?(?:start|begin|meet|spend|map|hire|pick|set|build|ask))\b",
          "What would you do in the first six months?", "I'd start by meeting each product lead in week one."),
    _kind("found_out", r"\bhow did you (?:find out|realis\w*|realiz\w*|notice|spot|discover|figure out)\b",
          r"\b(?:noticed|found out|realis\w*|realiz\w*|saw|spotted|discovered|told me|flagged|alerts?|showed|"
          r"complain\w*|skip-levels?|feedback|became clear|figured)\b",
          "How did you find out?", "Two of his engineers told me in skip-levels."),
)


_CHANGE = next(k for k in KINDS if k.name == "change")


def asks(question: str) -> list[str]:
    """The asks of a question, in order (a one-ask question gives one)."""
    return [p.strip(" ,.") for p in _SPLIT.split(question) if len(p.split()) >= 2]


def kind_of(ask: str) -> AskKind | None:
    """The checkable kind of an ask, if any."""
    return next((k for k in KINDS if k.ask.search(ask)), None)


_NEXT = re.compile(r"\b(?:next|then|after that|afterwards)\b", re.I)  # "what happened next?": the sequel, not the end


def covers(kind: AskKind, sentence: Sentence, metrics: list[MetricMention], ask: str = "") -> bool:
    """Whether this sentence of the answer gives what an ask of this kind asks for."""
    if kind.name == "done":
        return i_action(sentence.text, False)
    if kind.name == "change" and (i_action(sentence.text, False) or we_action(sentence.text, False)):
        return True  # what was changed is told as the steps that changed it ("we handed the on-call to ...")
    if kind.name == "lesson" and _CHANGE.cover.search(sentence.text):
        return True  # what was learned is shown by what the candidate does differently since ("since then every ...")
    if kind.name == "shipped" and states_result(sentence, metrics):
        return True  # how it went is told by any result the STAR reading finds, whatever its words
    if kind.name in ("known", "shipped") and any(
        sentence.start <= m.start < sentence.end and (kind.name == "known" or m.role == "outcome") for m in metrics
    ):
        return True  # a measure says how it is known; an outcome figure says how it ended
    if kind.name == "shipped" and _NEXT.search(ask) and (
        i_action(sentence.text, False) or we_action(sentence.text, False)
    ):
        return True  # "what happened next?" is answered by what the candidate did next as much as by the ending
    return bool(kind.cover.search(sentence.text))


def missing_ask(question: str, sents: list[Sentence], metrics: list[MetricMention]) -> str | None:
    """The first checkable ask after the first that no sentence covers, or None."""
    parts = asks(question)
    if len(parts) < 2:
        return None
    for part in parts[1:]:
        kind = kind_of(part)
        if kind is not None and not any(covers(kind, s, metrics, part) for s in sents):
            return part
    return None
