"""The story index: cached round trip, rebuilds on damage or mismatch, incremental re-embedding, fusion, no pickle."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from langchain_core.embeddings import Embeddings

from knowledge.embedding_hashing import HashingEmbeddings
from knowledge.index import StoryIndex, default_index_dir
from knowledge.index_fusion import COMPETENCY_BOOST
from knowledge.index_views import hub_probes, story_views
from knowledge.models import Story


def story(title: str, text: str, competencies: tuple[str, ...] = (), sid: str | None = None) -> Story:
    return Story(
        id=sid or "story-" + title.lower().replace(" ", "-"),
        title=title,
        text=text,
        competencies=list(competencies),
        source="bank.md",
    )


BANK = [
    story(
        "Checkout outage",
        "The payment service fell over on launch night; I led the incident call and rolled back "
        "the release within 20 minutes.",
        ("incident_response",),
    ),
    story(
        "Warehouse migration",
        "I moved 300 nightly jobs from the old warehouse to the lakehouse over two quarters "
        "without missing a finance close.",
        ("data_platform",),
    ),
    story(
        "Hiring loop redesign",
        "Our interview loop rejected good engineers; I rewrote the rubric and trained "
        "interviewers, offer acceptance rose from 40% to 70%.",
        ("hiring",),
    ),
    story(
        "Peer conflict over ownership",
        "The analytics lead and I disagreed about who owned the metrics layer; "
        "we wrote a shared charter and agreed on a review cadence.",
        ("conflict_resolution",),
    ),
    story(
        "Cassandra compaction storm",
        "Read latency spiked because Cassandra compaction starved the disks; I "
        "throttled compaction and moved to leveled strategy.",
        ("technical_judgment",),
    ),
    story(
        "Mentoring a new lead",
        "I coached a first-time tech lead through delegation and weekly one-on-ones until she ran planning alone.",
        ("mentoring",),
    ),
]


def views(stories: list[Story]) -> int:
    """How many texts the index embeds as documents for these stories (several views each)."""
    return sum(len(story_views(s)) for s in stories)


class CountingEmbedder(Embeddings):
    """The hashing embedder behind LangChain's plain API, counting every text it embeds."""

    name = "counting"

    def __init__(self, dimension: int = 256) -> None:
        self._inner = HashingEmbeddings(dimension=dimension)
        self.dimension = dimension
        self.model_hash = f"counting-{dimension}"
        self.embedded: list[str] = []

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        self.embedded.extend(texts)
        return self._inner.embed_documents(texts)

    def embed_query(self, text: str) -> list[float]:
        return self._inner.embed_query(text)


def ids(hits: list) -> list[str]:
    return [h.story.id for h in hits]


def test_round_trip_reuses_vectors_and_gives_same_results(tmp_path: Path) -> None:
    first_embedder = CountingEmbedder()
    first = StoryIndex.open(BANK, index_dir=tmp_path, embedder=first_embedder)
    assert len(first_embedder.embedded) == views(BANK) > len(BANK)
    assert any("index built" in n for n in first.notices)
    query = "tell me about the incident call when the payment service fell over"
    before = [(h.story.id, h.score) for h in first.search(query)]

    again_embedder = CountingEmbedder()
    again = StoryIndex.open(BANK, index_dir=tmp_path, embedder=again_embedder)
    assert again_embedder.embedded == []
    assert again.embedded == 0
    assert again.notices == []
    assert [(h.story.id, h.score) for h in again.search(query)] == before
    assert before[0][0] == "story-checkout-outage"


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda d: (d / "vectors.faiss").write_bytes((d / "vectors.faiss").read_bytes()[:40]), "faiss"),
        (lambda d: (d / "docstore.json").write_text("{not json", encoding="utf-8"), "docstore"),
        (lambda d: (d / "manifest.json").write_text("[]", encoding="utf-8"), "manifest"),
        (lambda d: (d / "vectors.faiss").unlink(), "faiss"),
    ],
    ids=["truncated-faiss", "bad-json-docstore", "bad-manifest", "missing-faiss"],
)
def test_damaged_index_is_rebuilt_with_a_notice(tmp_path: Path, damage, reason: str) -> None:
    StoryIndex.open(BANK, index_dir=tmp_path, embedder=CountingEmbedder())
    damage(tmp_path)
    embedder = CountingEmbedder()
    index = StoryIndex.open(BANK, index_dir=tmp_path, embedder=embedder)
    [notice] = index.notices
    assert notice.startswith("index rebuilt: ") and reason in notice and "\n" not in notice
    assert len(embedder.embedded) == views(BANK)
    assert ids(index.search("Cassandra compaction", k=1)) == ["story-cassandra-compaction-storm"]
    # The rebuilt files are valid again: the next open reuses them silently.
    third = CountingEmbedder()
    assert StoryIndex.open(BANK, index_dir=tmp_path, embedder=third).notices == [] and third.embedded == []


