"""Signal examples (agent/critic/examples.py): every bundled signal has one, and a sentence that says what a signal
asks for in a candidate's words, close to its example, counts as covering it."""

from __future__ import annotations

import yaml

from agent.critic import critique_answer, examples
from knowledge.roles import available_roles, load_role


def test_every_bundled_signal_has_exactly_one_example() -> None:
    for role in available_roles():
        given = yaml.safe_load((examples.EXAMPLES_DIR / f"{role}.yaml").read_text(encoding="utf-8"))
        pack = load_role(role)
        assert set(given) == {q.id for q in pack.questions}, role
        for q in pack.questions:
            assert len(given[q.id]) == len(q.signals), (role, q.id)
            assert all(isinstance(e, str) and len(e.split()) >= 4 for e in given[q.id]), (role, q.id)
            assert all(examples.example(s) for s in q.signals), (role, q.id)


def test_a_signal_in_a_candidates_own_words_is_covered() -> None:
    """"Stopped taking new asks ... pushed one project back" shares no distinctive word with "Names work they removed
    or postponed to reduce the load" and sits far from its wording; it is close to the signal's example."""
    question = "Tell me about a time your team was overloaded. What did you change?"
    answer = (
        "Last autumn my team of six was running two launches at once. "
        "I stopped taking new asks from other teams and pushed one project back a quarter."
    )
    c = critique_answer(question, "behavioral", answer, role="engineering-manager", question_id="burnout")
    assert any(s.startswith("Names work they removed or postponed") for s in c.signals.covered), c.signals


def test_a_pack_of_the_users_own_has_no_examples() -> None:
    assert examples.example("Names a thing no bundled pack asks for, such as a purple elephant") is None
