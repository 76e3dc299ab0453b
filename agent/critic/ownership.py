"""Ownership: is it clear what the candidate personally did?

clear: the key actions are stated in first person singular ("I rewrote ..."), or the candidate states their own
plan or view ("I would shard by tenant", "I want ..."); "we" for team outcomes is fine.
mixed: some first-person actions, but more of the decisive actions are "we"/"the team".
unclear: only "we", "the team", passive voice, or no actions at all.
"""

from __future__ import annotations

import re

from agent.critic.schema import Ownership
from agent.critic.text import Sentence, action_counts, has_first_person, i_action, i_statement, we_action

_OPINION = re.compile(r"\bI(?:'m| am| think| believe| want| care| like| love| enjoy| see| feel| prefer|'ve| have)\b")


def ownership(
    sents: list[Sentence], action_indexes: list[int], question_type: str
) -> tuple[Ownership, Sentence | None]:
    """The ownership level and the sentence that shows it (an "I" sentence if any, else a "we" one)."""
    lived = question_type in ("behavioral", "leadership")
    mine = [s for s in sents if i_action(s.text, not lived)]
    ours = [s for s in sents if we_action(s.text, not lived) and not i_action(s.text, not lived)]
    # Decisive actions: the sentences the STAR pass found to be concrete actions.
    acts = [sents[i] for i in action_indexes]
    counts = [action_counts(s.text, not lived) for s in acts]
    act_mine, act_ours = sum(c[0] for c in counts), sum(c[1] for c in counts)
    if not lived and (mine or any(_OPINION.search(s.text) or has_first_person(s.text) for s in sents)):
        first = mine[0] if mine else next(s for s in sents if has_first_person(s.text) or _OPINION.search(s.text))
        return "clear", first
    if not mine:
        # A stated view in first person with no collective actions is the candidate's own (a stance answer).
        views = [s for s in sents if i_statement(s.text)]
        if views and not ours:
            return "clear", views[0]
        if views:
            return "mixed", views[0]
        return "unclear", (ours[0] if ours else None)
    if act_ours > act_mine or (not act_mine and len(ours) > len(mine)):
        return "mixed", mine[0]
    return "clear", mine[0]