def test_index_from_another_embedder_is_rebuilt(tmp_path: Path) -> None:
    StoryIndex.open(BANK, index_dir=tmp_path, embedder=CountingEmbedder(dimension=256))
    other = CountingEmbedder(dimension=128)
    index = StoryIndex.open(BANK, index_dir=tmp_path, embedder=other)
    assert any(n.startswith("index rebuilt: dimension changed") for n in index.notices)
    assert len(other.embedded) == views(BANK)
    manifest = json.loads((tmp_path / "manifest.json").read_text())
    assert manifest["dimension"] == 128 and manifest["embedder"] == "counting"

    renamed = StoryIndex.open(BANK, index_dir=tmp_path, embedder=HashingEmbeddings(dimension=128))
    assert any("embedder changed" in n for n in renamed.notices)


def test_only_changed_and_new_stories_are_embedded(tmp_path: Path) -> None:
    StoryIndex.open(BANK, index_dir=tmp_path, embedder=CountingEmbedder())
    edited = BANK[1].model_copy(update={"text": BANK[1].text + " The cutover saved $2M a year."})
    extra = story("Vendor choice", "I picked a managed vector database over building our own.")
    bank = [BANK[0], edited, *BANK[3:], extra]  # BANK[2] removed

    embedder = CountingEmbedder()
    index = StoryIndex.open(bank, index_dir=tmp_path, embedder=embedder)
    # The edited story's unchanged views (its title) keep their vectors; the new story gets all of its views.
    changed = {v.text for v in story_views(edited)} - {v.text for v in story_views(BANK[1])}
    assert len(embedder.embedded) == len(changed) + views([extra])
    assert any("saved $2M" in text for text in embedder.embedded)
    assert any(text.startswith("Vendor choice") for text in embedder.embedded)
    assert index.embedded == len(embedder.embedded)
    assert "story-hiring-loop-redesign" not in ids(index.search("hiring loop rubric interviewers", k=len(bank)))
    # Metadata-only edits (competency tags) keep the vector but are saved.
    retagged = [s.model_copy(update={"competencies": ["execution"]}) for s in bank]
    counting = CountingEmbedder()
    StoryIndex.open(retagged, index_dir=tmp_path, embedder=counting)
    assert counting.embedded == []
    stored = json.loads((tmp_path / "docstore.json").read_text())
    active = [entry for entry in stored["stories"] if entry["active"] and entry["role"] == "view"]
    assert list(dict.fromkeys(entry["id"] for entry in active)) == [s.id for s in bank]
    dumps = [entry["story"] for entry in active if entry["story"]]  # one Story dump per story, on its first view
    assert len(dumps) == len(bank) and all(d["competencies"] == ["execution"] for d in dumps)


def test_switching_between_story_banks_reuses_cached_vectors(tmp_path: Path) -> None:
    mine, samples = BANK[:3], BANK[3:]
    StoryIndex.open(mine, index_dir=tmp_path, embedder=CountingEmbedder())
    StoryIndex.open(samples, index_dir=tmp_path, embedder=CountingEmbedder())
    back = CountingEmbedder()
    index = StoryIndex.open(mine, index_dir=tmp_path, embedder=back)
    assert back.embedded == [] and index.notices == []
    assert [s.id for s in index.stories] == [s.id for s in mine]
    # Stories of the other bank are cached, never returned.
    assert "story-cassandra-compaction-storm" not in ids(index.search("Cassandra compaction", k=10))
    assert json.loads((tmp_path / "manifest.json").read_text())["count"] == 3


def test_exact_keyword_story_wins(tmp_path: Path) -> None:
    index = StoryIndex.open(BANK, index_dir=tmp_path, embedder="hashing")
    hits = index.search("Have you ever tuned Cassandra?", k=3)
    assert hits[0].story.id == "story-cassandra-compaction-storm"
    assert hits[0].bm25_rank == 1
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_competency_boost_breaks_a_near_tie(tmp_path: Path) -> None:
    twins = [
        story("Cloud bill review", "I cut the cloud bill by moving batch jobs to spot instances.", ("execution",)),
        story("Cloud spend cleanup", "I cut cloud spend by moving batch jobs to spot capacity.", ("cost_efficiency",)),
        *BANK,
    ]
    index = StoryIndex.open(twins, index_dir=tmp_path, embedder="hashing")
    query = "how did you cut cloud costs for batch jobs"
    plain = index.search(query, k=2)
    assert {h.story.title for h in plain} == {"Cloud bill review", "Cloud spend cleanup"}
    loser = plain[1].story
    boosted = index.search(query, k=2, competency=loser.competencies[0].replace("_", " ").title())
    assert boosted[0].story.id == loser.id
    assert boosted[0].score == pytest.approx(plain[1].score + COMPETENCY_BOOST, abs=1e-5)
    # A tag alone is not a match: an unrelated query does not surface the tagged story.
    assert "story-mentoring-a-new-lead" not in ids(
        StoryIndex.open(twins, index_dir=tmp_path / "lex", embedder="bm25").search("Cassandra", competency="mentoring")
    )


