"""Ids are stable across re-ingest and unrelated edits; ingestion is fast; competencies are tagged."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from knowledge.competencies import COMPETENCIES, competency_for_question, tag_competencies
from knowledge.ingest import ingest_paths, ingest_text

DOCS = Path(__file__).parent / "fixtures" / "docs"


def ids(path: Path) -> dict[str, str]:
    result = ingest_paths([path])
    return {s.title: s.id for s in result.stories} | {q.text: q.id for q in result.questions}


def test_ids_stable_across_reingest_and_move(tmp_path: Path) -> None:
    first = ids(DOCS / "star-labels.md")
    moved = tmp_path / "elsewhere" / "star-labels.md"
    moved.parent.mkdir()
    shutil.copy(DOCS / "star-labels.md", moved)
    assert ids(DOCS / "star-labels.md") == first
    assert ids(moved) == first


def test_ids_survive_an_unrelated_edit(tmp_path: Path) -> None:
    path = tmp_path / "star-labels.md"
    original = (DOCS / "star-labels.md").read_text()
    path.write_text(original)
    before = ids(path)
    edited = original.replace("Zero missed invoice runs", "No missed invoice runs at all")
    path.write_text("# A new intro line\n\nSome notes first.\n\n" + edited)
    after = ids(path)
    assert after == before
    renamed = edited.replace("Cutting Model Serving Cost", "Halving the GPU Bill")
    path.write_text(renamed)
    assert ids(path)["Halving the GPU Bill"] != before["Cutting Model Serving Cost"]


def test_repeated_titles_get_distinct_ids() -> None:
    doc = "Q: Tell me about yourself?\nA: Version one of my intro.\n\nQ: Tell me about yourself?\nA: Version two.\n"
    result = ingest_text(doc, "intro.md")
    assert len(result.stories) == 2
    assert result.stories[0].id != result.stories[1].id
    assert len(result.questions) == 1  # the same question is one question


_STORY = """## Story {i}: Untangling release train number {i}

**Situation:**
The mobile release train slipped {i} times last year. Each slip cost about 2 days of QA and a missed marketing date.

**Task:**
Get releases back to a predictable two-week cadence without adding headcount.

**Action:**
1. **Measured first:**
   - Pulled 6 months of release data and found 70% of slips came from late API changes
   - Mapped which teams shipped those changes
2. **Changed the contract:**
   ```yaml
   api_freeze: day 8
   exceptions: on-call approval only
   ```
3. **Made it visible:**
   - Weekly release dashboard shown at the leads meeting

**Result:**
- On-time releases went from 40% to 92% in one quarter
- QA overtime dropped by 30 hours a month

**Trade-offs Accepted:**
- Some features waited one extra train

**Interview Hook:** "I fixed a schedule problem by fixing the contract between teams."

---
"""


def test_two_hundred_stories_ingest_well_under_a_second() -> None:
    doc = "\n".join(_STORY.format(i=i) for i in range(200))  # ~200 KB, shaped like a real story bank
    ingest_text("warm-up", "w.md")  # one-off imports and regex compilation are not per-document cost
    start = time.process_time()  # CPU time: other processes on a busy CI box do not count against us
    result = ingest_text(doc, "bank.md")
    elapsed = time.process_time() - start
    assert len(result.stories) == 200
    assert len({s.id for s in result.stories}) == 200
    assert all(s.result.startswith("- On-time releases") for s in result.stories)
    # A guard against a gross (e.g. quadratic) regression only: ~0.8 s CPU on an idle 2-core box, but CPU time
    # inflates when other jobs share the caches; the speed figure itself is `python -m evals.bench`'s.
    assert elapsed < 3.0, f"{elapsed:.2f} s"


def test_competency_tags_are_ranked_and_from_the_vocabulary() -> None:
    tags = tag_competencies("We had an outage; I led the incident, found the root cause and wrote the postmortem.")
    assert tags[0] == "incident_response"
    assert set(tags) <= set(COMPETENCIES) and len(tags) <= 3
    assert tag_competencies("") == []
    assert tag_competencies("I hired four engineers and mentored two juniors", limit=1) in (["hiring"], ["mentoring"])


def test_competency_for_question_never_empty() -> None:
    assert competency_for_question("Tell me about yourself") == "motivation"
    assert competency_for_question("How do you handle conflict with a peer?") == "conflict_resolution"
    assert competency_for_question("Why Acme?") == "motivation"
    assert competency_for_question("Zzz?") in COMPETENCIES
