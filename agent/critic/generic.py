"""General statements: a sentence that names nothing particular and speaks in generalities.

"There are always trade-offs, it depends on the business", "we got better at reviews and communicated more", "every
team has its own signs": each sounds like an answer and gives nothing an interviewer could check. A sentence is
particular when it holds a figure, a name (a capitalised word inside it, an acronym, a token with digits) or a
compound term; it is general when it is not particular and carries a mark of generality: vague words, a hedge, a
claim about every case ("always", "any system", "every team"), the generic "you" ("you learn to"), or a change
claimed without a measure ("got better", "communicated more"). A reply whose sentences are all general closes no
gap (follow_up.py) and shows no signal (features.py).
"""

from __future__ import annotations

import re

from agent.critic.schema import MetricMention
from agent.critic.specificity import _COMPOUND, _HEDGE, _NAME, _VAGUE_PHRASE
from agent.critic.text import VAGUE, Sentence, words

# Cue lists (pattern, an example it must match; tests/test_critic_generic.py checks every example).
GENERAL_CUES: tuple[tuple[str, str], ...] = (
    # A claim about every case, or the asked thing said to vary with circumstances.
    (r"(?:always|in any|any) (?:\w+ )?(?:system|team|company|org|organi[sz]ation|case|situation|project)s?\b",
     "In any company that is a judgement call."),
    # "Every team has its own ...": every case, in the present; "I asked every team lead to ..." is a step.
    (r"every (?:\w+ )?(?:system|team|company|org|organi[sz]ation|case|situation|project|manager|person) "
     r"(?:has|is|needs|works|does|handles|wants|will)\b", "Every company handles that differently."),
    (r"it (?:\w+ )?depends", "It really depends on the people."),
    (r"(?:worked|works|suited|suits|right) for (?:everyone|everybody|all of us)",
     "We found a plan that worked for everyone."),
    (r"(?:there are|there's|there is) always", "There are always risks with a launch."),
    (r"(?:depends|depending) on the (?:situation|context|business|people|team|case|circumstances)",
     "We adjusted depending on the context."),
    # The generic "you": what anyone learns or does, not what the candidate did.
    (r"(?:as an? \w+,? )?you (?:learn|have) to", "As a lead you learn to trust your gut."),
    # A change claimed without its measure.
    (r"(?:got|became|were|was|felt|are|is) (?:much |a lot |far |way )?(?:better|worse|stronger|smoother|happier)"
     r"(?! than)(?! by)", "Afterwards the process got much better."),
    (r"(?:communicated|talked|aligned|collaborated|shared) (?:a lot )?more\b", "We collaborated more after that."),
    (r"(?:in a|to a) (?:much |far )?(?:better|good|great|healthier) (?:place|state|spot)",
     "By the summer we were in a good place."),
    # A duty put on everyone, a rank of importance, an effort or a popularity claim: a stance, not a practice.
    (r"should (?:always )?be (?:owned|shared|done|handled) by (?:the whole|everyone|everybody|all)\b",
     "Testing should be owned by the whole group, not a single person."),
    (r"(?:is|are|become|became) (?:honestly |really |probably |by far )?the (?:single )?most important "
     r"(?:thing|meeting|part|skill)",
     "Trust is honestly the most important part of the job."),
    (r"I (?:always )?try to (?:listen|be|stay|remain|keep an open)\b", "I always try to stay approachable."),
    (r"(?:it's|it is) what (?:everyone|everybody) (?:uses|does)|the standard way to\b",
     "Postgres is the standard way to store this, it's what everybody uses."),
    # Filler that opens a reply without saying anything.
    (r"(?:that's|that is) a (?:good|great|fair|tough) question", "That's a great question, thanks."),
)
# Hyphenated words of everyday talk, which name no particular thing (a compound term otherwise does).
EVERYDAY_COMPOUNDS = frozenset((
    "trade-off", "trade-offs", "follow-up", "follow-ups", "day-to-day", "long-term", "short-term", "high-level",
    "low-level", "top-down", "bottom-up", "real-world", "well-being", "one-on-one", "one-on-ones", "so-called",
    "case-by-case",
))  # fmt: skip
GENERAL = re.compile(r"\b(?:" + "|".join(p for p, _ in GENERAL_CUES) + r")", re.IGNORECASE)


def particular(sentence: Sentence, metrics: list[MetricMention]) -> bool:
    """The sentence holds a figure, a name or a compound term: something an interviewer could check."""
    if any(sentence.start <= m.start < sentence.end for m in metrics):
        return True
    if _NAME.search(sentence.text):
        return True
    return any(m.group(0).lower() not in EVERYDAY_COMPOUNDS for m in _COMPOUND.finditer(sentence.text))


def general(sentence: Sentence, metrics: list[MetricMention]) -> bool:
    """Not particular, and marked as a generality (module docstring)."""
    if particular(sentence, metrics):
        return False
    text = sentence.text
    return bool(GENERAL.search(text) or _VAGUE_PHRASE.search(text) or _HEDGE.search(text)
                or any(w in VAGUE for w in words(text)))  # fmt: skip


def sweeping(sentence: Sentence, metrics: list[MetricMention]) -> bool:
    """Not particular, and a claim about every case, the generic "you", a change without its measure or filler
    (GENERAL_CUES; vague words and hedges alone leave a sentence that still says something)."""
    return not particular(sentence, metrics) and bool(GENERAL.search(sentence.text))


def says_nothing(sents: list[Sentence], metrics: list[MetricMention]) -> bool:
    """Every sentence is general: a reply of generalities ("it did not work out" before one is a plain statement)."""
    return bool(sents) and all(general(s, metrics) for s in sents)
