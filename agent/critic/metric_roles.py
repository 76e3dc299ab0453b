"""Outcome or context: does a number in the answer describe what changed, or only set the scene?

"We had 40 engineers" is context; "cut p95 from 800 ms to 120 ms" is an outcome. A number is an outcome when
a change is stated (from X to Y), or a change/result verb governs it in its clause, and the sentence is not a
target, estimate or the description of the problem before the work.
"""

from __future__ import annotations

import re
from typing import Literal

from agent.critic import outcome_forms as forms
from agent.critic.schema import MetricMention
from agent.critic.text import Sentence, i_action, we_action, word_set
from knowledge.metric_units import TIME_UNITS
from knowledge.metrics import extract_metrics
from knowledge.models import Metric

# Verbs and phrases that put a number in the position of an effect.
_CHANGE = re.compile(
    # "cut the scope into three releases" is a step; "cut costs by a third" is a change.
    r"\b(?:(?:cut|cutting)(?=.*\b(?:by|to|from|down|in half)\b)|"
    # Falling apart is the idiom of a failure, not a figure falling.
    r"reduc\w*|lower(?:ed|ing)|decreas\w*|dropp\w*|drop|fell(?! apart)|fall(?:s|en|ing)?(?! apart)|"
    r"shr[aiu]nk\w*|halv\w*|"
    r"grew|grow\w*|increas\w*|rais\w*|rose|boost\w*|improv\w*|doubl\w*|tripl\w*|sav(?:ed|ing|es)|recover\w*|"
    r"gain\w*|won|sped|speed\w* up|accelerat\w*|eliminat\w*|avoided|prevented|hit|reach\w*|achiev\w*|"
    r"retain\w*|resolv\w*|climb\w*|jump\w*|plummet\w*|freed|lift\w*|bump\w*|converted|result\w*|"
    r"led to|leading to|meant|went (?:from|to|up|down)|came down|down to|back (?:to|in|within|under)|"
    r"held(?: up)? at|held steady|held within|stayed at|remained at|scored|stopp\w*|restored|finished|shipped|"
    r"launched|delivered|landed|moved(?=.*\b(?:by|to|from|up|down)\b))\b"
    r"|\bby\s+(?:about\s+|around\s+|roughly\s+|nearly\s+|over\s+|~)?[-+−]?[$€£]?[\d.,]+\S*$",
    re.IGNORECASE,
)
# A verb right after the quantity makes it the subject of a change: "ten beta customers renewed".
_CHANGE_AFTER = re.compile(
    # Not across a pluperfect: "the five pull requests she had left open" is the backstory, not customers who left.
    r"\s*(?!(?:\w+\s+){0,2}?had\s)(?:\w+\s+){0,2}?(?:renewed|left|churned|stayed|dropped|fell|rose|grew|improved|increased|decreased|"
    r"disappeared|stopped|signed|returned|converted|upgraded|pass(?:ed|es|ing)?|green|reached|held|stayed|remained|"
    r"faster|slower|fewer|less|more|lower|higher|cheaper|"
    r"(?:shorter|longer|smaller|bigger|larger|quicker) than|reduction|improvement|increase|decrease|drop|gain|"
    r"savings?|saved|better|earlier|sooner|ahead|compared (?:to|with)|versus|vs|"

    r"without (?:a|an|any|one)\b)\b",  # "two months without a page"
    re.IGNORECASE,
)
# A sentence placed after the work that says "later"/"since then": its figures are where things ended up.
_AFTERWARDS = re.compile(
    r"\b(?:later|afterwards|after that|since then|by the end|in the end|as a result|the result|now|"
    # "Today 1.2% of quotes need a manual fix", opening a sentence told after the work: where things stand since
    # ("new merchants today" inside a sentence is a window, not a time point).
    r"^\W*(?:today|these days|currently)\b|"
    # "for/over the next <period>" is the window of a plan, not where things ended up.
    r"from then on|(?<!for )(?<!over )(?<!during )(?<!within )the next|the following|following (?:month|quarter|year)|"
    # A period counted from the work: "a year on", "two quarters later", "has since", "in the weeks since".
    r"\b(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|\w+ty)\s+"
    r"(?:days?|weeks?|months?|quarters?|years?) (?:on|later)\b|(?:has|have|had) since|ever since|"
    # "By October, ...", "By the spring, ...": a point in time reached after the work, told before what held then.
    r"^\W*by\s+(?:the\s+)?(?:(?:early|mid|late|end of)[\s-]+)?(?:january|february|march|april|may|june|july|august|"
    r"september|october|november|december|spring|summer|autumn|fall|winter|year[\s-]end|q[1-4]|(?:19|20)\d\d)\b|"
    # "After six months, ...": the same period counted from the work, told before what it reached.
    r"^\W*after\s+(?:about\s+|around\s+|roughly\s+)?(?:\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|eighteen|\w+ty)\s+(?:days?|weeks?|months?|quarters?|years?)\b|"
    r"since(?=\s*[.!?]*\s*$)|^\W*since (?:the|that|this|then)\b)",
    re.IGNORECASE,
)
# "shipped it in nine days": a duration told after a completion verb, after the work, is how long the work took.
_TOOK = re.compile(
    r"\b(?:got|had|shipped|delivered|finished|completed|done|live|launched|migrated|closed|fixed|resolved|"
    r"recovered|restored|back|swapp?ed|moved|rolled out|replaced|cut over|finishes|completes|"
    # a deal, a hire or a build closed in a span: "signed them in five weeks", "hired all four within a quarter"
    r"signed|won|hired|built|onboarded|merged|sold|deployed|landed|converted)\b[^,;]*?"
    # "we were back after two hours forty": the span counted to the completion, as "in" counts it
    r"\b(?:in|within|inside|after)\s+(?:just\s+|only\s+|about\s+|under\s+|less than\s+)?$",
    re.I,
)
# Timing against a date that was set: a duration followed by "early", "late" or "after/before the deadline".
_VS_DATE = re.compile(
    r"\s*(?:early|late|ahead of (?:plan|schedule|the \w+)|behind (?:plan|schedule)|"
    r"(?:after|before|past) the (?:date|deadline|plan)|(?:before|after) (?:it|they|we) (?:was|were) due)\b",
    re.I,
)
# A time point opening a sentence after the work ("At <duration>, <what held>") tells when it got there.
_AT_POINT = re.compile(r"^\W*at\s+(?:about\s+|around\s+|just\s+)?$", re.I)
# "six checks that had to pass before the audit": a target told after its figure.
_TARGET_AFTER = re.compile(
    r"\s+(?:that\s+|which\s+)?(?:(?:had|have|has|needed|needs|need|were|was) to|must|should)\b", re.I
)
_INSTEAD = re.compile(r"\s*(?:instead of|rather than)\b", re.I)  # "four days instead of the three weeks planned"
# "I got two engineers funded", "had three reviewers assigned": the count is what the candidate's step obtained (a
# causative), not the subject of a change.
_CAUSATIVE = re.compile(r"\b(?:got|get|gets|had|have|has)\s+(?:the\s+|another\s+)?$", re.I)
# A share or count that is the subject of a past-tense verb: "a tenth of users opened it", "nine renewed".
_PAST_AFTER = re.compile(
    r"(?:\s+of\s+(?:the\s+|our\s+|their\s+|those\s+)?[a-z]\w*)?\s+(?:\w+[^\We\s]ed|chose|took|came|went|got|kept|"
    r"left|stayed|made|saw|ran|gave|found|fell|rose|grew|won|lost|paid|sold|bought|wrote)\b"
    # "used it" after the work is adoption ("60% of reps used it weekly"); "used to" and "used Kafka" are the before.
    r"(?:(?<!used)|(?<=used)(?=\s+(?:it|them)\b))",
    re.IGNORECASE,
)


