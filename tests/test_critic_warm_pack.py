"""The critic's per-pack work is done when a session starts, not on the candidate's first answers: after the warm-up,
answering any question of the pack builds no new word table and embeds none of the pack's signal words, and the
judgments are the same as without the warm-up. Single words are embedded exactly as the mean of their tokens' rows.
The answers are written for this file; the role pack is the bundled one."""

from __future__ import annotations

from collections import OrderedDict

import numpy as np
import pytest

from agent.context import Context
from agent.critic import critique_answer, lexical, paraphrase
from agent.critic.question import question_info
from agent.critic.semantic import semantic
from agent.nodes.critique import warm_up
from knowledge.embeddings import shared_static
from knowledge.roles import load_role

ROLE = "engineering-manager"
ANSWER = (
    "Last spring our release train kept slipping because the mobile and backend engineers planned separately. I "
    "moved both groups onto one weekly planning meeting, wrote down who decides what, and asked each lead to flag "
    "blocked work by Wednesday. Within two months we shipped on the planned date four releases in a row."
)


def test_after_warm_up_no_question_of_the_pack_builds_a_word_table() -> None:
    warm_up(Context(role=ROLE, questions=3, follow_ups=1, seed=1, offline=True))
    pack = load_role(ROLE)
    tables = lexical._pack_weights.cache_info().misses
    vocabulary = paraphrase._table.cache_info().misses
    scores = []
    for q in pack.questions:
        info = question_info(q.text, q.type, q.competency, ROLE, None, q.id)
        scores.append(critique_answer(q.text, q.type, ANSWER, info=info).score)
    assert lexical._pack_weights.cache_info().misses == tables
    assert paraphrase._table.cache_info().misses == vocabulary
    assert len(scores) == len(pack.questions) and all(1 <= s <= 5 for s in scores)


def test_a_pack_table_gives_each_question_the_same_fit_whatever_is_asked() -> None:
    pack = load_role(ROLE)
    first, second = (question_info(q.text, q.type, q.competency, ROLE, None, q.id) for q in pack.questions[:2])
    own_first, others_first = lexical.fits(first, ANSWER)
    own_second, others_second = lexical.fits(second, ANSWER)
    assert own_second == others_first[0] and own_first == others_second[0]


def test_single_words_embed_as_their_token_row() -> None:
    embedder = shared_static()
    texts = ["planning", "release", "a whole sentence about weekly planning meetings", "", "blocked", "wednesday"]
    got = embedder.embed_array(texts)
    table, tokenizer = embedder._load()
    want = np.zeros_like(got)
    for row, enc in enumerate(tokenizer.encode_batch(texts, add_special_tokens=False)):
        if enc.ids:
            want[row] = table[enc.ids].mean(axis=0)  # every row the mean of its tokens' rows, as before
    want = want / np.clip(np.linalg.norm(want, axis=1, keepdims=True), 1e-12, None)
    assert np.array_equal(got, want)
    assert semantic().available


def test_warm_up_takes_in_the_packs_signal_examples(monkeypatch: pytest.MonkeyPatch) -> None:
    """A service's first answers of many sessions met the pack's ~110 signal examples at once; the warm-up of a
    session takes them in beforehand (from the shipped table), as it does the pack's questions and signals."""
    from agent.critic import examples
    from agent.nodes import critique as node

    sem = semantic()
    monkeypatch.setattr(node, "_WARM_PACKS", set())  # this pack not warmed yet in this process
    monkeypatch.setattr(examples, "_TABLE", None)  # the examples files not read yet
    monkeypatch.setattr(sem, "_cache", {})  # nothing embedded yet
    monkeypatch.setattr(sem, "_stacks", OrderedDict())  # nor stacked
    warm_up(Context(role=ROLE, questions=3, follow_ups=1, seed=1, offline=True))
    q = load_role(ROLE).questions[0]
    info = question_info(q.text, q.type, q.competency, ROLE, None, q.id)
    pool = [*info.signals, *(x for group in info.other_signals for x in group)]
    wanted = [examples.example(s) or s for s in pool]
    assert len(set(wanted) - set(pool)) > 50  # the pack's examples, not its signals
    assert all(text in sem._cache for text in wanted)
