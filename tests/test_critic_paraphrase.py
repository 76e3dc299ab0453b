"""Signals said in the answer's own words (agent/critic/paraphrase.py), as the candidate meets them: a strong story
that shows the question's signals without the signal strings' words is on topic and scores high, while one signal
matched that way is not enough to keep a story about something else on topic.

Every answer here is written for this file.
"""

from __future__ import annotations

import numpy as np

from agent.critic import critique_answer, paraphrase
from agent.critic.relevance import RelevanceResult, shows_none
from agent.critic.signals import SignalHit

CULTURE = "Describe a change to engineering culture or practice you drove across teams you did not directly manage."
CULTURE_STORY = (
    "I wanted every data team in our division, none of which reported to me, to publish a written contract for each "
    "table other teams read. Instead of a mandate I convinced one willing team to try it for a quarter and helped "
    "their lead write the first contracts. When that team could point to two broken dashboards it had prevented, I "
    "asked their lead to present the results at the engineering forum. The manager of the analytics group refused, "
    "calling it bureaucracy, so I met her privately, heard that her worry was slower releases, and we agreed "
    "contracts would be reviewed within one day. A year later fourteen of our sixteen data teams publish contracts, "
    "including hers."
)


def test_a_strong_story_in_its_own_words_is_on_topic_and_scores_high() -> None:
    c = critique_answer(CULTURE, "leadership", CULTURE_STORY, role="director")
    assert c.relevance == "on_topic"  # main called it off topic: no signal string's words, so no signal shown
    assert c.score >= 4
    assert len(c.signals.covered) >= 2


def test_a_signal_counts_only_near_the_top_of_the_pack_for_its_sentence() -> None:
    # Two sentences, four pack signals: the asked signal (column 0) scores 0.5 in both, but in the first sentence
    # three other signals score higher, so only the second sentence shows it in its own words.
    table = np.array([[0.5, 0.6, 0.7, 0.8], [0.5, 0.1, 0.2, 0.3]], dtype=np.float32)
    assert paraphrase.shown_by(table, 0) == 1
    assert paraphrase.shown_by(np.array([[paraphrase.PARAPHRASE - 0.01, 0.0]], dtype=np.float32), 0) is None


def test_one_signal_matched_in_other_words_does_not_keep_another_story_on_topic() -> None:
    rel = RelevanceResult("on_topic", 0.2, 0.3, 0, ahead=2, word_share=0.3)
    plain = [SignalHit(f"signal {k}", False, None) for k in range(3)]
    one = [SignalHit("signal 0", True, None, paraphrased=True), *plain[1:]]
    two = [SignalHit("signal 0", True, None, paraphrased=True), SignalHit("signal 1", True, None, paraphrased=True),
           plain[2]]  # fmt: skip
    assert shows_none(rel, plain, "behavioral")
    assert shows_none(rel, one, "behavioral")
    assert not shows_none(rel, two, "behavioral")