# A told reduction to or by a figure: "cut complaints to a fifth", "complaints fell to 5%" (each verb pinned by
# tests/test_critic_share_outcomes.py).
_CUT_TO = re.compile(
    r"\b(?:cut|brought|reduced|lowered|halved|dropped|fell)\b"
    r"[^,;]*\b(?:to|by)\s+[^,;\s]+(?:\s+[^,;\s]+)?$",
    re.IGNORECASE,
)
_MODAL = re.compile(r"\b(?:would|'d|will|'ll|should|could|might|can)\b", re.IGNORECASE)
# A past-tense change with any subject: "recall went from 38% to 61%", "attacks dropped to 0".
_PAST_SUBJECT = re.compile(r"\b(?:went|fell|rose|grew|dropped|improved|increased|decreased|took|cut|halved)\b", re.I)
# A sentence that states a target, an estimate or a hypothetical is not an outcome.
_TARGET = re.compile(
    r"\b(?:target\w*|goal|aim\w*|budget\w*|estimat\w*|assum\w*|expect\w*|plan(?:s|ning)? to|should|would|will|'ll|"
    r"could|might|need\w* to|must|requirement\w*|SLA|SLO|if|hope\w*|want\w*|projected|forecast\w*|"
    r"let's say|say we|suppose|back of the envelope|asked to|tasked|had to|supposed to|"
    r"to (?:get|reach|bring|build|grow|hit|take|make))\b",
    re.IGNORECASE,
)
# The problem before the work: pluperfect or progressive descriptions ("had grown to", "was taking 2s").
_PROBLEM = re.compile(
    r"\b(?:had\s+(?:\w+[^\We]ed|grown|risen|gone|become|been|fallen)|was\s+\w+ing|were\s+\w+ing|used to|"
    r"there were|we had|had about|had roughly|team of|serv(?:ed|es|ing)|handl(?:ed|es|ing)|with about|"
    r"problem|issue|complain\w*|struggl\w*|suffer\w*|pain|churn(?:ing)? at|backlog of)\b",
    re.IGNORECASE,
)


