"""A polished story from a neighbouring subject that shows nothing of the question asked, not even in its own words,
and tells two of another question's signals in its own words by two sentences is that question's answer: off topic,
capped at 2, with another question named (agent/critic/features.py _told_as_rival). The three labelled answers it
turned off topic when it came in (tuned set, critic_dev2, critic_dev7; static meaning put the asked question first
for two of them) are judged here as `python -m evals.calibrate` judges an item without notes. paraphrase.shown_in
gives the same verdicts as comparing every pair of signals did."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from agent.critic import critique_answer, paraphrase
from agent.critic.question import question_info
from evals.labels import load_labeled

EVALS = Path(__file__).resolve().parent.parent / "evals"
CAUGHT = (("labeled", "tuned-engineering-manager-001"), ("critic_dev2", "dev2-engineering-manager-006"),
          ("critic_dev7", "dev7-director-001"))  # fmt: skip


@pytest.mark.parametrize(("folder", "item_id"), CAUGHT)
def test_a_neighbouring_story_told_in_another_questions_signals_is_off_topic(folder: str, item_id: str) -> None:
    item = next(i for i in load_labeled(directory=EVALS / folder) if i.id == item_id)
    assert item.labels.relevance == "off_topic" and not item.candidate_notes
    info = question_info(item.question, item.question_type, None, item.role, None, item.question_id)
    c = critique_answer(item.question, item.question_type, item.answer, (), info=info)
    assert c.relevance == "off_topic", c.relevance_note
    assert c.score <= 2 and c.primary_gap == "relevance"
    assert not c.signals.covered


def test_own_words_verdicts_match_the_pairwise_count() -> None:
    rng = np.random.default_rng(7)
    for n in range(200):
        table = rng.random((int(rng.integers(1, 14)), int(rng.integers(1, 40)))) * 0.6
        if n % 3 == 0:
            table = np.round(table, 1)  # ties
        above = (table[:, None, :] > table[:, :, None]).sum(axis=2)
        expected = (table >= paraphrase.PARAPHRASE) & (above < paraphrase.RANK)
        assert (paraphrase.shown_in(table) == expected).all()
        assert (paraphrase.shown_any(table) == expected.any(axis=0)).all()
