"""The "below the role" note names the reason that decided it: an answer told as the one being managed (one-on-ones
with one's own manager, asking one's manager which ticket matters) or from one engineer's own tickets is not called
"your own hands-on engineering work"; hands-on code work still is. Every cue kind a bundled role pack uses has its
phrase in the critic's phrase table."""

from __future__ import annotations

import pytest
import yaml

from agent.critic import critique_answer
from knowledge.roles import available_roles, shared_role
from prompts import load_yaml

HANDS_ON = "your own hands-on engineering work"


def _note(question: str, qtype: str, answer: str, role: str) -> str:
    crit = critique_answer(question, qtype, answer, role=role)
    assert crit.level == "below", crit.level
    return crit.level_note


MANAGED_SIDE = [
    pytest.param(
        "What do your one-on-ones look like, and how have they changed over time?", "leadership",
        "Every other Thursday I have a one-on-one with my manager. I bring the tickets I closed that fortnight and "
        "she tells me which of the open ones to pick up next.",
        "engineering-manager", id="one-on-ones-with-ones-own-manager",
    ),
    pytest.param(
        "Tell me about a time you had to choose between competing priorities.", "behavioral",
        "We had three tickets and room for two that week, so I asked my manager which one mattered most. "
        "I told the others at the daily stand-up and we dropped the reporting fix.",
        "director", id="asking-ones-manager-which-ticket-mattered",
    ),
]  # fmt: skip


@pytest.mark.parametrize(("question", "qtype", "answer", "role"), MANAGED_SIDE)
def test_the_managed_side_is_named_not_hands_on_work(question: str, qtype: str, answer: str, role: str) -> None:
    note = _note(question, qtype, answer, role)
    assert HANDS_ON not in note and "being managed" in note


def test_hands_on_code_work_keeps_the_hands_on_reason() -> None:
    answer = (
        "The import job kept timing out, so I profiled it and patched the batching myself. "
        "I then wrote a retry decorator around the client and the stack trace went away."
    )
    note = _note("Tell me about a production incident on your team's services. What did you do as the manager?",
                 "behavioral", answer, "engineering-manager")  # fmt: skip
    assert HANDS_ON in note


def test_every_cue_kind_of_a_bundled_pack_has_its_phrase() -> None:
    phrases = load_yaml("critic_phrases.yaml")["level_below"]
    kinds = {c.kind for r in available_roles() if (lv := shared_role(r).level) for c in lv.below if c.kind}
    assert kinds and kinds <= set(phrases), kinds - set(phrases)
    assert all(isinstance(v, str) and v.strip() for v in yaml.safe_load(yaml.safe_dump(phrases)).values())
