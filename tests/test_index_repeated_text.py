"""A line written the same way in several stories is embedded once: same text, same vector, less work per build.

Story banks repeat themselves (a standard framing sentence under every story, the same task line pasted into
several notes); each distinct text costs one pass through the embedding model, not one per copy. The embedder is
wrapped at the model boundary so the test sees exactly which texts the model was sent.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from knowledge.embedding_hashing import HashingEmbeddings
from knowledge.index import StoryIndex
from knowledge.ingest import ingest_paths

SHARED_TASK = "I was asked to turn the effort around within three weeks without pausing feature work."


class RecordingEmbeddings(HashingEmbeddings):
    """The offline hashing embedder, remembering every text it was asked to embed."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[str] = []

    def embed_array(self, texts: list[str]) -> np.ndarray:
        self.sent += texts
        return super().embed_array(texts)


def _bank(folder: Path) -> Path:
    folder.mkdir()
    topics = [("The billing export that ran late", "moved the export to an incremental load"),
              ("A vendor we did not buy", "showed both slips came from one late feed"),
              ("Paging that burned people out", "cut the alerts that nobody acted on")]
    body = []
    for title, action in topics:
        body += [f"## {title}", "", "**Situation:** The team had missed its date twice that quarter.", "",
                 f"**Task:** {SHARED_TASK}", "", f"**Action:** I {action} and wrote down why.", "",
                 "**Result:** The date held and nothing slipped in the next two quarters.", ""]
    path = folder / "stories.md"
    path.write_text("\n".join(body), encoding="utf-8")
    return folder


def test_a_repeated_line_is_embedded_once_and_every_story_keeps_its_vector(tmp_path: Path) -> None:
    stories = ingest_paths([_bank(tmp_path / "notes")]).stories
    assert len(stories) == 3
    model = RecordingEmbeddings()
    index = StoryIndex.open(stories, index_dir=tmp_path / "index", embedder=model)
    counts = Counter(model.sent)
    assert counts and max(counts.values()) == 1, [t for t, n in counts.items() if n > 1]
    assert any(SHARED_TASK in text for text in counts)
    hits = index.search("Tell me about an export job that kept running late", k=3)
    assert hits and hits[0].story.title == "The billing export that ran late"
    # a fresh process reading the saved index finds every story's vectors (none lost to the sharing)
    again = RecordingEmbeddings()
    reopened = StoryIndex.open(stories, index_dir=tmp_path / "index", embedder=again)
    assert again.sent == []
    assert reopened.search("Tell me about an export job that kept running late", k=1)[0].story.title == (
        "The billing export that ran late"
    )
