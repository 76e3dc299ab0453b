"""The bundled sample story bank and its retrieval labels: complete, consistent, and readable by ingest."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
import yaml

from knowledge.paths import samples_dir
from knowledge.roles import COMPETENCIES

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "evals" / "retrieval.yaml"
DOCS = ["more-stories.md", "qa-prep.md", "story-bank.md"]
CANDIDATE_QUESTIONS = [
    "How do you decide what the AI platform team builds versus what product teams build themselves?",
    "What does the evaluation process for an LLM feature look like today before it reaches customers?",
    "Where did the last director in this seat struggle, and what would you want done differently?",
    "How is infrastructure cost reported to engineering leaders, and who owns the budget?",
]


def _labels() -> list[dict[str, Any]]:
    items = yaml.safe_load(LABELS.read_text(encoding="utf-8"))
    assert isinstance(items, list)
    return items


def _titles() -> set[str]:
    return {title for item in _labels() for title in item["relevant"]}


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def test_sample_folder_holds_the_documents_and_says_it_is_fictional() -> None:
    files = sorted(p.name for p in samples_dir().iterdir() if p.is_file())
    assert files == ["README.md", *DOCS]
    assert "fictional" in (samples_dir() / "README.md").read_text(encoding="utf-8").lower()


def test_retrieval_labels_are_well_formed() -> None:
    items = _labels()
    assert len(items) >= 32
    for item in items:
        assert set(item) == {"question", "competency", "relevant"}, item
        assert item["question"].rstrip().endswith(("?", ".")), item["question"]
        assert item["competency"] in COMPETENCIES, item
        assert item["relevant"] and len(item["relevant"]) == len(set(item["relevant"]))
    questions = [_norm(i["question"]) for i in items]
    assert len(questions) == len(set(questions)), "no duplicate questions"


def test_every_story_is_the_main_target_of_two_or_three_questions() -> None:
    primary = Counter(item["relevant"][0] for item in _labels())
    assert set(primary) == _titles(), "every labelled story is some question's best match"
    assert all(2 <= n <= 3 for n in primary.values()), primary
    assert len(primary) >= 12


def test_label_questions_do_not_copy_story_titles() -> None:
    """Retrieval must work on meaning; a question that repeats its target's title would make the eval trivial."""
    for item in _labels():
        for title in item["relevant"]:
            assert _norm(title).rstrip("?.") not in _norm(item["question"]), item["question"]


def test_every_labelled_title_is_written_in_a_sample_document() -> None:
    text = _norm(" ".join((samples_dir() / name).read_text(encoding="utf-8") for name in DOCS))
    missing = [t for t in sorted(_titles()) if _norm(t) not in text]
    assert not missing


def test_candidate_questions_are_at_the_end_of_the_qa_prep() -> None:
    text = (samples_dir() / "qa-prep.md").read_text(encoding="utf-8")
    tail = text.split("## Questions to ask them", 1)[1]
    assert all(q in tail for q in CANDIDATE_QUESTIONS)


# --- through knowledge.ingest (written by another helper) -------------------------------------------


@pytest.fixture(scope="module")
def ingested() -> Any:
    from knowledge.ingest import ingest_paths

    return ingest_paths([samples_dir()])


def test_ingest_finds_every_sample_story_by_its_labelled_title(ingested: Any) -> None:
    titles = [s.title for s in ingested.stories]
    assert len(titles) >= 12
    assert len(titles) == len(set(titles))
    assert _titles() <= set(titles), sorted(_titles() - set(titles))


def test_stories_come_from_all_three_documents_with_their_lines(ingested: Any) -> None:
    sources = Counter(Path(s.source).name for s in ingested.stories)
    assert sources == {"story-bank.md": 7, "qa-prep.md": 5, "more-stories.md": 3}
    for story in ingested.stories:
        lines = (samples_dir() / Path(story.source).name).read_text(encoding="utf-8").splitlines()
        assert _norm(story.title)[:20] in _norm(lines[story.line - 1]), story.title


def test_star_labels_are_split_into_parts(ingested: Any) -> None:
    outage = next(s for s in ingested.stories if s.title.startswith("Feature Store Outage"))
    assert "hot partition" not in outage.situation and "hot partition" in outage.action
    assert "47 minutes" in outage.result


def test_candidate_questions_are_kept_apart_from_the_question_bank(ingested: Any) -> None:
    asked = {_norm(q.text) for q in ingested.candidate_questions}
    assert {_norm(q) for q in CANDIDATE_QUESTIONS} <= asked
    bank = {_norm(q.text) for q in ingested.questions}
    bank |= {_norm(s.question) for s in ingested.stories if s.question}
    assert not asked & bank


def test_reingesting_keeps_story_ids(ingested: Any) -> None:
    from knowledge.ingest import ingest_paths

    again = ingest_paths([samples_dir()])
    assert [s.id for s in again.stories] == [s.id for s in ingested.stories]