_DONE = re.compile(
    r"\b(?:closed|fixed|retired|migrated|onboarded|automated|deprecated|removed|promoted|hired|cleared)\s+"
    r"(?:about\s+|around\s+|nearly\s+|over\s+|all\s+)?$",
    re.I,
)
_DONE_AFTER = re.compile(
    # The count is the subject of the passive verb, not of a clause joined after it by "and"/"but"/"then".
    r"\s+(?:of\s+(?:the|our|my|his|her|their|those)\s+)?(?:(?!(?:and|but|or|then|so)\b)[a-z]+\s+){0,2}"
    r"(?:were|was|got|have been|had been)\s+"
    r"(?:\w+ed|promoted|hired|closed|fixed)\b",
    re.IGNORECASE,
)
# The duration a quiet span is counted in: "in six months", "for 200 days", "over the last year".
_SPAN_BEFORE = re.compile(
    r"\b(?:in|for|over|across|went|gone|go)\s+(?:the\s+(?:last|past|next|first)\s+)?(?:\w+\s+)?$", re.I
)
MAX_EXAMINED = 60  # figures examined for an outcome role, in answer order
_PAST_FORMS = word_set("fell rose grew won sped went came led meant shrank shrunk held freed")


def _past_change(clause: str) -> bool:
    """A change verb in the past tense ("moved conversion by 2%", "fell to 3"): told as having happened."""
    return any(
        m.group(0).split()[0].lower() in _PAST_FORMS or m.group(0).split()[0].lower().endswith("ed")
        for m in _CHANGE.finditer(clause)
        if not m.group(0).lower().startswith("by")
    )


def _clause_before(sentence: Sentence, metric: Metric, answer: str) -> str:
    """The text of the metric's clause up to and including the metric."""
    left = answer[sentence.start : metric.start]
    # "a day and a half", "an hour and a quarter": one quantity, not two clauses.
    joined = re.sub(r" and (?=an? (?:half|quarter)\b)", " plus ", left, flags=re.I)
    cut = max(left.rfind(","), left.rfind(";"), left.rfind(":"), joined.rfind(" and "), left.rfind(" while "))
    return (left[cut + 1 :] if cut >= 0 else left) + answer[metric.start : metric.end]


