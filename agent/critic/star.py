"""STAR flags from sentence-level cues, each with the sentence that supports it.

A part counts only when it has content a reader could picture: "we had challenges" is not a situation,
"I worked hard" is not an action, "it went well" is not a result (see evals/labeled/README.md).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from agent.critic import star_cues as cue
from agent.critic.schema import MetricMention
from agent.critic.text import STOPWORDS, VAGUE, Sentence, content_stems, i_action, we_action, words


def _task(text: str, question_type: str) -> bool:
    extra = {"system_design": cue.DESIGN_TASK, "motivation": cue.MOTIVATION_TASK}.get(question_type)
    return bool(cue.TASK.search(text) or (extra is not None and extra.search(text)))


def _situation(sentence: Sentence, metrics: list[MetricMention], question_type: str) -> bool:
    """A setting the reader could picture: lived and concrete, or (for a design) assumed with figures."""
    has_figure = any(sentence.start <= m.start < sentence.end for m in metrics)
    if question_type == "system_design":
        return has_figure and bool(cue.ASSUMED.search(sentence.text))
    text = sentence.text
    if question_type in ("technical", "leadership"):  # usually hypothetical or a stance: needs a real anchor
        lived = bool(cue.LIVED_ANCHOR.search(text) or (cue.CASE_PHRASE.search(text) and cue.PAST_VERB.search(text)))
    else:
        lived = bool(cue.LIVED_CONTEXT.search(text))
    return lived and concrete(sentence, metrics)


@dataclass
class StarResult:
    """STAR flags and, per flag, the supporting sentence."""

    situation: Sentence | None = None
    task: Sentence | None = None
    action: Sentence | None = None
    result: Sentence | None = None
    action_index: int | None = None
    actions: list[int] = field(default_factory=list)


# A name inside a sentence (a capitalised word not at its start, an acronym) or a token with a digit in it.
_NAME_OR_NUMBER = r"(?<![.!?]\s)(?<!^)\b[A-Z][a-zA-Z0-9]+|\b[A-Z]{2,}\b|\w+\d\w*"
_NAMED = re.compile(_NAME_OR_NUMBER)
_NAMED_OR_TERM = re.compile(_NAME_OR_NUMBER + r"|\b[a-z]+-[a-z]+")


def names_a_thing(sentence: Sentence, metrics: Sequence[MetricMention], terms: bool = False) -> bool:
    """The sentence holds a figure or names a thing (a name inside it, an acronym, a token with digits); with
    `terms`, a hyphenated term ("rate-limit") counts too."""
    if any(sentence.start <= m.start < sentence.end for m in metrics):
        return True
    return bool((_NAMED_OR_TERM if terms else _NAMED).search(sentence.text[1:]))


def concrete(sentence: Sentence, metrics: Sequence[MetricMention]) -> bool:
    """A sentence a reader could picture: a number, a name, or enough non-vague content words."""
    if names_a_thing(sentence, metrics, terms=True):
        return True
    content = [w for w in content_stems(sentence.text) if w not in VAGUE]
    return len(content) >= 6


# "I had set up our loop as four stages": a step of the candidate's told in the pluperfect, before the moment the
# story turns on, is still their step (not "I had been", "I had never").
_MY_EARLIER_STEP = re.compile(
    r"\bI(?:\s+had|['’]d)\s+(?:already\s+|just\s+|\w+ly\s+)?(?!been\b)(?:\w+[^\We]ed|set|built|made|run|written|"
    r"taken|given|chosen|begun|drawn|spent|split|cut|put|kept|held|sent|brought|found|told|led|hired|rewritten|"
    r"rebuilt|shut|won|paid)\b"
)


def _my_step(text: str) -> bool:
    """The candidate's own past step: "I rewrote ...", or told in the pluperfect ("I had set up ...")."""
    return i_action(text, False) or bool(_MY_EARLIER_STEP.search(text))


def _action(sentence: Sentence, hypothetical: bool, habitual: bool = False) -> bool:
    """A concrete step; in a design/technical answer a named mechanism counts without an actor."""
    # "I worked on the ranking team", "we contributed to the launch": a claim of a part, not a step taken.
    text = cue.ROLE_CLAIM.sub("", sentence.text)
    mover = (
        i_action(text, hypothetical, habitual)
        or bool(_MY_EARLIER_STEP.search(text))
        or we_action(text, hypothetical)
        or bool(re.match(r"\s*(?:Then|First|Next|So|Also)?,?\s*[A-Z]?[a-z]+ed\b", text))  # "Reorganised the org"
    )
    if not mover and not (hypothetical and cue.MECHANISM.search(text)):
        return False
    content = [w for w in words(text) if w not in VAGUE]
    if cue.VAGUE_ACTION.search(text) and len(content) < 12:
        return False
    return len(content) >= 5


def _told_cues(text: str, marks: list[re.Match[str]]) -> list[str]:
    """The cues that report an outcome: not in a clause the speaker hedges ("it worked, I think"), and not in an
    independent clause before the sentence's own step ("the team slipped; I asked ..." sets the scene)."""
    if _HEDGED_SENTENCE.search(text):
        return []
    parts = [p.end() for p in _PART.finditer(text)]
    bounds = list(zip([0, *parts], [*parts, len(text)], strict=True))
    acted = next((k for k, (lo, hi) in enumerate(bounds) if _acts(text[lo:hi])), None)
    kept = []
    for m in marks:
        part = sum(1 for end in parts if end <= m.start())
        lo = max([0, *(c.end() for c in _CLAUSE.finditer(text, 0, m.start()))])
        hi = next((c.start() for c in _CLAUSE.finditer(text, m.end())), len(text))
        if (acted is not None and part < acted) or cue.HEDGE.search(text, lo, hi):
            continue
        kept.append(m.group(0).lower())
    return kept


