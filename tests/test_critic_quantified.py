"""A quantified result is an outcome of the candidate's action stated with a measure; a number that only sets the
scene (team size, dates, budgets, an audience, a target, a feeling) is not one.

Each case pins one form, judged by the critique a user meets (a real role pack, a story told through to its end).
Every answer is written for this file; none comes from a labelled or blind set.
"""

from __future__ import annotations

import pytest

from agent.critic import critique_answer

Q = "Tell me about a process you changed on your team and what happened."
SETUP = (
    "Two years ago I ran a platform team of nine engineers at a travel company. Releases were painful and the "
    "on-call rota was burning people out. I set up a weekly release train, I wrote the runbook myself and I paired "
    "each new on-call engineer with a senior for their first shift. "
)


@pytest.mark.parametrize(
    "ending",
    [
        "Pages per week: 14 before, 3 after.",  # a before/after pair of bare numbers
        "Not a single release has slipped in six months.",  # no event over a span
        "The rota has been incident-free for 200 days.",  # "-free" over a span
        "Since then the team has shipped every release on its date, twelve in a row.",  # a streak
        "Nobody has been paged at night in the half-year since.",  # a span in words, no event in it
        "Change failures are at 2% of releases, down from 9%.",  # "X of Y, down from Z"
        "The train took 70% of the hotfix load off the senior engineers.",  # a share taken off
        "It reduced the weekend pages fivefold.",  # a multiplier in words
        "Escalations from support fell by about half.",  # a share in words after "by"
        "Lead time went 9 days → 2 days.",  # an arrow
        "p99 deploy time is 11 minutes now, versus 40 before.",  # versus the before
        "Rollbacks dropped to one a quarter, from roughly one a week.",  # a rate, from/to
        "Two of the juniors were promoted within the year.",  # a count the sentence says changed
        "We closed 41 of the 50 open reliability tickets that half.",  # a count finished after the work
        "Night pages are now rare: two in the last quarter.",  # a count over a recent period
        "We went a full year without a Sev1.",  # a span gone without an event
        "Cycle time is 40% shorter than a year ago.",  # a comparative after the share
        "Hotfixes are under 5% of releases, versus roughly a third the year before.",  # versus a share in words
        "The wait for a release slot fell from a day and a half to about four hours.",  # "and a half" is one figure
        "We cleared 23 of the 25 before the freeze.",  # a part of a whole whose noun came earlier
        "The cutover took 20 minutes against the 3 hours we had announced.",  # against the figure promised
        "The team had no attrition in the following year.",  # a quiet span in the year after
        "After four months we had 30 runbooks in use.",  # a count reached a span after the work
        "About 80% of the engineers used it every week.",  # adoption of what was built
        "By March the rota was at about 4 pages a week.",  # a point in time reached after the work
    ],
)
def test_outcome_forms_are_quantified(ending: str) -> None:
    c = critique_answer(Q, "behavioral", SETUP + ending, role="engineering-manager")
    assert c.star.result and c.quantified_result, ending
    assert any(e.field == "quantified_result" for e in c.evidence), ending  # the flag shows its measure


@pytest.mark.parametrize(
    "ending",
    [
        "I later presented the approach to 40 engineering leads.",  # the object of the candidate's own step
        "After that I handed the rota to a new lead with 4 reports.",  # a scene detail of a step
        "It felt about 10x better to work on.",  # a feeling, not a measure
        "Our goal was to reach 95% on-time releases by the end of the year.",  # a target
        "I spent about two weeks writing the runbook.",  # effort, not effect
        "The budget was 40k for tooling.",  # a budget
        "We had 14 pages a week at the time.",  # the problem before the work
        "Then I onboarded four contractors to cover the backlog.",  # a completion that is the candidate's own step
        "The rollout itself was planned over 6 weeks.",  # a plan's length
        "One of those two engineers later joined my team.",  # "one of" names a person, not a share
        "We will have no outages in the next year.",  # a span ahead is a promise
        "About 80% of the engineers used to dread it.",  # "used to" is the before
        "By March we had to cover 4 more services with the same rota.",  # a demand, not an effect
        "After two weeks of pushing, I took the proposal to the VP with 3 options.",  # a step after a comma
        "By March I had met 6 of the 8 product managers.",  # a step after a time phrase
    ],
)
def test_scene_numbers_are_not_quantified_results(ending: str) -> None:
    c = critique_answer(Q, "behavioral", SETUP + ending, role="engineering-manager")
    assert not c.quantified_result, ending


def test_a_pause_without_a_negation_is_not_a_quiet_span() -> None:
    """ "for two days" is a quiet span only when the clause says nothing happened in it."""
    quiet = critique_answer(Q, "behavioral", SETUP + "No release has slipped for ten weeks.", role="director")
    busy = critique_answer(
        Q, "behavioral", SETUP + "Then I sat with the on-call engineers for two days.", role="director"
    )
    assert quiet.quantified_result and not busy.quantified_result


def test_a_deal_closed_in_a_span_after_the_work_is_measured() -> None:
    story = (
        "Last year our sales VP wanted a custom integration for one prospect while my teams were committed to a "
        "migration. I took both roadmaps to the CPO with the cost of each and proposed a paid pilot on our API. "
        "We signed the prospect on the API in five weeks."
    )
    c = critique_answer("Tell me about the hardest stakeholder disagreement you resolved.", "behavioral", story,
                        role="director")  # fmt: skip
    assert c.quantified_result