def classify(
    answer: str, sents: list[Sentence], first_action: int | None, hypothetical: bool = False
) -> list[MetricMention]:
    """Every quantity of the answer as a MetricMention with its role.

    In a hypothetical answer (design, technical) only a lived, past-tense figure can be an outcome.
    """
    mentions: list[MetricMention] = []
    found = extract_metrics(answer)
    for n, metric in enumerate(sorted([*found, *forms.extra_metrics(answer, found)], key=lambda m: m.start)):
        idx = next((i for i, s in enumerate(sents) if s.start <= metric.start < s.end), None)
        role: Literal["outcome", "context"] = "context"
        # Each figure's checks scan its sentence, so an answer pasted full of figures (a table, one figure
        # repeated) took minutes to grade; a told answer holds a few dozen at most: the rest stay context.
        if idx is not None and n < MAX_EXAMINED:
            sent = sents[idx]
            clause = _clause_before(sent, metric, answer)
            changed = (
                metric.baseline is not None
                or bool(_CHANGE.search(clause))
                or bool(_CHANGE_AFTER.match(answer, metric.end, sent.end))
                or bool(forms.PAIRED_AFTER.match(answer, metric.end, sent.end))  # "0.1%, down from 3%"
                or bool(forms.REMOVED.search(answer, sent.start, metric.start) and forms.OFF.match(answer, metric.end))
                or (metric.unit in TIME_UNITS and bool(_VS_DATE.match(answer, metric.end, sent.end)))
            )
            # "the share of calls we needed to escalate went from a third to a tenth": a told change outweighs
            # target words in a relative clause.
            told = metric.baseline is not None and _past_change(clause) and not _MODAL.search(clause)
            aimed = bool(_TARGET.search(clause)) or bool(_TARGET_AFTER.match(answer, metric.end, sent.end))
            target = aimed and not told
            before_work = first_action is not None and idx < first_action
            after_work = first_action is not None and idx > first_action
            settled = after_work and bool(
                _AFTERWARDS.search(sent.text)
            )  # "By the end of the quarter he was closing 90%"
            # "That cut complaints to a fifth", after the work: the change told outweighs the word for the problem.
            problem = (bool(_PROBLEM.search(clause)) and metric.baseline is None and not settled
                       and not (after_work and bool(_CUT_TO.search(clause)) and not _MODAL.search(clause)))  # fmt: skip
            # In a design or technical answer, only what the candidate (or their team) did is an outcome.
            lived = not hypothetical or (
                (
                    i_action(sent.text, False)
                    or we_action(sent.text, False)
                    or bool(_PAST_SUBJECT.search(sent.text))
                    or _past_change(clause)
                    or settled
                )
                and not _MODAL.search(clause)
            )
            # A figure reached "within two quarters" after the work started is an achievement, not a setting.
            timed = metric.timeframe is not None and re.match(r"(?:in|within|over|after)\b", metric.timeframe, re.I)
            # Reaching zero of something after the work ("retired it with zero incidents") is an outcome.
            took = metric.unit in TIME_UNITS and bool(
                _TOOK.search(answer, sent.start, metric.start) or _INSTEAD.match(answer, metric.end, sent.end)
            )
            # "all four teams moved over" restates the population already given, not a new figure.
            known = any(m.value == metric.value and m.unit == metric.unit for m in mentions)
            subject = (
                metric.unit not in TIME_UNITS
                and not known
                and bool(_PAST_AFTER.match(answer, metric.end, sent.end))
                and not _CAUSATIVE.search(answer, sent.start, metric.start)
            )
            # "not a single release slipped in six months", "incident-free for 200 days": a span without an event.
            quiet = (
                metric.unit in TIME_UNITS
                and bool(forms.NO_EVENT.search(clause))
                and bool(_SPAN_BEFORE.search(answer, sent.start, metric.start))
            )
            # "we closed 41 of the 50 tickets", "two of them were promoted": a count finished after the work.
            completed = after_work and bool(
                _DONE.search(answer, sent.start, metric.start) or _DONE_AFTER.match(answer, metric.end, sent.end)
            )
            direct = changed or took  # a completion the candidate did themselves ("I hired two") is their step
            changed = changed or completed
            changed = changed or bool(timed and after_work) or settled or (after_work and metric.value == 0)
            reached = metric.unit in TIME_UNITS and bool(_AT_POINT.match(answer[sent.start : metric.start]))
            changed = changed or (after_work and (took or subject or quiet or reached))
            # The count a step of the candidate's acts on ("I later presented it to 40 leads") or a feeling ("it
            # felt 10x better") is not a measured effect, whatever comes after the work.
            mine = bool(forms.MY_STEP.search(clause)) and not direct
            felt = bool(forms.FELT.search(clause))
            # "One of those two later joined": a person or a thing picked out of a group, not a share.
            felt = felt or bool(forms.ONE_OF.match(metric.text))
            # "Two of the three voted for it": a count of opinions, not of what the work changed.
            felt = felt or bool(forms.VOTED.match(answer, metric.end, sent.end))
            if changed and lived and not target and not problem and not mine and not felt and not (
                before_work and metric.baseline is None
            ):
                role = "outcome"
        mentions.append(MetricMention(**metric.model_dump(), role=role))
    return mentions
