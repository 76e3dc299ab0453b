"""A signal is covered only by a sentence that shows it, not by one that shares its vocabulary; an answer that shares
the question's words but shows none of what it asks for is off topic.

Every answer here is written for this file (none comes from a labelled or blind set).
"""

from __future__ import annotations

import dataclasses

import numpy as np

from agent.critic import critique_answer, relevance, signals
from agent.critic.question import question_info
from agent.critic.text import sentences
from knowledge.roles import load_role

BAD_DATA = "Tell me about a time bad data reached a customer, a report or a model. What did you change so it would not happen again?"  # noqa: E501
# Shares "data", "team", "report" and "own" with the question and its signals; nothing wrong ever reached anyone.
SLOW_REPORTS = (
    "Our weekly sales report kept arriving on Tuesday afternoon instead of Monday morning, and the regional heads "
    "were planning the week on stale numbers. I own the data group, three teams, so I took it on. I traced the "
    "delay to one enormous join that re-read two years of orders every run, had the team make it incremental, and "
    "gave the regional heads a status page with the expected arrival time. Within a month the report arrived by "
    "8am on Monday in eleven weeks out of twelve, against four in twelve before."
)
CAUGHT_BAD_DATA = (
    "Last autumn a vendor started sending prices in dollars instead of euros and our pricing model quietly "
    "recommended discounts on the wrong scale to two enterprise customers for four days. I led the review across "
    "my three data teams. We put a data contract with schema and range checks on every vendor feed, so a load that "
    "breaks them is blocked before anything downstream reads it. The failing check now pages the team that owns "
    "the feed, not my platform group. Since then the time to notice a bad feed fell from about three days to under "
    "ten minutes."
)
OWNS_QUALITY = (
    "Says the team producing the data now owns its quality checks, such as alerts going to the producing team"
)
RESISTED = "Names a team or person who resisted and what they did about it, such as meeting their lead one to one"


def _hits(role: str, qid: str, answer: str) -> dict[str, signals.SignalHit]:
    pack = load_role(role)
    q = next(q for q in pack.questions if q.id == qid)
    c = critique_answer(q.text, q.type, answer, role=role, question_id=qid)
    return {ch.signal: signals.SignalHit(ch.signal, ch.covered, None) for ch in c.signals.checks}


def test_shared_vocabulary_does_not_cover_a_signal() -> None:
    # "I own the data group, three teams" shares data/team/own with the signal and shows none of it.
    hits = _hits("director", "data-quality-crisis", SLOW_REPORTS)
    assert not hits[OWNS_QUALITY].covered
    assert not any(h.covered for s, h in hits.items() if not signals.MEASURED.search(s))


def test_a_sentence_that_names_the_mechanism_covers_it() -> None:
    hits = _hits("director", "data-quality-crisis", CAUGHT_BAD_DATA)
    assert all(h.covered for h in hits.values()), [s for s, h in hits.items() if not h.covered]


def test_off_topic_when_no_signal_is_shown_and_meaning_and_words_point_elsewhere() -> None:
    rel = relevance.RelevanceResult("on_topic", 0.39, 0.41, 0, ahead=1, word_share=0.6)
    none = [signals.SignalHit("a", False, None), signals.SignalHit("b", False, None)]
    measured_only = [*none, signals.SignalHit("c", True, None, measured=True)]
    assert relevance.shows_none(rel, measured_only, "story")  # a before/after number says how well, not what about
    one = [signals.SignalHit("a", True, None), signals.SignalHit("b", False, None)]
    assert not relevance.shows_none(rel, one, "story")  # one subject signal shown: on topic
    assert not relevance.shows_none(dataclasses.replace(rel, ahead=0), none, "story")  # the asked one fits best
    assert not relevance.shows_none(dataclasses.replace(rel, word_share=0.9), none, "story")  # its words fit too
    assert not relevance.shows_none(rel, none, "motivation")  # any work story brushes against motivation


def test_the_answer_that_shows_the_signals_stays_on_topic_and_high() -> None:
    on = critique_answer(BAD_DATA, "behavioral", CAUGHT_BAD_DATA, role="director", question_id="data-quality-crisis")
    assert on.relevance == "on_topic" and on.score >= 4


def test_a_resister_must_be_named_to_cover_that_signal() -> None:
    base = (
        "None of the six teams in my area ran load tests before big launches, and two outages last year came from "
        "that. I wanted a load test in every launch checklist, though I managed none of those teams. I wrote the "
        "script kit, ran the first test with the search team as a pilot, and showed the results at the engineering "
        "all-hands. Within two quarters five of the six teams ran a load test before every launch."
    )
    assert not _hits("director", "culture-change", base)[RESISTED].covered
    named = base + (
        " The checkout team's lead resisted, worried about the time it took, so I met him one to one and we agreed "
        "his team would test only launches that touched payments."
    )
    assert _hits("director", "culture-change", named)[RESISTED].covered


def test_a_measured_signal_needs_an_outcome_number_not_a_context_one() -> None:
    info = question_info(BAD_DATA, "behavioral", role="director", question_id="data-quality-crisis")
    measured = [s for s in info.signals if signals.MEASURED.search(s)]
    assert len(measured) == 1  # "Gives a before-and-after number ..."
    context_only = "We had 40 feeds and 12 engineers. I added schema checks to every feed and it went well."
    hits = _hits("director", "data-quality-crisis", context_only)
    assert not hits[measured[0]].covered


def test_everyday_words_are_never_distinctive() -> None:
    real = question_info(BAD_DATA, "behavioral", role="director", question_id="data-quality-crisis")
    everyone = (*real.signals, *(x for group in real.other_signals for x in group))
    words = signals.distinctive(real.signals, everyone)
    assert not any({"team", "data", "number"} & w for w in words)
    assert {"schema", "contra"} <= words[0]


def _unit(sim: float) -> tuple[np.ndarray, np.ndarray]:
    """A sentence vector and a signal vector whose cosine is `sim`."""
    return np.array([[sim, (1 - sim * sim) ** 0.5]], dtype=np.float32), np.array([[1.0, 0.0]], dtype=np.float32)


def test_how_close_a_sentence_must_be_depends_on_the_signal_words_it_uses() -> None:
    signal = ("Names the check added, such as schema checks or a data contract",)
    pool = (*signal, *(f"Says something else entirely number {n}" for n in range(40)))
    two = sentences("Every feed now has a contract with schema checks.")
    one = sentences("Every feed now has a schema.")
    none = sentences("Every feed now has an owner.")

    def covered(sents: list, sim: float) -> bool:
        vecs, sig = _unit(sim)
        return signals.check(signal, sents, vecs, sig, pool)[0].covered

    assert covered(two, 0.20) and not covered(one, 0.20)  # two distinctive words: a fair similarity is enough
    assert covered(one, 0.30) and not covered(none, 0.30)  # one word needs more; no word, more still
    assert covered(none, 0.45)  # a high similarity stands on its own
