"""Ownership: is it clear what the candidate personally did?

clear: the key actions are stated in first person singular ("I rewrote ..."), or the candidate states their own
plan or view ("I would shard by tenant", "I want ..."); "we" for team outcomes is fine.
mixed: some first-person actions, but more of the decisive actions are "we"/"the team" (unless the candidate's own
steps number OWN_STEPS or more: their part is then told, whatever the team did besides).
unclear: only "we", "the team", passive voice, or no actions at all.
"""

from __future__ import annotations

import re

from agent.critic.schema import Ownership
from agent.critic.text import (
    Sentence,
    action_counts,
    has_first_person,
    i_action,
    i_statement,
    past_action,
    we_action,
)

# First-person claims that do not say what was done.
_VAGUE_CLAIM = re.compile(
    r"\bI\s+(?:was\s+(?:responsible|involved|part|in charge)|worked on|helped|contributed|supported|participated)\b"
)
_SUBJECTLESS = re.compile(r"\s*(?:Then|First|Next|So|Also)?,?\s*[A-Z][a-z]+ed\b")
# Steps that hand the work to others or only oversee it ("I had my team handle the details", "I set the direction,
# aligned the executives and made sure the managers communicated the limits"): whose the doing was stays open.
_OVERSEES = re.compile(
    r"\bI\s+(?:\w+ly\s+)?(?:set (?:the )?(?:direction|vision|tone|strategy)|aligned|made sure|ensured|oversaw|"
    r"empowered|delegated|(?:had|let) (?:my|the|our|them|him|her)\b(?! own)|(?:asked|got|told) (?:my|the|our) \w+ to)\b"
)
_I_STEP = re.compile(r"\bI\s+(?:\w+ly\s+)?(?!(?:am|was|have|think|believe|feel|guess)\b)[a-z]+")  # a step, not a state
# Further steps joined to an "I <verb>" step in one sentence ("I split the work, ran a weekly review and handled the
# vendor myself"): each is a step of the candidate's own, however many clauses the sentence runs to.
_JOINED_STEP = re.compile(r"(?:,\s*(?:and\s+)?|\band\s+)(?:then\s+|also\s+)?([a-z]+)\b")
OWN_STEPS = 3  # steps of the candidate's own that make their part clear, however many the team's "we" steps are
_OPINION = re.compile(r"\bI(?:'m| am| think| believe| want| care| like| love| enjoy| see| feel| prefer|'ve| have)\b")


def _oversight(text: str) -> bool:
    """Every "I <verb>" of the sentence hands the work to others or oversees it."""
    steps = _I_STEP.findall(text)
    return bool(steps) and len(_OVERSEES.findall(text)) >= len(steps)


def _first(sents: list[Sentence]) -> Sentence | None:
    return next((s for s in sents if has_first_person(s.text) or _OPINION.search(s.text)), None)


def ownership(
    sents: list[Sentence], action_indexes: list[int], question_type: str
) -> tuple[Ownership, Sentence | None]:
    """The ownership level and the sentence that shows it (an "I" sentence if any, else a "we" one)."""
    if question_type in ("system_design", "technical", "motivation"):
        return _hypothetical(sents)
    # Present-tense steps count too: "I review the dashboards each Monday" is the candidate's own action.
    mine = [s for s in sents if i_action(s.text, False, True) and not _VAGUE_CLAIM.search(s.text)]
    if mine and all(_oversight(s.text) for s in mine):
        # Every step of theirs hands the work on or oversees it: the candidate's own part is not said.
        return "mixed", mine[0]
    ours = [s for s in sents if we_action(s.text, False) and not i_action(s.text, False, True)]
    # Decisive actions: the sentences the STAR pass found to be concrete actions.
    counts = [action_counts(sents[i].text, False, True) for i in action_indexes]
    act_mine = sum(c[0] for c in counts) + sum(1 for i in action_indexes if _SUBJECTLESS.match(sents[i].text))
    act_mine += sum(_joined_steps(sents[i].text) for i, c in zip(action_indexes, counts, strict=True) if c[0])
    act_ours = sum(c[1] for c in counts)
    if not mine:
        # "I was responsible for X" with nothing done described leaves the candidate's part open.
        if any(_VAGUE_CLAIM.search(s.text) for s in sents):
            return "mixed", next(s for s in sents if _VAGUE_CLAIM.search(s.text))
        if act_mine:  # terse, subject-less actions: "Told the PM the date was unrealistic."
            return ("mixed" if act_ours else "clear"), sents[action_indexes[0]]
        # A stated view in first person with no collective actions is the candidate's own (a stance answer).
        views = [s for s in sents if i_statement(s.text)]
        if views and not ours:
            return "clear", views[0]
        if views:
            return "mixed", views[0]
        return "unclear", (ours[0] if ours else None)
    if act_mine < OWN_STEPS and (act_ours > act_mine or (not act_mine and len(ours) > len(mine))):
        return "mixed", mine[0]
    return "clear", mine[0]


def _joined_steps(text: str) -> int:
    """Past-tense steps joined by a comma or "and" to the sentence's first "I <verb>", with no other subject named
    between (a "we" or "the team" clause after it starts someone else's steps)."""
    first = re.search(r"\bI\s+(?:\w+ly\s+)?[a-z]+", text)
    if first is None:
        return 0
    rest = re.split(r"\b(?:we|they|he|she|the team|my team|our team)\b", text[first.end() :])[0]
    return sum(1 for m in _JOINED_STEP.finditer(rest) if past_action(m.group(1)))


def _hypothetical(sents: list[Sentence]) -> tuple[Ownership, Sentence | None]:
    """Design, technical and motivation answers: a plan or view is the candidate's own unless the lived
    example in it is told only as "we" ("we fine-tuned a 7B model")."""
    mine = sum(action_counts(s.text, False)[0] for s in sents)
    ours = sum(action_counts(s.text, False)[1] for s in sents)
    first = next((s for s in sents if i_action(s.text)), None) or _first(sents)
    if ours > mine:
        return "mixed", first or next(s for s in sents if we_action(s.text))
    return "clear", first