def _acts(part: str) -> bool:
    return i_action(part, False) or we_action(part, False)


_PART = re.compile(r";|\s[–—-]\s|:\s")  # independent clauses of one sentence
_CLAUSE = re.compile(r"[,;:]|\s[–—-]\s|\bbut\b")
# A hedge set off at either end governs the whole sentence: "..., I think." / "Probably, ...".
_HEDGED_SENTENCE = re.compile(rf"^\W*(?:{cue.HEDGE.pattern})\W*,|,\s*(?:{cue.HEDGE.pattern})\W*$", re.I)
# "I also kept a fifth of capacity free", "I stopped the rewrite": a cue verb with the candidate as subject is their
# step, not its effect.
_MY_STEP = re.compile(r"\bI\s+(?:(?:also|then|just|finally|\w+ly)\s+)*$")
# "..., so a schema change now breaks CI": what the step brought about, told after ", so" in the step's sentence.
_SO_NOW = re.compile(r",\s*so\s+(?!that\b)(?:[\w'-]+\s+){0,4}?(?:now|became|turned into)\b", re.I)
_VERB_CUE = re.compile(r"\w+ed|left|kept|cut|hit|won|grew|rose|fell|became|went \w+", re.I)  # not "eventually"


def _result(sentence: Sentence, metrics: list[MetricMention], near_end: bool, hypothetical: bool) -> bool:
    if any(m.role == "outcome" and sentence.start <= m.start < sentence.end for m in metrics):
        return True
    text = sentence.text
    marks = list(cue.RESULT_MARK.finditer(text))
    if near_end:
        marks += list(cue.RESULT_AGENT.finditer(text))
    mine = [m for m in marks if _VERB_CUE.fullmatch(m.group(0)) and _MY_STEP.search(text, 0, m.start())]
    cues = _told_cues(text, [m for m in marks if m not in mine])
    if (
        cue.COMPARATIVE.search(text)
        and cue.PAST_VERB.search(text)
        and not (i_action(text, False, True) or cue.TASK.search(text))
    ):
        # Something other than the candidate's own step changed by comparison ("far fewer questions landed").
        cues += [m.group(0).lower() for m in cue.COMPARATIVE.finditer(text)]
    if not cues or cue.FUTURE.search(text):
        return False
    if hypothetical and not (i_action(text, False) or we_action(text, False)):
        return False  # a design "falls back to rules" is not something that happened to the candidate
    if cue.PLUPERFECT.search(text):
        return False  # "product had stopped believing our dates" is the backstory, not the result
    if all(c in ("became", "turned into") for c in cues) and cue.REFRAMED.search(text):
        return False  # the problem restated as the thing to build is the task, not an outcome
    if all(c in cue.VERDICT for c in cues):
        return False  # a bare verdict is not a result
    if all(c in cue.ARRANGEMENT for c in cues) and i_action(text, False, True) and not _SO_NOW.search(text):
        return False  # "I reorganised the sync and the meeting became 45 minutes": the action, not its effect
    said = re.split(r"\bthan\b", text)[0]  # "better than when I joined": the words after "than" are the before
    rest = [w for w in words(said) if w not in cues and w not in STOPWORDS and w not in VAGUE and len(w) > 2]
    content = [w for w in rest if w not in cue.VERDICT]
    # "The escalations stopped" is a result; "overall it went really well and the product grew" is a verdict.
    return len(content) >= 1 and len(rest) - len(content) < len(content) + 1


def states_result(sentence: Sentence, metrics: list[MetricMention]) -> bool:
    """A sentence that tells what changed, read on its own (a reply to "what changed afterwards?" has no action
    before it for the result to follow)."""
    return _result(sentence, metrics, True, False)


def _told_after(sents: list[Sentence], metrics: list[MetricMention], actions: list[int], found: Sentence,
                hypothetical: bool) -> Sentence | None:  # fmt: skip
    """A later sentence that tells what changed, when the result found is one of the candidate's own steps with no
    outcome figure in it ("I split the work and cut the faceting to a later release", then "We shipped the core in
    week fourteen"): a step's wording brushes against a result cue, and a later sentence that is not another step of
    the candidate's own says the result."""
    at = next((i for i, s in enumerate(sents) if s.start == found.start), None)
    if at is None or at not in actions or any(m.role == "outcome" and found.start <= m.start < found.end
                                              for m in metrics):  # fmt: skip
        return None
    return next((s for i, s in enumerate(sents) if i > at and not i_action(s.text, False)
                 and _result(s, metrics, i == len(sents) - 1, hypothetical)), None)  # fmt: skip


def action_indexes(sents: list[Sentence], question_type: str) -> list[int]:
    """Indexes of the sentences that state a concrete action."""
    hypothetical = question_type in ("system_design", "technical")
    found = [i for i, s in enumerate(sents) if _action(s, hypothetical)]
    # An answer told in the present ("I check the logs and I find ...") has its steps in the present tense; in a
    # past-tense story a present "I start from ..." is a method statement, not where the story's action begins.
    return found or [i for i, s in enumerate(sents) if _action(s, hypothetical, habitual=True)]


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
        early = i <= first_act or question_type != "behavioral"  # a story sets the scene before acting
        # A behavioral story that opens with the candidate acting ("I gave him that feedback") has not set a scene.
        opens_acting = (
            question_type == "behavioral" and bool(cue.OPENS_ACTING.match(s.text)) and not cue.SCALE_NOUN.search(s.text)
        )
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
    if res.result is not None and (later := _told_after(sents, metrics, res.actions, res.result, hypothetical)):
        res.result = later
    own_act = hypothetical or any(_my_step(sents[i].text) for i in actions)
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
