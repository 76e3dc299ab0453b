"""The critic's shipped pack vectors: current with the role packs and the pinned model, and used instead of it."""

from __future__ import annotations

from typing import Any

import numpy as np

from agent.critic.semantic import Semantic
from knowledge.embedding_fixed import example_texts, pack_texts, shipped_vectors, table_texts, text_key
from knowledge.embeddings import embed_matrix, load_embedder, shared_static


def test_every_pack_text_has_a_shipped_vector_equal_to_a_fresh_one() -> None:
    model = load_embedder("minilm")
    shipped = shipped_vectors(model)
    texts = list(pack_texts())
    missing = [t for t in texts if text_key(t) not in shipped]
    assert not missing, f"role packs changed: run python -m knowledge.embedding_fixed ({missing[:2]})"
    sample = texts[:: max(1, len(texts) // 8)]
    fresh = embed_matrix(model, sample)
    stored = np.stack([shipped[text_key(t)] for t in sample])
    assert np.allclose(fresh, stored, atol=1e-4)


def test_every_critic_text_and_signal_example_has_a_shipped_word_vector_equal_to_a_fresh_one() -> None:
    model = shared_static()
    shipped = shipped_vectors(model)
    texts = list(table_texts("wordllama"))
    assert set(pack_texts()) <= set(texts) and len(example_texts()) > 100 and set(example_texts()) <= set(texts)
    missing = [t for t in texts if text_key(t) not in shipped]
    assert not missing, f"packs or signal examples changed: run python -m knowledge.embedding_fixed ({missing[:2]})"
    fresh = embed_matrix(model, texts)
    # Bit for bit on the machine that wrote the table; another CPU's float sums may differ in the last bit.
    assert np.allclose(fresh, np.stack([shipped[text_key(t)] for t in texts]), rtol=0, atol=1e-6)


def test_a_critique_embeds_the_answer_but_no_pack_text_or_signal_example() -> None:
    from agent.critic import critique_answer
    from knowledge.roles import load_role

    counting = Counting(shared_static())
    question = load_role("engineering-manager").questions[0]
    answer = ("Our two squads kept missing dates, so I merged their planning into one weekly review. "
              "I owned the new board myself and within a quarter we hit eleven of twelve commitments.")  # fmt: skip
    critique_answer(question.text, question.type, answer, role="engineering-manager", question_id=question.id,
                    sem=Semantic(counting))  # fmt: skip
    assert counting.texts  # the answer's sentences (and words) were embedded
    assert not set(counting.texts) & set(table_texts("wordllama"))


class Counting:
    """The real MiniLM (or another real embedder), counting the texts it is asked to embed."""

    def __init__(self, model: Any = None) -> None:
        self.model = model or load_embedder("minilm")
        self.name, self.model_hash, self.notice = self.model.name, self.model.model_hash, None  # type: ignore[attr-defined]
        self.dimension = self.model.dimension  # type: ignore[attr-defined]
        self.texts: list[str] = []

    def embed_array(self, texts: list[str]) -> Any:
        self.texts.extend(texts)
        return self.model.embed_array(texts)  # type: ignore[attr-defined]

    def embed_documents(self, texts: list[str]) -> Any:
        return self.embed_array(texts).tolist()

    def embed_query(self, text: str) -> Any:
        return self.embed_array([text])[0].tolist()


def test_pack_texts_are_not_embedded_and_others_are() -> None:
    counting = Counting()
    sem = Semantic(counting)
    pack = list(pack_texts())[:40]
    vectors = sem.fixed(pack)
    assert vectors is not None and vectors.shape == (40, 384)
    assert counting.texts == []  # all shipped
    custom = "How would you staff a brand new team of robot gardeners?"
    sem.fixed([pack[0], custom])
    assert counting.texts == [custom]  # a text outside the bundled packs is embedded, once
    sem.fixed([custom])
    assert counting.texts == [custom]


def test_another_model_gets_no_shipped_vectors() -> None:
    class Other:
        name = "minilm"
        model_hash = "0" * 64

    assert shipped_vectors(Other()) == {}  # type: ignore[arg-type]


def test_a_follow_up_embedded_ahead_is_not_embedded_again() -> None:
    counting = Counting()
    sem = Semantic(counting)
    text = "What did you change in how the teams plan their quarter afterwards?"
    sem.ahead_later([text])
    from agent.critic.semantic import _LATER

    _LATER.submit(lambda: None).result()  # the background run is done
    assert counting.texts == [text]
    sem.vectors([text])
    assert counting.texts == [text]


def test_a_pack_question_is_searched_without_embedding_it(tmp_path: Any) -> None:
    from knowledge.index import StoryIndex
    from knowledge.index_fusion import strip_boilerplate
    from knowledge.models import Story
    from knowledge.roles import load_role

    counting = Counting()
    story = Story(id="s", title="Moving the ledger", text="I moved the ledger to a new database in six weeks.",
                  source="n.md", format="prose")  # fmt: skip
    index = StoryIndex.open([story], index_dir=tmp_path, embedder=counting)  # type: ignore[arg-type]
    counting.texts.clear()
    question = load_role("director").questions[0].text
    hits = index.search(question, k=1)
    assert hits and hits[0].similarity is not None  # dense retrieval ran
    assert counting.texts == []  # with the shipped vector of the question as searched
    index._shipped = {}  # the same search with the question embedded now: the same similarity
    again = index.search(question, k=1)
    assert len(counting.texts) == 1 and counting.texts[0] == strip_boilerplate(question)
    assert abs(float(again[0].similarity or 0) - float(hits[0].similarity)) < 1e-4
    index.search("How would you staff a brand new team of robot gardeners?", k=1)
    assert len(counting.texts) == 2  # any other question is embedded as before


def test_a_reply_sent_at_once_waits_for_the_follow_up_embedding_instead_of_repeating_it() -> None:
    import threading

    counting = Counting()
    sem = Semantic(counting)
    gate = threading.Event()
    real = counting.embed_array

    def slow(texts: list[str]) -> Any:
        gate.wait(5)
        return real(texts)

    counting.embed_array = slow  # type: ignore[method-assign]
    text = "Which of those teams pushed back hardest, and what did you give them?"
    sem.ahead_later([text])
    threading.Timer(0.2, gate.set).start()
    vectors = sem.vectors([text])  # arrives while the background embedding is still running
    assert vectors is not None and counting.texts == [text]  # embedded once, by the background run


def test_regenerating_leaves_current_tables_untouched(monkeypatch: Any, tmp_path: Any, capsys: Any) -> None:
    """`python -m knowledge.embedding_fixed` after one table's texts changed rewrites that table only: embedding
    the same texts again would change the last bits of every vector in the other (a diff of a binary file)."""
    import shutil

    import knowledge.embedding_fixed as fixed

    tables = tmp_path / "tables"
    tables.mkdir()
    for name in ("minilm", "wordllama"):
        shutil.copy(fixed.table_path(name), tables / fixed.table_path(name).name)
    before = {p.name: p.read_bytes() for p in tables.iterdir()}
    monkeypatch.setattr(fixed, "DATA", tables)
    assert fixed.main() == 0
    assert {p.name: p.read_bytes() for p in tables.iterdir()} == before
    assert capsys.readouterr().out.count("is up to date") == 2
