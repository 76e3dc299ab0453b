"""With the candidate's own notes, a figure that contradicts them is said once in the feedback panel and once in
the report (sweep2 D8: shown as "Gap: ..." and again as a story note, word for word). Driven as a user meets it:
a scripted session over a real notes folder whose story says other figures than the answer."""

from __future__ import annotations

from pathlib import Path

from tests.test_early_answer_durable import _run

STORY = """## Story 1: Platform reorganisation

**Situation:** Forty engineers sat in one team with unclear ownership, and delivery was slow.
**Task:** I was asked to reshape the platform group.
**Action:** I split it into three stream-aligned teams and hired two managers.
**Result:** Lead time fell from 19 days to 8 within two quarters.
"""
ANSWER = ("I owned the reorg of 40 engineers into three teams with clear ownership; I hired two managers and lead "
          "time fell from 12 to 4 days.")  # fmt: skip


def test_a_contradiction_with_the_notes_is_said_once(isolated_data_dir: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "stories.md").write_text(STORY, encoding="utf-8")
    done = _run("--role", "director", "--questions", "1", "--follow-ups", "0", "--seed", "5", "--embedder", "hashing",
                "--docs", str(notes), stdin=f"{ANSWER}\n---\n/end\n")  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    said = "from 19 days to 8; you said from 12 to 4 days"
    assert done.stdout.count(said) == 1, done.stdout
    (report,) = (isolated_data_dir / "reports").glob("*.md")
    assert report.read_text(encoding="utf-8").count(said) == 1
