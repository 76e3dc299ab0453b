"""Story layouts real candidates keep, read by what their parts are: posts set apart by a line of facts about them
(named by their hook line), a cheat sheet with one paragraph per story run in after its name in capitals, MkDocs
folds (`??? example "Title"` over indented text), a filled-in question list whose answered items carry the story's
own name, and pitches titled by the "why" they answer.

Each document is written to a real file and read through the real ingester; the notes that are not stories stay
out. Every document and story here was written for this test.
"""

from __future__ import annotations

from pathlib import Path

from knowledge.ingest import ingest_paths
from tests.test_ingest_units import COST, MENTOR, ROLLBACK  # the same three stories, written once

WHY = (
    "I started in QA and spent three years writing tests for a search product. The first time I saw a ranking model "
    "beat the rules I had been testing, I asked to join that team. What holds me here is the evaluation work, turning "
    "fuzzy quality into numbers a team can argue about, and I want to do that where the models are the product."
)


def _stories(path: Path) -> dict[str, str]:
    return {s.title: s.kind for s in ingest_paths([path]).stories}


def test_posts_set_apart_by_a_line_of_facts_are_named_by_their_hook(tmp_path: Path) -> None:
    path = tmp_path / "post drafts.txt"
    path.write_text(
        "POST DRAFTS\nnotes to self: the dated ones went out.\n\n"
        f"--- draft 01 · posted 9 Jan 2025 · 1,204 reactions ---\n\nThe report broke on a Tuesday.\n{ROLLBACK}\n"
        "#incidents #oncall\n\n"
        f"--- draft 02 · not posted ---\n\nSix days for a code review?\n\n{MENTOR}\n\n"
        f"--- draft 03 · posted 3 Oct 2025 · 880 reactions ---\n\nWhy I do ML engineering (a thread) 🧵\n\n{WHY}\n",
        encoding="utf-8",
    )
    assert _stories(path) == {
        "The report broke on a Tuesday.": "story",
        "Six days for a code review?": "story",
        "Why I do ML engineering (a thread) 🧵": "answer",  # the "why" of a pitch, not a story
    }


def test_a_cheat_sheet_with_each_story_run_in_after_its_name(tmp_path: Path) -> None:
    path = tmp_path / "eve of the loop - crib notes.txt"
    tagged = COST.replace("Our cloud bill", "S/ our cloud bill").replace("I tagged", "A/ I tagged")
    path.write_text(
        "CRIB NOTES - skim over coffee\nrule: number first.\n\n"
        "which goes where:\nincident -> REPORT NIGHT\ncost -> SPARE NODES\n\n"
        f"MYSELF, 45s / WHY DATA SCIENCE - {WHY}\n\n"
        f"REPORT NIGHT - (S) {ROLLBACK.replace('I took', '(A) I took')}\n\n"
        f"SPARE NODES - {tagged}\n\n"
        "NOTHING YET FOR - fine-tuning, budgets, a reorg.\n\n"
        "NUMBERS - 8% a month, six days to one, two days\n",
        encoding="utf-8",
    )
    stories = _stories(path)
    assert stories == {"MYSELF, 45s / WHY DATA SCIENCE": "answer", "REPORT NIGHT": "story", "SPARE NODES": "story"}
    texts = {s.title: s.text for s in ingest_paths([path]).stories}
    assert "NUMBERS" not in texts["SPARE NODES"] and "fine-tuning" not in texts["SPARE NODES"]


def test_mkdocs_folds_and_tabs_hold_stories(tmp_path: Path) -> None:
    def indented(text: str, by: int) -> str:
        words, rows, row = text.split(), [], ""
        for word in words:
            if len(row) + len(word) > 90:
                rows.append(row)
                row = ""
            row = f"{row} {word}".strip()
        return "\n".join(" " * by + r for r in [*rows, row])

    path = tmp_path / "story-bank.md"
    path.write_text(
        "---\ntitle: Story bank\n---\n\n# Story bank\n\n"
        '!!! abstract "How to use this page"\n    Open one fold, read it aloud once more, then shut it.\n\n'
        f'## Me\n\n???+ quote "Quick intro, 45s"\n{indented(WHY, 4)}\n\n'
        f'## Stories\n\n??? example ":material-star: The report night"\n    === "Story"\n\n{indented(ROLLBACK, 8)}\n\n'
        '    === "Follow-ups"\n\n        - why not a feature flag?\n\n'
        f'??? example "Spare nodes"\n{indented(COST, 4)}\n\n'
        '!!! warning "Not ready yet"\n    - a reorg\n    - fine-tuning\n',
        encoding="utf-8",
    )
    assert _stories(path) == {"Quick intro, 45s": "answer", "The report night": "story", "Spare nodes": "story"}


def test_a_filled_in_question_list_keeps_each_story_s_own_name(tmp_path: Path) -> None:
    def answer(text: str) -> str:
        return "\n".join("   " + text[i : i + 100] for i in range(0, len(text), 100))

    path = tmp_path / "top questions (filled in).md"
    path.write_text(
        "# Top questions — my answers\n\n## Conflict\n\n"
        f"1. Tell me about a peer you argued with over a design. — **Six-day reviews**\n\n{answer(MENTOR)}\n\n"
        "2. Describe persuading without authority.\n\n3. Describe a clash with your own manager. → **#1**\n\n"
        f"## Failure\n\n4. Walk me through a failure of your own. — **The report night**\n\n{answer(ROLLBACK)}\n\n"
        "5. What would you change next time?\n",
        encoding="utf-8",
    )
    titles = list(_stories(path))
    assert titles == [
        "Tell me about a peer you argued with over a design. — Six-day reviews",
        "Walk me through a failure of your own. — The report night",
    ]


def test_hackmd_spoiler_folds_are_titled_without_their_markup(tmp_path: Path) -> None:
    path = tmp_path / "storybank.hackmd.md"
    path.write_text(
        "# Story bank\n\n**How to use:** each story sits behind a fold; I open only the one I rehearse.\n\n"
        f':::spoiler {{state="open"}} The report night\n{ROLLBACK}\n:::\n\n'
        f":::spoiler Six-day reviews\n{MENTOR}\n:::\n\n:::info\nSay the number first.\n:::\n",
        encoding="utf-8",
    )
    assert list(_stories(path)) == ["The report night", "Six-day reviews"]