def test_index_never_writes_pickle(tmp_path: Path) -> None:
    StoryIndex.open(BANK, index_dir=tmp_path, embedder="hashing").search("incident")
    files = sorted(p for p in tmp_path.rglob("*") if p.is_file())
    assert {p.name for p in files} == {"vectors.faiss", "docstore.json", "manifest.json"}
    for path in files:
        assert not path.read_bytes().startswith(b"\x80"), f"{path.name} looks like a pickle"
    json.loads((tmp_path / "docstore.json").read_text())  # the docstore is plain JSON


def test_default_index_dir_is_per_embedder_in_the_data_dir(isolated_data_dir: Path) -> None:
    index = StoryIndex.open(BANK, embedder="hashing")
    assert index.index_dir == default_index_dir(HashingEmbeddings())
    assert index.index_dir is not None and index.index_dir.parent == isolated_data_dir / "index"
    assert index.index_dir.name.startswith("hashing-")
    assert default_index_dir(HashingEmbeddings(dimension=64)) != index.index_dir


def test_bm25_only_index_and_edge_cases(tmp_path: Path) -> None:
    lexical = StoryIndex.open(BANK, embedder="bm25")
    assert lexical.embedder_name == "bm25"
    assert ids(lexical.search("warehouse lakehouse jobs", k=1)) == ["story-warehouse-migration"]
    assert lexical.search("   ") == []
    assert lexical.search("zebra quokka") == []
    empty = StoryIndex.open([], index_dir=tmp_path, embedder="hashing")
    assert empty.search("anything") == []
    dup = StoryIndex.open([BANK[0], BANK[0]], index_dir=tmp_path / "dup", embedder="hashing")
    assert len(dup.stories) == 1 and any("duplicate" in n for n in dup.notices)


def test_vectors_are_normalised_inner_product(tmp_path: Path) -> None:
    index = StoryIndex.open(BANK, index_dir=tmp_path, embedder="hashing")
    import faiss

    flat = faiss.read_index(str(tmp_path / "vectors.faiss"))
    assert flat.metric_type == faiss.METRIC_INNER_PRODUCT and flat.ntotal == views(BANK) + len(hub_probes())
    norms = np.linalg.norm(flat.reconstruct_n(0, flat.ntotal), axis=1)
    assert np.allclose(norms, 1.0, atol=1e-5)
    assert index.search("incident", k=1)[0].dense_rank is not None


def test_cache_of_dropped_stories_is_bounded(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from knowledge import index_store

    monkeypatch.setattr(index_store, "RETAIN_INACTIVE", 2)
    StoryIndex.open(BANK, index_dir=tmp_path, embedder="hashing")
    StoryIndex.open(BANK[:1], index_dir=tmp_path, embedder="hashing")
    entries = json.loads((tmp_path / "docstore.json").read_text())["stories"]
    active = [e for e in entries if e["active"]]
    assert {e["id"] for e in active if e["role"] == "view"} == {BANK[0].id}
    assert sum(1 for e in active if e["role"] == "probe") == len(hub_probes())
    dropped = [e for e in entries if not e["active"]]
    assert [e["id"] for e in dropped] == [BANK[1].id, BANK[1].id]  # the most recently dropped views, capped at 2
    assert all(e["story"] == {} for e in dropped)  # dropped stories keep only their vectors


def test_files_from_two_different_saves_are_not_mixed(tmp_path: Path) -> None:
    other = [s.model_copy(update={"text": s.text + " (edited)"}) for s in BANK]
    StoryIndex.open(BANK, index_dir=tmp_path / "a", embedder=CountingEmbedder())
    StoryIndex.open(other, index_dir=tmp_path / "b", embedder=CountingEmbedder())
    # Same story count, so only the manifest checksums can tell the docstore belongs to another save.
    (tmp_path / "a" / "docstore.json").write_bytes((tmp_path / "b" / "docstore.json").read_bytes())
    embedder = CountingEmbedder()
    index = StoryIndex.open(BANK, index_dir=tmp_path / "a", embedder=embedder)
    assert [n.split(" (")[0] for n in index.notices] == ["index rebuilt: docstore.json does not match the manifest"]
    assert len(embedder.embedded) == views(BANK)
